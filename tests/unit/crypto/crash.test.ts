import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readdir } from 'node:fs/promises';
import { listSnapshots, readSnapshot } from '../../../electron/services/backup';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptFolder, encryptFolder, openVault, recoverConversion } from '../../../electron/services/folder/convert';
import { folderEncryption, isFolderEncrypted } from '../../../electron/services/crypto/folderState';
import { WrongPassphraseError } from '../../../electron/services/crypto/errors';
import { buildDataFolder, expectSameCasesAndSnapshots, FAST_KDF, snapshot, type FolderSnapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// A child process runs `casefile encrypt`, `casefile decrypt` or `casefile
// change-passphrase` — the real command line, which snapshots the folder before
// it converts it — on a copy of a realistic data folder that already holds
// snapshots, and is SIGKILLed at a random moment of it. After each kill the
// folder is recovered as the app will recover it and must hold exactly the
// original plaintext of every file, under the old or the new state; every
// snapshot under its final name must read back whole (the one taken before the
// test unchanged), and `casefile verify` must find nothing but the one file the
// fixture damaged on purpose.
//
// Kills: at least 14 mid-operation per command (42), plus those that land after
// one ended — about 50 a run (printed at the end).

const root = path.resolve(import.meta.dirname, '../../..');
const A = 'passphrase A — Қазақ 🕊️';
const B = 'passphrase B — حقوق';
const WRONG = 'wrong passphrase';
/** Kills that land mid-operation, per command (3 commands: ≥ 42 in all). */
const PER_OPERATION = 14;

let base: string;
let cleanup: () => Promise<void>;
let original: FolderSnapshot;
/** The snapshot the folder held before the test, and what it holds. */
let keptSnapshot: { name: string; entries: unknown };
/** The file the fixture damaged on purpose (quarantined): the one problem verify may report. */
let quarantined: string;

beforeAll(async () => {
  ({ dir: base, cleanup } = await tempDir('casefile-crypto-crash-'));
  const plain = path.join(base, 'plain');
  await mkdir(plain);
  // Enough cases that a conversion spans many writes.
  await buildDataFolder(plain, 30);
  const store = await CaseStore.open(plain);
  const snap = await store.backup('manual');
  quarantined = (await store.listQuarantine()).find((q) => !q.file.endsWith('.reason.txt'))!.file;
  await store.close();
  keptSnapshot = { name: snap.name, entries: (await readSnapshot(plain, snap.name, null)).entries };
  original = await snapshot(plain);
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await cleanup();
});

type Op = 'encrypt' | 'decrypt' | 'rekey';

type Child = { child: ChildProcess; loaded: Promise<void>; stdout: () => string; exited: Promise<NodeJS.Signals | null>; stderr: () => string };

/** A child that loads the command line now and runs an operation when told (see cryptoOperation.ts). */
function spawnChild(): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/helpers/cryptoOperation.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => {
      children.delete(child);
      resolve(signal);
    }),
  );
  const loaded = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => stdout.startsWith('loaded\n') && resolve());
    void exited.then(() => reject(new Error(`the crypto child ended before loading: ${stderr}`)));
  });
  loaded.catch(() => undefined);
  return { child, loaded, stdout: () => stdout, exited, stderr: () => stderr };
}

const children = new Set<ChildProcess>();
/** The next child, loading while the test checks the folder. */
let spare: Child | null = null;

/**
 * Runs `op` in a (preloaded) child and SIGKILLs it `fraction` of the way
 * through (by the longest run seen so far; a fraction above 1 lands after the
 * end, which is also worth testing; Infinity waits for the end). Says whether
 * the kill landed mid-operation.
 */
async function runAndKill(dir: string, op: Op, args: string[], fraction: number, durations: Map<Op, number>): Promise<boolean> {
  const run = spare ?? spawnChild();
  spare = spawnChild();
  await run.loaded;
  const died = run.exited.then((signal) => {
    if (signal !== 'SIGKILL') throw new Error(`the ${op} child exited on its own: ${run.stderr()}`);
  });
  run.child.stdin!.write(`${JSON.stringify({ dir, op, passphrase: args[0], newPassphrase: args[1] })}\n`);
  const seen = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => pattern.test(run.stdout()) && resolve();
      run.child.stdout!.on('data', check);
      check();
      died.catch(reject);
    });
  await seen(/^begin$/m);
  if (Number.isFinite(fraction)) await new Promise((r) => setTimeout(r, fraction * (durations.get(op) ?? 100)));
  else await seen(/^end \d+$/m);
  run.child.kill('SIGKILL');
  await died;
  const end = /^end (\d+)$/m.exec(run.stdout());
  if (end) durations.set(op, Math.max(durations.get(op) ?? 0, Number(end[1])));
  return !end;
}

/**
 * Recovers as the app will: first without the passphrase (sweeps, finishes a
 * committed conversion); if a passphrase is needed, a wrong one must change
 * nothing and the right one resolves it. Then the folder must open with exactly
 * one of the candidate passphrases (or be plain) and hold the original plaintext.
 * Returns the passphrase that opened it.
 */
