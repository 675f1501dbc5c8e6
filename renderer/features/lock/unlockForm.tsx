import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { VaultStatus } from '../../../shared/model';
import { vaultErrorText } from './vaultErrors';

// The passphrase form behind both ways of opening a locked folder: the lock screen (nothing
// else mounted) and the prompt over the page when another device changed the passphrase.
// Each says it in its own words; what happens on submit is the same.

export type UnlockTexts = { empty: string; stillLocked: string; label: string; unlock: string; unlocking: string };

export function useUnlockForm(texts: UnlockTexts, onUnlocked: (status: VaultStatus) => void) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  // After a refusal: type again at once, the old text selected.
  useEffect(() => {
    if (failures === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [failures]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setError(texts.empty);
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
    setError(result.ok ? texts.stillLocked : vaultErrorText(t, 'unlock', result.error));
    setFailures((n) => n + 1);
  };

  return { passphrase, setPassphrase, busy, error, inputRef, submit };
}

type Form = ReturnType<typeof useUnlockForm>;

/** The passphrase field, its error and the Unlock button; `id` prefixes the field's ids. */
export function UnlockFields({ form, texts, id, autoFocus = false }: { form: Form; texts: UnlockTexts; id: string; autoFocus?: boolean }) {
  const { passphrase, setPassphrase, busy, error, inputRef } = form;
  return (
    <>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-pass`} className="field-label">
          {texts.label}
        </label>
        <input
          ref={inputRef}
          id={`${id}-pass`}
          type="password"
          className="input-passphrase"
          autoComplete="current-password"
          autoFocus={autoFocus}
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
        {busy ? texts.unlocking : texts.unlock}
      </button>
    </>
  );
}
