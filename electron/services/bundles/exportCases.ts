import { BUNDLE_FORMAT, BUNDLE_VERSION, emptyIdRecord, setOwn, type CaseFile } from '../../../shared/model';
import type { ExportedBundle } from '../../../shared/contract';
import type { BundleAccess } from '../store/bundleAccess';

/** The named cases (or every live case, oldest first), with their histories when asked. */
export async function exportCases(store: BundleAccess, ids?: string[], options: { history?: boolean } = {}): Promise<ExportedBundle> {
  store.assertOpen();
  const cases: CaseFile[] = [];
  if (ids) for (const id of ids) cases.push(await store.get(id));
  else {
    for await (const c of store.all()) cases.push(c);
    cases.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
  const bundle: ExportedBundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: store.now(), cases };
  if (options.history) {
    bundle.history = emptyIdRecord();
    for (const c of cases) setOwn(bundle.history, c.id, await store.historyOf(c.id));
  }
  return bundle;
}
