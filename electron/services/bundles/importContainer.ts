import type { ImportReport, OnConflict } from '../../../shared/contract';
import type { Bundle } from '../../../shared/model';
import { ServiceError } from '../errors';
import { anchorBundle, readContainer } from '../isolation/importFile';
import type { ZipSource } from '../isolation/zipEntries';
import type { BeforeWrite } from './importCases';
import { keepReachableFiles, putCarried, type OriginalsAccess } from './containerOriginals';

/** What an import needs of the open folder (folder/caseStore.ts). */
export type ImportingStore = {
  originals: OriginalsAccess;
  importBundle(bundle: Bundle, onConflict: OnConflict, beforeWrite?: BeforeWrite): Promise<ImportReport>;
};

/**
 * A bundle with originals: checked whole in a worker (nothing written), its annotations
 * anchored, then its cases planned; only then are the originals the written cases cite
 * streamed into the store, and the cases written. A failure while writing the cases
 * removes the originals this import added.
 */
export async function importContainer(store: ImportingStore, fileName: string, from: ZipSource, onConflict: OnConflict, signal?: AbortSignal): Promise<ImportReport> {
  const checked = await readContainer(fileName, from, signal);
  const anchored = await anchorBundle(checked.bundle, signal);
  const kept = await keepReachableFiles(anchored, new Set(checked.carried.map((o) => o.sha256)), store.originals);
  cancelled(signal);
  const report = await store.importBundle(kept.bundle, onConflict, (cases) => putCarried(store.originals, from, checked.carried, cases, signal));
  return withNotes(report, kept.notes);
}

/** A bundle without originals (JSON): each source keeps its `file` record only where this folder holds the original. */
export async function importJson(store: ImportingStore, bundle: Bundle, onConflict: OnConflict, signal?: AbortSignal): Promise<ImportReport> {
  const anchored = await anchorBundle(bundle, signal);
  const kept = await keepReachableFiles(anchored, new Set(), store.originals);
  cancelled(signal);
  return withNotes(await store.importBundle(kept.bundle, onConflict), kept.notes);
}

// The last point where nothing is written yet; once the store's import starts it finishes or rolls back whole.
function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ServiceError('cancelled', 'The import was cancelled; nothing was changed.');
}

function withNotes(report: ImportReport, notes: ReadonlyMap<number, string[]>): ImportReport {
  if (notes.size === 0) return report;
  return {
    results: report.results.map((r) => {
      const more = r.action === 'skipped' ? undefined : notes.get(r.index);
      return more ? { ...r, note: [r.note, ...more].filter(Boolean).join('; ') } : r;
    }),
  };
}
