import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, type Transform } from 'node:stream';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { DateTime, SnapshotReason } from '../../../shared/model';
import { ENVELOPE_MAGIC, ENVELOPE_OVERHEAD, ENVELOPE_VERSION, TAG_BYTES } from '../crypto/envelope';
import { EncryptedFileError } from '../crypto/errors';
import { isStreamSealed, openStream, openWholeSealStream, sealStream } from '../crypto/streamSeal';
import { ServiceError } from '../errors';
import { bufferedWrites } from '../disk/durableFile';
import { gzipPieces } from './gzipPieces';

// One snapshot is one file: gzip over JSON lines (in members of about a MiB: backup/gzipPieces) —
//
//   {"format":"casefile-snapshot","version":2,"createdAt":…,"reason":…}
//   {"path":"cases/<id>.json","mtimeMs":…,"text":…}      one per file
//   {"end":true,"files":N,"skipped":[…],"sha256":<hex of every line above, newline-terminated>}
//
// — sealed when the folder is encrypted. Version 2 (written now) is sealed in
// authenticated chunks (crypto/streamSeal) bound to the snapshot's stamp and
// reason, so it is written, checked, restored and copied as a stream with
// bounded memory whatever the folder's size. Version 1 snapshots were sealed
// whole (one GCM tag over the file, bound to the full name); they are still
// read, as a stream whose content counts only once the tag has checked out at
// the end. The files inside are always the plain text: a snapshot then restores
// into the folder whatever its encryption is now, and the folder's conversions
// (encrypt, decrypt) re-seal snapshots like any other file. One file per
// snapshot makes taking one atomic (temp → fsync → rename) and pruning a
// delete; the trailer tells a truncated archive from a whole one.
//
// Version 3 (written now) is the same file with no file text in it: each line
// names its file's content by SHA-256 and size, and the content is a blob kept
// once in backups/blobs/ (backup/blobPool), so a snapshot after one edit writes
// one blob and this small manifest. Its lines also carry the file's state when
// it was read (ctimeMs, ino) so the next snapshot can reuse the hash of a file
// that has not changed (backup/incremental). Versions 1 and 2 are still read.

/** stream/promises' pipeline, over a list its typings cannot follow (a source, some transforms, an async sink). */
const pipeline = streamPipeline as unknown as (...streams: unknown[]) => Promise<void>;

export const SNAPSHOT_FORMAT = 'casefile-snapshot';
export const SNAPSHOT_VERSION = 2;
/** Content-addressed: lines name blobs (see the top of this file). */
export const MANIFEST_VERSION = 3;
/**
 * The longest line (one file of the folder) a snapshot may hold. Nothing longer
 * is ever held as one string: the archive itself is read line by line.
 */
const MAX_LINE_BYTES = 256 * 2 ** 20;

const Header = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.union([z.literal(1), z.literal(SNAPSHOT_VERSION), z.literal(MANIFEST_VERSION)]),
  createdAt: DateTime,
  reason: SnapshotReason,
});
export type SnapshotHeader = z.infer<typeof Header>;

const Entry = z.strictObject({ path: z.string().min(1), mtimeMs: z.number(), text: z.string() });
export type SnapshotEntry = z.infer<typeof Entry>;
const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
/**
 * A version 3 line: the file's content is the blob `sha256` of `size` plain bytes;
 * ctimeMs, ino and diskSize are the state the file was read in (the next snapshot's shortcut).
 */
const BlobRef = z.strictObject({ path: z.string().min(1), mtimeMs: z.number(), size: z.int().min(0), sha256: SHA256, ctimeMs: z.number(), ino: z.number(), diskSize: z.int().min(0) });
export type BlobRef = z.infer<typeof BlobRef>;
const REF_KEYS = ['path', 'mtimeMs', 'size', 'sha256', 'ctimeMs', 'ino', 'diskSize'];
const SHA = /^[0-9a-f]{64}$/;
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
/** What BlobRef accepts, without zod (see parseRef). */
function isRefShaped(raw: unknown): raw is BlobRef {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const r = raw as Record<string, unknown>;
  const keys = Object.keys(r);
  return (
    keys.length === REF_KEYS.length &&
    REF_KEYS.every((k) => k in r) &&
    typeof r.path === 'string' &&
    r.path.length > 0 &&
    typeof r.sha256 === 'string' &&
    SHA.test(r.sha256) &&
    Number.isFinite(r.mtimeMs) &&
    Number.isFinite(r.ctimeMs) &&
    Number.isFinite(r.ino) &&
    isCount(r.size) &&
    isCount(r.diskSize)
  );
}
/** What one line of a snapshot holds: the text itself (versions 1, 2) or the blob it is in (version 3). */
export type SnapshotRecord = SnapshotEntry | BlobRef;
export const isBlobRef = (r: SnapshotRecord): r is BlobRef => 'sha256' in r;

