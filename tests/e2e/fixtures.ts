import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../../scripts/electronBinary.mjs';
import { _electron, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test';

// Each test gets a fresh data folder and its own Casefile:
//  - project "browser": `node out/main/web.js --data-dir DIR --no-open --port 0`, opened
//    in Chromium at the one-time link it prints (a ticket the page trades for the
//    session token); another tab gets a new link the way a user does, by Enter on stdin;
//  - project "electron": the desktop shell through Playwright's _electron, where an
//    Electron binary is installed (checked on disk: importing 'electron' would try to
//    download it); skipped cleanly where it is not.

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type CasefileMode = 'browser' | 'electron';
export type CasefileOptions = { casefileMode: CasefileMode };

type Server = {
  /** The one-time link printed at start (the test's page uses it). */
  url: string;
  /** A new one-time link, asked for as a user does: Enter in the terminal. */
  newLink: () => Promise<string>;
  process: ChildProcess;
  output: () => string;
};

type TestFixtures = {
  /** Files written into the fresh data folder before Casefile starts: relative path → content. */
  seedFiles: Record<string, string>;
  /** Environment variables for the browser-mode server (test hooks such as CASEFILE_TEST_HOLD_INDEXING). */
  serverEnv: Record<string, string>;
  /** The fresh data folder this test's Casefile uses. */
  dataDir: string;
  /** An address that opens the app in another tab (browser mode: a new one-time link). */
  url: string;
  server: Server | null;
  electronApp: ElectronApplication | null;
};

type WorkerFixtures = CasefileOptions & {
  /** One Chromium per worker, launched on first use with the config's launchOptions. */
  sharedBrowser: () => Promise<Browser>;
};

/**
 * The page asks the server whether the folder is locked before it mounts the app (or the
 * lock screen); a test that types at once would otherwise race that answer.
 */
async function appReady(page: Page): Promise<void> {
  await page.getByRole('banner').or(page.getByRole('heading', { level: 1, name: 'This data folder is encrypted' })).first().waitFor();
}

function startServer(dataDir: string, serverEnv: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), '--data-dir', dataDir, '--no-open', '--port', '0'], {
    cwd: root,
    // A low scrypt cost for folders the tests encrypt (honoured only under NODE_ENV=test); unlocking reads the cost from vault.json.
    env: { ...process.env, NODE_ENV: 'test', CASEFILE_SCRYPT_N: '1024', ...serverEnv },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const newLink = async (): Promise<string> => {
    const seen = [...output.matchAll(/New link \(it opens Casefile once\): (\S+)/g)].length;
    child.stdin!.write('\n');
    for (let i = 0; i < 300; i++) {
      const found = [...output.matchAll(/New link \(it opens Casefile once\): (\S+)/g)];
      if (found.length > seen) return found.at(-1)![1]!;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no new link after Enter:\n${output}`);
  };
  return new Promise<Server>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /Casefile is running at (\S+)/.exec(output);
      if (m) resolve({ url: m[1]!, newLink, process: child, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the Casefile server exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}

async function stopServer(server: Server): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // A browser's keep-alive connection can hold the server open; do not leave it behind.
  const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(force);
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  casefileMode: ['browser', { option: true, scope: 'worker' }],

  sharedBrowser: [
    async ({ playwright, launchOptions }, use) => {
      let browser: Browser | undefined;
      await use(async () => (browser ??= await playwright.chromium.launch(launchOptions)));
      await browser?.close();
    },
    { scope: 'worker' },
  ],

  seedFiles: [{}, { option: true }],
  serverEnv: [{}, { option: true }],

  dataDir: async ({ seedFiles }, use, testInfo) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-'));
    for (const [rel, content] of Object.entries(seedFiles)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), content);
    }
    await use(dir);
    if (testInfo.status === testInfo.expectedStatus) await rm(dir, { recursive: true, force: true });
    else await testInfo.attach('data-dir', { body: dir });
  },

  server: async ({ dataDir, casefileMode, serverEnv }, use, testInfo) => {
    if (casefileMode !== 'browser') return use(null);
    const server = await startServer(dataDir, serverEnv);
    await use(server);
    await stopServer(server);
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server-output', { body: server.output() });
  },

  electronApp: async ({ dataDir, casefileMode }, use, testInfo) => {
    if (casefileMode !== 'electron') return use(null);
    const executablePath = electronBinary();
    testInfo.skip(executablePath === null, 'No Electron binary installed here (node_modules/electron/path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH).');
    // --user-data-dir keeps Electron's own profile (and, should the shell ignore --data-dir,
    // its default data folder) inside the test's folder, never in the user's real one.
    const app = await _electron.launch({
      executablePath: executablePath!,
      args: ['.', '--data-dir', dataDir, `--user-data-dir=${path.join(dataDir, '.electron-profile')}`],
      cwd: root,
    });
    await use(app);
    await app.close();
  },

  page: async ({ casefileMode, server, electronApp, sharedBrowser, viewport }, use) => {
    if (casefileMode === 'electron') {
      const page = await electronApp!.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      await appReady(page);
      await use(page);
      return;
    }
    const browser = await sharedBrowser();
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(server!.url);
    await appReady(page);
    await use(page);
    await context.close();
  },

  url: async ({ server, page }, use) => {
    // The page took the first link; a link works once, so another tab needs its own.
    await use(server ? await server.newLink() : page.url());
  },
});

export { expect } from '@playwright/test';
export type { Page };
