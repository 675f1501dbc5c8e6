import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesOnDisk, cp1251, must, openFolder, upload } from './tableHelpers';

// A list as Russian Excel saves it: "CSV (разделители — точка с запятой)" in Windows-1251,
// dates as 22.02.2021, amounts grouped with a no-break space.

const NBSP = '\u00a0';
const CSV = [
  'ФИО;Дата задержания;Статья;Наказание;Штраф;Место содержания;Признан',
  `Иванов Иван Петрович;22.02.2021;ст. 174 ч. 2;Лишение свободы, 7 лет 6 мес.;;ИК-158, г. Заречный;политзаключённый (Мемориал, 2021)`,
  `Сәрсенова Айгүл;03.2020;405;Штраф;2${NBSP}000${NBSP}000;;`,
  '',
].join('\r\n');

describe('a Russian-Excel CSV in Windows-1251', () => {
  it('previews with the encoding and delimiter found, and imports dates, articles, penalties and amounts as the case view reads them', async () => {
    // Kazakh letters have no Windows-1251 byte: this file's second name is typed as Russian Excel would hold it.
    const text = CSV.replace('Сәрсенова Айгүл', 'Сарсенова Айгуль');
    const bytes = cp1251(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const f = await openFolder();
    try {
      const preview = must(await f.dispatch('tables.preview', { file: upload('список.csv', bytes) }));
      expect(preview.encoding).toBe('windows-1251');
      expect(preview.delimiter).toBe(';');
      expect(preview.refused).toEqual([]);
      expect(preview.mappingFrom).toBe('suggested');
      expect(preview.mapping.columns.map((c) => c.field)).toEqual(['name', 'arrestDate', 'charges', 'penalty', 'fine', 'place', 'recognitions']);
      expect(preview.cases).toBe(2);
      expect(await casesOnDisk(f.data)).toEqual([]); // a preview stores nothing

      const report = must(await f.dispatch('tables.import', { file: upload('список.csv', bytes), mapping: preview.mapping }));
      expect(report.results.map((r) => r.action)).toEqual(['created', 'created']);
      const stored = await casesOnDisk(f.data);
      const ivanov = stored.find((c) => c.title === 'Иванов Иван Петрович');
      const sarsenova = stored.find((c) => c.title === 'Сарсенова Айгуль');
      if (ivanov?.kind !== 'political_prisoner' || sarsenova?.kind !== 'political_prisoner') throw new Error('both prisoners must be stored');
      expect(ivanov.arrest?.date).toBe('2021-02-22');
      expect(ivanov.charges).toEqual([{ article: '174 ч. 2', code: 'Criminal Code of the Republic of Kazakhstan' }]);
      expect(ivanov.decisions.map((d) => d.penalty)).toEqual([{ type: 'prison', term: { years: 7, months: 6 } }]);
      expect(ivanov.detention.place).toBe('ИК-158, г. Заречный');
      expect(ivanov.recognitions).toEqual([{ by: 'Мемориал', label: 'political_prisoner', date: '2021' }]);
      expect(sarsenova.arrest?.date).toBe('2020-03');
      expect(sarsenova.charges).toEqual([{ article: '405', code: 'Criminal Code of the Republic of Kazakhstan' }]);
      expect(sarsenova.decisions.map((d) => d.penalty)).toEqual([{ type: 'fine', fine: { amount: 2_000_000, currency: 'KZT' } }]);

      // The mapping is kept machine-local for the next file with these headers, edits included.
      const saved = JSON.parse(await readFile(path.join(f.data, 'local', 'table-mappings.json'), 'utf8'));
      expect(saved.layouts).toHaveLength(1);
      const edited = { ...preview.mapping, columns: preview.mapping.columns.map((c) => (c.field === 'place' ? { ...c, field: null } : c)) };
      must(await f.dispatch('tables.import', { file: upload('список.csv', bytes), mapping: edited, dryRun: true }));
      const next = must(await f.dispatch('tables.preview', { file: upload('май.csv', bytes) }));
      expect(next.mappingFrom).toBe('saved');
      expect(next.mapping).toEqual(preview.mapping); // a dry run saves nothing, not even the mapping
      expect(next.duplicates.map((d) => d.row)).toEqual([2, 3]);
    } finally {
      await f.close();
    }
  });

  it('refuses bytes that are neither UTF-8 nor Cyrillic Windows-1251, saying so, and stores nothing', async () => {
    // Latin-1 accents and symbols: invalid UTF-8, and as Windows-1251 mostly punctuation, not letters.
    const bytes = Uint8Array.from([...Buffer.from('Name;Born\r\n', 'latin1'), 0x93, 0x86, 0x87, 0x89, 0x99, 0x3b, 0x31, 0x39, 0x39, 0x30, 0x0d, 0x0a]);
    const f = await openFolder();
    try {
      const r = await f.dispatch('tables.preview', { file: upload('odd.csv', bytes) });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('bad_input');
      expect(r.error.message).toMatch(/encoding of "odd\.csv" cannot be told.*CSV UTF-8/);
      const i = await f.dispatch('tables.import', { file: upload('odd.csv', bytes), mapping: { columns: [{ column: 'Name', field: 'name' }] } });
      expect(i.ok).toBe(false);
      expect(await casesOnDisk(f.data)).toEqual([]);
    } finally {
      await f.close();
    }
  });
});
