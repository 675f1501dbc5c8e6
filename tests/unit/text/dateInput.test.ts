import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateLanguage, formatPartialDate, parseDateInput, type DateInputError } from '../../../shared/text/dateInput';
import { isPartialDate } from '../../../shared/text/partialDate';

// Each row: what a person types, and the PartialDate stored or the reason it is refused.
const VALID: [string, string][] = [
  // ISO and numbers
  ['2021', '2021'],
  ['2021-02', '2021-02'],
  ['2021-02-16', '2021-02-16'],
  ['  2021-02-16  ', '2021-02-16'],
  ['22.02.2021', '2021-02-22'],
  ['08.02.2021', '2021-02-08'],
  ['22/02/2021', '2021-02-22'],
  ['8.2.2021', '2021-02-08'],
  ['22-02-2021', '2021-02-22'],
  ['02.2021', '2021-02'],
  ['2.2021', '2021-02'],
  ['02/2021', '2021-02'],
  ['2021/02/22', '2021-02-22'],
  ['29.02.2020', '2020-02-29'],
  ['31.12.1999', '1999-12-31'],
  ['22.02.2021 г.', '2021-02-22'],
  ['22.02.2021г.', '2021-02-22'],
  // English
  ['22 February 2021', '2021-02-22'],
  ['February 22, 2021', '2021-02-22'],
  ['february 22 2021', '2021-02-22'],
  ['FEBRUARY 2021', '2021-02'],
  ['Feb 2021', '2021-02'],
  ['Feb. 22, 2021', '2021-02-22'],
  ['22nd February 2021', '2021-02-22'],
  ['1 Sept 2019', '2019-09-01'],
  ['May 2020', '2020-05'],
  ['the 3rd of March 2022', '2022-03-03'],
  // Russian, in the cases people type
  ['22 февраля 2021', '2021-02-22'],
  ['22 февраля 2021 г.', '2021-02-22'],
  ['22 февраля 2021 года', '2021-02-22'],
  ['22 февр. 2021', '2021-02-22'],
  ['22 фев 2021', '2021-02-22'],
  ['февраль 2021', '2021-02'],
  ['Февраль 2021 г.', '2021-02'],
  ['в феврале 2021', '2021-02'],
  ['в феврале 2021 года', '2021-02'],
  ['2021 г.', '2021'],
  ['2021 год', '2021'],
  ['в 2021 году', '2021'],
  ['1 мая 2020', '2020-05-01'],
  ['в мае 2020', '2020-05'],
  ['3 марта 2019', '2019-03-03'],
  ['в августе 2018 г.', '2018-08'],
  ['31 декабря 2020 г.', '2020-12-31'],
  ['15 сент. 2023', '2023-09-15'],
  ['22-го февраля 2021', '2021-02-22'],
  ['22\u00a0февраля\u00a02021\u00a0г.', '2021-02-22'],
  // Kazakh
  ['22 ақпан 2021', '2021-02-22'],
  ['2021 жылғы 22 ақпан', '2021-02-22'],
  ['2021 ж. 22 ақпан', '2021-02-22'],
  ['ақпан 2021', '2021-02'],
  ['2021 жылғы ақпан', '2021-02'],
  ['2021 жыл', '2021'],
  ['2021 жылы', '2021'],
  ['ақпанның 22-сі 2021', '2021-02-22'],
  ['2021 жылғы ақпанның 22-сі', '2021-02-22'],
  ['2021 жылы ақпанда', '2021-02'],
  ['2021 жылғы ақпанның 9-ы', '2021-02-09'],
  ['2021 жылғы 7-інші шілде', '2021-07-07'],
  ['22 акпан 2021', '2021-02-22'],
  ['5 сэуир 2020', '2020-04-05'],
  ['5 сәуір 2020', '2020-04-05'],
  ['2020 жылғы 1 қыркүйек', '2020-09-01'],
  ['2020 жылғы 1 кыркуйек', '2020-09-01'],
  ['1 желтоқсан 2019', '2019-12-01'],
  ['ҚАҢТАР 2022', '2022-01'],
  ['2022 жылғы 16 желтоқсан', '2022-12-16'],
  ['қазан айы 2020', '2020-10'],
  ['2021 жылғы 7 шілде', '2021-07-07'],
  // The interface's own written forms read back.
  ['6 желтоқсан 2026 ж.', '2026-12-06'],
  ['желтоқсан 2026 ж.', '2026-12'],
  ['2026 ж.', '2026'],
];

