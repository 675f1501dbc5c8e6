import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useToast } from '../../components/Toasts';
import { flushAll } from '../../lib/caseSession';
import { resyncViews, useCoreEvent } from '../../lib/events';
import { useVault } from './vault';
import { vaultErrorText } from './vaultErrors';
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
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useCoreEvent('folder.passphraseChanged', () => setOpen(true));

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      inputRef.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setError(t('live.empty'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api['vault.unlock']({ passphrase });
    setBusy(false);
    if (result.ok && !result.value.locked) {
      setPassphrase('');
      setOpen(false);
      setStatus(result.value);
      // What waited (a save refused while the folder was closed) is saved now, then every view reads again.
      flushAll();
      resyncViews();
      toast({ kind: 'success', message: t('live.unlocked') });
      return;
    }
    setError(result.ok ? t('live.stillLocked') : vaultErrorText(t, 'unlock', result.error));
    inputRef.current?.focus();
    inputRef.current?.select();
  };

  return (
    <dialog ref={dialogRef} className="dialog passphrase-changed" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onCancel={(e) => e.preventDefault()}>
      <form className="dialog-body lock-card" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${id}-title`}>{t('live.passphraseTitle')}</h2>
        <p id={`${id}-text`} className="muted">
          {t('live.passphraseText')}
        </p>
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-pass`} className="field-label">
            {t('live.newPassphrase')}
          </label>
          <input
            ref={inputRef}
            id={`${id}-pass`}
            type="password"
            className="input-passphrase"
            autoComplete="current-password"
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
          {busy ? t('live.unlocking') : t('live.unlock')}
        </button>
      </form>
    </dialog>
  );
}
