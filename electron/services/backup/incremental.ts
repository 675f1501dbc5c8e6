import { Stats, statSync } from 'node:fs';
import path from 'node:path';
import { throwIfCancelled } from '../callContext';
import type { BlobRef } from './archive';
import { BlobWriter, eachLimited, sha256Of } from './blobPool';
import type { Presence } from './poolPresence';
import type { FileState } from '../disk/statFiles';
import { recordsOf, type Records } from './snapshotRecords';
import type { PreviousLines } from './previousLines';

// What makes a snapshot after one edit cost one blob: a file whose state (size on
// disk, mtime, ctime, inode) is the one the newest snapshot recorded keeps that
// snapshot's hash without being read. The shortcut is safe because a file's ctime
// is set by the kernel on every change to it (a write, a rename over it, a copy
// from a sync tool) and no program can set it back; a new inode (a file replaced)
// or size tells the same. Each file is stat'ed BEFORE it is read: a save in between
// leaves an older state beside newer bytes, which the next snapshot sees as changed
// and reads again — never the other way round. A reused hash counts only while its
// blob is in the pool.
//
// The state compared is a stat of the file, either this snapshot's own or — for a
// live case, at 100,000 cases nearly every file — the one the running store holds
// for it (`known`): the store stat'ed every case file when it opened (or in the
// confirmation it runs after a trusting open, which a backup waits for), and again
// after each save of its own and each change it was told of (the live folder's
// watch or scan, store/externalRefresh). So a file changed while the app was
// closed is always read again (its stat at open differs from the one recorded);
// one changed by another program while the app is open is read again once the
// store has noticed it — until then the snapshot holds the version the app shows,
// as a snapshot taken a moment earlier would. A file the store does not vouch for
// (unconfirmed, trashed, a history, a new one) is stat'ed here.

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
  /** The newest snapshot's lines by path (backup/previousLines, asked in the order of the files): the hashes to reuse. */
  previous: Pick<PreviousLines, 'get'>;
  /** What is known of the pool (backup/poolPresence): a hash is reused only while its blob is there. */
  present: Presence;
  writer: BlobWriter;
  /** The file's plain bytes as the folder holds them (decrypted, a history's lines opened). */
  readPlain: (rel: string) => Promise<Buffer>;
  /**
   * The state the running store last confirmed by a stat for a file it keeps (a live
   * case), or undefined: see the top of this file for when a store may vouch.
   */
  known?: (rel: string) => FileState | undefined;
  signal?: AbortSignal;
};

const stateOf = (st: Stats) => ({ mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, diskSize: st.size });
/** Whether the recorded line is in `st`: a stat of this snapshot's own (Stats) or one the store confirmed (FileState). */
const sameState = (a: BlobRef, st: FileState) => a.diskSize === st.size && a.mtimeMs === st.mtimeMs && a.ctimeMs === st.ctimeMs && a.ino === st.ino;

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

/** What the stat pass decided for one file: the previous line kept, the state to read it in, or not there. */
type Planned = BlobRef | Stats | null;

/**
 * Decides for each of `rels`, in slices, whether its previous line holds: a file
 * the running store vouches for (`known`, a state it confirmed by a stat) in the
 * state the previous line recorded keeps that line without a stat of its own;
 * any other file is stat'ed and compared. Only the files to read keep their Stats:
 * 100,000 of them held until the end would be promoted and collected at a cost.
 */
async function plan(rels: readonly string[], options: IncrementalOptions, counts: { trusted: number; statted: number }): Promise<Planned[]> {
  const out: Planned[] = [];
  const prefix = path.resolve(options.dataDir) + path.sep;
  for (let i = 0; i < rels.length; i += STAT_SLICE) {
    throwIfCancelled(options.signal, 'The backup');
    const end = Math.min(rels.length, i + STAT_SLICE);
    for (let k = i; k < end; k++) {
      const rel = rels[k]!;
      const before = options.previous.get(rel);
      const vouched = before ? options.known?.(rel) : undefined;
      if (before && vouched && sameState(before, vouched) && options.present.holdsNamed(before.sha256)) {
        counts.trusted++;
        out.push(before);
        continue;
      }
      counts.statted++;
      let st: Stats | null;
      try {
        st = statSync(prefix + (path.sep === '/' ? rel : rel.split('/').join(path.sep)), { throwIfNoEntry: false }) ?? null;
      } catch {
        st = null; // unreadable: the read that follows reports it as skipped
      }
      // The line itself is reused (its path is this one's: it was found by it), not copied: 100,000 objects fewer.
      out.push(st && before && sameState(before, st) && options.present.holdsNamed(before.sha256) ? before : st);
    }
    await new Promise<void>((r) => setImmediate(r));
  }
  return out;
}

const isRef = (p: Planned): p is BlobRef => p !== null && !(p instanceof Stats);

/**
 * Captures every file of `rels` in order: its line (reusing the previous hash, or
 * reading and pooling its bytes), `gone` when it is not there, `failed` when it
 * cannot be read. `batch` receives the results a slice at a time, in order.
 * Returns how many files the store vouched for and how many were stat'ed.
 */
export async function captureFiles(rels: readonly string[], options: IncrementalOptions, batch: (results: { rel: string; captured: Captured }[]) => Promise<void>): Promise<{ trusted: number; statted: number }> {
  const counts = { trusted: 0, statted: 0 };
  const planned = await plan(rels, options, counts);
  const pooled = options.present;
  const slice = 256;
  for (let i = 0; i < rels.length; i += slice) {
    throwIfCancelled(options.signal, 'The backup');
    const results: { rel: string; captured: Captured }[] = [];
    const toRead: number[] = [];
    for (let k = i; k < Math.min(rels.length, i + slice); k++) {
      const p = planned[k]!;
      if (isRef(p)) results.push({ rel: rels[k]!, captured: { ref: p } });
      else {
        if (p) toRead.push(k - i);
        results.push({ rel: rels[k]!, captured: { gone: true } });
      }
    }
    await eachLimited(toRead, READ_WIDTH, async (j) => {
      const r = results[j]!;
      try {
        r.captured = { ref: await capture(r.rel, planned[i + j] as Stats, options, pooled) };
      } catch (err) {
        // Only a file that cannot be READ is passed over (named in the trailer); a blob that cannot be written fails the snapshot.
        if (!(err instanceof ReadFailure)) throw err;
        r.captured = (err.cause as NodeJS.ErrnoException).code === 'ENOENT' ? { gone: true } : { failed: err.cause };
      }
    });
    await batch(results);
  }
  return counts;
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
