import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { SnapshotReason, type SnapshotInfo } from '../../../shared/model';
import { readHistoryText } from '../audit/historyLog';
import { aadForPath, decryptBytes, isEncryptedBytes } from '../crypto';
import { PEOPLE_FILE, SHARING_KEYS_FILE } from '../disk/folderLayout';
import { snapshotSealAad } from '../crypto/streamSeal';
import { ioError, isIoError, ServiceError } from '../errors';
import { confirmRename, fsyncDir, TEMP_SUFFIX, type DurableFs } from '../disk/durableFile';
import { collectBlobs, collectCandidates } from './blobGc';
import { rememberCheck } from './checkCache';
import { throwIfCancelled } from '../callContext';
import { OriginalStore } from '../originals/originalStore';
import { originalsPool, poolOriginals } from './originalsPool';
import { encodeSnapshotTo, MANIFEST_VERSION, SNAPSHOT_FORMAT, type BlobRef } from './archive';
import { BlobWriter, blobRoot, inPoolLine } from './blobPool';
import { capture, captureFiles, previousRecords, ReadFailure, statOne } from './incremental';
import { poolPresence } from './poolPresence';
import { PreviousLines } from './previousLines';
import { dropRecords, recordsOf, releaseRecords, saveRecords, type PoolState } from './snapshotRecords';
import { isSyncConflictName } from '../disk/syncConflictNames';
import type { FileState } from '../disk/statFiles';

// Taking, listing and pruning snapshots under <dataDir>/backups/.
//
// A snapshot's name carries what the list shows (when, why, how many cases), so
// listing never opens a snapshot — which, in an encrypted folder, would mean
// decrypting megabytes per row. Counts are not secret: the folder's file count
// tells as much.

export const BACKUPS_DIR = 'backups';
export const SNAPSHOT_EXT = '.casefile-snapshot';
/** The scheduled kinds, pruned by day and week; the others mark a change to the whole folder and are kept by count. */
const SCHEDULED: ReadonlySet<SnapshotReason> = new Set(['start', 'daily', 'hourly', 'manual']);
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_BEFORE_CHANGE = 5;

const NAME = /^(\d{8}T\d{9}Z)--([a-z-]+)--(\d+)c(\d+)t(?:-(\d+))?\.casefile-snapshot$/;

const stampOf = (d: Date) => d.toISOString().replace(/[-:.]/g, ''); // 20261122T201556123Z
const dateOfStamp = (s: string) =>
  new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`);

/** The listing fields a snapshot's name holds (bytes filled in by the caller), or null for a name that is not a snapshot. */
export function parseSnapshotName(name: string): Omit<SnapshotInfo, 'bytes'> | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const reason = SnapshotReason.safeParse(m[2]);
  const createdAt = dateOfStamp(m[1]!);
  if (!reason.success || Number.isNaN(createdAt.getTime())) return null;
  return { name, createdAt: createdAt.toISOString(), reason: reason.data, cases: Number(m[3]), trashed: Number(m[4]) };
}

/** What a version 1 snapshot (sealed whole) is bound to: its full name. */
export const snapshotAad = (name: string) => aadForPath(`${BACKUPS_DIR}/${name}`);
/**
 * What a version 2 snapshot (sealed in chunks, as it is written) is bound to:
 * its stamp and reason, the part of its name known before its first byte is
 * sealed (the counts are known only at the end). Renamed to another time or
 * reason, it fails authentication.
 */
export const snapshotStreamAad = (name: string): string => snapshotSealAad(name);

const realFs: DurableFs = { open, rename, unlink };

/**
 * Writes a file durably from a stream of chunks: temp file (its every write
 * through `fs`, as the fault tests expect) → fsync → rename to the name `nameOf`
 * gives once the content is written → fsync the folder. A failure removes the temp.
 */
export async function writeStreamDurably(dir: string, stem: string, fill: (write: (chunk: Buffer) => Promise<void>) => Promise<void>, nameOf: () => Promise<string>, fs: DurableFs = realFs): Promise<{ file: string; bytes: number }> {
  const tmp = path.join(dir, `.${stem}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  let renamed = false;
  let bytes = 0;
  try {
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      // writeFile on a handle writes at its position: successive calls append.
      await fill(async (chunk) => {
        await handle.writeFile(chunk);
        bytes += chunk.length;
      });
      await handle.sync();
    } finally {
      await handle.close();
    }
    const file = path.join(dir, await nameOf());
    await fs.rename(tmp, file);
    renamed = true;
    await confirmRename(file, fs);
    return { file, bytes };
  } finally {
    if (!renamed) await (fs.unlink ?? unlink)(tmp).catch(() => undefined);
  }
}

