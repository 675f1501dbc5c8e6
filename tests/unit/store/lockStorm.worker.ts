// A process of the lock storm (lockStorm.test.ts), forked with `--import tsx` and
// an IPC channel. It acquires the data folder's lock when the test tells it to, at
// a shared moment, reports what happened, and lets go when told.
import { open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceError } from '../../../electron/services/errors';
import { DataDirLock, type LockFs } from '../../../electron/services/disk/lock';

export type StormOrder =
  /** Acquire at `at` (ms since the epoch); hold until a `release` for this round. */
  | { kind: 'acquire'; round: number; at: number; noLink: boolean }
  | { kind: 'release'; round: number }
  /** Acquire, hold `holdMs`, release, `iterations` times, checking that no one else is inside meanwhile. */
  | { kind: 'contend'; at: number; iterations: number; holdMs: number; noLink: boolean };

export type StormReport =
  | { kind: 'ready'; pid: number }
  | { kind: 'acquired'; round: number; pid: number }
  | { kind: 'refused'; round: number; pid: number; code: string; message: string }
  | { kind: 'released'; round: number }
  | { kind: 'contended'; pid: number; wins: number; refusals: number; overlaps: number; errors: string[] };

const dataDir = process.argv[2]!;
const send = (report: StormReport) => process.send!(report);

/** A file system without hard links, as Linux's vfat answers link(). */
const noLinks: LockFs = {
  link: () => Promise.reject(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' })),
};

/** Sleeps most of the way, then spins, so every process starts within a scheduler tick of `at`. */
async function waitUntil(at: number): Promise<void> {
  const ahead = at - Date.now() - 3;
  if (ahead > 0) await sleep(ahead);
  while (Date.now() < at) {
    // spin
  }
}

const held = new Map<number, DataDirLock>();

async function acquire(order: Extract<StormOrder, { kind: 'acquire' }>): Promise<void> {
  await waitUntil(order.at);
  try {
    const lock = await DataDirLock.acquire(dataDir, order.noLink ? { fs: noLinks } : {});
    held.set(order.round, lock);
    send({ kind: 'acquired', round: order.round, pid: process.pid });
  } catch (err) {
    const code = err instanceof ServiceError ? err.code : String((err as NodeJS.ErrnoException).code ?? 'thrown');
    send({ kind: 'refused', round: order.round, pid: process.pid, code, message: (err as Error).message });
  }
}

/**
 * The critical section's own witness: a file created with O_EXCL on entry and
 * removed on exit. Finding it already there means another holder is inside.
 */
async function contend(order: Extract<StormOrder, { kind: 'contend' }>): Promise<void> {
  const inside = path.join(dataDir, 'inside');
  let wins = 0;
  let refusals = 0;
  let overlaps = 0;
  const errors: string[] = [];
  await waitUntil(order.at);
  for (let i = 0; i < order.iterations; i++) {
    let lock: DataDirLock;
    try {
      lock = await DataDirLock.acquire(dataDir, order.noLink ? { fs: noLinks } : {});
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'locked') refusals++;
      else errors.push((err as Error).message);
      await sleep(Math.random() * 4);
      continue;
    }
    wins++;
    try {
      const handle = await open(inside, 'wx');
      await handle.close();
      await sleep(order.holdMs);
      await unlink(inside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' || (err as NodeJS.ErrnoException).code === 'ENOENT') overlaps++;
      else errors.push((err as Error).message);
    }
    await lock.release();
    await sleep(Math.random() * 2);
  }
  send({ kind: 'contended', pid: process.pid, wins, refusals, overlaps, errors });
}

process.on('message', (order: StormOrder) => {
  if (order.kind === 'acquire') void acquire(order);
  else if (order.kind === 'contend') void contend(order);
  else {
    const lock = held.get(order.round);
    held.delete(order.round);
    void lock?.release().then(() => send({ kind: 'released', round: order.round }));
  }
});
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready', pid: process.pid });
