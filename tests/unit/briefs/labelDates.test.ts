import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../../electron/services/briefs/labels';
import { isAllowedWord } from '../../../electron/services/briefs/redaction/allowed';

// The briefs write dates from the project's month table: every month in the forms each
// language requires. The names are written out here, not read from the table.
const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

describe('brief dates on every month', () => {
  it.each(MONTHS)('month %i: Russian genitive after a day, nominative before a year', (m) => {
    expect(labelsFor('ru').date(2026, m, 6)).toBe(`6 ${RU_GENITIVE[m - 1]} 2026`);
    expect(labelsFor('ru').date(2026, m)).toBe(`${RU_NOMINATIVE[m - 1]} 2026`);
  });

  it.each(MONTHS)('month %i: Kazakh in the documentary order «2026 жылғы 6 …»', (m) => {
    expect(labelsFor('kk').date(2026, m, 6)).toBe(`2026 жылғы 6 ${KK[m - 1]}`);
    expect(labelsFor('kk').date(2026, m)).toBe(`2026 жылғы ${KK[m - 1]}`);
  });

  it.each(MONTHS)('month %i: English day month year', (m) => {
    expect(labelsFor('en').date(2026, m, 6)).toBe(`6 ${EN[m - 1]} 2026`);
    expect(labelsFor('en').date(2026, m)).toBe(`${EN[m - 1]} 2026`);
  });

  it('writes a year alone as the year', () => {
    for (const lang of ['en', 'ru', 'kk'] as const) expect(labelsFor(lang).date(2026)).toBe('2026');
  });

  it('lets a brief print every month name, in every form, even where a secret holds the same word', () => {
    for (const word of [...RU_GENITIVE, ...RU_NOMINATIVE, ...KK, ...EN]) expect(isAllowedWord(word, undefined)).toBe(true);
  });
});
