import { stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ownValue, type Bundle, type CaseFile } from '../../../shared/model';
import type { ImportReport, OnConflict } from '../../../shared/contract';
import { bundleIssues } from '../cases/finalize';
import { ioError, isIoError, ServiceError } from '../errors';
import { confirmRename, fsyncDir, prepareDurable, UnconfirmedWriteError } from '../disk/durableFile';
import type { BundleAccess } from '../store/bundleAccess';
import { planImport, type ImportPlan } from './importPlan';

/**
 * Work that must land with the cases (a container's originals): run once every case is
 * planned and before any case file is written; the undo it returns runs if writing them fails.
 */
export type BeforeWrite = (cases: readonly CaseFile[]) => Promise<() => Promise<void>>;

/**
 * Validates the whole bundle, plans every case and only then writes; a bad
 * bundle or an unresolved conflict stores nothing.
 */
export function importCases(store: BundleAccess, bundle: Bundle, onConflict: OnConflict, beforeWrite?: BeforeWrite): Promise<ImportReport> {
  return store.exclusive(async () => {
    const issues = bundleIssues(bundle.cases, ['bundle', 'cases']);
    if (issues.length > 0) throw new ServiceError('bad_input', 'The bundle was refused; nothing was stored.', issues);

    const plans = await planImport(bundle, onConflict, {
      active: async (id) => (store.has(id) ? store.get(id) : undefined),
      trashed: (id) => store.trashed(id),
      history: (id) => store.historyOf(id),
      unlisted: async (id) => !store.has(id) && (await stat(store.caseFile(id)).then(() => true, () => false)),
      ids: store.folderIds(),
      now: store.now(),
    });
    // All or nothing: every case is written to a synced temp file first; only then are they renamed into
    // place. A refusal of the disk while writing leaves nothing; one while renaming is rolled back.
    const writing = plans.filter((p) => p.action !== 'skipped');
    const prepared: Array<{ commit(): Promise<void>; abort(): Promise<void> }> = [];
    const committed: ImportPlan[] = [];
    const undo = beforeWrite ? await beforeWrite(writing.map((p) => p.case)) : undefined;
    try {
      for (const plan of writing) prepared.push(await prepareDurable(store.caseFile(plan.case.id), store.caseBytes(plan.case), store.fs));
      for (const [k, plan] of writing.entries()) {
        await prepared[k]!.commit();
        committed.push(plan);
      }
      await confirmRename(path.join(store.casesDir, 'bundle'), store.fs);
    } catch (err) {
      for (const p of prepared.slice(committed.length)) await p.abort();
      for (const plan of committed.reverse()) {
        const file = store.caseFile(plan.case.id);
        if (plan.previous && !plan.replacesTrashed) {
          await prepareDurable(file, store.caseBytes(plan.previous), store.fs).then((p) => p.commit()).catch(() => undefined);
        } else await unlink(file).catch(() => undefined);
      }
      await fsyncDir(store.casesDir, store.fs).catch(() => undefined);
      await undo?.().catch(() => undefined);
      // An unconfirmed folder sync was rolled back above like any other refusal: nothing of the bundle stands.
      const cause = err instanceof UnconfirmedWriteError ? { code: err.reason } : err;
      throw isIoError(cause) ? ioError(cause, 'import the bundle') : err;
    }
    for (const plan of writing) {
      const carried = (plan.sourceId !== undefined && ownValue(bundle.history, plan.sourceId)) || [];
      await store.landImported(plan.case, plan.previous, carried, plan.replacesTrashed === true);
    }
    store.indexChanged();
    return {
      results: plans.map((p) => ({ index: p.index, id: p.case.id, title: p.case.title, action: p.action, ...(p.note ? { note: p.note } : {}) })),
    };
  });
}
