import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { createGzip, gunzip } from 'node:zlib';
import { z } from 'zod';
import { DateTime, SnapshotReason } from '../../../shared/model';
import { decryptBytes, isEncryptedBytes } from '../crypto';
import { EncryptedFileError } from '../crypto/errors';
import { ServiceError } from '../errors';

// One snapshot is one file: gzip over JSON lines —
//
//   {"format":"casefile-snapshot","version":1,"createdAt":…,"reason":…}
//   {"path":"cases/<id>.json","mtimeMs":…,"text":…}      one per file
//   {"end":true,"files":N,"sha256":<hex of every line above, newline-terminated>}
//
// — sealed whole (AES-256-GCM, bound to "backups/<name>") when the folder is
// encrypted. The files inside are always the plain text: a snapshot then
// restores into the folder whatever its encryption is now, and the folder's
// conversions (encrypt, decrypt) re-seal snapshots like any other file. One file
// per snapshot makes taking one atomic (temp → fsync → rename) and pruning a
// delete; the trailer tells a truncated archive from a whole one.

const promisedGunzip = promisify(gunzip);

export const SNAPSHOT_FORMAT = 'casefile-snapshot';
export const SNAPSHOT_VERSION = 1;

const Header = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  createdAt: DateTime,
  reason: SnapshotReason,
});
export type SnapshotHeader = z.infer<typeof Header>;

const Entry = z.strictObject({ path: z.string().min(1), mtimeMs: z.number(), text: z.string() });
export type SnapshotEntry = z.infer<typeof Entry>;

const Trailer = z.strictObject({
  end: z.literal(true),
  files: z.int().min(0),
  /** Files that could not be read when the snapshot was taken (damaged); they are not in it. Known only at the end. */
  skipped: z.array(z.string()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type SnapshotContent = { header: SnapshotHeader; entries: SnapshotEntry[]; skipped: string[] };

/** A relative path an entry may carry: a known folder and a plain file name, nothing that climbs out. */
const ENTRY_PATH = /^(meta\.json|(cases|trash)\/[A-Za-z0-9_-]{1,64}\.json|history\/[A-Za-z0-9_-]{1,64}\.jsonl)$/;
export const isSnapshotPath = (rel: string) => ENTRY_PATH.test(rel);

/**
 * Packs a snapshot as its entries arrive, so a large folder never sits in memory
 * twice (its text, then the archive): each line goes straight into the gzip stream.
 * Returns the packed bytes, to be sealed by the caller once the name is known.
 */
export async function encodeSnapshot(
  header: SnapshotHeader,
  entries: AsyncIterable<SnapshotEntry> | Iterable<SnapshotEntry>,
  skipped: () => string[] = () => [],
): Promise<Buffer> {
  const hash = createHash('sha256');
  // Level 1: several times faster than the default here, and JSON still shrinks about sixfold.
  const gz = createGzip({ level: 1 });
  const chunks: Buffer[] = [];
  gz.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    gz.once('end', resolve);
    gz.once('error', reject);
  });
  const put = async (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`;
    hash.update(line);
    if (!gz.write(line)) await once(gz, 'drain');
  };
  await put(header);
  let files = 0;
  for await (const entry of entries) {
    await put(entry);
    files++;
  }
  gz.end(`${JSON.stringify({ end: true, files, skipped: skipped(), sha256: hash.digest('hex') })}\n`);
  await finished;
  return Buffer.concat(chunks);
}

const damaged = (name: string, why: string) => new ServiceError('internal', `The snapshot ${name} is damaged (${why}); choose another one.`);

/** Reads a snapshot's bytes back, checking the seal, the gzip stream, every line and the trailer. */
export async function decodeSnapshot(name: string, bytes: Buffer, key: Buffer | null, aad: string): Promise<SnapshotContent> {
  let packed = bytes;
  if (isEncryptedBytes(bytes)) {
    if (!key) throw new ServiceError('encrypted', `The snapshot ${name} is encrypted; unlock the data folder first.`);
    try {
      packed = decryptBytes(key, bytes, aad);
    } catch (err) {
      if (err instanceof EncryptedFileError) throw damaged(name, err.message);
      throw err;
    }
  } else if (key) {
    // An encrypted folder's snapshots are sealed; a plain one here was put in by hand or left by a crash mid-conversion.
    throw damaged(name, 'it is not encrypted although the folder is');
  }
  let text: string;
  try {
    text = (await promisedGunzip(packed)).toString('utf8');
  } catch (err) {
    throw damaged(name, `not a complete gzip stream: ${(err as Error).message}`);
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length < 2) throw damaged(name, 'it is empty');
  const hash = createHash('sha256');
  const parse = <T>(schema: z.ZodType<T>, line: string, what: string): T => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw damaged(name, `${what} is not JSON`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw damaged(name, `${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  };
  const header = parse(Header, lines[0]!, 'the header');
  hash.update(`${lines[0]}\n`);
  const entries: SnapshotEntry[] = [];
  for (let i = 1; i < lines.length - 1; i++) {
    const entry = parse(Entry, lines[i]!, `line ${i + 1}`);
    if (!isSnapshotPath(entry.path)) throw damaged(name, `line ${i + 1} names an unexpected file "${entry.path}"`);
    hash.update(`${lines[i]}\n`);
    entries.push(entry);
  }
  const trailer = parse(Trailer, lines.at(-1)!, 'the last line');
  if (trailer.files !== entries.length || trailer.sha256 !== hash.digest('hex')) throw damaged(name, 'its content does not match its checksum');
  return { header, entries, skipped: trailer.skipped };
}
