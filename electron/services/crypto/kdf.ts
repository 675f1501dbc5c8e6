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
/**
 * Tuning never goes below 2^15 nor above 2^20 (1 GiB with r = 8). The floor is
 * for the laptop that is seized: its vault.json can be attacked offline on
 * better hardware for as long as the attacker likes, so a busy or slow machine
 * must not talk the cost down to the scrypt paper's 2^14 "interactive" minimum
 * (16 MiB); 2^15 asks 32 MiB and about twice the work per guess.
 */
export const TUNE_LOG2N_MIN = 15;
export const TUNE_LOG2N_MAX = 20;
/** Runs per measured candidate: the median of an odd number shrugs off one slow or one lucky run. */
export const TUNE_RUNS = 3;
/** How far above the target a candidate may go and still win: between two powers of two, the stronger one, unless it is much slower. */
const TUNE_SLACK = 1.5;
/** Fewest characters a new passphrase may have (code points, after NFC). One rule for the app and the command line. */
export const MIN_PASSPHRASE_CHARS = 8;
/** The most memory a recorded header may ask for: a damaged or hostile vault.json must not exhaust the machine. */
const MAX_SCRYPT_MEMORY = 2 ** 30;

/** What scrypt needs (OpenSSL counts 128·r·(N + p + 2) bytes), plus slack for rounding. */
function maxmemFor(N: number, r: number, p: number): number {
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

/** How many characters a passphrase has as the length rule counts them: code points after NFC ("Қ" or an emoji is one). */
const passphraseLength = (passphrase: string) => [...passphrase.normalize('NFC')].length;

/**
 * The one length rule for a new passphrase, enforced here so the app, browser
 * mode and the command line all refuse the same ones (the Settings form checks
 * the same number first, only to say so sooner).
 */
export function checkNewPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphraseLength(passphrase) === 0) {
    throw new ServiceError('bad_input', 'The new passphrase is empty. Nothing was changed.');
  }
  if (passphraseLength(passphrase) < MIN_PASSPHRASE_CHARS) {
    throw new ServiceError('bad_input', `The new passphrase is too short: use at least ${MIN_PASSPHRASE_CHARS} characters (a few unrelated words are easier to remember). Nothing was changed.`);
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Picks N (r = 8, p = 1) so that one derivation takes about `targetMs` on this
 * machine: slow enough that guessing passphrases from a stolen laptop's
 * vault.json is expensive, fast enough that unlocking is not a chore. Each
 * candidate is timed `TUNE_RUNS` times and its median counts, so one moment of
 * load (indexing, another app) neither weakens nor inflates the choice. scrypt's
 * cost is linear in N, so the floor's median predicts the rest; the largest N
 * whose median stays within `TUNE_SLACK` × the target wins (never below the floor).
 */
export async function tuneScrypt(targetMs = 250): Promise<TunedScrypt> {
  const clamp = (n: number) => Math.min(TUNE_LOG2N_MAX, Math.max(TUNE_LOG2N_MIN, n));
  const candidates: { log2N: number; ms: number }[] = [];
  const measure = async (log2N: number) => {
    const known = candidates.find((c) => c.log2N === log2N);
    if (known) return known.ms;
    const runs: number[] = [];
    for (let i = 0; i < TUNE_RUNS; i++) runs.push(await timeDerivation(log2N));
    const ms = median(runs);
    candidates.push({ log2N, ms });
    return ms;
  };
  // The first call also starts a thread-pool thread; a warm-up keeps that out of the baseline.
  await timeDerivation(10);
  const ceiling = targetMs * TUNE_SLACK;
  const baseMs = Math.max(0.1, await measure(TUNE_LOG2N_MIN));
  // The largest N the prediction allows, then walk down (or up) by measurement.
  let log2N = clamp(TUNE_LOG2N_MIN + Math.floor(Math.log2(ceiling / baseMs)));
  while (log2N > TUNE_LOG2N_MIN && (await measure(log2N)) > ceiling) log2N--;
  while (log2N < TUNE_LOG2N_MAX && (await measure(log2N)) <= ceiling && (await measure(log2N + 1)) <= ceiling) log2N++;
  return { params: scryptParams(2 ** log2N), measuredMs: await measure(log2N), candidates };
}

/**
 * The parameters for a vault being (re)written: tuned to this machine now, but
 * never weaker than `previous` (a passphrase change on a slower machine keeps
 * the old cost rather than lowering it).
 */
export async function strongerParams(previous: ScryptParams | undefined): Promise<ScryptParams> {
  const forTests = scryptParamsForTests(process.env);
  if (forTests) return forTests;
  const tunedNow = await defaultScryptParams();
  if (!previous || previous.N * previous.r <= tunedNow.N * tunedNow.r) return tunedNow;
  return previous;
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

