// What `npm start` decides and says, apart from building and spawning (scripts/start.mjs),
// so tests can drive it with a fake Electron installer and read what a user would read.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from './electronBinary.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));

/** The retry a user can type, printed whenever the download fails. */
export const RETRY = 'node node_modules/electron/install.js';

/**
 * The folder the chosen mode opens, computed the way it does (plain Node cannot import
 * electron/services/paths.ts before the build; a test holds the two together). Browser mode
 * (web.ts): --data-dir DIR or --data-dir=DIR, then CASEFILE_DATA_DIR, then the per-user folder.
 * The desktop app (main.ts): `--data-dir DIR`, else the per-user folder (it passes that as the
 * flag, so CASEFILE_DATA_DIR does not reach it).
 */
export function dataDirFor(args, mode, env = process.env, platform = process.platform) {
  const i = args.indexOf('--data-dir');
  const eq = mode === 'browser' ? args.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length) : undefined;
  const flag = i >= 0 ? args[i + 1] : eq;
  if (flag) return path.resolve(flag);
  if (mode === 'browser' && env.CASEFILE_DATA_DIR) return path.resolve(env.CASEFILE_DATA_DIR);
  const home = os.homedir();
  const userData =
    platform === 'win32'
      ? path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Casefile')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support', 'Casefile')
        : path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Casefile');
  return path.resolve(path.join(userData, 'data'));
}

/** vault.json is what makes a data folder encrypted (electron/services/disk/folderLayout.ts VAULT_FILE). */
export function isEncrypted(dataDir) {
  return existsSync(path.join(dataDir, 'vault.json'));
}

/** The lines printed before the app starts: where the data is, whether it is protected, how to stop. */
export function startBanner(dataDir, mode) {
  const where = mode === 'electron' ? 'the desktop window' : 'browser mode';
  return [
    `Casefile starts in ${where} with the data folder ${dataDir}`,
    isEncrypted(dataDir)
      ? 'The folder is encrypted: Casefile opens on the lock screen and asks for the passphrase.'
      : 'The folder is NOT encrypted: before real cases go in, encrypt it in Settings → Encryption.',
    mode === 'electron' ? 'Ctrl+C here (or closing the window) stops Casefile.' : 'Ctrl+C to stop Casefile.',
  ];
}

/** Why the installer failed, from what it printed; its full message is relayed above the sentence. */
export function failureReason(output) {
  // What Electron 45's installer prints here with no route out is only "TypeError: fetch failed".
  if (/ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|getaddrinfo|fetch failed|ECONNRESET|socket hang up/i.test(output)) return "the download server (GitHub) could not be reached (no network, or a proxy or firewall in the way)";
  if (/ETIMEDOUT|timed? ?out/i.test(output)) return 'the download server did not answer in time';
  if (/ECONNREFUSED|\b40[137]\b|\bforbidden\b|proxy|certificate|self[- ]signed|CERT_/i.test(output)) return 'the download was refused (by a proxy, a firewall or a certificate check)';
  if (/checksum|sha256/i.test(output)) return 'the downloaded file did not match its checksum';
  return 'the download failed (its own message is above)';
}

/** The installer to run: Electron's own, or CASEFILE_ELECTRON_INSTALL (a shell command; tests use a fake). */
function installerCommand(env) {
  const injected = env.CASEFILE_ELECTRON_INSTALL;
  if (injected) return { command: injected, args: [], shell: true };
  return { command: process.execPath, args: [path.join(root, 'node_modules/electron/install.js')], shell: false };
}

/**
 * Runs the installer. On a terminal its output goes straight through, so @electron/get's
 * progress bar (drawn only on a TTY) shows; otherwise it is relayed line by line and kept
 * to name the cause of a failure. Resolves with the exit code and the captured output.
 */
export function runInstaller({ env = process.env, out = process.stdout, err = process.stderr, tty = Boolean(process.stderr.isTTY) } = {}) {
  const { command, args, shell } = installerCommand(env);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, shell, stdio: tty ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let captured = '';
    const keep = (chunk) => {
      captured = (captured + chunk.toString()).slice(-8192);
    };
    child.stdout?.on('data', (c) => (out.write(c), keep(c)));
    child.stderr?.on('data', (c) => (err.write(c), keep(c)));
    child.on('error', (e) => resolve({ code: 1, output: `${captured}\n${e.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: captured }));
  });
}

/**
 * Electron's executable, installing it first when it is missing; null when that failed
 * (after saying why in one sentence and how to retry). `binary` is checked on disk, never
 * by importing 'electron' (which would download with no word to the user).
 */
export async function ensureElectron({ env = process.env, log = (line) => console.log(line), binary = () => electronBinary(env), install = () => runInstaller({ env }) } = {}) {
  const present = binary();
  if (present) return present;
  log("The Electron binary is not installed yet; Electron's installer downloads it now (about 100 MB, once):");
  const { code, output } = await install();
  const installed = code === 0 ? binary() : null;
  if (installed) {
    log('The Electron binary is installed; the desktop window opens.');
    return installed;
  }
  const why = code === 0 ? 'the installer finished but left no Electron binary' : failureReason(output);
  log(
    `Electron could not be installed because ${why}, so Casefile opens in browser mode instead; to get the desktop window, retry with \`${RETRY}\` once online (behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1 first; ELECTRON_MIRROR names a mirror), then \`npm start\`.`,
  );
  return null;
}

/** The whole decision: which mode, and what was printed about it. */
export async function chooseMode({ args = [], env = process.env, log = (line) => console.log(line), binary, install } = {}) {
  const electron = await ensureElectron({ env, log, ...(binary ? { binary } : {}), ...(install ? { install } : {}) });
  const mode = electron ? 'electron' : 'browser';
  for (const line of startBanner(dataDirFor(args, mode, env), mode)) log(line);
  return { mode, electron };
}
