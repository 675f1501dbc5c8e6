import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Result } from '../../../shared/errors';
import type { VaultStatus } from '../../../shared/model';
import { useToast } from '../../components/Toasts';
import { flushAllAndWait } from '../../lib/caseSession';
import { useVault } from './vault';
import { vaultErrorText, type VaultAction } from './vaultErrors';
import './lock.css';

// Settings → Encryption: encrypt a plain folder (strongly recommended), or, once
// encrypted, change the passphrase, choose the idle lock, or decrypt.

/**
 * New passphrases shorter than this are refused here before they are sent; the
 * service enforces the same rule (electron/services/crypto/kdf.ts,
 * MIN_PASSPHRASE_CHARS) for the app and the command line alike, counting
 * characters the same way (code points after NFC).
 */
const MIN_PASSPHRASE = 8;
const passphraseLength = (pass: string) => [...pass.normalize('NFC')].length;
const IDLE_CHOICES = [0, 5, 10, 15, 30, 60] as const;

export function EncryptionSection({ headingRef }: { headingRef?: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const { status } = useVault();
  // The form that was used is gone once the state changes: land on the section's heading.
  const titleRef = useRef<HTMLHeadingElement | null>(null);
  const seen = useRef(status.encrypted);
  useEffect(() => {
    if (seen.current === status.encrypted) return;
    seen.current = status.encrypted;
    titleRef.current?.focus();
  }, [status.encrypted]);
  return (
    <section className="card vault-card" id="settings-encryption" aria-labelledby="settings-encryption-title">
      <h2
        className="card-title"
        id="settings-encryption-title"
        tabIndex={-1}
        ref={(el) => {
          titleRef.current = el;
          if (headingRef) headingRef.current = el;
        }}
      >
        {t('vault.title')}
      </h2>
      <p className={`vault-state ${status.encrypted ? 'is-encrypted' : 'is-plain'}`}>
        <strong>{status.encrypted ? t('vault.stateEncrypted') : t('vault.statePlain')}</strong>
      </p>
      {status.encrypted ? (
        <>
          <p className="muted">{t('vault.encryptedText')}</p>
          <ChangePassphraseForm />
          <IdleLockChoice />
          <DecryptForm />
        </>
      ) : (
        <>
          <div className="banner banner-warning vault-recommend">
            <p className="banner-title">{t('vault.recommendTitle')}</p>
            <p>{t('vault.recommendText')}</p>
          </div>
          <EncryptForm />
        </>
      )}
    </section>
  );
}

// --- parts -------------------------------------------------------------------------

function PassField({
  label,
  value,
  onChange,
  autoComplete,
  disabled,
  error,
  hint,
  inputRef,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  autoComplete: 'current-password' | 'new-password';
  disabled?: boolean;
  error?: string | null;
  hint?: ReactNode;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        className="input-passphrase"
        autoComplete={autoComplete}
        value={value}
        readOnly={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A long operation's state, shown in words while it runs (scrypt and rewriting every file take seconds). */
function Busy({ text }: { text: string | null }) {
  return (
    <div className="vault-busy" role="status" aria-live="polite">
      {text && (
        <>
          <progress className="vault-progress" aria-label={text} />
          <span>{text}</span>
        </>
      )}
    </div>
  );
}

function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="field-error vault-form-error" role="alert">
      {message}
    </p>
  );
}

/** Runs a vault operation: pending edits saved first, the result given to the app, toasts either way. */
function useVaultRun() {
  const toast = useToast();
  const { setStatus } = useVault();
  const { t } = useTranslation();
  return async (action: VaultAction, run: () => Promise<Result<VaultStatus>>, success: string, failure: (message: string) => string): Promise<string | null> => {
    await flushAllAndWait();
    const result = await run();
    if (result.ok) {
      setStatus(result.value);
      toast({ kind: 'success', message: success });
      return null;
    }
    const text = vaultErrorText(t, action, result.error);
    toast({ kind: 'error', message: failure(text) });
    return text;
  };
}

function newPassphraseError(t: TFunction<'translation', undefined>, pass: string): string | null {
  if (pass === '') return t('vault.required');
  if (passphraseLength(pass) < MIN_PASSPHRASE) return t('vault.tooShort', { min: MIN_PASSPHRASE });
  return null;
}

// --- plain folder: encrypt ------------------------------------------------------------

function EncryptForm() {
  const { t } = useTranslation();
  const run = useVaultRun();
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const passError = tried ? newPassphraseError(t, pass) : null;
  const confirmError = tried && !passError && confirm !== pass ? t('vault.mismatch') : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (newPassphraseError(t, pass) || confirm !== pass) return;
    setBusy(true);
    setFailed(null);
    const error = await run('encrypt', () => api['vault.encrypt']({ passphrase: pass }), t('vault.encrypted'), (message) => t('vault.encryptFailed', { message }));
    setBusy(false);
    if (error === null) {
      setPass('');
      setConfirm('');
      setTried(false);
    } else {
      setFailed(error);
      firstRef.current?.focus();
    }
  };

  return (
    <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="vault-encrypt-title">
      <h3 className="vault-form-title" id="vault-encrypt-title">
        {t('vault.encryptTitle')}
      </h3>
      <div className="field-grid">
        <PassField label={t('vault.newPassphrase')} value={pass} onChange={setPass} autoComplete="new-password" disabled={busy} error={passError} hint={t('vault.passphraseHint', { min: MIN_PASSPHRASE })} inputRef={firstRef} />
        <PassField label={t('vault.confirmPassphrase')} value={confirm} onChange={setConfirm} autoComplete="new-password" disabled={busy} error={confirmError} />
      </div>
      <p className="vault-warning">{t('vault.lostWarning')}</p>
      <FormError message={failed} />
      <div className="vault-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('vault.encrypting') : t('vault.encrypt')}
        </button>
        <Busy text={busy ? t('vault.encryptingLong') : null} />
      </div>
    </form>
  );
}

// --- encrypted folder -----------------------------------------------------------------

function ChangePassphraseForm() {
  const { t } = useTranslation();
  const run = useVaultRun();
  const [current, setCurrent] = useState('');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const currentError = tried && current === '' ? t('vault.required') : null;
  const passError = tried ? newPassphraseError(t, pass) : null;
  const confirmError = tried && !passError && confirm !== pass ? t('vault.mismatch') : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (current === '' || newPassphraseError(t, pass) || confirm !== pass) return;
    setBusy(true);
    setFailed(null);
    const error = await run(
      'change',
      () => api['vault.changePassphrase']({ passphrase: current, newPassphrase: pass }),
      t('vault.changed'),
      (message) => t('vault.changeFailed', { message }),
    );
    setBusy(false);
    if (error === null) {
      setCurrent('');
      setPass('');
      setConfirm('');
      setTried(false);
    } else {
      setFailed(error);
      currentRef.current?.focus();
      currentRef.current?.select();
    }
  };

  return (
    <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="vault-change-title">
      <h3 className="vault-form-title" id="vault-change-title">
        {t('vault.changeTitle')}
      </h3>
      <div className="field-grid">
        <PassField label={t('vault.currentPassphrase')} value={current} onChange={setCurrent} autoComplete="current-password" disabled={busy} error={currentError} inputRef={currentRef} />
        <PassField label={t('vault.newPassphrase')} value={pass} onChange={setPass} autoComplete="new-password" disabled={busy} error={passError} hint={t('vault.passphraseHint', { min: MIN_PASSPHRASE })} />
        <PassField label={t('vault.confirmPassphrase')} value={confirm} onChange={setConfirm} autoComplete="new-password" disabled={busy} error={confirmError} />
      </div>
      <p className="vault-warning">{t('vault.lostWarning')}</p>
      <FormError message={failed} />
      <div className="vault-actions">
        <button type="submit" className="btn" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('vault.changing') : t('vault.change')}
        </button>
        <Busy text={busy ? t('vault.changingLong') : null} />
      </div>
    </form>
  );
}

