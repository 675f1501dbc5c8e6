import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { throwIfCancelled } from '../callContext';
import type { BlobRef } from './archive';
import { BlobWriter, eachLimited, sha256Of } from './blobPool';
import type { Presence } from './poolPresence';
import { recordsOf, type Records } from './snapshotRecords';

// What makes a snapshot after one edit cost one blob: every file is stat'ed, and
// a file whose state (size on disk, mtime, ctime, inode) is the one the newest
// snapshot recorded keeps that snapshot's hash without being read. The shortcut
// is safe because a file's ctime is set by the kernel on every change to it
// (a write, a rename over it, a copy from a sync tool) and no program can set it
// back; a new inode (a file replaced) or size tells the same. Each file is
// stat'ed BEFORE it is read: a save in between leaves an older state beside newer
// bytes, which the next snapshot sees as changed and reads again — never the
// other way round. A reused hash counts only while its blob is in the pool.

/** Files read at once (the changed ones): enough to keep the disk busy, few enough for open-file limits. */
const READ_WIDTH = 32;
/** Files stat'ed between two turns of the event loop: stat'ing synchronously is several times faster than through the thread pool. */
const STAT_SLICE = 2000;

/** A file of the folder that could not be read (as opposed to a blob that could not be written). */
export class ReadFailure extends Error {
  constructor(cause: unknown) {
    super('unreadable', { cause });
  }
}

export type Captured = { ref: BlobRef } | { gone: true } | { failed: unknown };

export type IncrementalOptions = {
  dataDir: string;
  /** The blobs' folder (backups/blobs). */
  root: string;
  key: Buffer | null;
  /** The newest snapshot's lines by path: the hashes to reuse. */
  previous: ReadonlyMap<string, BlobRef>;
  /** What is known of the pool (backup/poolPresence): a hash is reused only while its blob is there. */
  present: Presence;
  writer: BlobWriter;
  /** The file's plain bytes as the folder holds them (decrypted, a history's lines opened). */
  readPlain: (rel: string) => Promise<Buffer>;
  signal?: AbortSignal;
};

const stateOf = (st: Stats) => ({ mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, diskSize: st.size });
const sameState = (a: BlobRef, st: Stats) => a.diskSize === st.size && a.mtimeMs === st.mtimeMs && a.ctimeMs === st.ctimeMs && a.ino === st.ino;

/**
 * The newest snapshot's lines (from its local copy, backup/snapshotRecords, or its
 * manifest), or none (no snapshot yet, an older format, or one that does not read
 * whole: then every file is read again).
 */
export async function previousRecords(dataDir: string, backupsDir: string, newestFirst: readonly string[], key: Buffer | null, aads: (name: string) => { wholeAad: string; streamAad: string }): Promise<{ records: Records | null; from: 'copy' | 'manifest' | 'none' }> {
  const newest = newestFirst[0];
  const found = newest ? await recordsOf(dataDir, backupsDir, newest, key, aads(newest), false) : null;
  return found ? found : { records: null, from: 'none' };
}

/** Stats `rels` in slices; a file that is not there is null. */
async function statAll(dataDir: string, rels: readonly string[], signal?: AbortSignal): Promise<(Stats | null)[]> {
  const out: (Stats | null)[] = [];
  for (let i = 0; i < rels.length; i += STAT_SLICE) {
    throwIfCancelled(signal, 'The backup');
    for (const rel of rels.slice(i, i + STAT_SLICE)) {
      try {
        out.push(statSync(path.join(dataDir, ...rel.split('/')), { throwIfNoEntry: false }) ?? null);
      } catch {
        out.push(null); // unreadable: the read that follows reports it as skipped
      }
    }
    await new Promise<void>((r) => setImmediate(r));
  }
  return out;
}

/**
 * Captures every file of `rels` in order: its line (reusing the previous hash, or
 * reading and pooling its bytes), `gone` when it is not there, `failed` when it
 * cannot be read. `batch` receives the results a slice at a time, in order.
 */
export async function captureFiles(rels: readonly string[], options: IncrementalOptions, batch: (results: { rel: string; captured: Captured }[]) => Promise<void>): Promise<void> {
  const states = await statAll(options.dataDir, rels, options.signal);
  const pooled = options.present;
  const slice = 256;
  for (let i = 0; i < rels.length; i += slice) {
    throwIfCancelled(options.signal, 'The backup');
    const results: { rel: string; captured: Captured }[] = rels.slice(i, i + slice).map((rel) => ({ rel, captured: { gone: true } }));
    const toRead: number[] = [];
    results.forEach((r, j) => {
      const st = states[i + j];
      if (!st) return;
      const before = options.previous.get(r.rel);
      // The line itself is reused (its path is this one's: it was found by it), not copied: 100,000 objects fewer.
      if (before && sameState(before, st) && pooled.holdsNamed(before.sha256)) r.captured = { ref: before };
      else toRead.push(j);
    });
    await eachLimited(toRead, READ_WIDTH, async (j) => {
      const r = results[j]!;
      try {
        r.captured = { ref: await capture(r.rel, states[i + j]!, options, pooled) };
      } catch (err) {
        // Only a file that cannot be READ is passed over (named in the trailer); a blob that cannot be written fails the snapshot.
        if (!(err instanceof ReadFailure)) throw err;
        r.captured = (err.cause as NodeJS.ErrnoException).code === 'ENOENT' ? { gone: true } : { failed: err.cause };
      }
    });
    await batch(results);
  }
}

/** Reads one file (stat'ed already), pools its bytes and returns its line. */
export async function capture(rel: string, st: Stats, options: IncrementalOptions, pooled: Presence): Promise<BlobRef> {
  let plain: Buffer;
  try {
    plain = await options.readPlain(rel);
  } catch (err) {
    throw new ReadFailure(err);
  }
  const sha256 = sha256Of(plain);
  if (!pooled.has(sha256)) {
    await options.writer.put(plain, sha256);
    pooled.add(sha256);
  }
  return { path: rel, size: plain.length, sha256, ...stateOf(st) };
}

/** A file moved meanwhile (trashed, restored from the trash) is stat'ed where it went. */
export function statOne(dataDir: string, rel: string): Stats | null {
  return statSync(path.join(dataDir, ...rel.split('/')), { throwIfNoEntry: false }) ?? null;
}
