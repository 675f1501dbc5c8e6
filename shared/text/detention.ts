// Days in detention (or under a measure) and the expected release (or end of the
// measure), honest about partial dates. Pure: no node:, no DOM.
//
// A partial date names a period ("2019" is all of 2019). Counting days since it, we
// count from the END of the period, so the number is a lower bound ("at least").
// Adding a sentence to it gives a period of the same precision ("2019" + 84 months is
// sometime in 2026, not before 1 January 2026): the result keeps the precision and says
// what it was computed from; it never pretends to know the day.
import { daysSince, partialDateEnd, partialDateStart, type CalendarDate } from './dates';
import { parsePartialDate } from './partialDate';
import { CUSTODIAL_PENALTIES, penaltyInForce } from '../model/decisions';
import type { Term } from '../model/scalars';

export type Precision = 'day' | 'month' | 'year';

/** A partial date together with the first and last day of the period it names. */
export type Period = { date: string; precision: Precision; start: CalendarDate; end: CalendarDate };

export function periodOf(date: string): Period | null {
  const p = parsePartialDate(date);
  const start = partialDateStart(date);
  const end = partialDateEnd(date);
  if (!p || !start || !end) return null;
  return { date, precision: p.day !== undefined ? 'day' : p.month !== undefined ? 'month' : 'year', start, end };
}

export type DaysIn = {
  /** Whole days; a lower bound unless both `precision` and the release (when counted to it) are 'day'. */
  days: number;
  /** The day counted from: the last day of the period the date names. */
  countedFrom: CalendarDate;
  precision: Precision;
  /** Present when the count stops at the recorded release (detention.releasedOn), not today. */
  releasedOn?: string;
};

/**
 * Days since a partial date, counted from the end of its period; null if absent,
 * invalid or still ahead. With `releasedOn` the count stops at the release (at the
 * first day of the period it names, so it stays a lower bound), not at today: a
 * person released in 2021 has not been held ever since.
 */
