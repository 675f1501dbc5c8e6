import { issuesFromZod } from '../../../shared/errors';
import { NewCaseDraft, type CaseDraft, type CaseKind } from '../../../shared/model';
import type { TableCellIssue, TableField, TableMapping } from '../../../shared/tables';
import { normalizeText } from '../../../shared/text/normalize';
import type { ReadTableOutput } from '../isolation/tableFile';
import { cellText, readLabel } from './cells';
import { applyCell, CaseBuilder, type Origin } from './fields';
import { HEADERS } from './headers';

// The grid and the mapping to case drafts: one case per row, or per group of rows with the
// same value in the group column (a row whose group cell is empty — merged cells — joins
// the group above). Every draft is validated by the model's own schema; every fault is
// named by its cell (Sheet!B3) and its column's header.

const DEFAULT_CODE = 'Criminal Code of the Republic of Kazakhstan';

/** `given`: the fields the rows gave, before the model's defaults (an update takes only these). */
export type BuiltCase = { rows: number[]; draft: CaseDraft; given: Record<string, unknown> };
export type Built = { cases: BuiltCase[]; refused: TableCellIssue[] };

type Column = { index: number; header: string; letter: string; field: TableField };

/** The mapping's own faults, against the sheet's headers (checked before any row is read). */
function mappingIssues(table: ReadTableOutput, mapping: TableMapping): TableCellIssue[] {
  const issues: TableCellIssue[] = [];
  const at = (column: string, header: string, message: string): TableCellIssue => ({ cell: `${table.sheet}!${column}${table.headerRow}`, row: table.headerRow, column, header, message });
  const byField = new Map<TableField, string[]>();
  for (const { column, field } of mapping.columns) {
    const k = table.headers.indexOf(column);
    if (k < 0) {
      issues.push(at('', column, `the mapping names a column «${column}» that this sheet does not have (its headers: ${table.headers.map((h) => `«${h}»`).join(', ')})`));
      continue;
    }
    if (field !== null) byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  for (const [field, columns] of byField) {
    if (columns.length < 2) continue;
    const letters = columns.map((c) => table.letters[table.headers.indexOf(c)]!);
    issues.push(at(letters.join(', '), columns.join(', '), `columns ${columns.map((c, k) => `«${c}» (${letters[k]})`).join(' and ')} are both mapped to “${HEADERS[field].en[0]}”: map one of them to another field or to nothing`));
  }
  if (!byField.has('name')) issues.push(at('', '', 'no column is mapped to the name (of the person or the organisation): every case needs one'));
  if (mapping.groupBy !== undefined && !table.headers.includes(mapping.groupBy)) {
    issues.push(at('', mapping.groupBy, `rows are grouped by «${mapping.groupBy}», a column this sheet does not have`));
  }
  return issues;
}

export function rowsToCases(table: ReadTableOutput, mapping: TableMapping): Built {
  const faults = mappingIssues(table, mapping);
  const refused: TableCellIssue[] = [...table.refused, ...faults];
  if (faults.length > 0) return { cases: [], refused };
  const columns: Column[] = mapping.columns
    .filter((c): c is { column: string; field: TableField } => c.field !== null)
    .map((c) => {
      const index = table.headers.indexOf(c.column);
      return { index, header: c.column, letter: table.letters[index]!, field: c.field };
    });
  const cellId = (row: number, col: number) => `${table.sheet}!${table.letters[col]}${row}`;
  const issue = (row: number, col: number, message: string): TableCellIssue => ({ cell: cellId(row, col), row, column: table.letters[col]!, header: table.headers[col]!, message });
  const kindColumn = columns.find((c) => c.field === 'kind');
  const codeColumn = columns.find((c) => c.field === 'code');
  const groupIndex = mapping.groupBy === undefined ? -1 : table.headers.indexOf(mapping.groupBy);

  const groups: Array<{ key: string; rows: number[] }> = [];
  const byKey = new Map<string, { key: string; rows: number[] }>();
  table.rows.forEach((cells, k) => {
    if (groupIndex < 0) return void groups.push({ key: String(k), rows: [k] });
    const text = cellText(cells[groupIndex] ?? null);
    const key = text === '' ? undefined : normalizeText(text) || text;
    const group = key === undefined ? groups[groups.length - 1] : byKey.get(key);
    if (group) group.rows.push(k);
    else {
      const g = { key: key ?? `row ${k}`, rows: [k] };
      groups.push(g);
      if (key !== undefined) byKey.set(key, g);
    }
  });

  const cases: BuiltCase[] = [];
  for (const group of groups) {
    const first = group.rows[0]!;
    const firstRow = table.rowNumbers[first]!;
    let kind: CaseKind = mapping.kind;
    if (kindColumn) {
      const text = cellText(table.rows[first]![kindColumn.index] ?? null);
      if (text !== '') {
        const read = readLabel<CaseKind>('kind', text);
        if (!read.ok) {
          refused.push(issue(firstRow, kindColumn.index, read.message));
          continue;
        }
        kind = read.value;
      }
    }
    const b = new CaseBuilder(kind);
    let faults = 0;
    for (const k of group.rows) {
      const cells = table.rows[k]!;
      const row = table.rowNumbers[k]!;
      b.rows.push(row);
      const code = (codeColumn && cellText(cells[codeColumn.index] ?? null)) || mapping.code || DEFAULT_CODE;
      for (const col of columns) {
        const cell = cells[col.index] ?? null;
        if (cellText(cell) === '') continue;
        const why = applyCell(col.field, cell, b, { row, col: col.index }, code);
        if (why !== null) {
          refused.push(issue(row, col.index, why));
          faults++;
        }
      }
      b.endRow();
    }
    if (faults > 0) continue;
    const draft = finish(b);
    const parsed = NewCaseDraft.safeParse(draft);
    if (parsed.success) {
      cases.push({ rows: b.rows, draft: parsed.data, given: draft });
      continue;
    }
    for (const i of issuesFromZod(parsed.error)) {
      const origin = originOf(b.origins, i.path.map(String));
      refused.push(origin ? issue(origin.row, origin.col, i.message) : missing(table, firstRow, i.path.map(String), i.message));
    }
  }
  return { cases, refused };
}

/** The title a case takes when no column gives one: its name. */
function finish(b: CaseBuilder): Record<string, unknown> {
  const d = b.draft;
  const named = ((d.person ?? d.organization) as { name?: string } | undefined)?.name;
  if (d.title === undefined && named) d.title = named.slice(0, 300);
  // A place or a date of detention without its status: the status is not known, not guessed.
  const detention = d.detention as Record<string, unknown> | undefined;
  if (detention && detention.status === undefined) detention.status = 'unknown';
  return d;
}

function originOf(origins: ReadonlyMap<string, Origin>, path: string[]): Origin | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = origins.get(path.slice(0, n).join('.'));
    if (found) return found;
  }
  return undefined;
}

const NEEDED: Record<string, string> = {
  'person.name': 'the person’s name',
  'organization.name': 'the organisation’s name',
  'measure.type': 'the measure (suspension, fine, liquidation…) — map a column to “Detention or measure”',
  'measure.authority': 'the authority that imposed the measure — map a column to “Authority”',
  title: 'a title or a name',
};

/** A fault with no cell behind it: a required field no column gave. */
function missing(table: ReadTableOutput, row: number, path: string[], message: string): TableCellIssue {
  const what = NEEDED[path.join('.')];
  return { cell: `${table.sheet}!${row}`, row, column: '', header: '', message: what ? `row ${row} gives no ${what}, which every such case needs` : `${path.join('.')}: ${message}` };
}
