import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { z } from 'zod';
import type { CaseFile } from '../../../shared/model';
import { matchesCaseFilter } from '../../../shared/model/listFilter';
import type { BriefLang } from '../../../shared/model/brief';
import { localToday } from '../../../shared/text/dates';
import type { TableExport, TableExportInput } from '../../../shared/tables';
import { exportGrid } from './exportRows';

// The list as filtered, written as .xlsx or .csv. A CSV is UTF-8 with a byte-order mark:
// without it Excel on Windows reads UTF-8 as the ANSI code page and Cyrillic turns to
// mojibake. An internal export says so in its file name and in its first row.

export type ExportStore = { all(): AsyncGenerator<CaseFile> };

const NOTE: Record<BriefLang, string> = {
  en: 'CONFIDENTIAL — internal export with confidential fields (lawyer, contact, address, health). Do not share outside the defence team.',
  ru: 'КОНФИДЕНЦИАЛЬНО — внутренняя выгрузка с конфиденциальными сведениями (адвокат, контакты, адрес, здоровье). Не передавать за пределы команды защиты.',
  kk: 'ҚҰПИЯ — құпия мәліметтері бар ішкі экспорт (адвокат, байланыс, мекенжай, денсаулық). Қорғау тобынан тыс жерге бермеңіз.',
};

const SHEET: Record<BriefLang, string> = { en: 'Cases', ru: 'Дела', kk: 'Істер' };

export async function exportTable(store: ExportStore, input: z.output<typeof TableExportInput>): Promise<TableExport> {
  const ids = input.ids ? new Set(input.ids) : undefined;
  const cases: CaseFile[] = [];
  for await (const c of store.all()) if (matchesCaseFilter(c, input) && (!ids || ids.has(c.id))) cases.push(c);
  cases.sort((a, b) => a.title.localeCompare(b.title));
  const grid = exportGrid(cases, input.lang, input.internal, localToday());
  const day = new Date().toISOString().slice(0, 10);
  const base = `casefile-cases${input.internal ? '-INTERNAL' : ''}-${day}`;
  const note = input.internal ? [NOTE[input.lang]] : [];
  if (input.format === 'csv') {
    const rows = [...(note.length ? [note] : []), grid.headers, ...grid.rows];
    const text = `\ufeff${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
    return { fileName: `${base}.csv`, mediaType: 'text/csv', dataBase64: Buffer.from(text, 'utf8').toString('base64'), rows: grid.rows.length };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Casefile';
  const ws = wb.addWorksheet(SHEET[input.lang]);
  if (note.length) {
    ws.addRow(note);
    ws.getRow(1).font = { bold: true, color: { argb: 'FFC00000' } };
  }
  const head = ws.addRow(grid.headers);
  head.font = { bold: true };
  for (const row of grid.rows) ws.addRow(row);
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  grid.headers.forEach((h, k) => {
    const longest = Math.max(h.length, ...grid.rows.map((r) => Math.min(60, (r[k] ?? '').length)));
    ws.getColumn(k + 1).width = Math.max(10, longest + 2);
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: bytes.toString('base64'), rows: grid.rows.length };
}