const Trailer = z.strictObject({
  end: z.literal(true),
  files: z.int().min(0),
  /** Files that could not be read when the snapshot was taken (damaged); they are not in it. Known only at the end. */
  skipped: z.array(z.string()),
  sha256: SHA256,
});

export type SnapshotContent = { header: SnapshotHeader; entries: SnapshotEntry[]; skipped: string[] };
export type SnapshotSummary = { header: SnapshotHeader; files: number; skipped: string[] };

/** A relative path an entry may carry: a known folder and a plain file name, nothing that climbs out. */
const ENTRY_PATH = /^(meta\.json|settings\.json|addressees\.json|people\.json|sharing-keys\.json|(cases|trash)\/[A-Za-z0-9_-]{1,64}\.json|history\/[A-Za-z0-9_-]{1,64}(?:\.[a-z2-7]{8})?\.jsonl)$/;
const isSnapshotPath = (rel: string) => ENTRY_PATH.test(rel);

/**
 * Packs a snapshot as its entries arrive, line → gzip → (chunked seal) → `sink`,
 * so neither the folder nor the archive is ever in memory whole. `sealAad` is
 * the name the seal is bound to (see `snapshotStreamAad`). Returns the number of
 * files packed.
 */
export async function encodeSnapshotTo(
  sink: (chunk: Buffer) => Promise<void>,
  header: SnapshotHeader,
  entries: AsyncIterable<SnapshotRecord> | Iterable<SnapshotRecord>,
  skipped: () => string[],
  seal: { key: Buffer; aad: string } | null,
): Promise<number> {
  const hash = createHash('sha256');
  let files = 0;
  async function* lines(): AsyncGenerator<string | Buffer> {
    // Lines go out in batches: one stream chunk (and one hash update) per line costs more than the line at 100,000 files.
    let batch = `${JSON.stringify(header)}\n`;
    const out = () => {
      // Encoded once, for the hash and for gzip alike (a string would be encoded by each).
      const bytes = Buffer.from(batch, 'utf8');
      hash.update(bytes);
      batch = '';
      return bytes;
    };
    const add = (entry: SnapshotRecord) => {
      batch += `${lineOf(entry)}\n`;
      files++;
      return batch.length >= BATCH_CHARS;
    };
    // A list is walked as one: `for await` over it would take a turn of the microtask queue per line.
    if (Symbol.iterator in entries) {
      for (const entry of entries) if (add(entry)) yield out();
    } else for await (const entry of entries) if (add(entry)) yield out();
    if (batch.length > 0) yield out();
    yield `${JSON.stringify({ end: true, files, skipped: skipped(), sha256: hash.digest('hex') })}\n`;
  }
  const out = bufferedWrites(sink);
  const stages: Transform[] = [gzipPieces()];
  if (seal) stages.push(sealStream(seal.key, seal.aad));
  await pipeline(Readable.from(lines()), ...stages, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) await out.write(chunk);
  });
  await out.flush();
  return files;
}

/** Characters of lines gathered before they go to gzip. */
const BATCH_CHARS = 1 << 16;

/**
 * One line's JSON. A manifest line (a blob reference whose path and hash need no
 * escaping, as every one a snapshot holds) is put together by hand, several times
 * faster than JSON.stringify at 100,000 lines; the reader takes keys in any order.
 */
