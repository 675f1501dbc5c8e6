import { createContext, useCallback, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { VaultStatus } from '../../../shared/model';
import { useToast } from '../../components/Toasts';
import { reloadApp } from '../../lib/reload';
import { hearLocally } from '../../lib/events';
import { flushAllAndWait } from '../../lib/caseSession';
import { vaultErrorText } from './vaultErrors';

/** What the app knows of the data folder's encryption, and a way to update it after a change. */
export type Vault = { status: VaultStatus; setStatus: (status: VaultStatus) => void };

export const PLAIN_FOLDER: VaultStatus = { encrypted: false, locked: false, idleLockMinutes: 0 };

export const VaultContext = createContext<Vault>({ status: PLAIN_FOLDER, setStatus: () => undefined });

export function useVault(): Vault {
  return useContext(VaultContext);
}

/** The user's activity is reported at most this often (it resets the server's idle clock). */
const ACTIVITY_REPORT_MS = 30_000;
/** How often the app asks whether the folder has locked itself. */
const LOCK_POLL_MS = 20_000;

/**
 * The idle lock: the server keeps the clock and locks itself; the app tells it when the
 * user is at the keyboard (at most every 30 s) and asks every 20 s whether it has locked,
 * and if so reloads to the lock screen.
 */
export function useIdleLock(encrypted: boolean): void {
  useEffect(() => {
    if (!encrypted) return;
    let lastReport = Date.now();
    const check = (active: boolean) =>
      void api['vault.status'](active ? { active: true } : {}).then((r) => {
        if (!r.ok || !r.value.locked) return;
        // Locked by a passphrase changed on another device: the prompt asks over the page, keeping its edits.
        if (r.value.passphraseChanged) hearLocally({ type: 'folder.passphraseChanged', data: {} });
        else reloadApp();
      });
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport < ACTIVITY_REPORT_MS) return;
      lastReport = now;
      check(true);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { capture: true, passive: true });
    const poll = setInterval(() => check(false), LOCK_POLL_MS);
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
      clearInterval(poll);
    };
  }, [encrypted]);
}

/** Locks the folder now: saves what is pending, locks, and reloads to the lock screen. */
export function useLockNow(): () => Promise<void> {
  const { t } = useTranslation();
  const toast = useToast();
  return useCallback(async () => {
    await flushAllAndWait();
    const result = await api['vault.lock']({});
    if (result.ok) reloadApp();
    else toast({ kind: 'error', message: t('lock.lockFailed', { message: vaultErrorText(t, 'lock', result.error) }) });
  }, [t, toast]);
}
