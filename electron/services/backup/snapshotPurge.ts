import path from 'node:path';
import { stat } from 'node:fs/promises';
import { SnapshotReason } from '../../../shared/model';
import { shredFile } from '../disk/shred';
import type { DurableFs } from '../disk/durableFile';
import { ServiceError } from '../errors';
import { encodeSnapshotTo, isBlobRef, MANIFEST_VERSION, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SnapshotRecord } from './archive';
import { collectBlobs } from './blobGc';
import { clearRecords } from './snapshotRecords';
import { blobRoot, inPoolLine, readBlob } from './blobPool';
import { rememberCheck } from './checkCache';
import { OriginalStore } from '../originals/originalStore';
import { noteOriginals, originalsPool } from './originalsPool';
import { streamRecords } from './snapshotReader';
import { BACKUPS_DIR, listSnapshots, names, snapshotAads, snapshotStreamAad, SNAPSHOT_EXT, writeStreamDurably } from './snapshots';

// A purged case taken out of every snapshot of the folder (folder/purgeCase removes
// it from the folder itself). Each snapshot that holds the case is read as a stream
// and written again without the case's entries — its file in cases/ or trash/ and
// every history file of it — through a temp file, fsynced, renamed into place; the
// old file is then overwritten and unlinked (disk/shred). A cancel or a crash
// therefore leaves each snapshot old or new, never a broken one; the one window is
// a crash between the rename and the unlink, where the snapshot is there twice
// (with and without the case) until the purge is asked for again.
//
// The copy keeps the snapshot's time and reason (its name's stamp, to which the
// seal is bound) and counts its cases anew in its name. Copies made with "Copy to
// another drive" are outside the folder: nothing here reaches them.

const NAME = /^(\d{8}T\d{9}Z--[a-z-]+)--\d+c\d+t(-\d+)?\.casefile-snapshot$/;
/** Entries of one case: its file (live or trashed) and its histories (one per device included). */
const entryOfCase = (id: string, p: string) => p === `cases/${id}.json` || p === `trash/${id}.json` || (p.startsWith(`history/${id}.`) && p.endsWith('.jsonl'));
/** Entries held in memory between the reader and the writer: enough to keep both busy. */
const QUEUE = 64;

export type SnapshotPurgeReport = {
  /** Snapshots in the folder when the purge began. */
  total: number;
  /** Read to the end (rewritten or found not to hold the case). */
  checked: number;
  /** Rewritten without the case. */
  rewritten: number;
  cancelled: boolean;
  /** Copies of the case's originals removed from backups/files/ (no snapshot names them any more). */
  poolRemoved: number;
  /** Copies of the case's own originals kept there: a snapshot still names them, or the pass was cancelled before every snapshot was read. */
  poolKept: number;
};

export type SnapshotPurgeOptions = {
  key: Buffer | null;
  fs?: DurableFs;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void;
};

/** A queue from a reader that pushes (the snapshot's visitor) to a writer that pulls (the encoder's entries). */
function entryQueue() {
  const items: SnapshotRecord[] = [];
  let ended = false;
  let closed = false;
  let wakeReader: (() => void) | null = null;
  let wakeWriter: (() => void) | null = null;
  const poke = () => {
    wakeWriter?.();
    wakeWriter = null;
  };
  return {
    async push(entry: SnapshotRecord) {
      while (items.length >= QUEUE && !closed) await new Promise<void>((r) => (wakeReader = r));
      if (closed) throw new ServiceError('cancelled', 'The writer stopped.');
      items.push(entry);
      poke();
    },
    end() {
      ended = true;
      poke();
    },
    /** The writer is done (or failed): a reader waiting for room must not wait for ever. */
    close() {
      closed = true;
      wakeReader?.();
    },
    async *pull(): AsyncGenerator<SnapshotRecord> {
      for (;;) {
        while (items.length === 0 && !ended) await new Promise<void>((r) => (wakeWriter = r));
        const next = items.shift();
        if (next === undefined) return;
        wakeReader?.();
        wakeReader = null;
        yield next;
      }
    },
  };
}

const cancelled = (signal: AbortSignal | undefined) => signal?.aborted === true;