export function daysIn(since: string | undefined, today: CalendarDate, releasedOn?: string): DaysIn | null {
  if (!since) return null;
  const period = periodOf(since);
  if (!period) return null;
  const release = releasedOn ? periodOf(releasedOn) : null;
  const to = release && dayNumber(release.start) < dayNumber(today) ? release.start : today;
  const d = daysSince(since, to);
  if (!d) return null;
  return { days: d.days, countedFrom: period.end, precision: period.precision, ...(release ? { releasedOn: release.date } : {}) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const DAY_MS = 86_400_000;
function dayNumber(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

/** A day plus whole months, the day clamped to the month's end ("2019-01-31" + 1 → "2019-02-28"). */
function addMonthsToDay(d: CalendarDate, months: number): CalendarDate {
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, last) };
}

function formatPeriodDate(d: CalendarDate, precision: Precision | 'range'): string {
  if (precision === 'year') return pad(d.year, 4);
  if (precision === 'month' || precision === 'range') return `${pad(d.year, 4)}-${pad(d.month)}`;
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export type Projected = {
  /** The end as a partial date, as precise as the inputs allow ('range': the month of `earliest`). */
  date: string;
  /** 'range' when the possible days span more than one calendar year (or month, from a month-precise start). */
  precision: Precision | 'range';
  /** The earliest and latest day it can fall on, given the precision of the start. */
  earliest: CalendarDate;
  latest: CalendarDate;
  /** True when the months were not whole, so the day is rounded (by at most a few days). */
  rounded: boolean;
};

/**
 * A start date plus a duration in months, keeping the honest range of days:
 * "2019-03-14" + 12 → "2020-03-14"; "2019-03" + 12 → "2020-03" (1–31 March 2020);
 * "2019" + 84 → "2026" (1 January – 31 December 2026); "2019" + 18 → 1 July 2020 –
 * 30 June 2021, a 'range'.
 */
export function plusMonths(from: string, months: number): Projected | null {
  if (!Number.isFinite(months) || months < 0) return null;
  const whole = Math.floor(months);
  return plusDuration(from, whole, Math.round((months - whole) * 30.4375));
}

/** A start date plus whole months and then days (a court's "6 years 4 months", "10 days"), with the same honest range. */
function plusDuration(from: string, whole: number, extraDays: number): Projected | null {
  const period = periodOf(from);
  if (!period || whole < 0 || extraDays < 0) return null;
  const shift = (d: CalendarDate) => {
    const m = addMonthsToDay(d, whole);
    if (extraDays === 0) return m;
    const t = new Date(Date.UTC(m.year, m.month - 1, m.day + extraDays));
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
  };
  const earliest = shift(period.start);
  const latest = shift(period.end);
  // The precision of the result is what the range allows: one day, one month, one year, else less.
  const sameMonth = earliest.year === latest.year && earliest.month === latest.month;
  const precision: Precision | 'range' =
    period.precision === 'day' ? 'day'
    : period.precision === 'month' ? (sameMonth ? 'month' : 'range')
    : earliest.year === latest.year ? (sameMonth ? 'month' : 'year')
    : 'range';
  const date = formatPeriodDate(earliest, precision);
  return { date, precision, earliest, latest, rounded: extraDays !== 0 };
}

export type EndBasis =
  /** Recorded in the case (detention.expectedRelease, measure.end). */
  | { kind: 'recorded' }
  /** Computed: `from` (detention.since / measure.start) plus `months` and `days`. */
  | { kind: 'start'; from: string; months: number; days?: number }
  /** Computed from the decision's date because the start of detention is not recorded. */
  | { kind: 'verdict'; from: string; months: number; days?: number };

export type ExpectedEnd = Projected & {
  basis: EndBasis;
  /** Days from today to the earliest day it can fall on (negative when passed). */
  daysUntilEarliest: number;
  /** Days from today to the latest day it can fall on (negative when passed). */
  daysUntilLatest: number;
};


function withDays(p: Projected, basis: EndBasis, today: CalendarDate): ExpectedEnd {
  const t = dayNumber(today);
  return { ...p, basis, daysUntilEarliest: dayNumber(p.earliest) - t, daysUntilLatest: dayNumber(p.latest) - t };
}

function recorded(date: string): Projected | null {
  const period = periodOf(date);
  if (!period) return null;
  return { date, precision: period.precision, earliest: period.start, latest: period.end, rounded: false };
}

type DetentionLike = { since?: string | undefined; expectedRelease?: string | undefined; releasedOn?: string | undefined };
type DecisionLike = { date?: string | undefined; penalty?: { type: string; term?: Term | undefined } | undefined };

/** A term as whole months and days: years are twelve months, days stay days. */
function termParts(term: Term): { months: number; days: number } {
  return { months: (term.years ?? 0) * 12 + (term.months ?? 0), days: term.days ?? 0 };
}

/**
 * When a prisoner is expected to be released: never once detention.releasedOn is
 * recorded; detention.expectedRelease when the case records it; else the term of the
 * penalty in force (the latest decision that sets one) added to detention.since, or to
 * that decision's date when the start of detention is not recorded. Null when none of
 * that is known.
 */
export function expectedRelease(detention: DetentionLike, decisions: readonly DecisionLike[], today: CalendarDate): ExpectedEnd | null {
  const e = releaseProjection(detention, decisions);
  return e ? withDays(e, e.basis, today) : null;
}

/** expectedRelease without the days from today: what a case summary can keep (it has no today). */
export function releaseProjection(detention: DetentionLike, decisions: readonly DecisionLike[]): (Projected & { basis: EndBasis }) | null {
  if (detention.releasedOn) return null;
  if (detention.expectedRelease) {
    const r = recorded(detention.expectedRelease);
    if (r) return { ...r, basis: { kind: 'recorded' } };
  }
  const decision = penaltyInForce(decisions);
  const term = decision?.penalty?.term;
  if (!decision || !term || !CUSTODIAL_PENALTIES.has(decision.penalty!.type)) return null;
  const from = detention.since ?? decision.date;
  if (!from) return null;
  const { months, days } = termParts(term);
  const p = plusDuration(from, months, days);
  if (!p) return null;
  return { ...p, basis: detention.since ? { kind: 'start', from, months, days } : { kind: 'verdict', from, months, days } };
}

type MeasureLike = { start?: string | undefined; end?: string | undefined; durationMonths?: number | undefined };

/** When an NGO's measure ends: measure.end when recorded, else start + durationMonths. */
export function measureEnd(measure: MeasureLike, today: CalendarDate): ExpectedEnd | null {
  const e = measureProjection(measure);
  return e ? withDays(e, e.basis, today) : null;
}

/** measureEnd without the days from today. */
export function measureProjection(measure: MeasureLike): (Projected & { basis: EndBasis }) | null {
  if (measure.end) {
    const r = recorded(measure.end);
    if (r) return { ...r, basis: { kind: 'recorded' } };
  }
  if (!measure.start || measure.durationMonths === undefined) return null;
  const p = plusMonths(measure.start, measure.durationMonths);
  return p ? { ...p, basis: { kind: 'start', from: measure.start, months: measure.durationMonths } } : null;
}
