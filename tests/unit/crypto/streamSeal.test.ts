// The chunked seal snapshots are written in: every way a sealed file can be cut,
// shuffled, altered or renamed is refused, and no plaintext of a chunk leaves the
// opener before that chunk's tag has checked out.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { EncryptedFileError } from '../../../electron/services/crypto/errors';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { isStreamSealed, openBytesChunked, openStream, sealBytesChunked, sealStream, snapshotSealAad, STREAM_HEADER_BYTES } from '../../../electron/services/crypto/streamSeal';

const KEY = randomBytes(32);
const NAME = 'backups/20261122T201556123Z--manual';
const LOG2 = 10; // 1 KiB chunks: many chunks from little text
const CHUNK = 1024 + 16;
const plain = Buffer.from('Ақмола облысы, іс №1 — '.repeat(400), 'utf8'); // ≈ 12 KiB: a dozen chunks

function failure(run: () => unknown): EncryptedFileError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(EncryptedFileError);
    return err as EncryptedFileError;
  }
  throw new Error('expected the seal to be refused');
}

const chunksOf = (sealed: Buffer) => {
  const out: Buffer[] = [];
  for (let at = STREAM_HEADER_BYTES; at < sealed.length; at += CHUNK) out.push(sealed.subarray(at, at + CHUNK));
  return out;
};

describe('the chunked seal', () => {
  it('round-trips, as bytes and as a stream, any length (empty, one chunk exactly, many)', async () => {
    for (const body of [Buffer.alloc(0), Buffer.alloc(1024, 7), Buffer.alloc(1025, 8), plain]) {
      const sealed = sealBytesChunked(KEY, body, NAME, LOG2);
      expect(isEncryptedBytes(sealed) && isStreamSealed(sealed)).toBe(true);
      expect(openBytesChunked(KEY, sealed, NAME).equals(body)).toBe(true);
      const parts: Buffer[] = [];
      // Fed in odd-sized pieces, as a disk read hands them over.
      const pieces = (b: Buffer) => Array.from({ length: Math.ceil(b.length / 333) }, (_, i) => b.subarray(i * 333, (i + 1) * 333));
      await pipeline(Readable.from(pieces(body)), sealStream(KEY, NAME, LOG2), async (s: AsyncIterable<Buffer>) => {
        const sealedParts: Buffer[] = [];
        for await (const c of s) sealedParts.push(c);
        await pipeline(Readable.from(pieces(Buffer.concat(sealedParts))), openStream(KEY, NAME), async (o: AsyncIterable<Buffer>) => {
          for await (const c of o) parts.push(c);
        });
      });
      expect(Buffer.concat(parts).equals(body)).toBe(true);
    }
    expect(plain.toString('utf8')).not.toBe('');
    expect(sealBytesChunked(KEY, plain, NAME, LOG2).includes(Buffer.from('Ақмола'))).toBe(false);
  });

  it('refuses a file cut at a chunk boundary, cut inside a chunk, or cut to its header', () => {
    const sealed = sealBytesChunked(KEY, plain, NAME, LOG2);
    const n = chunksOf(sealed).length;
    expect(n).toBeGreaterThan(5);
    expect(failure(() => openBytesChunked(KEY, sealed.subarray(0, STREAM_HEADER_BYTES + 3 * CHUNK), NAME)).reason).toBe('auth_failed');
    expect(failure(() => openBytesChunked(KEY, sealed.subarray(0, sealed.length - 5), NAME)).reason).toBe('auth_failed');
    expect(failure(() => openBytesChunked(KEY, sealed.subarray(0, STREAM_HEADER_BYTES), NAME)).reason).toBe('truncated');
    expect(failure(() => openBytesChunked(KEY, sealed.subarray(0, 9), NAME)).reason).toBe('truncated');
  });

  it('refuses chunks swapped, dropped, repeated, or one appended from another file', () => {
    const sealed = sealBytesChunked(KEY, plain, NAME, LOG2);
    const head = sealed.subarray(0, STREAM_HEADER_BYTES);
    const c = chunksOf(sealed);
    const variants = {
      swapped: [c[1]!, c[0]!, ...c.slice(2)],
      dropped: [c[0]!, ...c.slice(2)],
      repeated: [c[0]!, c[0]!, ...c.slice(1)],
      lastMovedUp: [...c.slice(0, -2), c.at(-1)!],
      appended: [...c, chunksOf(sealBytesChunked(KEY, plain, NAME, LOG2))[0]!],
    };
    for (const [what, chunks] of Object.entries(variants)) {
      expect(failure(() => openBytesChunked(KEY, Buffer.concat([head, ...chunks]), NAME)).reason, what).toBe('auth_failed');
    }
  });

  it('refuses a flipped bit anywhere: header, ciphertext, tag', () => {
    const sealed = sealBytesChunked(KEY, plain, NAME, LOG2);
    for (const at of [7, 10, STREAM_HEADER_BYTES, STREAM_HEADER_BYTES + CHUNK + 100, STREAM_HEADER_BYTES + CHUNK - 1, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 0x01;
      expect(() => openBytesChunked(KEY, bad, NAME), `bit at ${at}`).toThrow(EncryptedFileError);
    }
    const badVersion = Buffer.from(sealed);
    badVersion[5] = 0x33;
    expect(failure(() => openBytesChunked(KEY, badVersion, NAME)).reason).toBe('unsupported_version');
  });

  it('is bound to its name and its key: another snapshot name or another key fails', () => {
    const sealed = sealBytesChunked(KEY, plain, NAME, LOG2);
    expect(failure(() => openBytesChunked(KEY, sealed, 'backups/20261122T201556124Z--manual')).reason).toBe('auth_failed');
    expect(failure(() => openBytesChunked(KEY, sealed, 'backups/20261122T201556123Z--daily')).reason).toBe('auth_failed');
    expect(failure(() => openBytesChunked(randomBytes(32), sealed, NAME)).reason).toBe('auth_failed');
    // A snapshot's seal name is its stamp and reason: the counts (known only at the end) are not in it.
    expect(snapshotSealAad('20261122T201556123Z--manual--12c3t-2.casefile-snapshot')).toBe(NAME);
  });

  it('releases a chunk only after its tag checked out: a damaged third chunk stops the stream after two good ones', async () => {
    const sealed = sealBytesChunked(KEY, plain, NAME, LOG2);
    const bad = Buffer.from(sealed);
    bad[STREAM_HEADER_BYTES + 2 * CHUNK + 50]! ^= 0x80;
    const released: Buffer[] = [];
    const pieces = Array.from({ length: Math.ceil(bad.length / 100) }, (_, i) => bad.subarray(i * 100, (i + 1) * 100));
    const opener = openStream(KEY, NAME);
    opener.on('data', (c: Buffer) => released.push(c));
    const err = await new Promise((resolve) => {
      opener.once('error', resolve);
      opener.once('end', () => resolve(null));
      for (const p of pieces) opener.write(p);
      opener.end();
    });
    expect(err).toBeInstanceOf(EncryptedFileError);
    // What came out is the authentic start, two chunks at most: nothing of the damaged chunk, nothing after it.
    const out = Buffer.concat(released);
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(2 * 1024);
    expect(out.equals(plain.subarray(0, out.length))).toBe(true);
  });
});
