import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CaseDraft, penaltyInForce, type CaseFile } from '../../../shared/model';
import { ngoDraft, prisonerDraft } from '../../helpers/fixtures';
import { casesOnDisk, must, openFolder } from './tableHelpers';

// The list written as an NGO publishes it and read back: every field the export carries
// comes back as it was, in each interface language; the confidential fields only leave
// in an internal export, which says so.

const PRISONER = prisonerDraft({
  title: 'Кенжебек Әбішев — DVK',
  region: 'Almaty',
  country: 'KZ',
  status: 'monitoring',
  person: { name: 'Кенжебек Әбішев', aliases: ['Kenzhebek Abishev', 'Кенжебек Абишев'], nationality: [], contact: '+7 701 555 0199', address: 'ул. Абая 10, кв. 5' },
  detention: { status: 'imprisoned', place: 'ИК-158/14, Заречный', since: '2018-12-17', health: 'диабет второго типа' },
  charges: [{ article: '174 part 2', code: 'Criminal Code of RK', summary: 'inciting discord' }, { code: 'Criminal Code of RK' }],
  decisions: [
    { stage: 'verdict', date: '2019-10-03', penalty: { type: 'prison', term: { years: 7 } } },
    { stage: 'reduction', date: '2021-04', penalty: { type: 'prison', term: { years: 6, months: 4 } } },
  ],
  recognitions: [{ by: 'Memorial', label: 'political_prisoner', date: '2020-03' }, { by: 'Amnesty International', label: 'prisoner_of_conscience' }],
  lawyer: 'Адвокат Сауле Жанғазина',
});
const NGO = ngoDraft({
  title: 'Ar-Rukh — suspension',
  organization: { name: 'Ар-Рух', aliases: ['Ar-Rukh'], city: 'Атырау' },
  measure: { type: 'suspension', authority: 'Атырау облысының мамандандырылған әкімшілік соты', start: '2021-02', end: '2021-05-16', status: 'appealed', fine: { amount: 2_000_000, currency: 'KZT' } },
});

/** What the export carries of a case, to compare field by field. */
function carried(c: CaseFile) {
  const base = { kind: c.kind, status: c.status, region: c.region, country: c.country };
  if (c.kind === 'ngo_suspension') return { ...base, organization: { name: c.organization.name, aliases: c.organization.aliases, city: c.organization.city }, measure: { type: c.measure.type, status: c.measure.status, authority: c.measure.authority, start: c.measure.start, end: c.measure.end, fine: c.measure.fine } };
  return {
    ...base,
    person: { name: c.person.name, aliases: c.person.aliases },
    detention: { status: c.detention.status, place: c.detention.place, since: c.detention.since, releasedOn: c.detention.releasedOn },
    charges: c.charges,
    penalty: penaltyInForce(c.decisions)?.penalty,
    recognitions: c.recognitions,
  };
}

