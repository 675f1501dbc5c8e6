import { createCipheriv, createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { checkKey, ENVELOPE_MAGIC, openGcm, TAG_BYTES } from './envelope';
import { EncryptedFileError } from './errors';

// A file sealed in authenticated chunks, for what is too large to seal (and,
// above all, to open) whole: a snapshot of a folder of many gigabytes. An
// envelope sealed whole can only be checked once all of it has been read, so
// opening it as a stream would hand out plaintext nobody has vouched for. Here
// every chunk carries its own tag and is released only once that tag checks out
// (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár):
//
//   offset  size  field
//   0       5     magic "CFENC" (the envelope's: anything that sniffs for encryption still sees it)
//   5       1     format version "2"
//   6       1     log2 of the chunk size (16: 64 KiB)
//   7       7     nonce prefix, fresh random per file
//   14      …     chunks: AES-256-GCM ciphertext of chunkSize bytes (the last one shorter, maybe empty) + 16-byte tag
//
// Chunk i's nonce is prefix ‖ i (4 bytes, big-endian) ‖ last (1 byte: 1 for the
// final chunk, else 0), and its additional data the 14-byte header followed by
// the file's logical name. A chunk moved, dropped or repeated fails its counter;
// a file cut at a chunk boundary ends on a chunk not sealed as the last; another
// file's chunks, or this file under another name, fail the tag.

const STREAM_VERSION = 0x32; // "2"
const PREFIX_BYTES = 7;
export const STREAM_HEADER_BYTES = ENVELOPE_MAGIC.length + 1 + 1 + PREFIX_BYTES;
const DEFAULT_LOG2_CHUNK = 16;
const MIN_LOG2_CHUNK = 10;
const MAX_LOG2_CHUNK = 24;
const MAX_CHUNKS = 2 ** 32;

/** True for bytes that begin like a chunked seal (at least the magic and version). */
export function isStreamSealed(buf: Uint8Array): boolean {
  return buf.length > ENVELOPE_MAGIC.length && Buffer.from(buf.buffer, buf.byteOffset, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC) && buf[ENVELOPE_MAGIC.length] === STREAM_VERSION;
}

function nonceOf(prefix: Buffer, index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, PREFIX_BYTES);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function sealer(key: Buffer, aad: string, log2Chunk: number) {
  checkKey(key);
  if (!Number.isInteger(log2Chunk) || log2Chunk < MIN_LOG2_CHUNK || log2Chunk > MAX_LOG2_CHUNK) throw new RangeError(`chunk size 2^${log2Chunk} is out of range`);
  const prefix = randomBytes(PREFIX_BYTES);
  const header = Buffer.concat([ENVELOPE_MAGIC, Buffer.from([STREAM_VERSION, log2Chunk]), prefix]);
  const additional = Buffer.concat([header, Buffer.from(aad, 'utf8')]);
  let index = 0;
  return {
    header,
    chunkSize: 2 ** log2Chunk,
    seal(plain: Buffer, last: boolean): Buffer {
      if (index >= MAX_CHUNKS) throw new RangeError('too many chunks for one sealed file');
      const cipher = createCipheriv('aes-256-gcm', key, nonceOf(prefix, index++, last), { authTagLength: TAG_BYTES });
      cipher.setAAD(additional);
      return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    },
  };
}

/** The opener for a file whose first STREAM_HEADER_BYTES are `head`; throws EncryptedFileError for a header that is not one. */
function opener(key: Buffer, aad: string, head: Buffer) {
  checkKey(key);
  if (head.length < STREAM_HEADER_BYTES) throw new EncryptedFileError('truncated');
  if (!isStreamSealed(head)) throw new EncryptedFileError(head.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC) ? 'unsupported_version' : 'not_encrypted');
  const log2 = head[ENVELOPE_MAGIC.length + 1]!;
  if (log2 < MIN_LOG2_CHUNK || log2 > MAX_LOG2_CHUNK) throw new EncryptedFileError('auth_failed');
  const header = Buffer.from(head.subarray(0, STREAM_HEADER_BYTES));
  const prefix = header.subarray(ENVELOPE_MAGIC.length + 2);
  const additional = Buffer.concat([header, Buffer.from(aad, 'utf8')]);
  let index = 0;
  return {
    sealedChunk: 2 ** log2 + TAG_BYTES,
    open(sealed: Buffer, last: boolean): Buffer {
      if (sealed.length < TAG_BYTES) throw new EncryptedFileError('truncated');
      return openGcm(key, nonceOf(prefix, index++, last), additional, sealed.subarray(0, sealed.length - TAG_BYTES), sealed.subarray(sealed.length - TAG_BYTES));
    },
  };
}

/** Seals bytes held in memory (a small file, a test); a snapshot is sealed as a stream. */
export function sealBytesChunked(key: Buffer, bytes: Uint8Array, aad: string, log2Chunk = DEFAULT_LOG2_CHUNK): Buffer {
  const s = sealer(key, aad, log2Chunk);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Buffer[] = [s.header];
  let at = 0;
  while (buf.length - at > s.chunkSize) {
    out.push(s.seal(buf.subarray(at, at + s.chunkSize), false));
    at += s.chunkSize;
  }
  out.push(s.seal(buf.subarray(at), true));
  return Buffer.concat(out);
}

