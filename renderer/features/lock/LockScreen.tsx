import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../shared/model';
import { UnlockFields, useUnlockForm } from './unlockForm';
import './lock.css';

// Shown alone while the data folder is encrypted and locked: nothing else of the app is
// mounted, so no case data is asked for until the passphrase has opened the folder.

/** `changedElsewhere`: locked because another device changed the passphrase (the new one is asked for). */
export function LockScreen({ onUnlocked, changedElsewhere = false }: { onUnlocked: (status: VaultStatus) => void; changedElsewhere?: boolean }) {
  const { t } = useTranslation();
  const texts = { empty: t('lock.empty'), stillLocked: t('lock.stillLocked'), label: t('lock.passphrase'), unlock: t('lock.unlock'), unlocking: t('lock.unlocking') };
  const form = useUnlockForm(texts, onUnlocked);
  const id = useId();

  useEffect(() => {
    document.title = t('lock.windowTitle');
    return () => {
      document.title = 'Casefile';
    };
  }, [t]);

  return (
    <main className="lock-screen">
      <form className="lock-card" onSubmit={(e) => void form.submit(e)} aria-labelledby={`${id}-title`} noValidate>
        <div className="lock-brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="lock-brand-name">Casefile</span>
        </div>
        <h1 id={`${id}-title`}>{t('lock.title')}</h1>
        <p className="muted">{t('lock.text')}</p>
        {changedElsewhere && <p className="banner banner-warning">{t('live.lockScreenNote')}</p>}
        <UnlockFields form={form} texts={texts} id={id} autoFocus />
        <p className="lock-hint">{t('lock.hint')}</p>
      </form>
    </main>
  );
}
