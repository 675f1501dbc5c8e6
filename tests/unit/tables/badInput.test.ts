import { describe, expect, it } from 'vitest';
import { casesOnDisk, must, openFolder, upload, xlsx, type Folder } from './tableHelpers';

// What real lists hold: merged cells, formulas, hidden sheets, Excel serial dates, dates
// typed in three languages, a column mapped twice, too many rows. Each is handled or
// refused with its cell named, and nothing is stored (checked on disk).

async function refusedImport(f: Folder, file: ReturnType<typeof upload>, mapping: unknown, sheet?: string) {
  const r = await f.dispatch('tables.import', { file, mapping, ...(sheet ? { sheet } : {}) });
  expect(await casesOnDisk(f.data)).toEqual([]);
  if (r.ok) throw new Error('the import must be refused');
  return r.error;
}

describe('spreadsheets that fight back', () => {
  it('reads the merged value in its top-left cell only, says so, and with rows grouped by name joins the rows below to the case', async () => {
    const bytes = await xlsx([{
      name: 'Список',
      rows: [['ФИО', 'Статья', 'Дата приговора'], ['Әбішев Кенжебек', '174', '22.02.2021'], [null, '405', '03.2022'], ['Tokayev', '179', 2021]],
      merges: ['A2:A3'],
    }]);
    const f = await openFolder();
    try {
      const file = upload('list.xlsx', bytes);
      const preview = must(await f.dispatch('tables.preview', { file }));
      expect(preview.notes.join('\n')).toMatch(/Merged cells Список!A2:A3: the value is read in A2 only/);
      const one = must(await f.dispatch('tables.preview', { file, mapping: { ...preview.mapping, groupBy: 'ФИО' } }));
      expect(one.cases).toBe(2);
      const abishev = one.preview[0]!;
      expect(abishev.rows).toEqual([2, 3]);
      if (abishev.case.kind !== 'political_prisoner') throw new Error('a prisoner');
      expect(abishev.case.charges.map((c) => c.article)).toEqual(['174', '405']);
      expect(abishev.case.decisions.map((d) => d.date)).toEqual(['2021-02-22', '2022-03']);
      expect(await casesOnDisk(f.data)).toEqual([]);
    } finally {
      await f.close();
    }
  });

  it('refuses a formula with no saved result by its cell, and takes a formula’s saved result', async () => {
    const bytes = await xlsx([{ name: 'Cases', rows: [['Name', 'Born'], ['A. Person', { formula: '1960+7', result: 1967 }], ['B. Person', { formula: 'B2+1' }]] }]);
    const f = await openFolder();
    try {
      const file = upload('f.xlsx', bytes);
      const preview = must(await f.dispatch('tables.preview', { file }));
      expect(preview.refused).toEqual([expect.objectContaining({ cell: 'Cases!B3', row: 3, column: 'B', header: 'Born', message: expect.stringMatching(/formula with no saved result/) })]);
      const first = preview.preview[0]!.case;
      expect(first.kind === 'political_prisoner' && first.person.born).toEqual({ date: '1967' });
      const error = await refusedImport(f, file, preview.mapping);
      expect(error.issues).toEqual([{ path: ['Cases!B3'], message: expect.stringMatching(/^«Born»: a formula with no saved result/) }]);
    } finally {
      await f.close();
    }
  });

  it('skips a hidden sheet and lists it, and reads it when chosen by name', async () => {
    const bytes = await xlsx([
      { name: 'Secret', hidden: true, rows: [['Name'], ['Hidden Person']] },
      { name: 'Public', rows: [['Name'], ['Shown Person']] },
    ]);
    const f = await openFolder();
    try {
      const file = upload('h.xlsx', bytes);
      const preview = must(await f.dispatch('tables.preview', { file }));
      expect(preview.sheet).toBe('Public');
      expect(preview.sheets).toEqual([{ name: 'Secret', hidden: true, rows: 1 }, { name: 'Public', hidden: false, rows: 1 }]);
      expect(preview.notes.join('\n')).toMatch(/Hidden sheet\(s\) “Secret” skipped/);
      expect(preview.preview.map((p) => p.case.title)).toEqual(['Shown Person']);
      const chosen = must(await f.dispatch('tables.preview', { file, sheet: 'Secret' }));
      expect(chosen.preview.map((p) => p.case.title)).toEqual(['Hidden Person']);
      const missing = await f.dispatch('tables.preview', { file, sheet: 'Nope' });
      expect(!missing.ok && missing.error.message).toMatch(/no sheet “Nope”; its sheets are “Secret”, “Public”/);
    } finally {
      await f.close();
    }
  });

  it('reads Excel serial dates and dates typed in English, Russian and Kazakh; refuses a date that is none, by its cell', async () => {
    const bytes = await xlsx([{
      name: 'Dates',
      rows: [
        ['Name', 'Date of arrest', 'Дата рождения'],
        ['One', 44249, '1967'],
        ['Two', '22 February 2021', 'c. 1970'],
        ['Three', '22 февраля 2021 г.', '05.1980'],
        ['Four', '2021 жылғы 22 ақпан', new Date(Date.UTC(1975, 6, 1))],
        ['Five', '31.02.2021', null],
      ],
    }]);
    const f = await openFolder();
    try {
      const preview = must(await f.dispatch('tables.preview', { file: upload('d.xlsx', bytes) }));
      const got = preview.preview.map((p) => (p.case.kind === 'political_prisoner' ? [p.case.arrest?.date, p.case.person.born?.date] : []));
      expect(got).toEqual([['2021-02-22', '1967'], ['2021-02-22', '1970'], ['2021-02-22', '1980-05'], ['2021-02-22', '1975-07-01']]);
      expect(preview.refused).toEqual([{ cell: 'Dates!B6', row: 6, column: 'B', header: 'Date of arrest', message: expect.stringMatching(/expected a date such as 22\.02\.2021.*got “31\.02\.2021” \(no such day or month\)/) }]);
    } finally {
      await f.close();
    }
  });

  it('refuses two columns mapped to one field, naming both, and stores nothing', async () => {
    const bytes = await xlsx([{ name: 'S', rows: [['ФИО', 'Name', 'Статья'], ['Иванов', 'Ivanov', '174']] }]);
    const f = await openFolder();
    try {
      const file = upload('twice.xlsx', bytes);
      const mapping = { columns: [{ column: 'ФИО', field: 'name' }, { column: 'Name', field: 'name' }, { column: 'Статья', field: 'charges' }] };
      const preview = must(await f.dispatch('tables.preview', { file, mapping }));
      expect(preview.refused).toEqual([expect.objectContaining({ column: 'A, B', header: 'ФИО, Name', message: 'columns «ФИО» (A) and «Name» (B) are both mapped to “Name”: map one of them to another field or to nothing' })]);
      expect(preview.cases).toBe(0);
      const error = await refusedImport(f, file, mapping);
      expect(error.code).toBe('bad_input');
      expect(error.message).toMatch(/nothing was stored/);
    } finally {
      await f.close();
    }
  });

  it('refuses a mapping made for another layout: a column the sheet lacks, a grouping column it lacks, no name', async () => {
    const bytes = await xlsx([{ name: 'S', rows: [['Name', 'Статья'], ['Иванов', '174']] }]);
    const f = await openFolder();
    try {
      const mapping = { groupBy: 'ФИО', columns: [{ column: 'Фамилия', field: 'name' }, { column: 'Статья', field: 'charges' }] };
      const preview = must(await f.dispatch('tables.preview', { file: upload('other.xlsx', bytes), mapping }));
      expect(preview.refused.map((r) => r.message)).toEqual([
        'the mapping names a column «Фамилия» that this sheet does not have (its headers: «Name», «Статья»)',
        'no column is mapped to the name (of the person or the organisation): every case needs one',
        'rows are grouped by «ФИО», a column this sheet does not have',
      ]);
      await refusedImport(f, upload('other.xlsx', bytes), mapping);
    } finally {
      await f.close();
    }
  });

  it('refuses a list of more than 100,000 rows, saying the limit, and stores nothing', async () => {
    const lines = ['Name,Date of arrest'];
    for (let k = 0; k < 100_001; k++) lines.push(`Person ${k},2021`);
    const f = await openFolder();
    try {
      const error = await refusedImport(f, upload('huge.csv', Buffer.from(lines.join('\n'))), { columns: [{ column: 'Name', field: 'name' }] });
      expect(error.message).toMatch(/has 100,001 rows; Casefile imports at most 100,000 at a time/);
    } finally {
      await f.close();
    }
  });

  it('refuses an old .xls workbook saying how to convert it', async () => {
    const f = await openFolder();
    try {
      const error = await refusedImport(f, upload('old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), { columns: [{ column: 'Name', field: 'name' }] });
      expect(error.message).toMatch(/Excel 97–2003 workbook \(\.xls\).*save it as \.xlsx or CSV/);
    } finally {
      await f.close();
    }
  });
});