function lineOf(entry: SnapshotRecord): string {
  if (isBlobRef(entry) && isSnapshotPath(entry.path) && SHA.test(entry.sha256) && Object.keys(entry).length === REF_KEYS.length) {
    const r = entry;
    return `{"path":"${r.path}","mtimeMs":${num(r.mtimeMs)},"size":${num(r.size)},"sha256":"${r.sha256}","ctimeMs":${num(r.ctimeMs)},"ino":${num(r.ino)},"diskSize":${num(r.diskSize)}}`;
  }
  return JSON.stringify(entry);
}
/** A number as JSON writes it (a non-finite one as null, which the reader refuses, as it would JSON.stringify's). */
const num = (n: number) => (Number.isFinite(n) ? String(n) : 'null');

/** A snapshot that does not read whole; `reason` says where, in words. */
export class DamagedSnapshotError extends ServiceError {
  constructor(
    readonly snapshot: string,
    readonly reason: string,
  ) {
    super('internal', `The snapshot ${snapshot} is damaged (${reason}); choose another one.`);
    this.name = 'DamagedSnapshotError';
  }
}

const damagedSnapshot = (name: string, why: string) => new DamagedSnapshotError(name, why);

export type ReadOptions = {
  /** The folder's data key when it is encrypted. */
  key: Buffer | null;
  /** What a version 1 snapshot (sealed whole) is bound to: its full name. */
  wholeAad: string;
  /** What a version 2 snapshot (sealed in chunks) is bound to. */
  streamAad: string;
  /**
   * Called with each entry in order, once its line is checked. For a snapshot
   * sealed whole (version 1) an entry is authentic only once the read has
   * finished without error: a visitor stages, it does not use. Without a
   * visitor, entries are only hashed (the cheap check).
   */
  visit?: (entry: SnapshotRecord) => void | Promise<void>;
  /** The longest line accepted (tests lower it to show nothing longer is ever held). */
  maxLineBytes?: number;
};

/** The unsealed bytes of a snapshot file, as a stream, or the reason it cannot be read. */
async function plainSource(name: string, file: string, options: ReadOptions): Promise<{ source: Readable; stages: Transform[] }> {
  const handle = await open(file, 'r');
  let size: number;
  const head = Buffer.alloc(ENVELOPE_MAGIC.length + 1);
  let tag: Buffer | null = null;
  try {
    size = (await handle.stat()).size;
    await handle.read(head, 0, head.length, 0);
    if (head.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC) && head[ENVELOPE_MAGIC.length] === ENVELOPE_VERSION && size >= ENVELOPE_OVERHEAD) {
      tag = Buffer.alloc(TAG_BYTES);
      await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    }
  } finally {
    await handle.close();
  }
  const sealed = head.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC);
  if (sealed && !options.key) throw new ServiceError('encrypted', `The snapshot ${name} is encrypted; unlock the data folder first.`);
  if (!sealed && options.key) {
    // An encrypted folder's snapshots are sealed; a plain one here was put in by hand or left by a crash mid-conversion.
    throw damagedSnapshot(name, 'it is not encrypted although the folder is');
  }
  if (!sealed) return { source: createReadStream(file, { highWaterMark: 1 << 20 }), stages: [] };
  if (isStreamSealed(head)) return { source: createReadStream(file, { highWaterMark: 1 << 20 }), stages: [openStream(options.key!, options.streamAad)] };
  if (head[ENVELOPE_MAGIC.length] !== ENVELOPE_VERSION) throw damagedSnapshot(name, new EncryptedFileError('unsupported_version').message);
  if (!tag) throw damagedSnapshot(name, new EncryptedFileError('truncated').message);
  // The tag was read apart: the cipher gets everything before it.
  return { source: createReadStream(file, { end: size - TAG_BYTES - 1, highWaterMark: 1 << 20 }), stages: [openWholeSealStream(options.key!, options.wholeAad, tag)] };
}

/**
 * Reads a snapshot file as a stream, checking the seal, the gzip stream, every
 * line and the trailer's count and hash; memory is bounded by the longest line.
 * Throws `damagedSnapshot` (code internal) for any fault in the file, and the
 * visitor's own errors as they are.
 */
