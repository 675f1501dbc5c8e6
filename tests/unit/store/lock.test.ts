import { spawn, type ChildProcess } from 'node:child_process';
import { link, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ServiceError } from '../../../electron/services/errors';
import { DataDirLock, LOCK_FILE, takeoverMarker, type LockFs } from '../../../electron/services/disk/lock';
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

/** A PID that was just a process and is none now. */
async function deadPid(): Promise<number> {
  const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => dead.once('exit', resolve));
  return dead.pid!;
}

const lockText = (pid: number, token: string) => JSON.stringify({ pid, host: os.hostname(), startedAt: new Date().toISOString(), token });
const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('the lock file is never seen without its content: it appears whole, by link()', async () => {
  // Watch the folder while acquiring: every time the lock exists, it must already name its holder.
  const seen: string[] = [];
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const text = await readFile(path.join(dir, LOCK_FILE), 'utf8').catch(() => null);
      if (text !== null) seen.push(text);
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  for (let i = 0; i < 50; i++) await (await DataDirLock.acquire(dir)).release();
  watching = false;
  await watcher;
  for (const text of seen) expect(JSON.parse(text)).toMatchObject({ pid: process.pid, host: os.hostname() });
  expect(await readdir(dir)).toEqual([]);
});

it('an unreadable lock may be one being filled in: it is given time, and its writer keeps it', async () => {
  // Casefile before the link scheme, or the fallback without hard links, creates the lock empty first.
  const pid = await liveStranger();
  await writeFile(path.join(dir, LOCK_FILE), '');
  const taking = settle(DataDirLock.acquire(dir));
  await sleep(300);
  await writeFile(path.join(dir, LOCK_FILE), lockText(pid, 'the-writer'));
  const got = await taking;
  expect('error' in got && (got.error as ServiceError).code).toBe('locked');
  expect((got as { error: ServiceError }).error.message).toContain(`in use by PID ${pid}`);
  expect(await holderPid()).toBe(pid);
});

it('an unreadable lock that stays so is a crash\'s leftover, taken over', async () => {
  await writeFile(path.join(dir, LOCK_FILE), '{"pid": 4');
  const lock = await DataDirLock.acquire(dir);
  expect(await holderPid()).toBe(process.pid);
  await lock.release();
  expect(await readdir(dir)).toEqual([]);
});

it('a stale lock another live process is taking over is left to it', async () => {
  const taker = await liveStranger();
  const stale = lockText(await deadPid(), 'crashed');
  await writeFile(path.join(dir, LOCK_FILE), stale);
  const marker = takeoverMarker(path.join(dir, LOCK_FILE), stale);
  await writeFile(marker, lockText(taker, 'taker'));
  const taking = settle(DataDirLock.acquire(dir));
  await sleep(300);
  // The taker finishes: its lock over the stale one, then its marker removed.
  await writeFile(path.join(dir, 'next'), lockText(taker, 'taker'));
  await rename(path.join(dir, 'next'), path.join(dir, LOCK_FILE));
  await unlink(marker);
  const got = await taking;
  expect('error' in got && (got.error as ServiceError).message).toContain(`in use by PID ${taker}`);
  expect(await holderPid()).toBe(taker);
});

it('a takeover marker left by a taker that died is taken over too, and swept away', async () => {
  const stale = lockText(await deadPid(), 'crashed');
  await writeFile(path.join(dir, LOCK_FILE), stale);
  await writeFile(takeoverMarker(path.join(dir, LOCK_FILE), stale), lockText(await deadPid(), 'taker'));
  await writeFile(path.join(dir, `${LOCK_FILE}.stale-0011223344556677`), lockText(await deadPid(), 'older Casefile'));
  const lock = await DataDirLock.acquire(dir);
  expect(await holderPid()).toBe(process.pid);
  expect(await readdir(dir)).toEqual([LOCK_FILE]);
  await lock.release();
});

it('release leaves alone a lock that is no longer ours', async () => {
  const lock = await DataDirLock.acquire(dir);
  const pid = await liveStranger();
  await writeFile(path.join(dir, LOCK_FILE), lockText(pid, 'someone-else'));
  await lock.release();
  expect(await holderPid()).toBe(pid);
});

/** link() as Linux's vfat answers it. */
const noLinks: LockFs = { link: () => Promise.reject(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' })) };

it('without hard links the lock is still taken once, whole, and refused to the next taker', async () => {
  const lock = await DataDirLock.acquire(dir, { fs: noLinks });
  expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
  const second = await settle(DataDirLock.acquire(dir, { fs: noLinks }));
  expect('error' in second && (second.error as ServiceError).message).toContain(`in use by PID ${process.pid}`);
  expect(await readdir(dir)).toEqual([LOCK_FILE]);
  await lock.release();
  expect(await readdir(dir)).toEqual([]);
});

it('a link() that happened but answered EEXIST (an NFS reply lost) counts as taken: the link count tells', async () => {
  const lostReply: LockFs = {
    link: async (from, to) => {
      await link(from, to);
      throw Object.assign(new Error('EEXIST: file already exists, link'), { code: 'EEXIST' });
    },
  };
  const lock = await DataDirLock.acquire(dir, { fs: lostReply });
  expect(await holderPid()).toBe(process.pid);
  await lock.release();
  expect(await readdir(dir)).toEqual([]);
});

it('takers killed two deep are still sorted out; three deep, the user is told which files to delete', async () => {
  const lockFile = path.join(dir, LOCK_FILE);
  const plant = async (depth: number) => {
    let file = lockFile;
    for (let i = 0; i <= depth; i++) {
      const text = lockText(await deadPid(), `dead-${i}`);
      await writeFile(file, text);
      file = takeoverMarker(file, text);
    }
  };
  await plant(2); // the stale lock, its marker, and that marker's marker
  const lock = await DataDirLock.acquire(dir);
  expect(await readdir(dir)).toEqual([LOCK_FILE]);
  await lock.release();

  await plant(3);
  const got = await settle(DataDirLock.acquire(dir));
  expect('error' in got && (got.error as ServiceError).code).toBe('locked');
  expect((got as { error: ServiceError }).error.message).toContain(`delete the files named ${LOCK_FILE}* in ${dir}`);
  expect((await readdir(dir)).filter((n) => !n.startsWith(LOCK_FILE))).toEqual([]);
});
