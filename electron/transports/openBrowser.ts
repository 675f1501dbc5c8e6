import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft\\Edge\\Application\\msedge.exe'),
    path.join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
  ],
};

/** CASEFILE_CHROMIUM (a path to a Chromium-family browser) wins over the usual places. */
function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.CASEFILE_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return (CANDIDATES[process.platform] ?? []).find((p) => existsSync(p)) ?? null;
}

export type WindowOpened = { ok: true } | { ok: false; reason: string };

/**
 * Opens the app in a Chromium "app mode" window with its own profile (no
 * extensions, no sync, no history shared with the user's everyday browser).
 * Resolves once the browser process has started, or with why it could not be
 * (none found, or it would not run: the user is told and given a link instead).
 * `url` ends up in the browser's command line, which every local user can read: never a secret.
 */
export function openAppWindow(url: string, profileDir: string, env: NodeJS.ProcessEnv = process.env): Promise<WindowOpened> {
  const browser = findChromium(env);
  if (!browser) {
    const reason = env.CASEFILE_CHROMIUM
      ? `CASEFILE_CHROMIUM names ${env.CASEFILE_CHROMIUM}, which does not exist`
      : 'no Chromium-based browser (Chromium, Chrome or Edge) was found';
    return Promise.resolve({ ok: false, reason });
  }
  return new Promise((resolve) => {
    const child = spawn(
      browser,
      [`--app=${url}`, `--user-data-dir=${profileDir}`, '--no-first-run', '--disable-sync', '--disable-background-networking', '--disable-component-update'],
      { detached: true, stdio: 'ignore' },
    );
    // Node emits exactly one of these: the process started, or it could not be run.
    child.once('spawn', () => resolve({ ok: true }));
    child.once('error', (err) => resolve({ ok: false, reason: `${browser} could not be started (${err.message})` }));
    child.unref();
  });
}
