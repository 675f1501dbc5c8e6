import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../../shared/text/dateInput';
import {
  dateLanguage,
  formatDay,
  formatMonthYear,
  formatPartialDate,
  formatTimestamp,
  formatTimestampDay,
  formatYear,
  type DateLanguage,
} from '../../../shared/text/formatDate';

// The expected names are written out here, not read from the table under test.
const AFTER_DAY: Record<DateLanguage, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
};
const NOMINATIVE: Record<DateLanguage, string[]> = {
  en: AFTER_DAY.en,
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  kk: AFTER_DAY.kk,
};
const YEAR: Record<DateLanguage, (y: string) => string> = { en: (y) => y, ru: (y) => `${y} г.`, kk: (y) => `${y} ж.` };
const LANGS: DateLanguage[] = ['en', 'ru', 'kk'];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const cases = LANGS.flatMap((lang) => MONTHS.map((month) => [lang, month] as const));

describe('every month in every language', () => {
  it.each(cases)('%s, month %i: a day, a month of a year, and the stored partial dates', (lang, month) => {
    const mm = String(month).padStart(2, '0');
    const day = `14 ${AFTER_DAY[lang][month - 1]} ${YEAR[lang]('2026')}`;
    const monthYear = `${NOMINATIVE[lang][month - 1]} ${YEAR[lang]('2026')}`;
    expect(formatDay(lang, 2026, month, 14)).toBe(day);
    expect(formatMonthYear(lang, 2026, month)).toBe(monthYear);
    expect(formatPartialDate(`2026-${mm}-14`, lang)).toBe(day);
    expect(formatPartialDate(`2026-${mm}`, lang)).toBe(monthYear);
    // Written the way a user may type it back.
    expect(parseDateInput(day)).toEqual({ ok: true, value: `2026-${mm}-14` });
    expect(parseDateInput(monthYear)).toEqual({ ok: true, value: `2026-${mm}` });
    expect(formatTimestamp(new Date(2026, month - 1, 14, 9, 30), lang)).toBe(`${day}, 09:30`);
  });
});

describe('the forms Kazakh and Russian require', () => {
  it('writes the issue’s examples', () => {
    expect(formatPartialDate('2026-12-06', 'kk')).toBe('6 желтоқсан 2026 ж.');
    expect(formatPartialDate('2026-12-06', 'ru')).toBe('6 декабря 2026 г.');
    expect(formatPartialDate('2026-12-06', 'en')).toBe('6 December 2026');
  });

  it('puts the Russian month in the genitive after a day and in the nominative before a year', () => {
    expect(formatPartialDate('2026-05-01', 'ru')).toBe('1 мая 2026 г.');
    expect(formatPartialDate('2026-05', 'ru')).toBe('май 2026 г.');
    expect(formatPartialDate('2026-03-08', 'ru')).toBe('8 марта 2026 г.');
    expect(formatPartialDate('2026-03', 'ru')).toBe('март 2026 г.');
    expect(formatPartialDate('2026-08-31', 'ru')).toBe('31 августа 2026 г.');
    expect(formatPartialDate('2026-08', 'ru')).toBe('август 2026 г.');
  });

  it('keeps the Kazakh month undeclined after a day', () => {
    expect(formatPartialDate('2026-04-05', 'kk')).toBe('5 сәуір 2026 ж.');
    expect(formatPartialDate('2026-04', 'kk')).toBe('сәуір 2026 ж.');
  });

  it('never writes ICU’s bare month numbers nor a numeric day', () => {
    for (const lang of LANGS) {
      for (const month of MONTHS) {
        const text = formatPartialDate(`2026-${String(month).padStart(2, '0')}-22`, lang);
        expect(text).not.toMatch(/M\d|\d{2}\.\d{2}\.\d{4}/);
      }
    }
  });
});

