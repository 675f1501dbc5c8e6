import { describe, expect, it } from 'vitest';
import { bundleFaults } from '../../../renderer/features/bundles/importIssues';
import { exportFileName } from '../../../renderer/features/bundles/exportName';

describe('bundleFaults', () => {
  it('names each fault by its path inside the file, without the request wrapper', () => {
    expect(
      bundleFaults([
        { path: ['bundle', 'cases', 3, 'events', 0, 'date'], message: 'expected YYYY, YYYY-MM or YYYY-MM-DD' },
        { path: ['bundle', 'format'], message: 'expected "casefile-bundle"' },
        { path: ['bundle'], message: 'expected object, got a list' },
      ]),
    ).toEqual(['cases[3].events[0].date: expected YYYY, YYYY-MM or YYYY-MM-DD', 'format: expected "casefile-bundle"', '(top level): expected object, got a list']);
  });
});

describe('exportFileName', () => {
  it('is dated by the local day', () => {
    expect(exportFileName('all', { year: 2026, month: 3, day: 7 })).toBe('casefile-export-2026-03-07.casefile.json');
  });

  it('names one case by its person or organisation, transliterated, and a selection by its count', () => {
    const day = { year: 2026, month: 12, day: 6 };
    expect(exportFileName({ subject: 'Кенжебек Әбішев' }, day)).toBe('kenzhebek-abishev-2026-12-06.casefile.json');
    expect(exportFileName({ subject: '«Ар.Рух.Хақ» қоғамдық қоры' }, day)).toBe('ar-ruh-hak-kogamdyk-kory-2026-12-06.casefile.json');
    expect(exportFileName({ subject: '—' }, day)).toBe('casefile-export-2026-12-06.casefile.json');
    expect(exportFileName({ count: 3 }, day)).toBe('3-cases-2026-12-06.casefile.json');
  });
});
