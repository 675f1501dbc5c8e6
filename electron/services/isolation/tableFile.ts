// A spreadsheet (.xlsx or .csv) read into a grid of cells, in the isolation worker: the
// file is untrusted (a zip inside an .xlsx, any bytes in a CSV), so it is parsed here with
// the worker's heap and time limits and the row and cell limits below. Nothing of the case
// model is known here: tables/ maps the grid onto cases.

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { TableCellIssue } from '../../../shared/tables';
import { ServiceError } from '../errors';
import { decodeTableText } from './tableText';

/** A cell's value: text, a number (an Excel date is given as YYYY-MM-DD text), or nothing. */
export type Cell = string | number | null;

export type TableLimits = { maxRows: number; maxColumns: number; maxCells: number };

export type ReadTableInput = { fileName: string; bytes: Uint8Array; sheet?: string | undefined; limits: TableLimits };

export type ReadTableOutput = {
  format: 'xlsx' | 'csv';
  encoding?: string;
  delimiter?: string;
  sheets: Array<{ name: string; hidden: boolean; rows: number }>;
  sheet: string;
  /** Each column's header, made unique (an empty one is "Column C"; a repeated one gets its letter). */
  headers: string[];
  letters: string[];
  /** Data rows below the header row, empty rows left out, and each one's row number in the sheet. */
  rows: Cell[][];
  rowNumbers: number[];
  /** The header row's number in the sheet. */
  headerRow: number;
  notes: string[];
  refused: TableCellIssue[];
};

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function readTable(input: ReadTableInput): Promise<ReadTableOutput> {
  const { fileName, bytes } = input;
  if (isOle(bytes)) {
    throw new ServiceError('bad_input', `"${fileName}" is an old Excel 97–2003 workbook (.xls). Open it in Excel or LibreOffice, save it as .xlsx or CSV, and import that. Nothing was stored.`);
  }
  return isZip(bytes) ? readXlsx(input) : readCsv(input);
}

function tooMany(fileName: string, sheet: string, what: string, count: number, limit: number): ServiceError {
  return new ServiceError(
    'bad_input',
    `"${fileName}" (${sheet}) has ${count.toLocaleString('en')} ${what}; Casefile imports at most ${limit.toLocaleString('en')} at a time. Split the list into several files and import each. Nothing was stored.`,
  );
}

/** The header row (the first row with any text) and the data rows below it, as a grid. */
function grid(fileName: string, sheet: string, raw: Array<{ number: number; cells: Cell[] }>, limits: TableLimits) {
  const filled = raw.filter((r) => r.cells.some((c) => c !== null && c !== ''));
  // A title or a note above the headers (an internal export's first row) is one cell wide: the headers are the first row with two or more.
  const at = Math.max(0, filled.slice(0, 10).findIndex((r) => r.cells.filter((c) => c !== null && c !== '').length >= 2));
  const head = filled[at];
  if (!head) throw new ServiceError('bad_input', `"${fileName}" (${sheet}) is empty: it has no header row and no data. Nothing was stored.`);
  const width = Math.max(...filled.map((r) => r.cells.length));
  if (width > limits.maxColumns) throw tooMany(fileName, sheet, 'columns', width, limits.maxColumns);
  const body = filled.slice(at + 1);
  if (body.length > limits.maxRows) throw tooMany(fileName, sheet, 'rows', body.length, limits.maxRows);
  if (body.length * width > limits.maxCells) throw tooMany(fileName, sheet, 'cells', body.length * width, limits.maxCells);
  const letters = Array.from({ length: width }, (_, k) => columnLetter(k));
  const seen = new Set<string>();
  const headers = letters.map((letter, k) => {
    const text = String(head.cells[k] ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
    let name = text === '' ? `Column ${letter}` : text;
    if (seen.has(name.toLowerCase())) name = `${name} [${letter}]`;
    seen.add(name.toLowerCase());
    return name;
  });
  return {
    headers,
    letters,
    rows: body.map((r) => letters.map((_, k) => r.cells[k] ?? null)),
    rowNumbers: body.map((r) => r.number),
    headerRow: head.number,
  };
}

function readCsv({ fileName, bytes, limits }: ReadTableInput): ReadTableOutput {
  const { text, encoding } = decodeTableText(fileName, bytes);
  // A cheap bound before parsing: more lines than rows allowed (plus a header and slack for quoted line breaks) cannot fit.
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > limits.maxRows * 2 + 10) throw tooMany(fileName, 'CSV', 'rows', lines, limits.maxRows);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: false });
  const delimiter = parsed.meta.delimiter;
  const refused: TableCellIssue[] = [];
  const raw = parsed.data.map((cells, k) => ({ number: k + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) }));
  const g = grid(fileName, 'CSV', raw, limits);
  for (const e of parsed.errors.slice(0, 100)) {
    if (e.code === 'UndetectableDelimiter') continue; // one column: the delimiter does not matter
    const row = (e.row ?? 0) + 1;
    refused.push({ cell: `CSV!${row}`, row, column: '', header: '', message: `${e.message} (row ${row}): check the quotes in this row` });
  }
  const notes = [`Read as ${encoding === 'windows-1251' ? 'Windows-1251 (Russian Excel)' : encoding.toUpperCase()}, columns separated by ${delimiterName(delimiter)}.`];
  return { format: 'csv', encoding, delimiter, sheets: [{ name: 'CSV', hidden: false, rows: g.rows.length }], sheet: 'CSV', headers: g.headers, letters: g.letters, rows: g.rows, rowNumbers: g.rowNumbers, headerRow: g.headerRow, notes, refused };
}

