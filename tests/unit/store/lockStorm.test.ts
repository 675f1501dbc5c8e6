import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { LOCK_FILE, takeoverMarker } from '../../../electron/services/disk/lock';
import { root } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';
import type { StormOrder, StormReport } from './lockStorm.worker';

// The one-writer lock under a storm of real processes: N of them acquire the same
// folder's lock at one shared instant (each sleeps, then spins, to a time the test
// gives), and the winner holds it until every other has answered — so "exactly
// one winner per round" means "never two holders at once". Rounds run on a free
// folder, then on a stale lock every process wants to take over at once, then
// without hard links (the fallback for FAT drives), then N processes take the lock
// in turn as fast as they can while a file created with O_EXCL inside the locked
// section witnesses any overlap.

const N = 8;
const WORKER = path.join(root, 'tests/unit/store/lockStorm.worker.ts');
/** Time for an order to reach every process before the shared instant. */
const BARRIER_MS = 30;
const REPLY_MS = 30_000;

let dir: string;
let cleanup: () => Promise<void>;
let workers: ChildProcess[] = [];
const inbox: StormReport[] = [];
let wake: () => void = () => undefined;
const lockPath = () => path.join(dir, LOCK_FILE);

function send(child: ChildProcess, order: StormOrder): void {
  child.send(order);
}

/** Waits (bounded) until `count` reports matching `match` have come, and takes them out of the inbox. */
async function take<T extends StormReport>(count: number, match: (r: StormReport) => r is T, what: string): Promise<T[]> {
  const deadline = Date.now() + REPLY_MS;
  for (;;) {
    const found = inbox.filter(match);
    if (found.length >= count) {
      for (const r of found) inbox.splice(inbox.indexOf(r), 1);
      return found;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`waited ${REPLY_MS} ms for ${count} × ${what}; got ${JSON.stringify(found)}`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** A PID that was just a process and is none now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  workers = Array.from({ length: N }, () => {
    const child = fork(WORKER, [dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (r: StormReport) => {
      inbox.push(r);
      wake();
    });
    return child;
  });
  await take(N, (r): r is Extract<StormReport, { kind: 'ready' }> => r.kind === 'ready', 'ready');
});

afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await cleanup();
});

beforeEach(async () => {
  for (const name of await readdir(dir)) await rm(path.join(dir, name), { force: true });
});

type Outcome = { winners: number[]; refusals: Array<Extract<StormReport, { kind: 'refused' }>>; holderOnDisk: number | null; leftAfter: string[] };

/** One round: all N acquire at one instant; the winners hold until all have answered, then let go. */
async function round(n: number, noLink = false): Promise<Outcome> {
  const at = Date.now() + BARRIER_MS;
  for (const w of workers) send(w, { kind: 'acquire', round: n, at, noLink });
  const answers = await take(N, (r): r is Extract<StormReport, { kind: 'acquired' | 'refused' }> => (r.kind === 'acquired' || r.kind === 'refused') && r.round === n, `answer to round ${n}`);
  const winners = answers.filter((a) => a.kind === 'acquired').map((a) => a.pid);
  const refusals = answers.filter((a): a is Extract<StormReport, { kind: 'refused' }> => a.kind === 'refused');
  const onDisk = await readFile(lockPath(), 'utf8').catch(() => null);
  const holderOnDisk = onDisk === null ? null : ((JSON.parse(onDisk) as { pid: number }).pid ?? null);
  for (const w of workers) if (winners.includes(w.pid!)) send(w, { kind: 'release', round: n });
  await take(winners.length, (r): r is Extract<StormReport, { kind: 'released' }> => r.kind === 'released' && r.round === n, `release of round ${n}`);
  const leftAfter = await readdir(dir);
  // A round that went wrong must not leave its mess to the next one.
  for (const name of leftAfter) await rm(path.join(dir, name), { force: true });
  return { winners, refusals, holderOnDisk, leftAfter };
}

/** What was wrong with a round: more or fewer than one holder, a loser not told who holds it, leftovers. */
function faults(o: Outcome): string[] {
  const out: string[] = [];
  if (o.winners.length !== 1) out.push(`${o.winners.length} holders at once`);
  const winner = o.winners[0];
  if (o.winners.length === 1 && o.holderOnDisk !== winner) out.push(`lock file names ${o.holderOnDisk}, the holder is ${winner}`);
  for (const r of o.refusals) {
    if (r.code !== 'locked' || !r.message.includes(`in use by PID ${winner}`)) out.push(`a loser was told ${r.code}: ${r.message}`);
  }
  if (o.leftAfter.length > 0) out.push(`left behind after release: ${o.leftAfter.join(', ')}`);
  return out;
}

