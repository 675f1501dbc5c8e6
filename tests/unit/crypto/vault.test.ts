import { describe, expect, it } from 'vitest';
import { WRONG_PASSPHRASE_MESSAGE, WrongPassphraseError } from '../../../electron/services/crypto/errors';
import { MIN_PASSPHRASE_CHARS, scryptParams } from '../../../electron/services/crypto/kdf';
import { createVault, parseVaultHeader, rewrapVault, unlockVault, type VaultHeader } from '../../../electron/services/crypto/vault';
import { wipe } from '../../../electron/services/crypto/wipe';
import { ServiceError } from '../../../electron/services/errors';
import { FAST_KDF } from '../../helpers/cryptoFolder';

const PASS = 'Тұмар — «тау» 🏔 & پاسخ';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('the vault (key hierarchy)', () => {
  it('creates a random data key wrapped by the passphrase, and unlocks it again', async () => {
    const { header, dataKey } = await createVault(PASS, FAST_KDF);
    expect(dataKey.length).toBe(32);
    expect((await unlockVault(header, PASS)).equals(dataKey)).toBe(true);
    // JSON-serialisable, and nothing secret in it.
    const text = JSON.stringify(header);
    expect((await unlockVault(JSON.parse(text), PASS)).equals(dataKey)).toBe(true);
    expect(text).not.toContain(dataKey.toString('base64'));
    expect(text).not.toContain(dataKey.toString('hex'));
    expect(text).not.toContain('Тұмар');
    expect(header).toMatchObject({ format: 'casefile-vault', version: 2, check: expect.stringMatching(/^[0-9a-f]{64}$/), kdf: { name: 'scrypt', N: 1024, r: 8, p: 1, keylen: 32 }, wrap: { cipher: 'aes-256-gcm' } });
    expect(Buffer.from(header.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(header.wrap.nonce, 'base64')).toHaveLength(12);
    expect(Buffer.from(header.wrap.tag, 'base64')).toHaveLength(16);
  });

  it('gives every vault its own key and salt', async () => {
    const a = await createVault(PASS, FAST_KDF);
    const b = await createVault(PASS, FAST_KDF);
    expect(a.dataKey.equals(b.dataKey)).toBe(false);
    expect(a.header.kdf.salt).not.toBe(b.header.kdf.salt);
  });

  it('refuses a wrong passphrase with the typed error', async () => {
    const { header } = await createVault(PASS, FAST_KDF);
    for (const wrong of ['', 'wrong', PASS.slice(0, -1), `${PASS} `, PASS.toUpperCase()]) {
      const err = await rejection(unlockVault(header, wrong));
      expect(err).toBeInstanceOf(WrongPassphraseError);
      expect(err).toBeInstanceOf(ServiceError);
      expect((err as ServiceError).code).toBe('bad_input');
      expect((err as ServiceError).message).toBe('The passphrase is wrong. Nothing was changed.');
      expect((err as ServiceError).toApiError()).toEqual({ code: 'bad_input', message: WRONG_PASSPHRASE_MESSAGE });
    }
  });

  it('normalises the passphrase to NFC: composed and decomposed letters unlock alike', async () => {
    const composed = 'Қазақ café';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const { header, dataKey } = await createVault(decomposed, FAST_KDF);
    expect((await unlockVault(header, composed)).equals(dataKey)).toBe(true);
  });

  it('rewraps the same data key under a new passphrase; the old one stops working', async () => {
    const { header, dataKey } = await createVault(PASS, FAST_KDF);
    const next = await rewrapVault(header, PASS, 'new passphrase ✓');
    expect(next.kdf.salt).not.toBe(header.kdf.salt);
    expect(next.kdf.N).toBe(header.kdf.N); // parameters kept unless asked
    expect((await unlockVault(next, 'new passphrase ✓')).equals(dataKey)).toBe(true);
    expect(await rejection(unlockVault(next, PASS))).toBeInstanceOf(WrongPassphraseError);
    expect(await rejection(rewrapVault(header, 'nope', 'x is long enough'))).toBeInstanceOf(WrongPassphraseError);
    const stronger = await rewrapVault(next, 'new passphrase ✓', PASS, scryptParams(2048));
    expect(stronger.kdf.N).toBe(2048);
    expect((await unlockVault(stronger, PASS)).equals(dataKey)).toBe(true);
  });

  it('refuses an empty new passphrase', async () => {
    expect(((await rejection(createVault('', FAST_KDF))) as ServiceError).code).toBe('bad_input');
    const { header } = await createVault(PASS, FAST_KDF);
    expect(((await rejection(rewrapVault(header, PASS, ''))) as ServiceError).code).toBe('bad_input');
  });

  it(`refuses a new passphrase shorter than ${MIN_PASSPHRASE_CHARS} characters, counting what a person sees`, async () => {
    const short = await rejection(createVault('Қазақ12', FAST_KDF));
    expect((short as ServiceError).code).toBe('bad_input');
    expect((short as ServiceError).message).toContain(`at least ${MIN_PASSPHRASE_CHARS} characters`);
    // Eight Kazakh letters are 16 UTF-8 bytes and eight characters: long enough.
    await expect(createVault('ҚӨҮҰӘҒҢІ', FAST_KDF)).resolves.toBeDefined();
    // "é" typed as e + combining accent is one character after NFC: seven of them are too few.
    expect(((await rejection(createVault('e\u0301'.repeat(7), FAST_KDF))) as ServiceError).code).toBe('bad_input');
    const { header } = await createVault(PASS, FAST_KDF);
    expect(((await rejection(rewrapVault(header, PASS, 'short'))) as ServiceError).message).toContain('too short');
  });

  it('detects a tampered header as a damaged file (a version 1 header, without a check: as a wrong passphrase), never a wrong key', async () => {
    const { header } = await createVault(PASS, FAST_KDF);
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0]! ^= 1;
      return b.toString('base64');
    };
    const tampered: VaultHeader[] = [
      { ...header, kdf: { ...header.kdf, salt: flip(header.kdf.salt) } },
      { ...header, kdf: { ...header.kdf, N: 2048 } },
      { ...header, wrap: { ...header.wrap, nonce: flip(header.wrap.nonce) } },
      { ...header, wrap: { ...header.wrap, tag: flip(header.wrap.tag) } },
      { ...header, wrap: { ...header.wrap, wrappedKey: flip(header.wrap.wrappedKey) } },
    ];
    for (const h of tampered) {
      const err = (await rejection(unlockVault(h, PASS))) as ServiceError;
      expect(err).not.toBeInstanceOf(WrongPassphraseError);
      expect(err.message).toMatch(/^vault\.json in the data folder is damaged/);
      // A version 1 header carries no check: GCM alone cannot tell damage from a wrong passphrase.
      const { check: _check, ...v1 } = h;
      expect(await rejection(unlockVault({ ...v1, version: 1 }, PASS))).toBeInstanceOf(WrongPassphraseError);
    }
  });

  it('rejects malformed headers in words, and hostile scrypt parameters before deriving', async () => {
    const { header } = await createVault(PASS, FAST_KDF);
    const bad: [unknown, string][] = [
      [null, 'damaged'],
      [{}, 'damaged'],
      [{ ...header, kdf: { ...header.kdf, salt: 'AAAA' } }, 'damaged'],
      [{ ...header, extra: 1 }, 'damaged'],
      [{ ...header, kdf: { ...header.kdf, N: 1000 } }, 'power of two'],
      [{ ...header, kdf: { ...header.kdf, N: 2 ** 24 } }, 'MiB'],
      [{ ...header, kdf: { ...header.kdf, keylen: 16 } }, 'keylen'],
    ];
    for (const [raw, words] of bad) {
      const err = (await rejection(unlockVault(raw, PASS))) as ServiceError;
      expect(err.code).toBe('internal');
      expect(err.message).toContain(words);
    }
    const newer = (await rejection(unlockVault({ ...header, version: 3 }, PASS))) as ServiceError;
    expect(newer.code).toBe('unsupported');
    expect(() => parseVaultHeader(header)).not.toThrow();
  });

  it('wipe zeroes a key in place', async () => {
    const { dataKey } = await createVault(PASS, FAST_KDF);
    wipe(dataKey);
    expect(dataKey.every((b) => b === 0)).toBe(true);
    wipe(undefined);
  });
});