export async function readSnapshotFile(name: string, file: string, options: ReadOptions): Promise<SnapshotSummary> {
  const { source, stages } = await plainSource(name, file, options);
  const maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
  const hash = createHash('sha256');
  const paths = new Set<string>();
  let header: SnapshotHeader | null = null;
  let held: Buffer | null = null; // the newest complete line: the trailer, if nothing follows it
  let lineNo = 0;
  let files = 0;
  let visitError: { err: unknown } | null = null;
  let inner: { err: unknown } | null = null;

  const parse = <T>(schema: z.ZodType<T>, line: Buffer, what: string): T => {
    let raw: unknown;
    try {
      raw = JSON.parse(line.toString('utf8'));
    } catch {
      throw damagedSnapshot(name, `${what} is not JSON`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw damagedSnapshot(name, `${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  };
  const take = async (line: Buffer, n: number) => {
    hash.update(line);
    hash.update('\n');
    if (n === 1) {
      header = parse(Header, line, 'the header');
      return;
    }
    files++;
    if (!options.visit) return;
    const entry: SnapshotRecord = (header as SnapshotHeader | null)?.version === MANIFEST_VERSION ? parseRef(line, n) : parse(Entry, line, `line ${n}`);
    if (!isSnapshotPath(entry.path)) throw damagedSnapshot(name, `line ${n} names an unexpected file "${entry.path}"`);
    if (paths.has(entry.path)) throw damagedSnapshot(name, `line ${n} repeats "${entry.path}"`);
    paths.add(entry.path);
    try {
      await options.visit(entry);
    } catch (err) {
      visitError = { err };
      throw err;
    }
  };
  /** A manifest line, checked by hand: a 100,000-line manifest is read before every snapshot, and zod costs seconds there. */
  const parseRef = (line: Buffer, n: number): BlobRef => {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(line.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw damagedSnapshot(name, `line ${n} is not JSON`);
    }
    if (isRefShaped(raw)) return raw;
    return parse(BlobRef, line, `line ${n}`); // says what is wrong
  };
  const tooLong = () => damagedSnapshot(name, `a line is longer than ${maxLine} bytes`);

  try {
    await pipeline(source, ...stages, createGunzip({ chunkSize: 256 * 1024 }), async (chunks: AsyncIterable<Buffer>) => {
      try {
        await splitLines(chunks);
      } catch (err) {
        // The pipeline may report its own abort instead: what went wrong here is kept to be told.
        inner ??= { err };
        throw err;
      }
    });
  } catch (err) {
    if (visitError) throw (visitError as { err: unknown }).err;
    const cause = err instanceof Error && err.name === 'AbortError' && inner ? (inner as { err: unknown }).err : err;
    if (cause instanceof ServiceError) throw cause;
    if (cause instanceof EncryptedFileError) throw damagedSnapshot(name, cause.message);
    if ((cause as NodeJS.ErrnoException).code?.startsWith('Z_')) throw damagedSnapshot(name, `not a complete gzip stream: ${(cause as Error).message}`);
    throw cause;
  }
  async function splitLines(chunks: AsyncIterable<Buffer>): Promise<void> {
    let parts: Buffer[] = [];
    let partBytes = 0;
    for await (const chunk of chunks) {
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(10, start);
        if (nl === -1) {
          if (start < chunk.length) {
            parts.push(chunk.subarray(start));
            partBytes += chunk.length - start;
            if (partBytes > maxLine) throw tooLong();
          }
          break;
        }
        const piece = chunk.subarray(start, nl);
        const line = parts.length > 0 ? Buffer.concat([...parts, piece], partBytes + piece.length) : piece;
        parts = [];
        partBytes = 0;
        if (line.length > maxLine) throw tooLong();
        if (held) await take(held, ++lineNo);
        held = line;
        start = nl + 1;
      }
    }
    if (partBytes > 0) throw damagedSnapshot(name, 'its last line is cut off');
  }
  const last = held as Buffer | null;
  const head = header as SnapshotHeader | null;
  if (!last || !head) throw damagedSnapshot(name, 'it is empty');
  const trailer = parse(Trailer, last, 'the last line');
  if (trailer.files !== files || trailer.sha256 !== hash.digest('hex')) throw damagedSnapshot(name, 'its content does not match its checksum');
  return { header: head, files, skipped: trailer.skipped };
}