/** A folder's file names; a folder not made yet is empty. */
export async function names(dir: string): Promise<string[]> {
  // Names alone, not directory entries: at 100,000 cases their types cost about as much again as the listing.
  return readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
}

/** Every snapshot in the folder, newest first. */
export async function listSnapshots(dataDir: string): Promise<SnapshotInfo[]> {
  const dir = path.join(dataDir, BACKUPS_DIR);
  const rows: SnapshotInfo[] = [];
  for (const name of await names(dir)) {
    const info = parseSnapshotName(name);
    if (!info) continue;
    const st = await stat(path.join(dir, name)).catch(() => null);
    if (st?.isFile()) rows.push({ ...info, bytes: st.size });
  }
  return rows.sort((a, b) => b.name.localeCompare(a.name));
}

export type SnapshotOptions = {
  reason: SnapshotReason;
  /** The folder's data key when it is encrypted: files are read through it and the snapshot is sealed with it. */
  key: Buffer | null;
  now?: Date;
  fs?: DurableFs;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Checked between batches and before the rename: a cancelled snapshot leaves no file behind. */
  signal?: AbortSignal;
  /**
   * From the running store, once it has confirmed every case file (backup/incremental): the state it last
   * stat'ed a file of the folder in (`cases/<id>.json`), or undefined for a file it does not vouch for.
   */
  known?: (rel: string) => FileState | undefined;
};

/**
 * Where a snapshot's reused hashes came from (the newest snapshot's local copy, its manifest, or none), how many pool
 * shards it listed, and how many files the running store vouched for (not stat'ed again) and how many were stat'ed.
 */
type Shortcut = { previousFrom: 'copy' | 'manifest' | 'none'; shardsListed: number; trusted: number; statted: number };
/** What the last snapshot of a folder wrote into the pool (this process), and how: the tests and the bench count it. */
export const lastWrite = new Map<string, { blobs: number; blobBytes: number } & Shortcut>();

async function readPlainBytes(dataDir: string, rel: string, key: Buffer | null): Promise<Buffer> {
  if (!key && !rel.startsWith('history/')) return readFile(path.join(dataDir, ...rel.split('/')));
  return Buffer.from(await readPlain(dataDir, rel, key), 'utf8');
}

async function readPlain(dataDir: string, rel: string, key: Buffer | null): Promise<string> {
  const file = path.join(dataDir, ...rel.split('/'));
  if (rel.startsWith('history/')) return readHistoryText(file, key, aadForPath(rel));
  const bytes = await readFile(file);
  if (key && rel !== 'meta.json') {
    if (!isEncryptedBytes(bytes)) throw new Error('not encrypted although the folder is');
    return decryptBytes(key, bytes, aadForPath(rel)).toString('utf8');
  }
  return bytes.toString('utf8');
}

/**
 * Copies meta.json, settings.json, every case (live and trashed) and every case's history into
 * one new snapshot. Saves may go on meanwhile: every file is replaced whole by a
 * rename, so each is read in one state or the other (a case and its history may
 * be a save apart). What must not run meanwhile is a change to the whole folder
 * (a conversion, a restore): the store waits for its backups before it lets go
 * of the folder. A file that cannot be read is left out and named in the
 * snapshot's header, so one damaged case never stops a backup.
 */