async function recoverAndCheck(dir: string, candidates: string[], stats: Map<string, number>): Promise<string | null> {
  const bump = (k: string) => stats.set(k, (stats.get(k) ?? 0) + 1);
  const state = await folderEncryption(dir);
  bump(state.state === 'interrupted' ? `interrupted ${state.operation}` : state.state);
  const leftovers = (await Promise.all(['.', 'cases', 'trash', 'quarantine'].map((d) => readdir(path.join(dir, d))))).flat().filter((n) => n.endsWith('.tmp'));
  if (leftovers.length > 0) bump('temp files left by the kill');

  const first = await recoverConversion(dir);
  if (first.state === 'needs_passphrase') {
    const before = await snapshot(dir);
    await expect(recoverConversion(dir, WRONG)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await snapshot(dir)).toEqual(before);
    let resolved = false;
    for (const p of candidates) {
      const r = await recoverConversion(dir, p).catch((err: unknown) => {
        if (err instanceof WrongPassphraseError) return null;
        throw err;
      });
      if (r) {
        expect(r).toMatchObject({ state: 'finished', encrypted: true });
        resolved = true;
        break;
      }
    }
    expect(resolved).toBe(true);
  }
  let opened: { passphrase: string; key: Buffer } | null = null;
  if (await isFolderEncrypted(dir)) {
    const keys: { passphrase: string; key: Buffer }[] = [];
    for (const p of candidates) {
      const key = await openVault(dir, p).catch((err: unknown) => {
        if (err instanceof WrongPassphraseError) return null;
        throw err;
      });
      if (key) keys.push({ passphrase: p, key });
    }
    expect(keys).toHaveLength(1);
    opened = keys[0]!;
  }
  const key = opened?.key ?? null;
  await expectSameCasesAndSnapshots(dir, original, key);
  // Every snapshot under its final name is whole; the one from before the test holds what it held.
  const snapshots = await listSnapshots(dir);
  for (const s of snapshots) await readSnapshot(dir, s.name, key);
  expect(snapshots.map((s) => s.name)).toContain(keptSnapshot.name);
  expect((await readSnapshot(dir, keptSnapshot.name, key)).entries).toEqual(keptSnapshot.entries);
  // And the command line's own check: nothing wrong but the file the fixture damaged.
  const verify = await cli(['--data-dir', dir, 'verify'], opened ? { CASEFILE_PASSPHRASE: opened.passphrase } : {});
  expect(verify.stderr).toBe('');
  expect(verify.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([expect.stringMatching(new RegExp(`^  ${quarantined.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: quarantined: `))]);
  return opened?.passphrase ?? null;
}

describe('encryption crash safety (SIGKILL)', () => {
  it(`each of casefile encrypt, decrypt and change-passphrase killed mid-operation ≥ ${PER_OPERATION} times: the folder always recovers to the original plaintext, its snapshots whole, verify clean`, async () => {
    const dir = path.join(base, 'crash');
    await cp(path.join(base, 'plain'), dir, { recursive: true, preserveTimestamps: true });
    const durations = new Map<Op, number>();
    const midOperation = new Map<Op, number>();
    const afterEnd = new Map<Op, number>();
    const stats = new Map<string, number>();
    const count = (m: Map<Op, number>, op: Op) => m.set(op, (m.get(op) ?? 0) + 1);
    /** Which passphrase opens the folder now (the rekey runs swap A and B). */
    let current = A;
    let kills = 0;
    const ops: Op[] = ['encrypt', 'decrypt', 'rekey'];
    // One whole run of each first, so the kills can be spread over the whole of an operation.
    await runAndKill(dir, 'encrypt', [A], Infinity, durations);
    await runAndKill(dir, 'rekey', [A, B], Infinity, durations);
    await expectSameCasesAndSnapshots(dir, original, await openVault(dir, B));
    await runAndKill(dir, 'decrypt', [B], Infinity, durations);
    await expectSameCasesAndSnapshots(dir, original, null);
    expect((await listSnapshots(dir)).map((s) => s.reason).sort()).toEqual(['before-decrypt', 'before-encrypt', 'manual']);
    while (ops.some((op) => (midOperation.get(op) ?? 0) < PER_OPERATION)) {
      expect(kills).toBeLessThan(250); // the kills do land mid-operation
      const pending = ops.filter((o) => (midOperation.get(o) ?? 0) < PER_OPERATION);
      const op = pending[kills % pending.length]!;
      // Bring the folder to the operation's starting state, in this process.
      const encrypted = await isFolderEncrypted(dir);
      if (op === 'encrypt' && encrypted) await decryptFolder(dir, current);
      if (op !== 'encrypt' && !encrypted) await encryptFolder(dir, current, FAST_KDF);
      const other = current === A ? B : A;
      // Mostly inside the longest run seen; one in ten just after it, which is worth testing too.
      const fraction = Math.random() < 0.1 ? 1 + Math.random() * 0.2 : Math.random() * 0.95;
      const landed = await runAndKill(dir, op, op === 'rekey' ? [current, other] : [current], fraction, durations);
      kills++;
      count(landed ? midOperation : afterEnd, op);
      const opened = await recoverAndCheck(dir, [current, other], stats);
      if (opened) current = opened;
    }
    const fmt = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ');
    console.info(
      `crypto crash test: ${kills} kills; mid-operation: ${fmt(midOperation)}; after it ended: ${fmt(afterEnd)}; ` +
        `longest run (ms): ${fmt(durations)}; found after the kill: ${fmt(stats)}`,
    );
  });
}, 900_000);
