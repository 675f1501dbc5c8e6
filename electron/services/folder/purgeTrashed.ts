import type { CaseFile } from '../../../shared/model';
import type { PurgeReport } from '../../../shared/purge';
import { ioError, isIoError, ServiceError } from '../errors';
import type { DurableFs } from '../disk/durableFile';
import { listSnapshots } from '../backup/snapshots';
import { purgeFromSnapshots } from '../backup/snapshotPurge';
import { beginPurge, originalsOf, runPurge } from './purgeCase';

/** What the purge needs of the open store (folder/caseStore builds it). */
export type PurgeHost = {
  readonly dataDir: string;
  readonly key: Buffer | null;
  readonly fs: DurableFs | undefined;
  now(): string;
  /** The store's save queue: no save, trash or restore runs beside the purge. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** The backups' line: no snapshot is taken or pruned while the snapshots are rewritten. */
  inBackups<T>(work: () => Promise<T>): Promise<T>;
  isLive(id: string): boolean;
  trashed(id: string): Promise<CaseFile | null>;
  /** Waits for the manifest lines of earlier saves (store/recorder), so none lands after the purge's. */
  settled(): Promise<void>;
  /** Out of the store's catalogue and caches. */
  forget(id: string): void;
  /** The summary index written now, outside the save queue. */
  flushIndex(): Promise<void>;
};

/**
 * Deletes a trashed case for good (folder/purgeCase), then — when asked — takes it out
 * of the snapshots too (backup/snapshotPurge), with progress per snapshot and a cancel
 * that leaves each snapshot old or new. A live case is refused: it must be trashed first.
 * Asked again with `snapshots` for a case already deleted, it does the snapshot pass alone.
 */
export async function purgeTrashed(host: PurgeHost, id: string, options: { snapshots?: boolean }, onProgress?: (p: { done: number; total: number }) => void, signal?: AbortSignal): Promise<PurgeReport> {
  const outcome = await host.exclusive(async () => {
    if (host.isLive(id)) throw new ServiceError('conflict', `Case "${id}" is in the list, not in the Trash. Move it to the Trash first; only a case in the Trash can be deleted permanently. Nothing was deleted.`);
    const c = await host.trashed(id);
    // Deleted already, its snapshots asked for again (a pass that was cancelled): only the snapshots are left to do.
    if (!c && options.snapshots) return { files: 0, overwritten: 0, originalsRemoved: [], originalsShared: 0 };
    if (!c) throw new ServiceError('not_found', `The Trash holds no case with id "${id}". Nothing was deleted.`);
    await host.settled();
    const journal = { id, at: host.now(), originals: originalsOf(c) };
    try {
      await beginPurge(host.dataDir, journal, host.fs);
    } catch (err) {
      throw isIoError(err) ? ioError(err, `begin deleting "${c.title}"`) : err;
    }
    try {
      return await runPurge(host.dataDir, host.key, journal, host.fs);
    } catch (err) {
      if (!isIoError(err)) throw err;
      throw new ServiceError('io', `Deleting the case stopped part-way (${(err as NodeJS.ErrnoException).code ?? 'disk error'}). It is finished the next time this data folder is opened: close Casefile and open it again. No other case was touched.`);
    } finally {
      host.forget(id);
    }
  });
  // What the summary index remembered of the case (its trashed file's state, or its row if the index was
  // last written while the case was live) is written away now, not at the next quiet moment.
  try {
    await host.flushIndex();
  } catch (err) {
    if (!isIoError(err)) throw err;
    throw new ServiceError('io', `The case was deleted, but the list's index file (summary-index.json) could not be rewritten (${(err as NodeJS.ErrnoException).code ?? 'disk error'}) and may still hold its title until it is: it is rewritten the next time this data folder is opened. Close Casefile and open it again.`);
  }
  const report: PurgeReport = {
    id,
    files: outcome.files,
    overwritten: outcome.overwritten,
    originalsRemoved: outcome.originalsRemoved.length,
    originalsShared: outcome.originalsShared,
    snapshots: null,
    snapshotsUntouched: 0,
  };
  if (options.snapshots) {
    report.snapshots = await host.inBackups(() => purgeFromSnapshots(host.dataDir, id, outcome.originalsRemoved, { key: host.key, ...(host.fs ? { fs: host.fs } : {}), ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) }));
    report.snapshotsUntouched = report.snapshots.total - report.snapshots.checked;
  } else {
    report.snapshotsUntouched = (await listSnapshots(host.dataDir)).length;
  }
  return report;
}
