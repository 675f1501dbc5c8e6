import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { resolveDataDir } from '../../../electron/services/paths';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { chooseMode, dataDirFor, RETRY, runInstaller } from '../../../scripts/startApp.mjs';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// `npm start`'s decision, driven with fake Electron installers: real child processes that print
// progress and either put an executable where the script looks for Electron's binary
// (ELECTRON_OVERRIDE_DIST_PATH) or fail the way a download without network fails.
// Electron's real installer is never run here (this machine cannot download it).

const root = path.resolve(__dirname, '../../..');
let tmp: { dir: string; cleanup: () => Promise<void> };
let distDir: string;
let dataDir: string;
let marker: string;

beforeEach(async () => {
  tmp = await tempDir('casefile-start-');
  distDir = path.join(tmp.dir, 'dist');
  dataDir = path.join(tmp.dir, 'data');
  marker = path.join(distDir, process.platform === 'win32' ? 'electron.exe' : 'electron');
  await mkdir(distDir);
});
afterEach(() => tmp.cleanup());

/** A fake installer: a Node script run through the shell, as CASEFILE_ELECTRON_INSTALL is. */
async function fakeInstaller(body: string): Promise<string> {
  const file = path.join(tmp.dir, `installer-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, `import { writeFileSync, chmodSync } from 'node:fs';\n${body}\n`);
  return `"${process.execPath}" "${file}"`;
}

const SUCCEEDS = `
process.stderr.write('Downloading electron-v45-linux-x64.zip: [====================] 100%\\n');
writeFileSync(process.env.ELECTRON_OVERRIDE_DIST_PATH + '/${process.platform === 'win32' ? 'electron.exe' : 'electron'}', '#!/bin/sh\\necho "fake electron $@"\\n');
chmodSync(process.env.ELECTRON_OVERRIDE_DIST_PATH + '/${process.platform === 'win32' ? 'electron.exe' : 'electron'}', 0o755);
`;

async function decide(installerBody: string, args = ['--data-dir', '']) {
  const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: distDir, CASEFILE_ELECTRON_INSTALL: await fakeInstaller(installerBody) };
  const lines: string[] = [];
  let relayed = '';
  const sink = { write: (c: unknown) => ((relayed += String(c)), true) };
  const result = await chooseMode({
    args: args.map((a) => a || dataDir),
    env,
    log: (line) => lines.push(line),
    install: () => runInstaller({ env, out: sink, err: sink, tty: false }),
  });
  return { ...result, lines, relayed };
}

describe('npm start with the Electron binary missing', () => {
  it('runs the installer, relays its progress and starts the desktop app with the binary it installed', async () => {
    const { mode, electron, lines, relayed } = await decide(SUCCEEDS);
    expect(mode).toBe('electron');
    expect(electron).toBe(marker);
    expect(existsSync(marker)).toBe(true);
    expect(relayed).toContain('100%');
    expect(lines[0]).toMatch(/not installed yet; Electron's installer downloads it now/);
    expect(lines[1]).toBe('The Electron binary is installed; the desktop window opens.');
    expect(lines).toContain(`Casefile starts in the desktop window with the data folder ${dataDir}`);
    expect(lines).toContain('Ctrl+C here (or closing the window) stops Casefile.');
    expect(lines.join('\n')).not.toMatch(/browser mode/);
  });

  it('falls back to browser mode in one sentence saying the server was unreachable and how to retry when the download cannot connect', async () => {
    // Word for word what Electron 45's installer printed on this machine (no route to GitHub).
    const { mode, electron, lines, relayed } = await decide(`
process.stderr.write('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download (file:///node_modules/@electron/get/dist/FetchDownloader.js:46:30)\\n');
process.exit(1);`);
    expect(mode).toBe('browser');
    expect(electron).toBeNull();
    expect(existsSync(marker)).toBe(false);
    expect(relayed).toContain('TypeError: fetch failed');
    const fallback = lines.filter((l) => /browser mode instead/.test(l));
    expect(fallback).toHaveLength(1);
    expect(fallback[0]).toContain('because the download server (GitHub) could not be reached (no network, or a proxy or firewall in the way)');
    expect(fallback[0]).toContain(`\`${RETRY}\``);
    expect(fallback[0]).toContain('HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1');
    expect(fallback[0]).toContain('ELECTRON_MIRROR names a mirror');
    expect(lines).toContain(`Casefile starts in browser mode with the data folder ${dataDir}`);
    expect(lines).toContain('Ctrl+C to stop Casefile.');
  });

  it('says the download was refused when a proxy answers 403, and when the installer exits 0 without a binary says that', async () => {
    const refused = await decide(`
process.stderr.write('HTTPError: Response code 403 (Forbidden) for https://github.com/electron/electron/releases/...\\n');
process.exit(1);`);
    expect(refused.mode).toBe('browser');
    expect(refused.lines.join('\n')).toContain('because the download was refused (by a proxy, a firewall or a certificate check)');
    const empty = await decide(`process.stdout.write('nothing to do\\n');`);
    expect(empty.mode).toBe('browser');
    expect(empty.lines.join('\n')).toContain('because the installer finished but left no Electron binary');
  });

  it('does not run the installer when the binary is already there', async () => {
    await writeFile(marker, '#!/bin/sh\n');
    const { mode, lines, relayed } = await decide(`writeFileSync(${JSON.stringify(path.join(tmp.dir, 'ran'))}, 'ran');`);
    expect(mode).toBe('electron');
    expect(existsSync(path.join(tmp.dir, 'ran'))).toBe(false);
    expect(relayed).toBe('');
    expect(lines[0]).toBe(`Casefile starts in the desktop window with the data folder ${dataDir}`);
  });
});

