import { parsePartialDate } from '../../../shared/text/partialDate';
import type { CalendarDate } from '../../../shared/text/dates';

// Partial dates shown at the precision they have: "2026-12-15" → "15 Dec 2026",
// "2026-12" → "December 2026", "2026" → "2026". Never a made-up day.

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

export function formatDay(d: CalendarDate, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc(d.year, d.month, d.day));
}

export function formatMonth(year: number, month: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(year, month, 1));
}

export function formatPartialDate(value: string, lang: string): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  if (p.day !== undefined && p.month !== undefined) return formatDay({ year: p.year, month: p.month, day: p.day }, lang);
  if (p.month !== undefined) return formatMonth(p.year, p.month, lang);
  return String(p.year);
}
