import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { VaultStatus } from '../../../shared/model';
import { vaultErrorText } from './vaultErrors';
import './lock.css';

// Shown alone while the data folder is encrypted and locked: nothing else of the app is
// mounted, so no case data is asked for until the passphrase has opened the folder.

/** `changedElsewhere`: locked because another device changed the passphrase (the new one is asked for). */
export function LockScreen({ onUnlocked, changedElsewhere = false }: { onUnlocked: (status: VaultStatus) => void; changedElsewhere?: boolean }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  // After a refusal: type again at once, the old text selected.
  useEffect(() => {
    if (failures === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [failures]);

  useEffect(() => {
    document.title = t('lock.windowTitle');
    return () => {
      document.title = 'Casefile';
    };
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setError(t('lock.empty'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api['vault.unlock']({ passphrase });
    setBusy(false);
    if (result.ok && !result.value.locked) {
      setPassphrase('');
      onUnlocked(result.value);
      return;
    }
    setError(result.ok ? t('lock.stillLocked') : vaultErrorText(t, 'unlock', result.error));
    setFailures((n) => n + 1);
  };

  return (
    <main className="lock-screen">
      <form className="lock-card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
        <div className="lock-brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="lock-brand-name">Casefile</span>
        </div>
        <h1 id={`${id}-title`}>{t('lock.title')}</h1>
        <p className="muted">{t('lock.text')}</p>
        {changedElsewhere && <p className="banner banner-warning">{t('live.lockScreenNote')}</p>}
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-pass`} className="field-label">
            {t('lock.passphrase')}
          </label>
          <input
            ref={inputRef}
            id={`${id}-pass`}
            type="password"
            className="input-passphrase"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            readOnly={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="btn btn-primary lock-submit" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('lock.unlocking') : t('lock.unlock')}
        </button>
        <p className="lock-hint">{t('lock.hint')}</p>
      </form>
    </main>
  );
}