async function storm(rounds: number, prepare: (n: number) => Promise<void>, noLink = false): Promise<string[]> {
  const bad: string[] = [];
  for (let n = 0; n < rounds; n++) {
    await prepare(n);
    const f = faults(await round(n, noLink));
    if (f.length > 0) bad.push(`round ${n}: ${f.join('; ')}`);
  }
  return bad;
}

const lockOf = (pid: number, startedAt: string, token = 'gone') => JSON.stringify({ pid, host: os.hostname(), startedAt, token });

it(`${N} processes acquiring a free folder at the same instant: exactly one holder, 200 rounds out of 200`, async () => {
  const bad = await storm(200, async () => undefined);
  expect(bad).toEqual([]);
});

it(`${N} processes taking over a stale lock at the same instant: exactly one wins, 80 rounds of five kinds of leftover`, async () => {
  let dead = await deadPid();
  let deadTaker = await deadPid();
  const beforeBoot = new Date(Date.now() - os.uptime() * 1000 - 3_600_000).toISOString();
  const kinds = [
    // A crashed writer: its PID is gone.
    async () => writeFile(lockPath(), lockOf(dead, new Date().toISOString())),
    // A power cut: written before this boot, its PID now someone else's (ours).
    async () => writeFile(lockPath(), lockOf(process.pid, beforeBoot)),
    // A crashed writer, and a taker killed while it held the takeover marker.
    async () => {
      const stale = lockOf(dead, new Date().toISOString());
      await writeFile(lockPath(), stale);
      await writeFile(takeoverMarker(lockPath(), stale), lockOf(deadTaker, new Date().toISOString(), 'taker'));
    },
    // An older Casefile's takeover, killed after it moved a stale lock aside.
    async () => {
      await writeFile(lockPath(), lockOf(dead, new Date().toISOString()));
      await writeFile(`${lockPath()}.stale-0123456789abcdef`, lockOf(dead, new Date().toISOString(), 'older'));
    },
  ];
  const bad = await storm(80, async (n) => {
    if (alive(dead)) dead = await deadPid();
    if (alive(deadTaker)) deadTaker = await deadPid();
    await kinds[n % kinds.length]!();
  });
  // An older Casefile killed between creating its lock and filling it: empty, or cut short.
  // Each of these waits out the grace an unreadable lock gets (2 s), so only three rounds.
  const unreadable = await storm(3, async (n) => writeFile(lockPath(), n === 1 ? '{"pid": 4' : ''));
  expect([...bad, ...unreadable]).toEqual([]);
});

it(`without hard links (FAT, some shares): ${N} processes at once still get exactly one holder, free and stale, 60 rounds`, async () => {
  let dead = await deadPid();
  const bad = await storm(
    60,
    async (n) => {
      if (alive(dead)) dead = await deadPid();
      if (n % 2 === 1) await writeFile(lockPath(), lockOf(dead, new Date().toISOString()));
    },
    true,
  );
  expect(bad).toEqual([]);
});

it(`${N} processes taking the lock in turn as fast as they can: never two inside at once`, async () => {
  const iterations = 100;
  for (const noLink of [false, true]) {
    const at = Date.now() + BARRIER_MS;
    for (const w of workers) send(w, { kind: 'contend', at, iterations, holdMs: 2, noLink });
    const reports = await take(N, (r): r is Extract<StormReport, { kind: 'contended' }> => r.kind === 'contended', 'contention report');
    const total = (k: 'wins' | 'refusals' | 'overlaps') => reports.reduce((sum, r) => sum + r[k], 0);
    console.info(`lock contention${noLink ? ' without hard links' : ''}: ${N} processes × ${iterations} tries: ${total('wins')} held, ${total('refusals')} refused, ${total('overlaps')} overlaps`);
    expect({ noLink, overlaps: total('overlaps'), errors: reports.flatMap((r) => r.errors) }).toEqual({ noLink, overlaps: 0, errors: [] });
    // The lock was really fought over: both outcomes happened many times.
    expect(total('wins')).toBeGreaterThan(N);
    expect(total('refusals')).toBeGreaterThan(N);
    expect(total('wins') + total('refusals')).toBe(N * iterations);
    expect(await readdir(dir)).toEqual([]);
  }
});
