import path from 'node:path';
import { ChangedOriginalError, OriginalStore } from '../originals/originalStore';
import { ServiceError } from '../errors';
import type { DurableFs } from '../disk/durableFile';

// Originals in backups: a content-addressed pool beside the snapshots,
// backups/files/ab/<sha256>.bin, holding each original ONCE whatever the number
// of snapshots (a 1 GB video is not copied into every hourly snapshot). The pool
// is an OriginalStore rooted at backups/: the same layout, the same seal (the
// folder's key, ORIGINALS_AAD), the same re-hash on every read.
//
// A pooled original is a COPY, not a hard link: a link shares the disk blocks, so
// a byte changed in place (bit rot, a tool that edits files) would change the
// backup with the original — the very damage a backup is for. Each is copied
// through the live store's `open` (which re-hashes it) into the pool's `put`
// (which hashes it again): a changed original is never pooled. The pool is pruned
// only by a permanent deletion (backup/snapshotPurge), of the originals only the
// purged case used, once no snapshot names them.

/** backups/ (snapshots.ts's BACKUPS_DIR, not imported: snapshots.ts fills the pool, so the import runs the other way). */
const BACKUPS_DIR = 'backups';

/** The pool of a data folder (or of a copied-out set, which has the same backups/). */
export function originalsPool(root: string, key: () => Buffer | null, fs?: DurableFs): OriginalStore {
  return new OriginalStore(path.join(root, BACKUPS_DIR), { key, ...(fs ? { fs } : {}) });
}

export type PoolReport = { added: number; bytes: number; skipped: string[] };

/**
 * Copies every original of `live` the pool lacks into it; those already there cost
 * a stat. An original that is changed or unreadable is skipped (named in `skipped`;
 * verify reports it) so that one damaged file never stops a backup.
 */
export async function poolOriginals(live: OriginalStore, pool: OriginalStore, signal?: AbortSignal): Promise<PoolReport> {
  const report: PoolReport = { added: 0, bytes: 0, skipped: [] };
  for (const { sha256 } of await live.list()) {
    signal?.throwIfAborted();
    if (await pool.has(sha256)) continue;
    try {
      const stored = await pool.put(live.open(sha256), signal ? { signal } : {});
      if (stored.sha256 !== sha256) throw new ChangedOriginalError(sha256, `its bytes now hash to ${stored.sha256}`);
      report.added++;
      report.bytes += stored.size;
    } catch (err) {
      if (signal?.aborted) throw err;
      if (!(err instanceof ServiceError)) throw err;
      report.skipped.push(sha256);
    }
  }
  return report;
}

export type OriginalsRestoreReport = {
  /** Originals the restored cases name. */
  checked: number;
  /** Brought back from the pool (missing or changed in files/). */
  restored: number;
  /** Neither in files/ intact nor in the pool: named by file name. */
  missing: { sha256: string; name: string }[];
};

/**
 * After a restore: every original the restored cases name must be in files/ and
 * hash right. One that is missing or changed is brought back from the pool (a
 * changed one moved aside first); the rest are reported by name.
 */
export async function restoreOriginals(dataDir: string, key: Buffer | null, named: ReadonlyMap<string, string>): Promise<OriginalsRestoreReport> {
  const report: OriginalsRestoreReport = { checked: 0, restored: 0, missing: [] };
  if (named.size === 0) return report;
  const live = new OriginalStore(dataDir, { key: () => key });
  const pool = originalsPool(dataDir, () => key);
  for (const [sha256, name] of [...named].sort(([a], [b]) => a.localeCompare(b))) {
    report.checked++;
    const state = (await live.inspect(sha256)).state;
    if (state === 'ok') continue;
    if ((await pool.inspect(sha256)).state !== 'ok') {
      report.missing.push({ sha256, name });
      continue;
    }
    if (state === 'changed') await live.quarantine(sha256, 'changed on disk; replaced by the copy in backups/files/ at a restore');
    const back = await live.put(pool.open(sha256));
    if (back.sha256 === sha256) report.restored++;
    else report.missing.push({ sha256, name });
  }
  return report;
}

/** Notes the originals a restored case's sources name (unvalidated JSON from a snapshot: what is not a file record is passed over). */
export function noteOriginals(sources: unknown, named: Map<string, string>): void {
  if (!Array.isArray(sources)) return;
  for (const s of sources as { file?: { sha256?: unknown; name?: unknown } }[]) {
    if (typeof s?.file?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(s.file.sha256)) named.set(s.file.sha256, String(s.file.name));
  }
}
