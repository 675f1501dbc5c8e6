import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { root } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let blocker: Server;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  await cleanup();
});

function web(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/web.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

it('a port already in use is named, with what to do, and the data folder is released', async () => {
  const busy = (blocker.address() as { port: number }).port;
  const data = path.join(dir, 'data');
  const run = await web(['--data-dir', data, '--port', String(busy), '--no-open']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`casefile web: port ${busy} on 127.0.0.1 is in use by another program; choose another with --port N, or leave --port out to take a free one.\n`);
  // The lock was let go: nothing but the folder's own files remain.
  expect(await readdir(data)).not.toContain('casefile.lock');
});
