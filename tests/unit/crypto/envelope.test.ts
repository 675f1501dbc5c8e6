import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptBytes, encryptBytes, ENVELOPE_OVERHEAD, isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { EncryptedFileError } from '../../../electron/services/crypto/errors';
import { wipe } from '../../../electron/services/crypto/wipe';
import { ServiceError } from '../../../electron/services/errors';
import { MIXED_SCRIPTS } from '../../helpers/fixtures';

const key = () => randomBytes(32);
const NAME = 'cases/0b7c6a51-2c1e-4d57-9f0e-2f5d1c1b2a3e.json';

/** The reason decryption failed, or null when it did not. */
function failure(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(EncryptedFileError);
    return (err as EncryptedFileError).reason;
  }
}

describe('the file envelope', () => {
  const samples: [string, string][] = [
    ['Kazakh and Russian Cyrillic', 'Қасым-Жомарт Тоқаев · Қ Ө Ү Ұ Ә Ғ Ң І Һ · Токаев'],
    ['emoji with joiners and skin tones', '🕊️👩🏽‍⚖️🏳️‍🌈'],
    ['right-to-left scripts', 'حقوق الإنسان · זכויות'],
    ['every script at once', MIXED_SCRIPTS],
    ['decomposed and composed accents kept distinct', 'é e\u0301'],
    ['empty', ''],
  ];
  for (const [label, text] of samples) {
    it(`round-trips text: ${label}`, () => {
      const k = key();
      const env = encryptBytes(k, text, NAME);
      expect(isEncryptedBytes(env)).toBe(true);
      expect(env.length).toBe(Buffer.byteLength(text, 'utf8') + ENVELOPE_OVERHEAD);
      expect(decryptBytes(k, env, NAME).toString('utf8')).toBe(text);
    });
  }

  it('round-trips JSON and arbitrary bytes', () => {
    const k = key();
    const value = { name: MIXED_SCRIPTS, nested: { list: [1, 'Ә', null, true], rtl: 'حقوق' } };
    const json = `${JSON.stringify(value, null, 2)}\n`;
    expect(JSON.parse(decryptBytes(k, encryptBytes(k, json, NAME), NAME).toString('utf8'))).toEqual(value);
    const bytes = randomBytes(100_000);
    expect(decryptBytes(k, encryptBytes(k, bytes, 'quarantine/x'), 'quarantine/x').equals(bytes)).toBe(true);
  });

  it('uses a fresh nonce for every write: the same data encrypts differently each time', () => {
    const k = key();
    const envelopes = Array.from({ length: 50 }, () => encryptBytes(k, 'the same text', NAME));
    expect(new Set(envelopes.map((e) => e.toString('hex'))).size).toBe(50);
    expect(new Set(envelopes.map((e) => e.subarray(6, 18).toString('hex'))).size).toBe(50);
  });

  it('starts with the magic "CFENC1" and never contains the plaintext', () => {
    const env = encryptBytes(key(), `secret ${MIXED_SCRIPTS}`, NAME);
    expect(env.subarray(0, 6).toString('ascii')).toBe('CFENC1');
    expect(env.includes(Buffer.from('secret'))).toBe(false);
    expect(env.includes(Buffer.from('Тоқаев'))).toBe(false);
  });

  it('binds the file name: decrypting as another file fails', () => {
    const k = key();
    const env = encryptBytes(k, '{"id":"a"}', 'cases/a.json');
    expect(failure(() => decryptBytes(k, env, 'cases/b.json'))).toBe('auth_failed');
    expect(failure(() => decryptBytes(k, env, 'summary-index.json'))).toBe('auth_failed');
    expect(failure(() => decryptBytes(k, env, 'cases/a.json '))).toBe('auth_failed');
    expect(decryptBytes(k, env, 'cases/a.json').toString()).toBe('{"id":"a"}');
  });

  it('fails with another key', () => {
    expect(failure(() => decryptBytes(key(), encryptBytes(key(), 'x', NAME), NAME))).toBe('auth_failed');
  });

  it('detects a flipped byte at every position: header, nonce, ciphertext and tag', () => {
    const k = key();
    const env = encryptBytes(k, `{"name": "${MIXED_SCRIPTS}"}`, NAME);
    const reasons = new Set<string>();
    for (let i = 0; i < env.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const bad = Buffer.from(env);
        bad[i]! ^= mask;
        const reason = failure(() => decryptBytes(k, bad, NAME));
        expect(reason, `byte ${i} ^ ${mask}`).not.toBeNull();
        reasons.add(reason!);
      }
    }
    // Magic → not encrypted; version → unsupported; nonce, ciphertext, tag → authentication.
    expect([...reasons].sort()).toEqual(['auth_failed', 'not_encrypted', 'unsupported_version']);
    const at = (i: number) => {
      const bad = Buffer.from(env);
      bad[i]! ^= 1;
      return failure(() => decryptBytes(k, bad, NAME));
    };
    expect(at(0)).toBe('not_encrypted'); // magic
    expect(at(5)).toBe('unsupported_version'); // version
    expect(at(6)).toBe('auth_failed'); // first nonce byte
    expect(at(17)).toBe('auth_failed'); // last nonce byte
    expect(at(18)).toBe('auth_failed'); // first ciphertext byte
    expect(at(env.length - 17)).toBe('auth_failed'); // last ciphertext byte
    expect(at(env.length - 16)).toBe('auth_failed'); // first tag byte
    expect(at(env.length - 1)).toBe('auth_failed'); // last tag byte
  });

  it('detects truncation at every length and an appended byte', () => {
    const k = key();
    const env = encryptBytes(k, 'Кенжебек Әбішев', NAME);
    for (let len = 0; len < env.length; len++) {
      const reason = failure(() => decryptBytes(k, env.subarray(0, len), NAME));
      expect(reason, `cut to ${len}`).toBe(len < ENVELOPE_OVERHEAD ? 'truncated' : 'auth_failed');
    }
    expect(failure(() => decryptBytes(k, Buffer.concat([env, Buffer.from([0])]), NAME))).toBe('auth_failed');
  });

  it('refuses zero-filled, random and plain-JSON files', () => {
    const k = key();
    const env = encryptBytes(k, 'x'.repeat(500), NAME);
    expect(failure(() => decryptBytes(k, Buffer.alloc(env.length), NAME))).toBe('not_encrypted');
    const zeroedBody = Buffer.from(env);
    zeroedBody.fill(0, 6);
    expect(failure(() => decryptBytes(k, zeroedBody, NAME))).toBe('auth_failed');
    for (let i = 0; i < 20; i++) expect(failure(() => decryptBytes(k, randomBytes(env.length), NAME))).not.toBeNull();
    const randomBody = Buffer.concat([env.subarray(0, 6), randomBytes(env.length - 6)]);
    expect(failure(() => decryptBytes(k, randomBody, NAME))).toBe('auth_failed');
    expect(failure(() => decryptBytes(k, Buffer.from('{"id": "a"}'), NAME))).toBe('not_encrypted');
    expect(failure(() => decryptBytes(k, Buffer.alloc(0), NAME))).toBe('truncated');
  });

  it('says why in words the quarantine note can carry', () => {
    const k = key();
    const env = encryptBytes(k, 'x', NAME);
    env[env.length - 1]! ^= 1;
    expect(() => decryptBytes(k, env, NAME)).toThrow('authentication failed — the file was altered or damaged');
  });

  it('sniffs by magic only: JSON is never taken for an envelope', () => {
    expect(isEncryptedBytes(Buffer.from('{"a":1}'))).toBe(false);
    expect(isEncryptedBytes(Buffer.from('\uFEFF{"a":1}'))).toBe(false);
    expect(isEncryptedBytes(Buffer.from('CFENC'))).toBe(true);
    expect(isEncryptedBytes(Buffer.from('CFENC9 from a newer Casefile'))).toBe(true);
    expect(isEncryptedBytes(Buffer.from('CFEN'))).toBe(false);
    expect(isEncryptedBytes(new Uint8Array(0))).toBe(false);
  });

  it('refuses to encrypt or decrypt with a wiped or malformed key', () => {
    const k = key();
    const env = encryptBytes(k, 'x', NAME);
    wipe(k);
    expect(() => encryptBytes(k, 'x', NAME)).toThrow(ServiceError);
    expect(() => encryptBytes(k, 'x', NAME)).toThrow(/locked/);
    expect(() => decryptBytes(k, env, NAME)).toThrow(ServiceError);
    expect(() => encryptBytes(randomBytes(16), 'x', NAME)).toThrow(/32 bytes/);
  });
});