describe('the start lines about the data folder', () => {
  it('suggests Settings → Encryption for a plain folder and says an encrypted one opens on the lock screen', async () => {
    const store = await CaseStore.open(dataDir);
    await store.close();
    const plain = await decide('process.exit(1);');
    expect(plain.lines).toContain('The folder is NOT encrypted: before real cases go in, encrypt it in Settings → Encryption.');
    await encryptFolder(dataDir, 'correct horse battery staple', FAST_KDF);
    const encrypted = await decide('process.exit(1);');
    expect(encrypted.lines).toContain('The folder is encrypted: Casefile opens on the lock screen and asks for the passphrase.');
    expect(encrypted.lines.join('\n')).not.toContain('Settings → Encryption');
  });

  it('names the folder each mode really opens', () => {
    const env = { HOME: tmp.dir, XDG_CONFIG_HOME: path.join(tmp.dir, 'cfg'), APPDATA: path.join(tmp.dir, 'roaming'), CASEFILE_DATA_DIR: path.join(tmp.dir, 'env-data') };
    // Browser mode resolves like web.ts does.
    for (const args of [[], ['--data-dir', 'rel/dir'], ['--data-dir=other']]) {
      const flag = args[1] ?? args[0]?.slice('--data-dir='.length);
      expect(dataDirFor(args, 'browser', env)).toBe(resolveDataDir(flag, env));
    }
    // The desktop app passes its own folder as the flag, so CASEFILE_DATA_DIR does not reach it.
    expect(dataDirFor([], 'electron', env)).toBe(resolveDataDir(undefined, { ...env, CASEFILE_DATA_DIR: '' }));
    expect(dataDirFor(['--data-dir', 'x'], 'electron', env)).toBe(path.resolve('x'));
  });
});

describe('scripts/start.mjs end to end', () => {
  it.skipIf(process.platform === 'win32')('builds, installs with the fake installer and runs the installed binary with the app and its arguments', async () => {
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: distDir, CASEFILE_ELECTRON_INSTALL: await fakeInstaller(SUCCEEDS) };
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--data-dir', dataDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += String(c)));
    child.stderr.on('data', (c) => (out += String(c)));
    // Bounded by the fake binary, which exits at once; vitest's test timeout bounds the build.
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(out).toContain('100%');
    expect(out).toContain('The Electron binary is installed; the desktop window opens.');
    expect(out).toContain(`fake electron ${root} --data-dir ${dataDir}`);
  });
});
