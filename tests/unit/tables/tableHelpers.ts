import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CaseFile } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { tempDir } from '../../helpers/fixtures';

// Spreadsheets made by the tests themselves (exceljs for .xlsx, bytes for .csv), and a
// folder to import them into, read back from disk.

export type Folder = { data: string; store: CaseStore; dispatch: Dispatch; close(): Promise<void> };

export async function openFolder(): Promise<Folder> {
  const { dir, cleanup } = await tempDir('casefile-tables-');
  const data = path.join(dir, 'data');
  const store = await CaseStore.open(data);
  return {
    data,
    store,
    dispatch: createDispatcher(createHandlers(store)),
    close: async () => {
      await store.close();
      await cleanup();
    },
  };
}

/** The cases as their files on disk hold them (not what the store remembers). */
export async function casesOnDisk(data: string): Promise<CaseFile[]> {
  const dir = path.join(data, 'cases');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as CaseFile));
}

export const upload = (fileName: string, bytes: Uint8Array) => ({ fileName, dataBase64: Buffer.from(bytes).toString('base64') });

/** Text as Windows-1251 bytes, as Russian Excel saves a CSV (Node has no such encoder: the decoder's table, reversed). */
export function cp1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${ch} has no Windows-1251 byte`);
    return b;
  }));
}

export type SheetSpec = { name: string; rows: unknown[][]; hidden?: boolean; merges?: string[] };

export async function xlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.hidden) ws.state = 'hidden';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string; issues?: unknown } }): T {
  if (!r.ok) throw new Error(`${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`);
  return r.value;
}
