import { spawn } from 'node:child_process';
import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptFolder, encryptFolder, folderEncryption, isFolderEncrypted, openVault, recoverConversion } from '../../../electron/services/crypto/convert';
import { WrongPassphraseError } from '../../../electron/services/crypto/errors';
import { buildDataFolder, expectSamePlaintext, FAST_KDF, snapshot, type FolderSnapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// A child process encrypts, decrypts, or changes the passphrase of a copy of a
// realistic data folder and is SIGKILLed at a random moment of it; after each
// kill the folder is recovered as the app will recover it and must hold exactly
// the original plaintext of every file, under the old or the new state.

const root = path.resolve(import.meta.dirname, '../../..');
const A = 'passphrase A — Қазақ 🕊️';
const B = 'passphrase B — حقوق';
const WRONG = 'wrong passphrase';
/** Kills that land mid-operation, per operation (3 operations: ≥ 60 in all). */
const PER_OPERATION = 20;

let base: string;
let cleanup: () => Promise<void>;
let original: FolderSnapshot;

beforeAll(async () => {
  ({ dir: base, cleanup } = await tempDir('casefile-crypto-crash-'));
  await mkdir(path.join(base, 'plain'));
  // Enough cases that a conversion spans many writes.
  await buildDataFolder(path.join(base, 'plain'), 30);
  original = await snapshot(path.join(base, 'plain'));
});
afterAll(() => cleanup());

type Op = 'encrypt' | 'decrypt' | 'rekey';

/**
 * Runs `op` in a child and SIGKILLs it `fraction` of the way through (by the
 * longest run seen so far; a fraction above 1 lands after the end, which is
 * also worth testing; Infinity waits for the end). Says whether the kill landed
 * mid-operation.
 */
async function runAndKill(dir: string, op: Op, args: string[], fraction: number, durations: Map<Op, number>): Promise<boolean> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/helpers/cryptoOperation.ts'), dir, op, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve, reject) =>
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the ${op} child exited on its own (${code ?? signal}): ${stderr}`)))),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.startsWith('begin\n')) resolve();
    });
    exited.catch(reject);
  });
  if (Number.isFinite(fraction)) await new Promise((r) => setTimeout(r, fraction * (durations.get(op) ?? 100)));
  else await new Promise<void>((resolve) => child.stdout!.on('data', () => /^end /m.test(stdout) && resolve()));
  child.kill('SIGKILL');
  await exited;
  const end = /^end (\d+)$/m.exec(stdout);
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
  if (!(await isFolderEncrypted(dir))) {
    await expectSamePlaintext(dir, original, null);
    return null;
  }
  const opened: { passphrase: string; key: Buffer }[] = [];
  for (const p of candidates) {
    const key = await openVault(dir, p).catch((err: unknown) => {
      if (err instanceof WrongPassphraseError) return null;
      throw err;
    });
    if (key) opened.push({ passphrase: p, key });
  }
  expect(opened).toHaveLength(1);
  await expectSamePlaintext(dir, original, opened[0]!.key);
  return opened[0]!.passphrase;
}

describe('encryption crash safety (SIGKILL)', () => {
  it(`each of encryptFolder, decryptFolder and changePassphrase killed mid-operation ≥ ${PER_OPERATION} times: the folder always recovers to the original plaintext`, async () => {
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
    await expectSamePlaintext(dir, original, await openVault(dir, B));
    await runAndKill(dir, 'decrypt', [B], Infinity, durations);
    await expectSamePlaintext(dir, original, null);
    while (ops.some((op) => (midOperation.get(op) ?? 0) < PER_OPERATION)) {
      expect(kills).toBeLessThan(250); // the kills do land mid-operation
      const pending = ops.filter((o) => (midOperation.get(o) ?? 0) < PER_OPERATION);
      const op = pending[kills % pending.length]!;
      // Bring the folder to the operation's starting state, in this process.
      const encrypted = await isFolderEncrypted(dir);
      if (op === 'encrypt' && encrypted) await decryptFolder(dir, current);
      if (op !== 'encrypt' && !encrypted) await encryptFolder(dir, current, FAST_KDF);
      const other = current === A ? B : A;
      const landed = await runAndKill(dir, op, op === 'rekey' ? [current, other] : [current], Math.random() * 1.1, durations);
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
