import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../components/Toasts';
import { flushAll } from '../../lib/caseSession';
import { resyncViews, useCoreEvent } from '../../lib/events';
import { useVault } from './vault';
import { UnlockFields, useUnlockForm } from './unlockForm';
import './lock.css';

// Another device changed the folder's passphrase (its vault.json arrived through
// Syncthing): the core closed the folder and writes nothing more. Unlike the lock screen,
// this asks over the open page, so what is typed and not yet saved stays in its case's
// session and is saved once the new passphrase has opened the folder. It cannot be
// dismissed: nothing can be saved until it is answered.

export function PassphraseChangedPrompt() {
  const { t } = useTranslation();
  const toast = useToast();
  const { setStatus } = useVault();
  const [open, setOpen] = useState(false);
  const texts = { empty: t('live.empty'), stillLocked: t('live.stillLocked'), label: t('live.newPassphrase'), unlock: t('live.unlock'), unlocking: t('live.unlocking') };
  const form = useUnlockForm(texts, (status) => {
    setOpen(false);
    setStatus(status);
    // What waited (a save refused while the folder was closed) is saved now, then every view reads again.
    flushAll();
    resyncViews();
    toast({ kind: 'success', message: t('live.unlocked') });
  });
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = form.inputRef;
  const id = useId();

  useCoreEvent('folder.passphraseChanged', () => setOpen(true));

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      inputRef.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open, inputRef]);

  return (
    <dialog ref={dialogRef} className="dialog passphrase-changed" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onCancel={(e) => e.preventDefault()}>
      <form className="dialog-body lock-card" onSubmit={(e) => void form.submit(e)} noValidate>
        <h2 id={`${id}-title`}>{t('live.passphraseTitle')}</h2>
        <p id={`${id}-text`} className="muted">
          {t('live.passphraseText')}
        </p>
        <UnlockFields form={form} texts={texts} id={id} />
      </form>
    </dialog>
  );
}
