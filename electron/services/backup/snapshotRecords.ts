import { createHash, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ENVELOPE_MAGIC } from '../crypto/envelope';
import { openBytesChunked, sealBytesChunked } from '../crypto/streamSeal';
import { SNAPSHOT_RECORDS_DIR } from '../disk/folderLayout';
import { TEMP_SUFFIX } from '../disk/durableFile';
import { isBlobRef, readSnapshotFile, type BlobRef } from './archive';

// A machine-local copy of a version 3 manifest's lines in a binary, columnar form
// (local/snapshot-records/<snapshot name>.records, machine-local, never synced) that loads in milliseconds where
// the manifest itself (gzip, JSON, 100,000 lines) takes seconds: what the next
// snapshot reuses hashes from, and what the rotation's collection reads to know
// which blobs a snapshot names.
//
// It is only a shortcut: it counts for a manifest only while that file's state
// (size, mtime, ctime, inode) is the one recorded when the copy was written —
// a manifest rewritten (a purge, a conversion), replaced or copied back is read
// again, since its ctime and inode change with any write and no program can set
// a ctime back — and only if it reads whole (its SHA-256; in an encrypted folder
// sealed under the folder key, as the manifest is). Anything else (missing,
// damaged, another key, an older layout) is as if there were none: the caller
// reads the manifest. It is written without fsync: a crash leaves an old or
// unreadable copy, never a wrong one that checks out.

const DIR = SNAPSHOT_RECORDS_DIR;
const EXT = '.records';
const MAGIC = Buffer.from('CFSREC1\n');
const HASH_BYTES = 32;
/** Numbers per line, column by column: mtimeMs, ctimeMs, ino, size, diskSize. */
const COLUMNS = 5;

/** A pool shard's folder state (mtimeMs, ctimeMs, ino) when the snapshot began: see backup/poolPresence. */
export type ShardState = [number, number, number];
export type PoolState = { statAt: number; shards: Record<string, ShardState> };
export type Records = { refs: BlobRef[]; pool: PoolState | null };

type Header = { manifest: { size: number; mtimeMs: number; ctimeMs: number; ino: number }; count: number; pathBytes: number; pool: PoolState | null };

const dirOf = (dataDir: string) => path.join(dataDir, ...DIR.split('/'));
const fileOf = (dataDir: string, name: string) => path.join(dirOf(dataDir), `${name}${EXT}`);
const aadOf = (name: string) => `${DIR}/${name}`;
const stateOf = (st: Stats) => ({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });

function encode(refs: readonly BlobRef[], header: Header): Buffer {
  const paths = Buffer.from(refs.map((r) => r.path).join('\n'), 'utf8');
  const head = Buffer.from(JSON.stringify({ ...header, pathBytes: paths.length }), 'utf8');
  const at = MAGIC.length + 4 + head.length + paths.length;
  const pad = (8 - (at % 8)) % 8;
  const n = refs.length;
  const body = Buffer.alloc(at + pad + n * COLUMNS * 8 + n * HASH_BYTES + HASH_BYTES);
  MAGIC.copy(body, 0);
  body.writeUInt32LE(head.length, MAGIC.length);
  head.copy(body, MAGIC.length + 4);
  paths.copy(body, MAGIC.length + 4 + head.length);
  const nums = new Float64Array(body.buffer, body.byteOffset + at + pad, n * COLUMNS);
  const hashesAt = at + pad + n * COLUMNS * 8;
  refs.forEach((r, i) => {
    nums[i] = r.mtimeMs;
    nums[n + i] = r.ctimeMs;
    nums[2 * n + i] = r.ino;
    nums[3 * n + i] = r.size;
    nums[4 * n + i] = r.diskSize;
    body.write(r.sha256, hashesAt + i * HASH_BYTES, HASH_BYTES, 'hex');
  });
  createHash('sha256').update(body.subarray(0, body.length - HASH_BYTES)).digest().copy(body, body.length - HASH_BYTES);
  return body;
}

type Layout = { header: Header; pathsAt: number; at: number; pad: number; hashesAt: number };

/** Where a copy's parts are, once it has checked out whole (its SHA-256 and length), or null. */
function layout(body: Buffer): Layout | null {
  if (body.length < MAGIC.length + 4 + HASH_BYTES || !body.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const sum = createHash('sha256').update(body.subarray(0, body.length - HASH_BYTES)).digest();
  if (!sum.equals(body.subarray(body.length - HASH_BYTES))) return null;
  const headLength = body.readUInt32LE(MAGIC.length);
  let header: Header;
  try {
    header = JSON.parse(body.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headLength)) as Header;
  } catch {
    return null;
  }
  const pathsAt = MAGIC.length + 4 + headLength;
  const at = pathsAt + header.pathBytes;
  const pad = (8 - (at % 8)) % 8;
  const n = header.count;
  if (body.length !== at + pad + n * COLUMNS * 8 + n * HASH_BYTES + HASH_BYTES) return null;
  return { header, pathsAt, at, pad, hashesAt: at + pad + n * COLUMNS * 8 };
}

