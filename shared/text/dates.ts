// Day counts over partial dates ("2019", "2019-03", "2019-03-14"). Pure: no node:, no DOM.
// A partial date names a period; counting "days since" honestly means counting from the
// END of that period, which gives a lower bound ("since 2019" → at least the days since
// 2019-12-31), so the result says when it is approximate.
import { parsePartialDate } from './partialDate';

export type CalendarDate = { year: number; month: number; day: number };

export type DaysSince = {
  /** Whole days; a lower bound when `approximate`. */
  days: number;
  /** True when the date is not precise to the day, so `days` is "at least". */
  approximate: boolean;
};

const DAY_MS = 86_400_000;

function utcDay(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the period a partial date names, or null when it is not a partial date. */
export function partialDateStart(value: string): CalendarDate | null {
  const p = parsePartialDate(value);
  if (!p) return null;
  return { year: p.year, month: p.month ?? 1, day: p.day ?? 1 };
}

/** The last day of the period a partial date names ("2019" → 2019-12-31, "2019-02" → 2019-02-28). */
export function partialDateEnd(value: string): CalendarDate | null {
  const p = parsePartialDate(value);
  if (!p) return null;
  const month = p.month ?? 12;
  return { year: p.year, month, day: p.day ?? lastDayOfMonth(p.year, month) };
}

/** Today as a calendar date in the machine's local time zone. */
export function localToday(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** `YYYY-MM-DD` for a calendar date. */
export function formatCalendarDate(d: CalendarDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/**
 * Days from a partial date to `today`, counted from the end of the period the date
 * names (so "since 2019" counts from 2019-12-31 and is marked approximate). Returns
 * null when the value is not a partial date or the period has not begun yet; a period
 * that is still running counts as at least 0 days.
 */
export function daysSince(value: string, today: CalendarDate): DaysSince | null {
  const p = parsePartialDate(value);
  const start = partialDateStart(value);
  const end = partialDateEnd(value);
  if (!p || !start || !end) return null;
  const t = utcDay(today);
  if (utcDay(start) > t) return null;
  const approximate = p.day === undefined;
  return { days: Math.max(0, t - utcDay(end)), approximate };
}
