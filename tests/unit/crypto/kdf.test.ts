import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultScryptParams, deriveKey, passphraseBytes, scryptParams, strongerParams, TUNE_LOG2N_MAX, TUNE_LOG2N_MIN, TUNE_RUNS, tuneScrypt } from '../../../electron/services/crypto/kdf';
import { ServiceError } from '../../../electron/services/errors';

describe('key derivation', () => {
  it('derives 32 bytes, deterministically from passphrase and salt', async () => {
    const salt = randomBytes(16);
    const a = await deriveKey('Қасым 🕊️', salt, scryptParams(1024));
    expect(a).toHaveLength(32);
    expect((await deriveKey('Қасым 🕊️', salt, scryptParams(1024))).equals(a)).toBe(true);
    expect((await deriveKey('Қасым 🕊️', randomBytes(16), scryptParams(1024))).equals(a)).toBe(false);
    expect((await deriveKey('Қасым 🕊', salt, scryptParams(1024))).equals(a)).toBe(false);
    expect((await deriveKey('Қасым 🕊️', salt, scryptParams(2048))).equals(a)).toBe(false);
  });

  it('normalises to NFC and encodes UTF-8', () => {
    expect(passphraseBytes('e\u0301').equals(Buffer.from('\u00e9', 'utf8'))).toBe(true);
    expect(passphraseBytes('Қ').equals(Buffer.from([0xd2, 0x9a]))).toBe(true);
  });

  it('refuses unusable parameters', () => {
    expect(() => scryptParams(1000)).toThrow(ServiceError);
    expect(() => scryptParams(2 ** 21, 8)).toThrow(/MiB/);
    expect(() => scryptParams(1024, 0)).toThrow(/r must/);
    expect(scryptParams(2 ** 20).maxmem).toBeGreaterThan(128 * 2 ** 20 * 8);
  });

  it(`tunes N to about 250 ms on this machine: a power of two within 2^${TUNE_LOG2N_MIN}..2^${TUNE_LOG2N_MAX}`, async () => {
    const tuned = await tuneScrypt(250);
    const { N, r, p, keylen } = tuned.params;
    expect(Number.isInteger(Math.log2(N))).toBe(true);
    expect(N).toBeGreaterThanOrEqual(2 ** TUNE_LOG2N_MIN);
    expect(N).toBeLessThanOrEqual(2 ** TUNE_LOG2N_MAX);
    expect({ r, p, keylen }).toEqual({ r: 8, p: 1, keylen: 32 });
    expect(tuned.candidates.length).toBeGreaterThanOrEqual(1); // one when even the floor is over the ceiling (a busy machine)
    // Timing is informative only: this machine may be busy with other tests.
    const start = performance.now();
    await deriveKey('check', randomBytes(16), tuned.params);
    console.info(
      `scrypt tuning: N = 2^${Math.log2(N)} measured ${tuned.measuredMs.toFixed(0)} ms (re-derived in ${(performance.now() - start).toFixed(0)} ms); ` +
        `candidates ${tuned.candidates.map((c) => `2^${c.log2N}: ${c.ms.toFixed(0)} ms`).join(', ')}`,
    );
  });

  it('never goes below 2^15 (32 MiB with r = 8), however small the target or slow the machine', async () => {
    expect(TUNE_LOG2N_MIN).toBeGreaterThanOrEqual(15);
    const tuned = await tuneScrypt(0.001);
    expect(tuned.params.N).toBe(2 ** TUNE_LOG2N_MIN);
    expect(tuned.params.maxmem).toBeGreaterThanOrEqual(128 * 8 * 2 ** 15);
  });

  it(`times each candidate ${TUNE_RUNS} times and goes by the median, so one slow or one fast run does not decide`, async () => {
    const tuned = await tuneScrypt(250);
    // Every candidate it reports was measured (its median), and the one chosen is within the slack of the target or the floor.
    expect(tuned.candidates.some((c) => 2 ** c.log2N === tuned.params.N)).toBe(true);
    const chosen = tuned.candidates.find((c) => 2 ** c.log2N === tuned.params.N)!;
    const stronger = tuned.candidates.find((c) => c.log2N === chosen.log2N + 1);
    // The next stronger candidate, when measured, was over the ceiling (or the maximum was reached).
    if (stronger && chosen.log2N < TUNE_LOG2N_MAX) expect(stronger.ms).toBeGreaterThan(250 * 1.5);
    if (chosen.log2N > TUNE_LOG2N_MIN) expect(chosen.ms).toBeLessThanOrEqual(250 * 1.5);
  });

  it('a passphrase change takes the tuned cost, but never a weaker one than the vault had', async () => {
    const tunedNow = await defaultScryptParams();
    expect(await strongerParams(scryptParams(2 ** 14))).toEqual(tunedNow);
    const heavier = scryptParams(Math.min(2 ** TUNE_LOG2N_MAX, tunedNow.N * 2));
    expect(await strongerParams(heavier)).toEqual(heavier.N > tunedNow.N ? heavier : tunedNow);
    expect(await strongerParams(undefined)).toEqual(tunedNow);
  });

  it('the production default is the tuned one, computed once per process', async () => {
    const a = await defaultScryptParams();
    const b = await defaultScryptParams();
    expect(a).toBe(b);
    expect(a.N).toBeGreaterThanOrEqual(2 ** TUNE_LOG2N_MIN);
  });
});