describe('list → spreadsheet → import-table', () => {
  for (const [format, lang] of [['xlsx', 'en'], ['xlsx', 'ru'], ['csv', 'kk']] as const) {
    it(`gives back the same cases through .${format} with ${lang} headers`, async () => {
      const from = await openFolder();
      const to = await openFolder();
      try {
        const originals = [await from.store.create(CaseDraft.parse(PRISONER)), await from.store.create(CaseDraft.parse(NGO))];
        const file = must(await from.dispatch('tables.export', { format, lang }));
        expect(file.rows).toBe(2);
        expect(file.fileName).toMatch(new RegExp(`^casefile-cases-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
        const preview = must(await to.dispatch('tables.preview', { file: { fileName: file.fileName, dataBase64: file.dataBase64 } }));
        expect(preview.refused).toEqual([]);
        // Every column maps itself back by its header, but the computed days.
        expect(preview.mapping.columns.filter((c) => c.field === null).length).toBe(1);
        must(await to.dispatch('tables.import', { file: { fileName: file.fileName, dataBase64: file.dataBase64 }, mapping: preview.mapping }));
        const back = await casesOnDisk(to.data);
        expect(back.map(carried).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual(originals.map(carried).sort((a, b) => a.kind.localeCompare(b.kind)));
      } finally {
        await from.close();
        await to.close();
      }
    });
  }

  it('leaves the confidential fields out of a normal export and puts them in an internal one, named and marked so', async () => {
    const f = await openFolder();
    try {
      await f.store.create(CaseDraft.parse({ ...PRISONER, decisions: [...(PRISONER as { decisions: unknown[] }).decisions, { stage: 'pardon', date: '2022', confidential: true, penalty: { type: 'none' } }] }));
      const secrets = ['+7 701 555 0199', 'Абая 10', 'диабет', 'Жанғазина'];
      const text = async (r: { dataBase64: string; fileName: string }) => {
        if (r.fileName.endsWith('.csv')) return Buffer.from(r.dataBase64, 'base64').toString('utf8');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(r.dataBase64, 'base64') as unknown as ArrayBuffer);
        const out: string[] = [];
        wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map(String).join('\t')));
        return out.join('\n');
      };
      for (const format of ['xlsx', 'csv'] as const) {
        const normal = must(await f.dispatch('tables.export', { format, lang: 'ru' }));
        const shown = await text(normal);
        for (const s of secrets) expect(shown, `${format} must not carry ${s}`).not.toContain(s);
        expect(shown).toContain('Лишение свободы: 6 лет 4 мес.'); // the confidential pardon is not the penalty in force
        expect(normal.fileName).not.toMatch(/INTERNAL/);

        const internal = must(await f.dispatch('tables.export', { format, lang: 'ru', internal: true }));
        const all = await text(internal);
        for (const s of secrets) expect(all, `${format} internal must carry ${s}`).toContain(s);
        expect(internal.fileName).toMatch(/^casefile-cases-INTERNAL-\d{4}-\d{2}-\d{2}\./);
        expect(all.replace(/^\ufeff/, '').split(/\r?\n/)[0]).toMatch(/^"?КОНФИДЕНЦИАЛЬНО — внутренняя выгрузка/);
      }
      // An internal export reads back whole: its warning row is passed over, its confidential columns map themselves.
      const inside = must(await f.dispatch('tables.export', { format: 'xlsx', lang: 'kk', internal: true }));
      const again = must(await f.dispatch('tables.preview', { file: { fileName: inside.fileName, dataBase64: inside.dataBase64 } }));
      expect(again.refused).toEqual([]);
      const report = must(await f.dispatch('tables.import', { file: { fileName: inside.fileName, dataBase64: inside.dataBase64 }, mapping: again.mapping, onDuplicate: 'keep-both' }));
      expect(report.results.map((r) => r.action)).toEqual(['copied']);
      const copy = (await casesOnDisk(f.data)).find((c) => c.id === report.results[0]!.id);
      if (copy?.kind !== 'political_prisoner') throw new Error('the copy must be stored');
      expect([copy.lawyer, copy.person.contact, copy.person.address, copy.detention.health, copy.priority]).toEqual(['Адвокат Сауле Жанғазина', '+7 701 555 0199', 'ул. Абая 10, кв. 5', 'диабет второго типа', 'normal']);

      const csv = Buffer.from(must(await f.dispatch('tables.export', { format: 'csv' })).dataBase64, 'base64');
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the mark Excel needs to read UTF-8 Cyrillic
    } finally {
      await f.close();
    }
  });

  it('exports only the cases the list shows: its filters and the ids it passes', async () => {
    const f = await openFolder();
    try {
      const a = await f.store.create(CaseDraft.parse(PRISONER));
      await f.store.create(CaseDraft.parse(NGO));
      expect(must(await f.dispatch('tables.export', { format: 'csv', kind: 'ngo_suspension' })).rows).toBe(1);
      expect(must(await f.dispatch('tables.export', { format: 'csv', ids: [a.id] })).rows).toBe(1);
      expect(must(await f.dispatch('tables.export', { format: 'csv', status: 'closed' })).rows).toBe(0);
    } finally {
      await f.close();
    }
  });
});
