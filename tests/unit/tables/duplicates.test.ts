import { describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { prisonerDraft } from '../../helpers/fixtures';
import { casesOnDisk, must, openFolder, upload } from './tableHelpers';

// A row naming a person the folder holds already, in another script or spelling, is found
// by the search normaliser and offered as update, skip or keep both — per row.

const csv = (rows: string[]) => upload('list.csv', Buffer.from(['Name,Other spellings,Charges,Date of arrest', ...rows, ''].join('\r\n')));

describe('duplicates across scripts', () => {
  it('finds Tokayev and Токаев for a stored Тоқаев, and updates, skips or keeps both as chosen per row', async () => {
    const f = await openFolder();
    try {
      const stored = await f.store.create(CaseDraft.parse(prisonerDraft({ title: 'Тоқаев case', person: { name: 'Тоқаев', aliases: [], nationality: [] }, charges: [{ article: '174', code: 'CC' }] })));
      const other = await f.store.create(CaseDraft.parse(prisonerDraft({ title: 'Әбішев Кенжебек case', person: { name: 'Кенжебек Әбішев', aliases: [], nationality: [] } })));
      const file = csv(['Tokayev,,405 (CC),2021-02-22', 'Токаев,Tokaev,,', 'Tokayev Junior,,,', 'Abishev Kenzhebek,,,2020']);
      const preview = must(await f.dispatch('tables.preview', { file }));
      expect(preview.refused).toEqual([]);
      expect(preview.duplicates.map((d) => [d.row, d.existing.map((e) => e.id)])).toEqual([
        [2, [stored.id]],
        [3, [stored.id]],
        [5, [other.id]],
      ]);

      const steps: number[] = [];
      const report = must(await f.dispatch('tables.import', {
        file,
        mapping: preview.mapping,
        duplicates: [{ row: 2, choice: 'update' }, { row: 3, choice: 'keep-both' }],
        onDuplicate: 'skip',
      }, { onProgress: (p) => steps.push(p.done) }));
      expect(steps).toEqual([0, 1, 2, 3]); // read, checked, writing, written
      expect(report.results.map((r) => [r.row, r.action])).toEqual([[2, 'updated'], [3, 'copied'], [4, 'created'], [5, 'skipped']]);

      const onDisk = await casesOnDisk(f.data);
      expect(onDisk).toHaveLength(4);
      const updated = onDisk.find((c) => c.id === stored.id);
      if (updated?.kind !== 'political_prisoner') throw new Error('the stored case must stay');
      expect(updated.rev).toBe(2);
      expect(updated.title).toBe('Тоқаев case');
      expect(updated.person.name).toBe('Tokayev'); // what the row gives is written over
      expect(updated.charges).toEqual([{ article: '174', code: 'CC' }, { article: '405', code: 'CC' }]);
      expect(updated.arrest?.date).toBe('2021-02-22');
      const copy = onDisk.find((c) => c.kind === 'political_prisoner' && c.person.name === 'Токаев');
      expect(copy?.id).not.toBe(stored.id);
      expect(onDisk.find((c) => c.id === other.id)?.rev).toBe(1); // skipped: untouched
      expect(must(await f.dispatch('cases.history', { id: stored.id })).map((e) => e.rev)).toEqual([1, 2]);
    } finally {
      await f.close();
    }
  });
});
