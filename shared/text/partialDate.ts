// Partial dates keep the precision the source gave ("2018", "2018-12", "2021-02-16").
// Pure helpers: no node:, no DOM, so both tiers can use them.

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type PartialDateParts = { year: number; month?: number; day?: number };

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST edges.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a partial date into numbers, or returns null when it is not a real calendar date. */
export function parsePartialDate(value: string): PartialDateParts | null {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isPartialDate(value: string): boolean {
  return parsePartialDate(value) !== null;
}

/**
 * Orders partial dates chronologically; a less precise date sorts before a more
 * precise one in the same period ("2019" < "2019-03" < "2019-03-01").
 */
export function comparePartialDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0; // the fixed-width form makes string order chronological
}