/** Opens bytes held in memory; throws EncryptedFileError unless every chunk, the last included, checks out. */
export function openBytesChunked(key: Buffer, bytes: Uint8Array, aad: string): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const o = opener(key, aad, buf.subarray(0, STREAM_HEADER_BYTES));
  const out: Buffer[] = [];
  let at = STREAM_HEADER_BYTES;
  while (buf.length - at > o.sealedChunk) {
    out.push(o.open(buf.subarray(at, at + o.sealedChunk), false));
    at += o.sealedChunk;
  }
  out.push(o.open(buf.subarray(at), true));
  return Buffer.concat(out);
}

/**
 * Cuts a byte stream into frames of a fixed size, always holding the last frame
 * back: whether a frame is the last is known only once the next byte (or the
 * end) arrives, and the last one is sealed differently.
 */
function framer() {
  let pending: Buffer[] = [];
  let bytes = 0;
  return {
    get bytes() {
      return bytes;
    },
    add(chunk: Buffer) {
      pending.push(chunk);
      bytes += chunk.length;
    },
    /** Every frame of `size` that is certainly not the last. */
    *frames(size: number): Generator<Buffer> {
      if (bytes <= size) return;
      let all = Buffer.concat(pending, bytes);
      while (all.length > size) {
        yield all.subarray(0, size);
        all = all.subarray(size);
      }
      pending = [all];
      bytes = all.length;
    },
    /** Everything held, emptied. */
    take(): Buffer {
      const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, bytes);
      pending = [];
      bytes = 0;
      return all;
    },
  };
}

/**
 * Seals what is written to it, for the file whose logical name is `aad`. Holds
 * at most one chunk: a chunk is sealed once the next byte (or the end) tells
 * whether it is the last.
 */
export function sealStream(key: Buffer, aad: string, log2Chunk = DEFAULT_LOG2_CHUNK): Transform {
  const s = sealer(key, aad, log2Chunk);
  const held = framer();
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        if (!started) {
          started = true;
          this.push(s.header);
        }
        held.add(chunk);
        for (const frame of held.frames(s.chunkSize)) this.push(s.seal(frame, false));
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!started) this.push(s.header);
        this.push(s.seal(held.take(), true));
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
  });
}

/**
 * Opens a chunked seal written for `aad`: each chunk's plaintext is pushed only
 * after its tag has checked out, and the stream fails (EncryptedFileError) on
 * the first chunk that does not, or at the end when the last chunk was missing.
 */
export function openStream(key: Buffer, aad: string): Transform {
  checkKey(key);
  let o: ReturnType<typeof opener> | null = null;
  const held = framer();
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        held.add(chunk);
        if (!o) {
          if (held.bytes < STREAM_HEADER_BYTES) return callback();
          const all = held.take();
          o = opener(key, aad, all.subarray(0, STREAM_HEADER_BYTES));
          if (all.length > STREAM_HEADER_BYTES) held.add(all.subarray(STREAM_HEADER_BYTES));
        }
        for (const frame of held.frames(o.sealedChunk)) this.push(o.open(frame, false));
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!o) throw new EncryptedFileError('truncated');
        this.push(o.open(held.take(), true));
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
  });
}

/**
 * Opens a file sealed whole (envelope version 1) as a stream. GCM can check the
 * tag only at the end, so what this pushes is NOT authenticated until the stream
 * ends without error: a caller must hold it back (stage it, not use it) until
 * then. Kept for snapshots written before chunked sealing existed.
 */
export function openWholeSealStream(key: Buffer, aad: string, tag: Buffer): Transform {
  checkKey(key);
  const headerBytes = ENVELOPE_MAGIC.length + 1;
  const nonceBytes = 12;
  let head: Buffer[] = [];
  let headBytes = 0;
  let decipher: DecipherGCM | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        if (!decipher) {
          head.push(chunk);
          headBytes += chunk.length;
          if (headBytes < headerBytes + nonceBytes) return callback();
          const all = Buffer.concat(head);
          head = [];
          const header = all.subarray(0, headerBytes);
          decipher = createDecipheriv('aes-256-gcm', key, all.subarray(headerBytes, headerBytes + nonceBytes), { authTagLength: TAG_BYTES });
          decipher.setAAD(Buffer.concat([header, Buffer.from(aad, 'utf8')]));
          decipher.setAuthTag(tag);
          chunk = all.subarray(headerBytes + nonceBytes);
        }
        // The tag (the file's last bytes) was read apart; it must not go through the cipher.
        this.push(decipher.update(chunk));
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!decipher) throw new EncryptedFileError('truncated');
        decipher.final();
        callback();
      } catch (err) {
        callback(err instanceof EncryptedFileError ? err : new EncryptedFileError('auth_failed'));
      }
    },
  });
}

const SNAPSHOT_NAME = /^(\d{8}T\d{9}Z--[a-z-]+)--\d+c\d+t(?:-\d+)?\.casefile-snapshot$/;

/**
 * What a chunk-sealed snapshot is bound to: "backups/<stamp>--<reason>", the
 * part of its name known before its first byte is sealed (the counts in the
 * rest are known only at the end). Renamed to another time or reason, it fails.
 */
export function snapshotSealAad(name: string): string {
  const m = SNAPSHOT_NAME.exec(name);
  return `backups/${m ? m[1] : name}`;
}