function decode(body: Buffer): { header: Header; refs: BlobRef[] } | null {
  const parts = layout(body);
  return parts && decodeLines(body, parts);
}

function decodeLines(body: Buffer, { header, pathsAt, at, pad, hashesAt }: Layout): { header: Header; refs: BlobRef[] } | null {
  const n = header.count;
  const paths = n === 0 ? [] : body.toString('utf8', pathsAt, at).split('\n');
  if (paths.length !== n) return null;
  // Copied out: the column must start on an 8-byte boundary of its own buffer.
  const nums = new Float64Array(body.buffer.slice(body.byteOffset + at + pad, body.byteOffset + at + pad + n * COLUMNS * 8));
  const refs = paths.map(
    (p, i): BlobRef => ({ path: p, mtimeMs: nums[i]!, size: nums[3 * n + i]!, sha256: body.toString('hex', hashesAt + i * HASH_BYTES, hashesAt + (i + 1) * HASH_BYTES), ctimeMs: nums[n + i]!, ino: nums[2 * n + i]!, diskSize: nums[4 * n + i]! }),
  );
  return { header, refs };
}

/**
 * Keeps `refs` (the lines of the manifest `name`, just written and stat'ed as
 * `manifest`) for the next snapshot; `pool` is the state of the pool's shards
 * when this snapshot began. A failure costs the next snapshot its shortcut only.
 */