/** Writes the snapshot again without the case; returns the new name. */
async function rewrite(dataDir: string, name: string, id: string, options: SnapshotPurgeOptions, manifest: boolean): Promise<string> {
  const m = NAME.exec(name)!;
  const stem = m[1]!;
  const stamp = stem.slice(0, stem.indexOf('--'));
  const reason = SnapshotReason.parse(stem.slice(stem.indexOf('--') + 2));
  const createdAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  // A version 3 snapshot stays one: its lines are copied as they are, naming the same blobs.
  const header = { format: SNAPSHOT_FORMAT, version: manifest ? MANIFEST_VERSION : SNAPSHOT_VERSION, createdAt, reason } as const;
  const dir = path.join(dataDir, BACKUPS_DIR);
  const counts = { cases: 0, trash: 0 };
  let skipped: string[] = [];
  const queue = entryQueue();
  const seal = options.key ? { key: options.key, aad: snapshotStreamAad(name) } : null;
  const read = streamRecords(dataDir, name, options.key, async (entry) => {
    if (cancelled(options.signal)) throw new ServiceError('cancelled', 'Removing the case from the snapshots was cancelled.');
    if (entryOfCase(id, entry.path)) return;
    if (entry.path.startsWith('cases/')) counts.cases++;
    else if (entry.path.startsWith('trash/')) counts.trash++;
    await queue.push(entry);
  }).then(
    (summary) => {
      skipped = summary.skipped.filter((p) => !entryOfCase(id, p));
      queue.end();
    },
    (err: unknown) => {
      queue.end();
      throw err;
    },
  );
  const nameOf = async () => {
    if (cancelled(options.signal)) throw new ServiceError('cancelled', 'Removing the case from the snapshots was cancelled.');
    const base = `${stem}--${counts.cases}c${counts.trash}t`;
    const taken = new Set((await names(dir)).filter((n) => n !== name));
    let next = `${base}${m[2] ?? ''}${SNAPSHOT_EXT}`;
    for (let n = 2; taken.has(next); n++) next = `${base}-${n}${SNAPSHOT_EXT}`;
    return next;
  };
  // The reader's failure (a damaged snapshot, a cancel) must reach the writer, which then keeps no temp file.
  let readFailure: unknown = null;
  const guarded = read.catch((err: unknown) => {
    readFailure = err;
  });
  async function* entries(): AsyncGenerator<SnapshotRecord> {
    yield* queue.pull();
    await guarded;
    if (readFailure) throw readFailure;
  }
  try {
    const written = await writeStreamDurably(dir, stem, (write) => encodeSnapshotTo(write, header, entries(), () => skipped, seal).then(() => undefined), nameOf, options.fs);
    const st = await stat(written.file).catch(() => null);
    if (st) rememberCheck(written.file, options.key, st, null);
    const newName = path.basename(written.file);
    if (newName !== name) await shredFile(path.join(dir, name), options.fs);
    return newName;
  } finally {
    queue.close();
    await guarded;
  }
}

/**
 * Takes case `id` out of every snapshot, one snapshot after another, then removes from
 * the pool the copies of the case's originals (`originals`, the ones the purge removed
 * from files/, and any its snapshot entries name) that no snapshot left names and that
 * files/ no longer holds. Cancelled between or inside snapshots, it
 * answers what it did: each snapshot is then old or new.
 */
export function purgeFromSnapshots(dataDir: string, id: string, originals: readonly string[], options: SnapshotPurgeOptions): Promise<SnapshotPurgeReport> {
  return inPoolLine(path.join(dataDir, BACKUPS_DIR), () => purgeInLine(dataDir, id, originals, options));
}

async function purgeInLine(dataDir: string, id: string, originals: readonly string[], options: SnapshotPurgeOptions): Promise<SnapshotPurgeReport> {
  const all = (await listSnapshots(dataDir)).map((s) => s.name).filter((n) => NAME.test(n));
  const report: SnapshotPurgeReport = { total: all.length, checked: 0, rewritten: 0, cancelled: false, poolRemoved: 0, poolKept: 0 };
  const named = new Map<string, string>();
  // The case's own originals as the snapshots name them: after a cancelled pass, a second one finds them here.
  const own = new Map<string, string>(originals.map((sha) => [sha, '']));
  const blobs = blobRoot(path.join(dataDir, BACKUPS_DIR));
  const casesRead = new Set<string>();
  let rewroteManifest = false;
  // The snapshots' local copies of their lines name the case too; the next snapshot reads its manifest instead.
  await clearRecords(dataDir);
  for (const name of all) {
    options.onProgress?.({ done: report.checked, total: all.length });
    if (cancelled(options.signal)) break;
    let holds = false;
    let manifest = false;
    try {
      await streamRecords(dataDir, name, options.key, async (entry) => {
        if (cancelled(options.signal)) throw new ServiceError('cancelled', 'Removing the case from the snapshots was cancelled.');
        const isOwn = entryOfCase(id, entry.path);
        if (isOwn) holds = true;
        if (isBlobRef(entry)) manifest = true;
        if (entry.path.startsWith('cases/') || entry.path.startsWith('trash/')) {
          // A blob is read once however many snapshots name it: the originals it names are noted already.
          if (isBlobRef(entry) && !isOwn && casesRead.has(entry.sha256)) return;
          try {
            const text = isBlobRef(entry) ? (await readBlob(blobs, entry.sha256, options.key)).toString('utf8') : entry.text;
            if (isBlobRef(entry) && !isOwn) casesRead.add(entry.sha256);
            noteOriginals((JSON.parse(text) as { sources?: unknown }).sources, isOwn ? own : named);
          } catch {
            // A case that does not parse (or a blob that does not read: verify names it) names no original.
          }
        }
      });
      if (holds) {
        await rewrite(dataDir, name, id, options, manifest);
        report.rewritten++;
        if (manifest) rewroteManifest = true;
      }
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'cancelled') break;
      throw err;
    }
    report.checked++;
  }
  report.cancelled = report.checked < all.length;
  // The case's blobs no rewritten snapshot names any more go (shredded); a cancelled pass drops only what nothing names.
  if (rewroteManifest) await collectBlobs(path.join(dataDir, BACKUPS_DIR), (await listSnapshots(dataDir)).map((s) => s.name), options.key, snapshotAads, options.fs);
  options.onProgress?.({ done: report.checked, total: all.length });
  const pool = originalsPool(dataDir, () => options.key, options.fs);
  const live = new OriginalStore(dataDir, { key: () => options.key, ...(options.fs ? { fs: options.fs } : {}) });
  for (const sha256 of [...own.keys()].sort()) {
    // In files/ still (another case uses it): the pool's copy is that case's backup, not the purged case's.
    if (await live.has(sha256)) continue;
    if (report.cancelled || named.has(sha256)) {
      if (await pool.has(sha256)) report.poolKept++;
      continue;
    }
    if ((await shredFile(pool.pathOf(sha256), options.fs)) !== 'absent') report.poolRemoved++;
  }
  return report;
}