describe('partial dates at their own precision', () => {
  it('writes a year alone without a made-up month or day', () => {
    expect(formatPartialDate('2019', 'en')).toBe('2019');
    expect(formatPartialDate('2019', 'ru')).toBe('2019 г.');
    expect(formatPartialDate('2019', 'kk')).toBe('2019 ж.');
    expect(formatYear('kk', 2019)).toBe('2019 ж.');
  });

  it('pads early years to four digits, as they are stored', () => {
    expect(formatPartialDate('0987-06', 'en')).toBe('June 0987');
  });

  it('marks an approximate date in each language', () => {
    expect(formatPartialDate('1967', 'en', true)).toBe('c. 1967');
    // «ок.» (около) takes the genitive.
    expect(formatPartialDate('1967-03', 'ru', true)).toBe('ок. марта 1967 г.');
    expect(formatPartialDate('1967-03-08', 'ru', true)).toBe('ок. 8 марта 1967 г.');
    expect(formatPartialDate('1967-03', 'kk', true)).toBe('шамамен наурыз 1967 ж.');
    expect(formatPartialDate('1967', 'kk', true)).toBe('шамамен 1967 ж.');
  });

  it('writes the leap day of a leap year and refuses it in other years', () => {
    expect(formatPartialDate('2024-02-29', 'ru')).toBe('29 февраля 2024 г.');
    expect(formatPartialDate('2024-02-29', 'kk')).toBe('29 ақпан 2024 ж.');
    expect(formatPartialDate('2000-02-29', 'en')).toBe('29 February 2000');
    expect(formatPartialDate('2023-02-29', 'ru')).toBe('2023-02-29');
    expect(formatPartialDate('2100-02-29', 'kk')).toBe('2100-02-29');
  });

  it.each(['', 'garbage', '2026-13', '2026-12-32', '2026-00', '26.12.2026', '2026-1-5', '2026-12-06T10:00'])('returns %j as it is', (value) => {
    for (const lang of LANGS) expect(formatPartialDate(value, lang)).toBe(value);
  });
});

describe('timestamps in local time', () => {
  it('writes the day and a 24-hour time', () => {
    expect(formatTimestamp(new Date(2026, 11, 6, 14, 5), 'kk')).toBe('6 желтоқсан 2026 ж., 14:05');
    expect(formatTimestamp(new Date(2026, 11, 6, 14, 5), 'ru')).toBe('6 декабря 2026 г., 14:05');
    expect(formatTimestamp(new Date(2026, 11, 6, 0, 7), 'en')).toBe('6 December 2026, 00:07');
  });

  it('reads an ISO timestamp as a moment and shows it on the local clock', () => {
    // Half past midnight local time is still the previous day in UTC east of Greenwich.
    const iso = new Date(2026, 11, 7, 0, 30).toISOString();
    expect(formatTimestamp(iso, 'ru')).toBe('7 декабря 2026 г., 00:30');
    expect(formatTimestampDay(iso, 'kk')).toBe('7 желтоқсан 2026 ж.');
  });

  it('leaves a bare calendar day where it is, whatever the time zone', () => {
    expect(formatTimestampDay('2026-12-06', 'ru')).toBe('6 декабря 2026 г.');
  });

  it('writes the leap day of a timestamp', () => {
    expect(formatTimestamp(new Date(2028, 1, 29, 23, 59), 'kk')).toBe('29 ақпан 2028 ж., 23:59');
  });

  it('returns unreadable input as it is', () => {
    expect(formatTimestamp('not a date', 'kk')).toBe('not a date');
    expect(formatTimestampDay('', 'ru')).toBe('');
    expect(formatTimestamp('2026-13-45T99:00:00Z', 'en')).toBe('2026-13-45T99:00:00Z');
  });
});

describe('interface languages', () => {
  it('maps a language tag to the date language, English for any other', () => {
    expect(dateLanguage('kk')).toBe('kk');
    expect(dateLanguage('ru-RU')).toBe('ru');
    expect(dateLanguage('en-GB')).toBe('en');
    expect(dateLanguage('de')).toBe('en');
  });
});
