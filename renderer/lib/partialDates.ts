import type { CalendarDate } from '../../shared/text/dates';
import { dateLanguage, formatDay as writtenDay, formatMonthYear, formatPartialDate as writtenPartialDate } from '../../shared/text/formatDate';

// Partial dates shown at the precision they have, from the project's month table (Intl has
// no Kazakh month names): "2026-12-15" → «15 желтоқсан 2026 ж.», "2026-12" → «декабрь 2026 г.»,
// "2026" → «2026 ж.». Never a made-up day. `lang` is the interface language tag.

export function formatDay(d: CalendarDate, lang: string): string {
  return writtenDay(dateLanguage(lang), d.year, d.month, d.day);
}

export function formatMonth(year: number, month: number, lang: string): string {
  return formatMonthYear(dateLanguage(lang), year, month);
}

export function formatPartialDate(value: string, lang: string): string {
  return writtenPartialDate(value, dateLanguage(lang));
}