export async function createSnapshot(dataDir: string, options: SnapshotOptions): Promise<SnapshotInfo> {
  const now = options.now ?? new Date();
  // settings.json (who prepares the briefs) goes along where it exists: a set copied to another drive
  // restores a whole folder on a new computer. A missing one is passed over like a case trashed meanwhile.
  // The sharing keys too: a folder restored on a new computer must still open what partners sealed for it.
  // The people index's merges and splits (people.json) are the team's work too.
  const rels: string[] = ['meta.json', 'settings.json', 'addressees.json', PEOPLE_FILE, SHARING_KEYS_FILE];
  for (const [sub, ext] of [['cases', '.json'], ['trash', '.json'], ['history', '.jsonl']] as const) {
    for (const name of (await names(path.join(dataDir, sub))).sort()) {
      // A Syncthing conflict copy is not kept: restored after it was settled, it would raise the conflict again.
      if (!name.startsWith('.') && name.endsWith(ext) && !isSyncConflictName(name)) rels.push(`${sub}/${name}`);
    }
  }
  const skipped: string[] = [];
  /** Saves go on meanwhile: a case trashed or restored since the listing is found in the other folder. */
  const moved = (rel: string) => (rel.startsWith('cases/') ? `trash/${rel.slice(6)}` : rel.startsWith('trash/') ? `cases/${rel.slice(6)}` : null);
  const counts = { cases: 0, trash: 0 };
  const refs: BlobRef[] = [];
  // The listing names each file once: a path can come twice only once a moved file has been taken from the other
  // folder, so the paths taken are kept in a set from the first such look on, not for every one of 100,000 files.
  let seen: Set<string> | null = null;
  const taken = (rel: string) => (seen ??= new Set(refs.map((r) => r.path))).has(rel);
  const take = (ref: BlobRef) => {
    if (seen) {
      if (seen.has(ref.path)) return;
      seen.add(ref.path);
    }
    if (ref.path.startsWith('cases/')) counts.cases++;
    else if (ref.path.startsWith('trash/')) counts.trash++;
    refs.push(ref);
  };
  const dir = path.join(dataDir, BACKUPS_DIR);
  const stem = `${stampOf(now)}--${options.reason}`;
  const header = { format: SNAPSHOT_FORMAT, version: MANIFEST_VERSION, createdAt: now.toISOString(), reason: options.reason } as const;
  // Sealed in chunks bound to its stamp and reason: renamed or swapped, it fails authentication.
  const seal = options.key ? { key: options.key, aad: snapshotStreamAad(`${stem}--0c0t${SNAPSHOT_EXT}`) } : null;
  const nameOf = async () => {
    throwIfCancelled(options.signal, 'The backup');
    const base = `${stem}--${counts.cases}c${counts.trash}t`;
    const taken = new Set(await names(dir));
    let name = `${base}${SNAPSHOT_EXT}`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}${SNAPSHOT_EXT}`;
    return name;
  };
  throwIfCancelled(options.signal, 'The backup');
  let pool: PoolState | null = null;
  let shortcut: Shortcut = { previousFrom: 'none', shardsListed: 0, trusted: 0, statted: 0 };
  const written = await inPoolLine(dir, async () => {
    let writer: BlobWriter | null = null;
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const root = blobRoot(dir);
      const before = await previousRecords(dataDir, dir, (await listSnapshots(dataDir)).map((s) => s.name), options.key, snapshotAads);
      const presence = await poolPresence(root, before.records);
      pool = presence.pool;
      const previous = new PreviousLines(before.records?.refs ?? []);
      writer = new BlobWriter(root, options.key, options.fs);
      const inc = { dataDir, root, key: options.key, previous, present: presence.presence, writer, readPlain: (rel: string) => readPlainBytes(dataDir, rel, options.key), ...(options.signal ? { signal: options.signal } : {}), ...(options.known ? { known: options.known } : {}) };
      shortcut = { previousFrom: before.from, shardsListed: presence.listed, trusted: 0, statted: 0 };
      let done = 0;
      const counts = await captureFiles(rels, inc, async (results) => {
        for (const { rel, captured } of results) {
          if ('ref' in captured) take(captured.ref);
          else if ('gone' in captured) {
            const other = moved(rel);
            const st = other && !taken(other) ? statOne(dataDir, other) : null;
            if (other && st) {
              await capture(other, st, inc, inc.present).then(take, (err: unknown) => {
                if (!(err instanceof ReadFailure)) throw err;
              });
            }
          } else if (rel === 'meta.json') throw isIoError(captured.failed) ? ioError(captured.failed, 'back up the data folder') : captured.failed;
          else skipped.push(rel);
        }
        done += results.length;
        options.onProgress?.({ done, total: rels.length });
      });
      Object.assign(shortcut, counts);
      // Every blob the manifest names is durable before the manifest is.
      await writer.flush();
      lastWrite.set(path.resolve(dataDir), { blobs: writer.written, blobBytes: writer.bytes, ...shortcut });
      throwIfCancelled(options.signal, 'The backup');
      writer = null; // from here the manifest may name its blobs: they are never taken back (the rotation's clean-up drops orphans)
      return await writeStreamDurably(dir, stem, async (write) => {
        await encodeSnapshotTo(write, header, refs, () => skipped, seal);
      }, nameOf, options.fs);
    } catch (err) {
      await writer?.discard();
      throw isIoError(err) ? new ServiceError('io', ioError(err, 'write the backup').message.replace(/The previous version is intact\.$/, 'No case was changed.')) : err;
    }
  });
  const st = await stat(written.file).catch(() => null);
  if (st) {
    rememberCheck(written.file, options.key, st, null);
    // What the next snapshot starts from, instead of reading this manifest and listing the pool (backup/snapshotRecords).
    await saveRecords(dataDir, path.basename(written.file), st, refs, pool, options.key);
  }
  await poolWithSnapshot(dataDir, path.basename(written.file), options);
  return { ...parseSnapshotName(path.basename(written.file))!, bytes: written.bytes };
}

/** The originals go beside the snapshot, once each (backup/originalsPool). */
async function poolWithSnapshot(dataDir: string, snapshot: string, options: SnapshotOptions): Promise<void> {
  const key = () => options.key;
  try {
    await poolOriginals(new OriginalStore(dataDir, { key, ...(options.fs ? { fs: options.fs } : {}) }), originalsPool(dataDir, key, options.fs), options.signal);
  } catch (err) {
    if (!isIoError(err)) throw err;
    throw new ServiceError('io', ioError(err, 'copy the originals to backups/files/').message.replace(/The previous version is intact\.$/, `The snapshot ${snapshot} was taken; the originals not copied yet are copied with the next one.`));
  }
}

const dayOf = (iso: string) => iso.slice(0, 10);
/** ISO week (e.g. "2026-W47"): weeks start on Monday, as in Kazakhstan and Russia. */
function weekOf(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3); // the week's Thursday names its year
  const dayOfYear = (d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000;
  return `${d.getUTCFullYear()}-W${String(1 + Math.floor(dayOfYear / 7)).padStart(2, '0')}`;
}

/**
 * Which snapshots the rotation keeps: of the scheduled ones (start, daily,
 * manual) the newest of each of the last 7 days that have one and the newest of
 * each of the last 4 weeks; of those taken before a change to the whole folder
 * (migration, encryption, restore) the newest 5. Pure, for testing the policy.
 */
export function snapshotsToKeep(all: readonly Pick<SnapshotInfo, 'name' | 'createdAt' | 'reason'>[]): Set<string> {
  const newestFirst = [...all].sort((a, b) => b.name.localeCompare(a.name));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  let beforeChange = 0;
  for (const s of newestFirst) {
    if (!SCHEDULED.has(s.reason)) {
      if (beforeChange++ < KEEP_BEFORE_CHANGE) keep.add(s.name);
      continue;
    }
    const day = dayOf(s.createdAt);
    const week = weekOf(s.createdAt);
    if (!days.has(day) && days.size < KEEP_DAILY) {
      days.add(day);
      keep.add(s.name);
    }
    if (!weeks.has(week) && weeks.size < KEEP_WEEKLY) {
      weeks.add(week);
      keep.add(s.name);
    }
  }
  return keep;
}

/**
 * Deletes the snapshots the rotation no longer keeps, then the blobs no snapshot
 * left names (backup/blobGc; `key` reads the manifests — without it, as for an
 * encrypted folder whose key the caller lacks, no blob is dropped); returns their names.
 */
export async function pruneSnapshots(dataDir: string, key?: Buffer | null): Promise<string[]> {
  const dir = path.join(dataDir, BACKUPS_DIR);
  return inPoolLine(dir, async () => {
    const all = await listSnapshots(dataDir);
    const keep = snapshotsToKeep(all);
    const removed = all.filter((s) => !keep.has(s.name)).map((s) => s.name);
    // The blobs the snapshots about to go name, read while they are there (from their local copies when those hold):
    // the only ones this rotation can leave unnamed. One that does not read calls for the full collection.
    let candidates: Set<string> | null = new Set<string>();
    if (key !== undefined) {
      // A line the newest snapshot kept holds too (the same hash at the same path: nearly every line, that snapshot being
      // taken from these) names no candidate: 100,000 hashes are not gathered only to be struck off again.
      const newestKept = all.find((s) => keep.has(s.name));
      const kept = newestKept ? await recordsOf(dataDir, dir, newestKept.name, key, snapshotAads(newestKept.name), false) : null;
      for (const name of removed) {
        const found = await recordsOf(dataDir, dir, name, key, snapshotAads(name), false);
        if (!found) {
          candidates = null;
          break;
        }
        const alsoKept = kept ? new PreviousLines(kept.records.refs) : null;
        for (const r of found.records.refs) if (alsoKept?.get(r.path)?.sha256 !== r.sha256) candidates.add(r.sha256);
      }
    }
    for (const name of removed) await unlink(path.join(dir, name)).catch(() => undefined);
    if (removed.length > 0) await fsyncDir(dir).catch(() => undefined);
    if (key === undefined) {
      releaseRecords();
      return removed;
    }
    const survivors = (await listSnapshots(dataDir)).map((s) => s.name);
    try {
      if (candidates) await collectCandidates(dataDir, dir, survivors, removed, candidates, key, snapshotAads);
      else if ((await collectBlobs(dir, survivors, key, snapshotAads)).blocked === false) await dropRecords(dataDir, new Set(survivors));
    } finally {
      releaseRecords();
    }
    return removed;
  });
}

/** What a snapshot's seal is bound to, by its name (both kinds). */
export const snapshotAads = (name: string) => ({ wholeAad: snapshotAad(name), streamAad: snapshotStreamAad(name) });

/** Whether the schedule owes a snapshot: none scheduled yet, or the newest is a day old. */
export async function dailySnapshotDue(dataDir: string, now: Date = new Date()): Promise<boolean> {
  const newest = (await listSnapshots(dataDir)).find((s) => SCHEDULED.has(s.reason));
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= 24 * 3_600_000;
}
