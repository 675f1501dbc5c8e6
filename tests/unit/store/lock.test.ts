import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ServiceError } from '../../../electron/services/errors';
import { DataDirLock, LOCK_FILE } from '../../../electron/services/store/lock';
import { tempDir } from '../../helpers/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let child: ChildProcess | undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await cleanup();
});

/** A live process that is not Casefile: what a reused PID looks like. */
async function liveStranger(): Promise<number> {
  child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child!.once('spawn', resolve));
  return child.pid!;
}

const writeLock = (pid: number, startedAt: string) =>
  writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid, host: os.hostname(), startedAt, token: 'someone-else' }));

const holderPid = async () => (JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid;

it('a lock written before this computer last started is stale, even when its PID now belongs to a live process', async () => {
  const pid = await liveStranger();
  const beforeBoot = new Date(Date.now() - os.uptime() * 1000 - 3_600_000).toISOString();
  await writeLock(pid, beforeBoot);
  const lock = await DataDirLock.acquire(dir);
  expect(await holderPid()).toBe(process.pid);
  await lock.release();
});

// Needs a lock time after boot yet well before now: a computer up for two minutes at least.
it.runIf(process.platform === 'linux' && os.uptime() > 120)('a lock older than the live process that has its PID was not written by it: stale', async () => {
  const pid = await liveStranger();
  // Written an hour ago, since this boot, by a process that has since died; the PID is reused by a younger process.
  const anHourAgo = new Date(Math.max(Date.now() - 3_600_000, Date.now() - os.uptime() * 1000 + 30_000)).toISOString();
  await writeLock(pid, anHourAgo);
  const lock = await DataDirLock.acquire(dir);
  expect(await holderPid()).toBe(process.pid);
  await lock.release();
});

it('a lock held by its own live writer is respected, and the message says what to do', async () => {
  const pid = await liveStranger();
  await writeLock(pid, new Date().toISOString());
  const err = await DataDirLock.acquire(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  expect((err as ServiceError).code).toBe('locked');
  expect((err as ServiceError).message).toContain(`The data folder is in use by PID ${pid}`);
  expect((err as ServiceError).message).toContain(`delete ${path.join(dir, LOCK_FILE)}`);
  expect(await holderPid()).toBe(pid);
});
