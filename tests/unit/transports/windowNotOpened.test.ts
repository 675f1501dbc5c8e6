import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { root } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';

// Browser mode when the app window cannot be opened: the user is told so plainly, with why,
// and given the one-time link to open by hand (and a new one, with the same words, on Enter).

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function runUntilLink(browser: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/web.ts'), '--data-dir', path.join(dir, 'data'), '--port', '0'], {
    cwd: root,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config'), CASEFILE_CHROMIUM: browser },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Bounded polling: the harness's patience, not a claim about speed.
  const until = async (re: RegExp) => {
    for (let i = 0; i < 400 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 50));
    if (!re.test(out)) throw new Error(`gave up waiting for ${re} in:\n${out}`);
  };
  try {
    await until(/Open the address above in your browser by hand/);
    child.stdin.write('\n');
    await until(/New link \(it opens Casefile once\): http:\/\/127\.0\.0\.1:\d+\/#ticket=/);
    return out;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

it('a browser that cannot be run is named, with the link to open by hand', async () => {
  const notRunnable = path.join(dir, 'chromium');
  await writeFile(notRunnable, 'not a program', { mode: 0o644 });
  const out = await runUntilLink(notRunnable);
  expect(out).toMatch(/^Casefile is running at http:\/\/127\.0\.0\.1:\d+\/#ticket=[A-Za-z0-9_-]{43}\n/);
  expect(out).toContain(`The browser window could not be opened: ${notRunnable} could not be started (`);
  expect(out).toContain('Open the address above in your browser by hand (it opens Casefile once). For a new link, press Enter here; Ctrl+C stops Casefile.\n');
  // Enter tries again and says again why no window came.
  expect(out.match(/The browser window could not be opened/g)).toHaveLength(2);
  // No forwarding page is left behind for a window that never opened.
  expect(await readdir(path.join(dir, 'config', 'Casefile', 'browser-handover')).catch(() => [])).toEqual([]);
});

it('a CASEFILE_CHROMIUM that does not exist is named as such', async () => {
  const missing = path.join(dir, 'no-such-browser');
  const out = await runUntilLink(missing);
  expect(out).toContain(`The browser window could not be opened: CASEFILE_CHROMIUM names ${missing}, which does not exist. Open the address above in your browser by hand`);
});
