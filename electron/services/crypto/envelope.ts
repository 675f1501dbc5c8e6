import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ServiceError } from '../errors';
import { EncryptedFileError } from './errors';
import { KEY_BYTES } from './kdf';
import { isWiped } from './wipe';

// One encrypted file:
//
//   offset  size  field
//   0       5     magic "CFENC" (ASCII)
//   5       1     format version "1" (ASCII)
//   6       12    nonce, fresh random per write
//   18      n     AES-256-GCM ciphertext (same length as the plaintext)
//   18+n    16    GCM tag
//
// The additional authenticated data is the 6-byte magic+version followed by the
// file's logical name in UTF-8 (e.g. "cases/<id>.json"): the tag then covers the
// header, the content and which file this is, so a file swapped for another
// (case A's file renamed to case B's) fails exactly like a damaged one.

export const ENVELOPE_MAGIC = Buffer.from('CFENC', 'ascii');
export const ENVELOPE_VERSION = 0x31; // "1"
const HEADER_BYTES = ENVELOPE_MAGIC.length + 1;
const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
/** Header + nonce + tag: what encryption adds to every file. */
export const ENVELOPE_OVERHEAD = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

const HEADER = Buffer.concat([ENVELOPE_MAGIC, Buffer.from([ENVELOPE_VERSION])]);

function additionalData(aad: string): Buffer {
  return Buffer.concat([HEADER, Buffer.from(aad, 'utf8')]);
}

export function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new ServiceError('internal', `An encryption key must be ${KEY_BYTES} bytes (got ${key.length}).`);
  // A wiped key would encrypt happily and leave files nobody can read back.
  if (isWiped(key)) throw new ServiceError('internal', 'The data folder is locked (its key was wiped). Nothing was written; unlock it and try again.');
}

/**
 * Sniffs the magic only (any version), so a file from a newer Casefile is still
 * recognised as encrypted rather than mistaken for plain JSON. JSON can never
 * start with "CFENC".
 */
export function isEncryptedBytes(buf: Uint8Array): boolean {
  return buf.length >= ENVELOPE_MAGIC.length && Buffer.from(buf.buffer, buf.byteOffset, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC);
}

/** Encrypts `plaintext` for the file whose logical name is `aad`. */
export function encryptBytes(dataKey: Uint8Array, plaintext: string | Uint8Array, aad: string): Buffer {
  checkKey(dataKey);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(aad));
  const body = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const out = Buffer.concat([HEADER, nonce, cipher.update(body), cipher.final(), cipher.getAuthTag()]);
  if (typeof plaintext === 'string') body.fill(0);
  return out;
}

/**
 * Decrypts an envelope written for the logical name `aad`. Anything short of a
 * perfect match — a flipped bit anywhere, a cut, another file's name, another
 * key — throws `EncryptedFileError`; no partial plaintext is ever returned.
 */
export function decryptBytes(dataKey: Uint8Array, envelope: Uint8Array, aad: string): Buffer {
  checkKey(dataKey);
  const buf = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  if (!isEncryptedBytes(buf)) throw new EncryptedFileError(buf.length < ENVELOPE_MAGIC.length && HEADER.subarray(0, buf.length).equals(buf) ? 'truncated' : 'not_encrypted');
  if (buf.length >= HEADER_BYTES && buf[ENVELOPE_MAGIC.length] !== ENVELOPE_VERSION) throw new EncryptedFileError('unsupported_version');
  if (buf.length < ENVELOPE_OVERHEAD) throw new EncryptedFileError('truncated');
  const nonce = buf.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
  const tag = buf.subarray(buf.length - TAG_BYTES);
  const body = buf.subarray(HEADER_BYTES + NONCE_BYTES, buf.length - TAG_BYTES);
  return openGcm(dataKey, nonce, additionalData(aad), body, tag);
}

/**
 * AES-256-GCM decryption that returns plaintext only once the tag checks out
 * (throws `EncryptedFileError('auth_failed')` otherwise): whole envelopes and the
 * chunks of a streamed seal alike.
 */
export function openGcm(key: Uint8Array, nonce: Uint8Array, additional: Uint8Array, body: Uint8Array, tag: Uint8Array): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(additional);
  decipher.setAuthTag(tag);
  const plain = decipher.update(body);
  try {
    decipher.final();
  } catch {
    // GCM decrypts before it verifies: what `update` produced is unauthenticated and must not leak out.
    plain.fill(0);
    throw new EncryptedFileError('auth_failed');
  }
  return plain;
}
