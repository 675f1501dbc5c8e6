import { randomBytes, scrypt } from 'node:crypto';
import { ServiceError } from '../errors';
import { wipe } from './wipe';

/** scrypt's cost parameters, as recorded in vault.json so the same key can be derived again. */
export type ScryptParams = {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  /** Bytes of key derived: always 32 (AES-256). */
  keylen: number;
  /** The memory limit handed to scrypt; recorded for other implementations, recomputed from N, r, p when deriving. */
  maxmem: number;
};

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;
/** Tuning never goes below 2^14 (the scrypt paper's interactive minimum) nor above 2^20 (1 GiB with r = 8). */
export const TUNE_LOG2N_MIN = 14;
export const TUNE_LOG2N_MAX = 20;
/** The most memory a recorded header may ask for: a damaged or hostile vault.json must not exhaust the machine. */
const MAX_SCRYPT_MEMORY = 2 ** 30;

/** What scrypt needs (OpenSSL counts 128·r·(N + p + 2) bytes), plus slack for rounding. */
export function maxmemFor(N: number, r: number, p: number): number {
  return 128 * r * (N + p + 2) + 64 * 1024;
}

export function scryptParams(N: number, r = 8, p = 1): ScryptParams {
  const params = { N, r, p, keylen: KEY_BYTES, maxmem: maxmemFor(N, r, p) };
  checkScryptParams(params);
  return params;
}

/** Why the parameters are unusable, or null. Bounds every value a header can carry. */
export function scryptParamsProblem(params: ScryptParams): string | null {
  const { N, r, p, keylen, maxmem } = params;
  if (!Number.isInteger(N) || N < 2 || (N & (N - 1)) !== 0) return `N must be a power of two (got ${N})`;
  if (!Number.isInteger(r) || r < 1 || r > 32) return `r must be 1..32 (got ${r})`;
  if (!Number.isInteger(p) || p < 1 || p > 16) return `p must be 1..16 (got ${p})`;
  if (128 * N * r > MAX_SCRYPT_MEMORY) return `N·r asks for more than ${MAX_SCRYPT_MEMORY / 2 ** 20} MiB`;
  if (keylen !== KEY_BYTES) return `keylen must be ${KEY_BYTES} (got ${keylen})`;
  if (!Number.isInteger(maxmem) || maxmem < 1) return `maxmem must be a positive integer (got ${maxmem})`;
  return null;
}

export function checkScryptParams(params: ScryptParams): void {
  const problem = scryptParamsProblem(params);
  if (problem) throw new ServiceError('bad_input', `Unusable key-derivation parameters: ${problem}.`);
}

/**
 * The passphrase as bytes: NFC first, so the same passphrase typed on a
 * keyboard that composes "Қ" or "é" differently (or pasted from macOS, which
 * likes NFD) derives the same key.
 */
export function passphraseBytes(passphrase: string): Buffer {
  if (typeof passphrase !== 'string') throw new ServiceError('bad_input', 'The passphrase must be text.');
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/** A new passphrase must at least not be empty; how long it must be is the UI's policy. */
export function checkNewPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase.normalize('NFC').length === 0) {
    throw new ServiceError('bad_input', 'The new passphrase is empty. Nothing was changed.');
  }
}

/**
 * Derives a 256-bit key from a passphrase with scrypt, off the main thread
 * (node's async scrypt runs in the libuv pool, so the UI stays responsive during
 * the deliberate ~250 ms). The caller wipes the result when done.
 */
export async function deriveKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  checkScryptParams(params);
  const secret = passphraseBytes(passphrase);
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      scrypt(secret, salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params.N, params.r, params.p) }, (err, key) =>
        err ? reject(err) : resolve(key),
      );
    });
  } finally {
    wipe(secret);
  }
}

export type TunedScrypt = {
  params: ScryptParams;
  /** How long one derivation with `params` took here. */
  measuredMs: number;
  /** Every candidate measured, for the log. */
  candidates: { log2N: number; ms: number }[];
};

async function timeDerivation(log2N: number): Promise<number> {
  const salt = randomBytes(SALT_BYTES);
  const start = performance.now();
  wipe(await deriveKey('casefile scrypt tuning', salt, scryptParams(2 ** log2N)));
  return performance.now() - start;
}

/**
 * Picks N (r = 8, p = 1) so that one derivation takes about `targetMs` on this
 * machine: slow enough that guessing passphrases from a stolen laptop's
 * vault.json is expensive, fast enough that unlocking is not a chore. scrypt's
 * cost is linear in N, so one measurement predicts the rest; the prediction and
 * its neighbour are then measured and the one closest to the target (on a log
 * scale) wins.
 */
export async function tuneScrypt(targetMs = 250): Promise<TunedScrypt> {
  const clamp = (n: number) => Math.min(TUNE_LOG2N_MAX, Math.max(TUNE_LOG2N_MIN, n));
  const candidates: { log2N: number; ms: number }[] = [];
  const measure = async (log2N: number) => {
    const known = candidates.find((c) => c.log2N === log2N);
    if (known) return known.ms;
    // The faster of two runs: a busy moment (indexing, another app) must not talk the tuning into a weaker N.
    const ms = Math.min(await timeDerivation(log2N), await timeDerivation(log2N));
    candidates.push({ log2N, ms });
    return ms;
  };
  // The first call also starts a thread-pool thread; a warm-up keeps that out of the baseline.
  await timeDerivation(10);
  const baseMs = Math.max(0.1, await measure(TUNE_LOG2N_MIN));
  const guess = clamp(TUNE_LOG2N_MIN + Math.round(Math.log2(targetMs / baseMs)));
  const guessMs = await measure(guess);
  // Check the neighbour on the side of the target, when there is one.
  const neighbour = clamp(guessMs < targetMs ? guess + 1 : guess - 1);
  if (neighbour !== guess) await measure(neighbour);
  const distance = (ms: number) => Math.abs(Math.log(Math.max(ms, 0.1) / targetMs));
  const best = candidates.reduce((a, b) => (distance(b.ms) < distance(a.ms) || (distance(b.ms) === distance(a.ms) && b.log2N > a.log2N) ? b : a));
  return { params: scryptParams(2 ** best.log2N), measuredMs: best.ms, candidates };
}

let tuned: Promise<ScryptParams> | undefined;

/**
 * The production default: tuned once per process (tuning costs about a second)
 * and reused for every vault this process creates.
 */
export function defaultScryptParams(): Promise<ScryptParams> {
  tuned ??= tuneScrypt().then(
    (t) => t.params,
    (err: unknown) => {
      tuned = undefined;
      throw err;
    },
  );
  return tuned;
}

/**
 * Tests only: `CASEFILE_SCRYPT_N` sets scrypt's cost for a NEW vault (encrypt),
 * so a test suite does not pay the production derivation (~250 ms, tuned per
 * machine) on every command. Honoured only under vitest or NODE_ENV=test; a real
 * user's folder is always encrypted with the tuned cost. Unlocking always uses
 * the cost recorded in vault.json.
 */
export function scryptParamsForTests(env: NodeJS.ProcessEnv): ScryptParams | undefined {
  const raw = env.CASEFILE_SCRYPT_N;
  if (raw === undefined || !(process.env.VITEST || process.env.NODE_ENV === 'test')) return undefined;
  return scryptParams(Number(raw));
}