const INVALID: [string, DateInputError][] = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['29.02.2021', 'not-a-date'],
  ['31.04.2021', 'not-a-date'],
  ['31.02.2021', 'not-a-date'],
  ['13.2021', 'not-a-date'],
  ['2021-13', 'not-a-date'],
  ['2021-02-30', 'not-a-date'],
  ['00.02.2021', 'not-a-date'],
  ['30 февраля 2021', 'not-a-date'],
  ['31 сәуір 2021', 'not-a-date'],
  ['February 30, 2021', 'not-a-date'],
  ['22.02.21', 'two-digit-year'],
  ['22/02/21', 'two-digit-year'],
  ['02.21', 'two-digit-year'],
  ['22 февраля 21', 'two-digit-year'],
  ['22 февраля', 'missing-year'],
  ['ақпан', 'missing-year'],
  ['February', 'missing-year'],
  ['yesterday', 'unrecognised'],
  ['не помню', 'unrecognised'],
  ['22.02.202', 'unrecognised'],
  ['February March 2021', 'unrecognised'],
  ['2021 2022', 'unrecognised'],
  ['22 23 February 2021', 'unrecognised'],
  ['Казань 2021', 'unrecognised'],
];

describe('parseDateInput', () => {
  it('has a table of at least 60 inputs in three languages', () => {
    expect(VALID.length + INVALID.length).toBeGreaterThanOrEqual(60);
  });

  it.each(VALID)('reads %j as %s', (text, stored) => {
    expect(parseDateInput(text)).toEqual({ ok: true, value: stored });
    expect(isPartialDate(stored)).toBe(true);
  });

  it.each(INVALID)('refuses %j: %s', (text, reason) => {
    expect(parseDateInput(text)).toEqual({ ok: false, error: reason });
  });
});

describe('approximate dates', () => {
  it.each([
    ['c. 1967', '1967'],
    ['ca. 1967', '1967'],
    ['about March 1967', '1967-03'],
    ['около 1967 г.', '1967'],
    ['ок. 1967', '1967'],
    ['примерно в 1967 году', '1967'],
    ['шамамен 1967 жыл', '1967'],
    ['~1967', '1967'],
  ])('reads %j as %s, approximate', (text, value) => {
    expect(parseDateInput(text)).toEqual({ ok: true, value, approximate: true });
  });
  it('refuses a marker with no date, and keeps the date’s own errors', () => {
    expect(parseDateInput('c.')).toEqual({ ok: false, error: 'unrecognised' });
    expect(parseDateInput('около 31.02.2021')).toEqual({ ok: false, error: 'not-a-date' });
    // "окт." is October, not "ок." (about).
    expect(parseDateInput('окт. 2021')).toEqual({ ok: true, value: '2021-10' });
  });
  it('writes the marker in each language', () => {
    expect(formatPartialDate('1967', 'en', true)).toBe('c. 1967');
    expect(formatPartialDate('1967', 'ru', true)).toBe('ок. 1967 г.');
    expect(formatPartialDate('1967', 'kk', true)).toBe('шамамен 1967 ж.');
  });
});

describe('formatPartialDate', () => {
  it('writes each language in its own form', () => {
    expect(formatPartialDate('2021-02-08', 'en')).toBe('8 February 2021');
    expect(formatPartialDate('2021-02', 'en')).toBe('February 2021');
    expect(formatPartialDate('2021', 'en')).toBe('2021');
    expect(formatPartialDate('2021-02-22', 'ru')).toBe('22 февраля 2021 г.');
    expect(formatPartialDate('2021-02', 'ru')).toBe('февраль 2021 г.');
    expect(formatPartialDate('2021', 'ru')).toBe('2021 г.');
    expect(formatPartialDate('2021-02-08', 'kk')).toBe('8 ақпан 2021 ж.');
    expect(formatPartialDate('2021-02', 'kk')).toBe('ақпан 2021 ж.');
    expect(formatPartialDate('2021', 'kk')).toBe('2021 ж.');
  });

  it('leaves a value that is not a PartialDate as it is', () => {
    expect(formatPartialDate('2021-02-30', 'en')).toBe('2021-02-30');
  });

  it('maps interface languages to a date language', () => {
    expect(dateLanguage('ru')).toBe('ru');
    expect(dateLanguage('kk-KZ')).toBe('kk');
    expect(dateLanguage('de')).toBe('en');
  });

  it('parses every formatted PartialDate back to the same value, in every language', () => {
    const partialDate = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.integer({ min: 1, max: 31 }), fc.boolean())
      .map(([y, m, d, withDay]) => {
        const pad = (n: number, w: number) => String(n).padStart(w, '0');
        if (m === undefined) return pad(y, 4);
        return withDay ? `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` : `${pad(y, 4)}-${pad(m, 2)}`;
      })
      .filter(isPartialDate);
    fc.assert(
      fc.property(partialDate, fc.constantFrom('en' as const, 'ru' as const, 'kk' as const), fc.boolean(), (value, lang, approximate) => {
        expect(parseDateInput(formatPartialDate(value, lang, approximate))).toEqual(approximate ? { ok: true, value, approximate: true } : { ok: true, value });
      }),
      { numRuns: 3000 },
    );
  });
});