export async function saveRecords(dataDir: string, name: string, manifest: Stats, refs: readonly BlobRef[], pool: PoolState | null, key: Buffer | null): Promise<void> {
  hold(heldId(dataDir, name), { manifest: stateOf(manifest), key, records: { refs: [...refs], pool } });
  try {
    const body = encode(refs, { manifest: stateOf(manifest), count: refs.length, pathBytes: 0, pool });
    const bytes = key ? sealBytesChunked(key, body, aadOf(name)) : body;
    await mkdir(dirOf(dataDir), { recursive: true, mode: 0o700 });
    const tmp = path.join(dirOf(dataDir), `.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    await writeFile(tmp, bytes, { mode: 0o600 });
    await rename(tmp, fileOf(dataDir, name)).catch(async (err: unknown) => {
      await unlink(tmp).catch(() => undefined);
      throw err;
    });
  } catch {
    // The next snapshot reads the manifest instead.
  }
}

/** The copy's bytes, opened (an encrypted folder's copy is sealed under its key), or null. */
async function readBody(dataDir: string, name: string, key: Buffer | null): Promise<Buffer | null> {
  try {
    const raw = await readFile(fileOf(dataDir, name));
    if (raw.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC) !== (key !== null)) return null;
    return key ? openBytesChunked(key, raw, aadOf(name)) : raw;
  } catch {
    return null;
  }
}

async function readCopy(dataDir: string, name: string, key: Buffer | null): Promise<{ header: Header; refs: BlobRef[] } | null> {
  const body = await readBody(dataDir, name, key);
  try {
    return body && decode(body);
  } catch {
    return null;
  }
}

/** How this process holds the copy of `name` in memory. */
const heldId = (dataDir: string, name: string) => path.join(dirOf(dataDir), name);

type Held = { manifest: Header['manifest']; key: Buffer | null; records: Records };
/**
 * The copies this process wrote or read last, kept between a snapshot and the
 * rotation that follows it (which reads both the newest and the one it deletes)
 * and let go when that rotation ends: at 100,000 files each is some 30 MB.
 */
const held = new Map<string, Held>();
function hold(id: string, h: Held): void {
  held.delete(id);
  if (held.size >= 2) held.delete(held.keys().next().value!);
  held.set(id, h);
}
/** Lets go of the copies held in memory (the rotation has run). */
export function releaseRecords(): void {
  held.clear();
}
const sameManifest = (m: Header['manifest'], st: Stats) => m.size === st.size && m.mtimeMs === st.mtimeMs && m.ctimeMs === st.ctimeMs && m.ino === st.ino;
const sameKey = (a: Buffer | null, b: Buffer | null) => (a === null || b === null ? a === b : a.equals(b));

/** The local copy of `name` when it still holds for its manifest, found in the state `st`: its bytes, checked whole, and where its parts are. */
async function copyFor(dataDir: string, name: string, key: Buffer | null, st: Stats): Promise<{ body: Buffer; parts: Layout } | null> {
  const body = await readBody(dataDir, name, key);
  const parts = body && layout(body);
  return body && parts && sameManifest(parts.header.manifest, st) ? { body, parts } : null;
}

/** The lines of the manifest `name` (in backups/), from its local copy, or null when there is none that still holds for it. */
async function readRecords(dataDir: string, backupsDir: string, name: string, key: Buffer | null): Promise<Records | null> {
  const st = await stat(path.join(backupsDir, name)).catch(() => null);
  if (!st) return null;
  const id = heldId(dataDir, name);
  const mine = held.get(id);
  if (mine && sameKey(mine.key, key) && sameManifest(mine.manifest, st)) return mine.records;
  const found = await copyFor(dataDir, name, key, st);
  let copy: { header: Header; refs: BlobRef[] } | null = null;
  try {
    copy = found && decodeLines(found.body, found.parts);
  } catch {
    // As if there were no copy: the manifest is read instead.
  }
  if (!copy) return null;
  const records = { refs: copy.refs, pool: copy.header.pool };
  hold(id, { manifest: copy.header.manifest, key, records });
  return records;
}

/** Candidates at most this many are looked for as bytes in a copy's column of hashes; for more, its lines are made and a set asked. */
const SCAN_LIMIT = 64;

/** Whether the 32-byte `hash` is one of `column`'s entries (a match straddling two entries is none). */
function inColumn(column: Buffer, hash: Buffer): boolean {
  for (let at = column.indexOf(hash); at !== -1; at = column.indexOf(hash, at + 1)) if (at % HASH_BYTES === 0) return true;
  return false;
}

/**
 * Which of `candidates` the snapshot `name` names: from its lines when this process holds
 * them, else — for a few candidates — from its local copy's column of hashes searched as
 * bytes, no line made (a rotation after an hourly snapshot asks this of every snapshot kept,
 * a week of them at 100,000 files each, for the blob or two it may drop), else from its lines
 * read whole. Null when the snapshot does not read whole.
 */
export async function namedAmong(dataDir: string, backupsDir: string, name: string, key: Buffer | null, aads: { wholeAad: string; streamAad: string }, candidates: ReadonlySet<string>): Promise<Set<string> | null> {
  const named = new Set<string>();
  if (candidates.size <= SCAN_LIMIT && !held.has(heldId(dataDir, name))) {
    const st = await stat(path.join(backupsDir, name)).catch(() => null);
    const copy = st && (await copyFor(dataDir, name, key, st));
    if (copy) {
      const { body, parts } = copy;
      const column = body.subarray(parts.hashesAt, parts.hashesAt + parts.header.count * HASH_BYTES);
      for (const sha of candidates) if (inColumn(column, Buffer.from(sha, 'hex'))) named.add(sha);
      return named;
    }
  }
  const found = await recordsOf(dataDir, backupsDir, name, key, aads, true);
  if (!found) return null;
  for (const r of found.records.refs) if (candidates.has(r.sha256)) named.add(r.sha256);
  return named;
}

/** Removes the copies of snapshots not in `keep` (gone), and any temp left by a crash mid-write. */
export async function dropRecords(dataDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const file of await readdir(dirOf(dataDir)).catch(() => [] as string[])) {
    if (file.endsWith(EXT) && keep.has(file.slice(0, -EXT.length))) continue;
    await unlink(path.join(dirOf(dataDir), file)).catch(() => undefined);
  }
}

/**
 * The lines the copies of snapshots no longer in `existing` held: what a rotation
 * interrupted by a crash (its manifests deleted, its blobs not yet) left to collect.
 * Unchecked against any manifest: they only propose blobs to drop, each of which
 * goes only if no snapshot left names it.
 */
export async function orphanRecords(dataDir: string, existing: ReadonlySet<string>, key: Buffer | null): Promise<BlobRef[]> {
  const out: BlobRef[] = [];
  for (const file of await readdir(dirOf(dataDir)).catch(() => [] as string[])) {
    const name = file.slice(0, -EXT.length);
    if (file.endsWith(EXT) && !existing.has(name)) out.push(...((await readCopy(dataDir, name, key))?.refs ?? []));
  }
  return out;
}

/** Every copy: a purge rewrites the manifests, and the copies must not keep the purged case's name and hashes. */
export async function clearRecords(dataDir: string): Promise<void> {
  held.clear();
  await rm(dirOf(dataDir), { recursive: true, force: true });
}

/** Reads what a version 1 or 2 snapshot holds no further than its first file: it names no blob. */
class NotAManifest extends Error {}

/**
 * The lines of the snapshot `name`: from its local copy when one holds, else read
 * from the manifest (and, with `keep`, a copy kept for next time — not by a
 * snapshot, which must leave the folder as it found it if it fails); a version 1
 * or 2 snapshot has none. Null when the snapshot does not read whole.
 */
export async function recordsOf(dataDir: string, backupsDir: string, name: string, key: Buffer | null, aads: { wholeAad: string; streamAad: string }, keep: boolean): Promise<{ records: Records; from: 'copy' | 'manifest' } | null> {
  const copy = await readRecords(dataDir, backupsDir, name, key);
  if (copy) return { records: copy, from: 'copy' };
  const file = path.join(backupsDir, name);
  const refs: BlobRef[] = [];
  try {
    // Stat'ed before it is read: a manifest changed in between leaves a copy that no longer holds for it.
    const st = await stat(file);
    await readSnapshotFile(name, file, {
      key,
      ...aads,
      visit: (r) => {
        if (!isBlobRef(r)) throw new NotAManifest();
        refs.push(r);
      },
    });
    if (keep) await saveRecords(dataDir, name, st, refs, null, key);
  } catch (err) {
    if (!(err instanceof NotAManifest)) return null;
    return { records: { refs: [], pool: null }, from: 'manifest' };
  }
  return { records: { refs, pool: null }, from: 'manifest' };
}