function IdleLockChoice() {
  const { t } = useTranslation();
  const toast = useToast();
  const { status, setStatus } = useVault();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const choices: number[] = IDLE_CHOICES.includes(status.idleLockMinutes as (typeof IDLE_CHOICES)[number])
    ? [...IDLE_CHOICES]
    : [...IDLE_CHOICES, status.idleLockMinutes].sort((a, b) => a - b);

  const choose = async (minutes: number) => {
    setBusy(true);
    const result = await api['vault.setIdleLock']({ minutes });
    setBusy(false);
    if (result.ok) {
      setStatus(result.value);
      toast({ kind: 'success', message: minutes === 0 ? t('vault.idleOff') : t('vault.idleSet', { n: minutes }) });
    } else {
      toast({ kind: 'error', message: t('vault.idleFailed', { message: vaultErrorText(t, 'idle', result.error) }) });
    }
  };

  return (
    <div className="vault-form">
      <h3 className="vault-form-title">{t('vault.idleTitle')}</h3>
      <div className="field vault-idle">
        <label htmlFor={id} className="field-label">
          {t('vault.idleLabel')}
        </label>
        <select id={id} value={status.idleLockMinutes} disabled={busy} aria-describedby={`${id}-hint`} onChange={(e) => void choose(Number(e.target.value))}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? t('vault.idleNever') : t('vault.idleMinutes', { n: m })}
            </option>
          ))}
        </select>
        <p className="field-hint" id={`${id}-hint`}>
          {t('vault.idleHint')}
        </p>
      </div>
    </div>
  );
}

function DecryptForm() {
  const { t } = useTranslation();
  const run = useVaultRun();
  const [current, setCurrent] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const checkId = useId();
  const currentError = tried && current === '' ? t('vault.required') : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (current === '' || !understood) return;
    setBusy(true);
    setFailed(null);
    const error = await run('decrypt', () => api['vault.decrypt']({ passphrase: current }), t('vault.decrypted'), (message) => t('vault.decryptFailed', { message }));
    setBusy(false);
    if (error !== null) {
      setFailed(error);
      currentRef.current?.focus();
      currentRef.current?.select();
    }
  };

  return (
    <form className="vault-form vault-danger" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="vault-decrypt-title">
      <h3 className="vault-form-title" id="vault-decrypt-title">
        {t('vault.decryptTitle')}
      </h3>
      <p className="muted">{t('vault.decryptText')}</p>
      <div className="field-grid">
        <PassField label={t('vault.currentPassphrase')} value={current} onChange={setCurrent} autoComplete="current-password" disabled={busy} error={currentError} inputRef={currentRef} />
      </div>
      <label className="checkbox vault-understand" htmlFor={checkId}>
        <input id={checkId} type="checkbox" checked={understood} disabled={busy} onChange={(e) => setUnderstood(e.target.checked)} />
        <span>{t('vault.understand')}</span>
      </label>
      {tried && !understood && <p className="field-error">{t('vault.understandRequired')}</p>}
      <FormError message={failed} />
      <div className="vault-actions">
        <button type="submit" className="btn btn-danger" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('vault.decrypting') : t('vault.decrypt')}
        </button>
        <Busy text={busy ? t('vault.decryptingLong') : null} />
      </div>
    </form>
  );
}
