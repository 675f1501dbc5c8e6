import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';
import type { SealRequest } from '../../../shared/sealing';
import { ServiceError } from '../errors';
import { mib } from '../isolation/limits';
import { NativeScryptIdentity, NativeScryptRecipient, WrongBundlePassphrase } from './ageScrypt';

// A bundle sealed for its recipients (issue 18) is an age file (age-encryption.org/v1):
// a header naming how its key is wrapped (one passphrase, or one stanza per recipient's
// X25519 public key), then the bundle or container in authenticated 64 KiB chunks. Sealing
// streams (a container of originals never sits whole in memory, nor unsealed on disk);
// opening reads into memory, because the import's checks read a container by random
// access and nothing unsealed may be written to disk on the way — hence SEALED_MAX_BYTES.

export const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n', 'latin1');
export const SEALED_SUFFIX = '.age';
/**
 * The most a sealed bundle may hold once opened: it is opened in memory, and 1 GiB is what
 * an ordinary laptop can spare for it. A bigger export is refused before it is written.
 */
export const SEALED_MAX_BYTES = 1024 * 1024 * 1024;
const CHUNK = 64 * 1024;
/** Far more than any header needs (about 100 bytes per recipient, 50 recipients at most). */
const HEADER_LOOK = 16 * 1024;

/** Whether the header's last line (`--- ` and its 43-character MAC) is there whole. */
function hasWholeHeader(head: Uint8Array): boolean {
  const at = Buffer.from(head).indexOf('\n--- ', 0, 'latin1');
  return at !== -1 && head.length >= at + 5 + 43 + 1;
}

export const isSealed = (bytes: Uint8Array): boolean => bytes.length >= AGE_MAGIC.length && Buffer.from(bytes.subarray(0, AGE_MAGIC.length)).equals(AGE_MAGIC);

/** What a sealed file's header asks for, from its first stanza line: a passphrase, or a recipient's key. */
export function sealedWith(head: Uint8Array): 'passphrase' | 'recipients' {
  const second = Buffer.from(head.subarray(AGE_MAGIC.length, AGE_MAGIC.length + 64)).toString('latin1');
  return second.startsWith('-> scrypt ') ? 'passphrase' : 'recipients';
}

/** The name a sealed export takes: the usual one with `.age` after it. */
export const sealedName = (file: string): string => (file.toLowerCase().endsWith(SEALED_SUFFIX) ? file : `${file}${SEALED_SUFFIX}`);

export type Sealer = { kind: 'passphrase' | 'recipients'; bytes(plain: Uint8Array | string): Promise<Buffer>; stream(plain: Readable): Promise<Readable> };

/**
 * Checks the seal (every recipient's key decoded, its checksum too) before anything is
 * exported: a mistyped key is refused by its place in the list, nothing written.
 */
export function sealerFor(seal: SealRequest): Sealer {
  const encrypter = new Encrypter();
  if ('passphrase' in seal) encrypter.addRecipient(new NativeScryptRecipient(seal.passphrase));
  else {
    const bad = seal.recipients.flatMap((key, i) => {
      try {
        encrypter.addRecipient(key);
        return [];
      } catch {
        return [{ path: ['seal', 'recipients', i], message: `"${key}" is not a valid age public key (its checksum does not match): copy it again from the partner` }];
      }
    });
    if (bad.length > 0) throw new ServiceError('bad_input', `${bad.length} recipient key(s) cannot be used; nothing was written.`, bad);
  }
  return {
    kind: 'passphrase' in seal ? 'passphrase' : 'recipients',
    bytes: async (plain) => Buffer.from(await encrypter.encrypt(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain)),
    stream: async (plain) => {
      const web = Readable.toWeb(plain) as unknown as ReadableStream<Uint8Array>;
      return Readable.fromWeb((await encrypter.encrypt(web)) as unknown as NodeWebStream<Uint8Array>);
    },
  };
}

export type OpeningKeys = { passphrase?: string | undefined; identities: readonly string[]; ownKeyNote?: string };

const again = 'Ask the sender for it again. Nothing was stored.';

/**
 * A sealed bundle's content, opened with the passphrase or one of `identities` (the
 * folder's own key). Every refusal says which of the cases it is — no passphrase given, a
 * wrong one, sealed for other keys, a damaged header, a file cut short, a byte altered —
 * and what to do; nothing is stored by any of them (this writes nothing at all).
 */
