// Dates written in each interface language from the project's own month table
// (./monthNames), never from Intl, whose Kazakh data is missing in Chromium.
// Pure: no node:, no DOM. The forms:
//   en  6 December 2026    December 2026      2026
//   ru  6 декабря 2026 г.  декабрь 2026 г.    2026 г.
//   kk  6 желтоқсан 2026 ж. желтоқсан 2026 ж. 2026 ж.
// Kazakh official letters also write «2026 жылғы 6 желтоқсан»; the interface uses the
// day-month-year order with «ж.» as the issue asked, the order Russian and English use
// in the same lists, so a column of dates reads the same in all three languages.
import { parsePartialDate } from './partialDate';
import { type DateLanguage, monthName } from './monthNames';

export { type DateLanguage, dateLanguage } from './monthNames';

const YEAR_MARK: Record<DateLanguage, string> = { en: '', ru: ' г.', kk: ' ж.' };
const APPROXIMATE_PREFIX: Record<DateLanguage, string> = { en: 'c. ', ru: 'ок. ', kk: 'шамамен ' };

const yearDigits = (year: number) => String(year).padStart(4, '0');
const two = (n: number) => String(n).padStart(2, '0');

/** A year alone: "2026", «2026 г.», «2026 ж.». */
export function formatYear(lang: DateLanguage, year: number): string {
  return yearDigits(year) + YEAR_MARK[lang];
}

/** A month of a year, the month in the nominative: "December 2026", «декабрь 2026 г.», «желтоқсан 2026 ж.». */
export function formatMonthYear(lang: DateLanguage, year: number, month: number): string {
  return `${monthName(lang, month, 'nominative')} ${formatYear(lang, year)}`;
}

/** A whole day, the month in the form that follows a day: "6 December 2026", «6 декабря 2026 г.», «6 желтоқсан 2026 ж.». */
export function formatDay(lang: DateLanguage, year: number, month: number, day: number): string {
  return `${day} ${monthName(lang, month, 'afterDay')} ${formatYear(lang, year)}`;
}

/**
 * A stored PartialDate ("2026", "2026-12", "2026-12-06") at its own precision — never a
 * made-up day — marked "c." / «ок.» / «шамамен» when approximate. A value that is not a
 * real calendar date comes back as it is, so a user sees what is stored.
 */
export function formatPartialDate(value: string, lang: DateLanguage, approximate = false): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  if (p.month === undefined) return (approximate ? APPROXIMATE_PREFIX[lang] : '') + formatYear(lang, p.year);
  if (p.day !== undefined) return (approximate ? APPROXIMATE_PREFIX[lang] : '') + formatDay(lang, p.year, p.month, p.day);
  if (!approximate) return formatMonthYear(lang, p.year, p.month);
  // «ок.» is «около», which governs the genitive: «ок. марта 1967 г.», not «ок. март».
  const month = monthName(lang, p.month, lang === 'ru' ? 'afterDay' : 'nominative');
  return `${APPROXIMATE_PREFIX[lang]}${month} ${formatYear(lang, p.year)}`;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function instant(value: string | Date): Date | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The local calendar day of a moment ("2026-12-06T09:05:00Z" → «6 желтоқсан 2026 ж.» in
 * Almaty). A bare "2026-12-06" is a calendar day already and is not moved by the time zone.
 * Unreadable input comes back as it is.
 */
export function formatTimestampDay(value: string | Date, lang: DateLanguage): string {
  if (typeof value === 'string' && CALENDAR_DAY.test(value)) return formatPartialDate(value, lang);
  const d = instant(value);
  if (!d) return String(value);
  return formatDay(lang, d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** A moment in local time with hours and minutes (24-hour clock): «6 желтоқсан 2026 ж., 14:05». Unreadable input comes back as it is. */
export function formatTimestamp(value: string | Date, lang: DateLanguage): string {
  const d = instant(value);
  if (!d) return String(value);
  return `${formatDay(lang, d.getFullYear(), d.getMonth() + 1, d.getDate())}, ${two(d.getHours())}:${two(d.getMinutes())}`;
}
