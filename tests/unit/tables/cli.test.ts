import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';
import { casesOnDisk, xlsx } from './tableHelpers';

// casefile import-table and export-table, as a user runs them: a spreadsheet in, the
// suggested mapping printed, saved and passed back, a dry run, the import; the list out.

describe('casefile import-table / export-table', () => {
  it('prints a mapping to save, dry-runs and imports with it, and writes the list back as .xlsx and .csv', async () => {
    const { dir, cleanup } = await tempDir('casefile-tables-cli-');
    const data = path.join(dir, 'data');
    try {
      const sheet = path.join(dir, 'список.xlsx');
      await writeFile(sheet, await xlsx([{ name: 'Лист1', rows: [['Аты-жөні', 'Бап', 'Ұсталған күні'], ['Тоқаев Ерлан', '174', '2021 жылғы 22 ақпан'], ['Сәрсенова Айгүл', '405 (ӘҚБтК)', '03.2020']] }]));

      const suggested = await cli(['--data-dir', data, 'import-table', sheet]);
      expect(suggested.code, suggested.stderr).toBe(0);
      const mapping = JSON.parse(suggested.stdout);
      expect(mapping.columns).toEqual([{ column: 'Аты-жөні', field: 'name' }, { column: 'Бап', field: 'charges' }, { column: 'Ұсталған күні', field: 'arrestDate' }]);
      expect(suggested.stderr).toMatch(/2 case\(s\) from 2 row\(s\) of Лист1, 0 refused cell\(s\).*Nothing was stored/);
      expect(await casesOnDisk(data)).toEqual([]);
      const mapFile = path.join(dir, 'map.json');
      await writeFile(mapFile, JSON.stringify({ ...mapping, code: 'ҚР Қылмыстық кодексі' }));

      const dry = await cli(['--data-dir', data, 'import-table', sheet, '--mapping', mapFile, '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/Dry run: 2 case\(s\) would be stored from список\.xlsx; nothing was stored\./);
      expect(await casesOnDisk(data)).toEqual([]);

      const done = await cli(['--data-dir', data, 'import-table', sheet, '--mapping', mapFile]);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toMatch(/Imported 2 of 2 case\(s\) from список\.xlsx\./);
      const stored = await casesOnDisk(data);
      const tokaev = stored.find((c) => c.title === 'Тоқаев Ерлан');
      expect(tokaev?.kind === 'political_prisoner' && [tokaev.arrest?.date, tokaev.charges]).toEqual(['2021-02-22', [{ article: '174', code: 'ҚР Қылмыстық кодексі' }]]);

      // The same rows again: found as duplicates and skipped unless asked otherwise.
      const again = await cli(['--data-dir', data, 'import-table', sheet, '--mapping', mapFile]);
      expect(again.stdout).toMatch(/Imported 0 of 2 case\(s\)/);
      expect(await casesOnDisk(data)).toHaveLength(2);

      const out = path.join(dir, 'тізім.xlsx');
      const exported = await cli(['--data-dir', data, 'export-table', out, '--lang', 'kk']);
      expect(exported.code, exported.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Істер')!;
      expect(ws.getRow(1).getCell(1).value).toBe('Аты-жөні');
      expect([ws.getRow(2).getCell(1).value, ws.getRow(3).getCell(1).value].sort()).toEqual(['Сәрсенова Айгүл', 'Тоқаев Ерлан']);

      const csv = path.join(dir, 'internal.csv');
      const internal = await cli(['--data-dir', data, 'export-table', csv, '--internal']);
      expect(internal.stdout).toMatch(/INTERNAL: with confidential fields/);
      expect((await readFile(csv, 'utf8')).split('\r\n')[0]).toMatch(/CONFIDENTIAL — internal export/);

      const bad = await cli(['--data-dir', data, 'export-table', path.join(dir, 'list.ods')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/FILE\.xlsx or FILE\.csv/);
    } finally {
      await cleanup();
    }
  });

  it('prints every refused cell by sheet, cell and header, and exits 2 with nothing stored', async () => {
    const { dir, cleanup } = await tempDir('casefile-tables-cli-');
    const data = path.join(dir, 'data');
    try {
      const csv = path.join(dir, 'bad.csv');
      await writeFile(csv, 'Name,Date of arrest,Penalty\r\nA,22.02.21,Prison: 7 years\r\nB,2021,Prison: seven\r\n');
      const mapFile = path.join(dir, 'map.json');
      await writeFile(mapFile, JSON.stringify({ columns: [{ column: 'Name', field: 'name' }, { column: 'Date of arrest', field: 'arrestDate' }, { column: 'Penalty', field: 'penalty' }] }));
      const r = await cli(['--data-dir', data, 'import-table', csv, '--mapping', mapFile]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/2 cell\(s\) of “bad\.csv” cannot be stored; nothing was stored/);
      expect(r.stderr).toMatch(/CSV!B2: «Date of arrest»: expected a date .*two-digit year/);
      expect(r.stderr).toMatch(/CSV!C3: «Penalty»: expected the term \(7 years 6 months\) or the fine/);
      expect(await casesOnDisk(data)).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
