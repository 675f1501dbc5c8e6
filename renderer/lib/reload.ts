// Reloading the page is how the renderer forgets every decrypted case it holds: on a
// lock (by the user or by the server's idle timer) and after a restore from a backup.
// The browser-mode token survives a reload (api.ts keeps it for this tab).

const NOTICE_KEY = 'casefile.reloadNotice';

let leaving = false;

/** True once the page is being reloaded on purpose: nothing unsaved can be kept any more. */
export function isReloading(): boolean {
  return leaving;
}

export type ReloadNotice = { kind: 'success' | 'error' | 'info'; message: string };

/** Reloads the page; an optional notice is shown once by the next page (a toast). */
export function reloadApp(notice?: ReloadNotice): void {
  if (leaving) return;
  leaving = true;
  if (notice) {
    try {
      sessionStorage.setItem(NOTICE_KEY, JSON.stringify(notice));
    } catch {
      // not fatal: the reload still happens, without the notice
    }
  }
  window.location.reload();
}

/** The notice the previous page left for this one, taken (shown once). */
export function takeReloadNotice(): ReloadNotice | null {
  try {
    const raw = sessionStorage.getItem(NOTICE_KEY);
    if (raw === null) return null;
    sessionStorage.removeItem(NOTICE_KEY);
    const parsed = JSON.parse(raw) as Partial<ReloadNotice>;
    if (typeof parsed.message !== 'string') return null;
    const kind = parsed.kind === 'error' || parsed.kind === 'info' ? parsed.kind : 'success';
    return { kind, message: parsed.message };
  } catch {
    return null;
  }
}
