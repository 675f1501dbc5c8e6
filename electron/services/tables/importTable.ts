import { z } from 'zod';
import type { ImportReport, OnConflict } from '../../../shared/contract';
import { BUNDLE_FORMAT, BUNDLE_VERSION, CaseDraft, type Bundle, type CaseFile, type CaseSummary } from '../../../shared/model';
import type { DuplicateChoice, TableCellIssue, TableImportInput, TableImportReport, TablePreview, TablePreviewInput } from '../../../shared/tables';
import { throwIfCancelled, type CallContext } from '../callContext';
import { ServiceError } from '../errors';
import { findDuplicates } from './duplicates';
import { suggestMapping } from './headers';
import { mergeUpdate } from './mergeUpdate';
import { readTableFile } from './readTableFile';
import { rowsToCases } from './rowsToCases';
import { savedMapping, saveMapping } from './savedMappings';

// Preview and import of a spreadsheet: the same reading, mapping and validation for both,
// so what the preview shows is what the import stores. Nothing is written until every
// row has passed the model; the cases then land through the bundle import (all or nothing).

/** What a spreadsheet import needs of the open folder (folder/caseStore.ts). */
export type TableStore = {
  readonly dataDir: string;
  list(): CaseSummary[];
  get(id: string): Promise<CaseFile>;
  importBundle(bundle: Bundle, onConflict: OnConflict): Promise<ImportReport>;
};

const PREVIEW_CASES = 20;

export async function previewTable(store: TableStore, input: z.output<typeof TablePreviewInput>, signal?: AbortSignal): Promise<TablePreview> {
  const table = await readTableFile(input.file, input.sheet, signal);
  const saved = input.mapping ? undefined : await savedMapping(store.dataDir, table.headers);
  const mapping = input.mapping ?? saved ?? suggestMapping(table.headers);
  const built = rowsToCases(table, mapping);
  return {
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.delimiter ? { delimiter: table.delimiter } : {}),
    sheets: table.sheets,
    sheet: table.sheet,
    headers: table.headers,
    mapping,
    mappingFrom: input.mapping ? 'given' : saved ? 'saved' : 'suggested',
    rows: table.rows.length,
    cases: built.cases.length,
    preview: built.cases.slice(0, PREVIEW_CASES).map((c) => ({ rows: c.rows, case: c.draft })),
    notes: table.notes,
    refused: built.refused,
    duplicates: findDuplicates(built.cases, store.list()),
  };
}

/** A refused cell as an issue of the error: the cell is its path, its header leads the message. */
function cellIssue(r: TableCellIssue): { path: string[]; message: string } {
  return { path: [r.cell], message: r.header ? `«${r.header}»: ${r.message}` : r.message };
}

/** The steps an import reports: read, checked, written. */
const STEPS = 3;

export async function importTable(store: TableStore, input: z.output<typeof TableImportInput>, context: CallContext = {}): Promise<TableImportReport> {
  const { signal, onProgress } = context;
  onProgress?.({ done: 0, total: STEPS, label: 'read' });
  const table = await readTableFile(input.file, input.sheet, signal);
  onProgress?.({ done: 1, total: STEPS, label: 'check' });
  const built = rowsToCases(table, input.mapping);
  if (built.refused.length > 0) {
    throw new ServiceError('bad_input', `${built.refused.length} cell(s) of “${input.file.fileName}” cannot be stored; nothing was stored. Correct them in the file or change the mapping, and import again.`, built.refused.map(cellIssue));
  }
  const duplicates = new Map(findDuplicates(built.cases, store.list()).map((d) => [d.row, d]));
  const choices = new Map(input.duplicates.map((d) => [d.row, d.choice]));
  const results: TableImportReport['results'] = [];
  const bundle: Bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, cases: [] };
  const bundled: number[] = []; // results index of each bundle case
  for (const c of built.cases) {
    const row = c.rows[0]!;
    const dup = duplicates.get(row);
    const choice: DuplicateChoice | undefined = dup ? (choices.get(row) ?? input.onDuplicate) : undefined;
    if (dup && choice === 'skip') {
      results.push({ row, id: dup.existing[0]!.id, title: c.draft.title, action: 'skipped', note: `the folder holds “${dup.existing[0]!.title}” already` });
      continue;
    }
    if (dup && choice === 'update') {
      const existing = await store.get(dup.existing[0]!.id);
      const merged = CaseDraft.safeParse(mergeUpdate(existing, c.given));
      if (!merged.success) throw new ServiceError('bad_input', `Row ${row} cannot update “${existing.title}”; nothing was stored.`, [{ path: [`${table.sheet}!${row}`], message: merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }]);
      // A later revision and edit time than the stored case: the bundle import takes it as newer.
      const updatedAt = new Date(Math.max(Date.now(), Date.parse(existing.updatedAt) + 1)).toISOString();
      bundle.cases.push({ ...merged.data, id: existing.id, rev: existing.rev + 1, createdAt: existing.createdAt, updatedAt });
      bundled.push(results.push({ row, id: existing.id, title: existing.title, action: 'updated' }) - 1);
      continue;
    }
    const { id: _id, ...fresh } = c.draft;
    bundle.cases.push(fresh as CaseDraft);
    bundled.push(results.push({ row, title: c.draft.title, action: dup ? 'copied' : 'created', ...(dup ? { note: `kept beside “${dup.existing[0]!.title}”` } : {}) }) - 1);
  }
  throwIfCancelled(signal, 'The import');
  if (input.dryRun) return { dryRun: true, results };
  onProgress?.({ done: 2, total: STEPS, label: 'write' });
  if (bundle.cases.length > 0) {
    const report = await store.importBundle(bundle, 'newer');
    for (const r of report.results) {
      const k = bundled[r.index]!;
      const mine = results[k]!;
      results[k] = r.action === 'skipped' ? { ...mine, id: r.id, action: 'skipped', ...(r.note ? { note: r.note } : {}) } : { ...mine, id: r.id };
    }
  }
  if (input.saveMapping) await saveMapping(store.dataDir, table.headers, input.mapping);
  onProgress?.({ done: STEPS, total: STEPS, label: 'write' });
  return { dryRun: false, results };
}