function delimiterName(d: string): string {
  return d === '\t' ? 'tabs' : d === ';' ? 'semicolons' : d === '|' ? 'vertical bars' : 'commas';
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function readXlsx({ fileName, bytes, sheet: wanted, limits }: ReadTableInput): Promise<ReadTableOutput> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ServiceError('bad_input', `"${fileName}" is not an Excel workbook that can be read (${(err as Error).message}). Save it again from Excel as .xlsx, or as CSV. Nothing was stored.`);
  }
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state !== 'visible', rows: Math.max(0, ws.actualRowCount - 1) }));
  const notes: string[] = [];
  const hidden = sheets.filter((s) => s.hidden).map((s) => `“${s.name}”`);
  if (hidden.length > 0) notes.push(`Hidden sheet(s) ${hidden.join(', ')} skipped; choose one by name to read it.`);
  const ws = wanted === undefined ? wb.worksheets.find((w) => w.state === 'visible') : wb.worksheets.find((w) => w.name === wanted);
  if (!ws) {
    const names = sheets.map((s) => `“${s.name}”`).join(', ');
    throw new ServiceError('bad_input', wanted === undefined ? `"${fileName}" has no visible sheet. Nothing was stored.` : `"${fileName}" has no sheet “${wanted}”; its sheets are ${names}. Nothing was stored.`);
  }
  if (ws.rowCount > limits.maxRows + 1) throw tooMany(fileName, `sheet “${ws.name}”`, 'rows', ws.rowCount - 1, limits.maxRows);
  if (ws.columnCount > limits.maxColumns) throw tooMany(fileName, `sheet “${ws.name}”`, 'columns', ws.columnCount, limits.maxColumns);

  const refused: TableCellIssue[] = [];
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  const raw: Array<{ number: number; cells: Cell[] }> = [];
  const formulaless: Array<{ row: number; col: number; address: string }> = [];
  const errors: Array<{ row: number; col: number; address: string; error: string }> = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      let value: Cell = null;
      if (cell.isMerged && cell.master.address !== cell.address) {
        // The value belongs to the top-left cell of the merged range only; the range is reported once.
        const m = merges.get(cell.master.address) ?? { top: Number(cell.master.row), left: Number(cell.master.col), bottom: r, right: c };
        merges.set(cell.master.address, { ...m, bottom: Math.max(m.bottom, r), right: Math.max(m.right, c) });
      } else {
        const v = plain(cell.value);
        if (v === FORMULA_WITHOUT_RESULT) formulaless.push({ row: r, col: c, address: cell.address });
        else if (typeof v === 'object' && v !== null) errors.push({ row: r, col: c, address: cell.address, error: v.error });
        else value = v;
      }
      cells[c - 1] = value;
    });
    for (let k = 0; k < cells.length; k++) cells[k] ??= null;
    raw.push({ number: r, cells });
  });
  const g = grid(fileName, `sheet “${ws.name}”`, raw, limits);
  const header = (col: number) => g.headers[col - 1] ?? `Column ${columnLetter(col - 1)}`;
  for (const f of formulaless) {
    refused.push({ cell: `${ws.name}!${f.address}`, row: f.row, column: columnLetter(f.col - 1), header: header(f.col), message: 'a formula with no saved result: open the file in Excel, let it calculate, save, and import again (or type the value)' });
  }
  for (const e of errors) {
    refused.push({ cell: `${ws.name}!${e.address}`, row: e.row, column: columnLetter(e.col - 1), header: header(e.col), message: `an Excel error value (${e.error}): correct the cell or clear it` });
  }
  for (const [address, m] of merges) {
    const range = `${address}:${columnLetter(m.right - 1)}${m.bottom}`;
    notes.push(`Merged cells ${ws.name}!${range}: the value is read in ${address} only${m.right === m.left && g.headers[m.left - 1] ? `; with rows grouped by “${g.headers[m.left - 1]}” the rows below belong to the same case` : ''}.`);
  }
  return { format: 'xlsx', sheets, sheet: ws.name, headers: g.headers, letters: g.letters, rows: g.rows, rowNumbers: g.rowNumbers, headerRow: g.headerRow, notes, refused };
}

const FORMULA_WITHOUT_RESULT = Symbol('formula without result');

/** An exceljs cell value as text or number; dates as YYYY-MM-DD; formulas as their saved result. */
function plain(value: ExcelJS.CellValue): Cell | typeof FORMULA_WITHOUT_RESULT | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoDay(value);
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((t) => t.text).join('') || null;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return FORMULA_WITHOUT_RESULT;
    return plain(result as ExcelJS.CellValue);
  }
  if ('text' in value) return plain((value as { text: ExcelJS.CellValue }).text);
  return null;
}
