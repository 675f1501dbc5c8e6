import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, root, test } from './fixtures';

// Browser mode's handover in a real Chromium: the window opens on a private page that
// forwards to a one-time ticket; the page trades it for the session token; a link
// used before, or the bare address, says what happened and what to do.

test.skip(({ casefileMode }) => casefileMode === 'electron', 'browser mode only');

test('a link used before shows that it was used, and the bare address asks for a link', async ({ page, server }) => {
  await expect(page.getByRole('banner')).toBeVisible();
  // The ticket left the address bar at once; this tab keeps working on reload.
  expect(page.url()).not.toContain('ticket=');
  await page.reload();
  await expect(page.getByRole('banner')).toBeVisible();

  const other = await page.context().newPage();
  await other.goto(server!.url);
  await expect(other.getByRole('heading', { level: 1, name: 'This link was already used' })).toBeVisible();
  await expect(other.getByRole('alert')).toContainText('stop Casefile (Ctrl+C in its terminal) and start it again');
  await expect(other.getByRole('alert')).toContainText('press Enter in the terminal where Casefile runs');
  await other.screenshot({ path: 'test-results/screenshots/browser-link-used.png' });

  const bare = await page.context().newPage();
  await bare.goto(new URL(server!.url).origin + '/');
  await expect(bare.getByRole('heading', { level: 1, name: 'Open Casefile from its link' })).toBeVisible();

  // A new link (Enter in the terminal) opens a second tab.
  const fresh = await page.context().newPage();
  await fresh.goto(await server!.newLink());
  await expect(fresh.getByRole('banner')).toBeVisible();
});

test('the app window’s forwarding page opens the app in Chromium', async ({ page, dataDir }, testInfo) => {
  // Casefile started as a user starts it (it opens a window), with a stand-in browser that records its argv.
  const fake = path.join(dataDir, '..', `${path.basename(dataDir)}-browser`);
  const log = `${fake}.jsonl`;
  await writeFile(fake, `#!${process.execPath}\nrequire('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`, { mode: 0o755 });
  const data = path.join(dataDir, 'second');
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), '--data-dir', data, '--port', '0'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', XDG_CONFIG_HOME: path.join(dataDir, 'config'), CASEFILE_CHROMIUM: fake },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await expect.poll(() => /in an app window/.test(output), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await readFile(log, 'utf8').catch(() => '')).length > 0, { timeout: 15_000 }).toBe(true);
    const argv = JSON.parse((await readFile(log, 'utf8')).split('\n')[0]!) as string[];
    const app = argv.find((a) => a.startsWith('--app='))!.slice('--app='.length);
    expect(app).toMatch(/^file:\/\//);
    await readFile(fileURLToPath(app), 'utf8'); // there before the window takes it
    const tab = await page.context().newPage();
    await tab.goto(app);
    await expect(tab.getByRole('banner')).toBeVisible();
    expect(tab.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(#\/?)?$/);
    // Taken, the forwarding page is removed.
    await expect.poll(async () => (await readFile(fileURLToPath(app)).then(() => 'there', () => 'gone')), { timeout: 15_000 }).toBe('gone');
  } finally {
    child.kill('SIGTERM');
    if (testInfo.status !== testInfo.expectedStatus) appendFileSync(path.join(dataDir, 'server-output.txt'), output);
  }
});