export async function openSealed(fileName: string, from: Uint8Array | string, keys: OpeningKeys): Promise<Buffer> {
  const name = `"${fileName}"`;
  const size = typeof from === 'string' ? (await stat(from)).size : from.length;
  const head = typeof from === 'string' ? await firstBytes(from, HEADER_LOOK) : from.subarray(0, HEADER_LOOK);
  const kind = sealedWith(head);
  if (!hasWholeHeader(head)) {
    throw new ServiceError('bad_input', `${name} is incomplete: it ends inside its sealed header (cut short while copying or downloading). ${again}`);
  }
  if (kind === 'passphrase' && keys.passphrase === undefined) {
    throw new ServiceError('bad_input', `${name} is sealed with a passphrase: give the passphrase its sender told you. Nothing was stored.`, [
      { path: ['passphrase'], message: 'required: this bundle is sealed with a passphrase' },
    ]);
  }
  const decrypter = new Decrypter();
  if (kind === 'passphrase') decrypter.addIdentity(new NativeScryptIdentity(keys.passphrase!));
  for (const identity of keys.identities) decrypter.addIdentity(identity);
  // Read from its path in pieces (never the whole ciphertext beside the plaintext); the file is closed however this ends.
  const file = typeof from === 'string' ? createReadStream(from) : null;
  const input = file ? (Readable.toWeb(file) as unknown as ReadableStream<Uint8Array>) : new Blob([from]).stream();
  try {
    return await decryptInto(name, size, input, decrypter, kind, keys);
  } finally {
    file?.destroy();
  }
}

async function decryptInto(name: string, size: number, input: ReadableStream<Uint8Array>, decrypter: Decrypter, kind: 'passphrase' | 'recipients', keys: OpeningKeys): Promise<Buffer> {

  let out: ReadableStream<Uint8Array> & { size(n: number): number };
  try {
    out = await decrypter.decrypt(input);
  } catch (err) {
    throw headerRefusal(name, kind, err as Error, keys);
  }
  let expected: number;
  try {
    expected = out.size(size);
  } catch {
    await out.cancel().catch(() => undefined);
    throw new ServiceError('bad_input', `${name} is incomplete: it ends before its sealed content does (cut short while copying or downloading). ${again}`);
  }
  if (expected > SEALED_MAX_BYTES) {
    await out.cancel().catch(() => undefined);
    throw new ServiceError('bad_input', `${name} holds ${mib(expected)} once opened; Casefile opens sealed bundles of at most ${mib(SEALED_MAX_BYTES)}. Ask the sender to seal smaller bundles. Nothing was stored.`);
  }
  const plain = Buffer.alloc(expected);
  let got = 0;
  const reader = out.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (got + value.length > expected) throw new Error('more content than its size says');
      plain.set(value, got);
      got += value.length;
    }
  } catch {
    plain.fill(0);
    const lastChunkStart = expected === 0 ? 0 : Math.floor((expected - 1) / CHUNK) * CHUNK;
    if (got >= lastChunkStart) {
      throw new ServiceError('bad_input', `${name} is incomplete or its end was altered: its last sealed part fails its check (the file was cut short while copying or downloading, or changed). ${again}`);
    }
    throw new ServiceError('bad_input', `${name} was altered or damaged: its sealed content fails its check after ${got} bytes (a byte was changed on the way). ${again}`);
  }
  if (got !== expected) throw new ServiceError('bad_input', `${name} is incomplete: it ends before its sealed content does. ${again}`);
  return plain;
}

function headerRefusal(name: string, kind: 'passphrase' | 'recipients', err: Error, keys: OpeningKeys): ServiceError {
  if (err instanceof WrongBundlePassphrase) {
    return new ServiceError('bad_input', `The passphrase does not open ${name}: check it with its sender (and the keyboard layout: Latin or Cyrillic), then try again. Nothing was stored.`, [
      { path: ['passphrase'], message: 'this passphrase does not open the bundle' },
    ]);
  }
  const message = err.message ?? '';
  if (/no identity matched/.test(message)) {
    if (kind === 'passphrase') return new ServiceError('bad_input', `The passphrase does not open ${name}. Nothing was stored.`, [{ path: ['passphrase'], message: 'this passphrase does not open the bundle' }]);
    return new ServiceError(
      'bad_input',
      `${name} is sealed for other recipients' keys: ${keys.identities.length === 0 ? (keys.ownKeyNote ?? 'this data folder has no key of its own') : "this data folder's key is not among them (or the part of the header meant for it was altered)"}. Ask the sender to seal it for this folder's public key (Settings → Sharing keys), or with a passphrase. Nothing was stored.`,
    );
  }
  if (/invalid header HMAC/.test(message)) return new ServiceError('bad_input', `${name} was altered or damaged: its sealed header fails its check. ${again}`);
  if (/stream ended|unexpected end|EOF/i.test(message)) return new ServiceError('bad_input', `${name} is incomplete: it ends inside its sealed header (cut short while copying or downloading). ${again}`);
  return new ServiceError('bad_input', `${name} was altered or damaged: its sealed header cannot be read (${message}). ${again}`);
}

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
