import { z } from 'zod';
import { formatCalendarDate, partialDateEnd, partialDateStart, type CalendarDate } from '../text/dates';
import { parsePartialDate } from '../text/partialDate';
import { CaseKind } from './case';
import { Id, PartialDate } from './scalars';

// The agenda: what is coming up across all cases — deadlines not done, hearings on
// the timeline, follow-ups of advocacy not closed. The summary of each case carries
// its open items (so the agenda needs no full-case reads); which are still ahead and
// which are overdue is decided against a given day, never stored.

export const AgendaKind = z.enum(['deadline', 'hearing', 'followUp']);
export type AgendaKind = z.infer<typeof AgendaKind>;

/** One open item of a case, as its summary keeps it. */
export const AgendaItem = z.strictObject({
  kind: AgendaKind,
  /** The deadline's, event's or advocacy action's id. */
  id: Id,
  date: PartialDate,
  /** The deadline's or hearing's title; for a follow-up, whom to follow up with. */
  title: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A calendar day, YYYY-MM-DD. */
export const IsoDay = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parsePartialDate(v) !== null, { error: 'expected a day as YYYY-MM-DD (a real calendar date)' });

export const AgendaRow = z.strictObject({
  caseId: Id,
  caseTitle: z.string(),
  caseKind: CaseKind,
  kind: AgendaKind,
  id: Id,
  date: PartialDate,
  title: z.string(),
  /** The last day of the period `date` names: "2026-12" is due by 2026-12-31. */
  dueBy: IsoDay,
  /** Days from today to `dueBy`; negative when it has passed. */
  daysLeft: z.int(),
  /** `dueBy` is before today (and the item is still open). Never true for a hearing. */
  overdue: z.boolean(),
  /**
   * Only the month or year is known and that period has begun: the item may fall due
   * any day now. A lawyer must not learn of an appeal limit in March on 31 March.
   */
  mayBeDue: z.boolean(),
});
export type AgendaRow = z.infer<typeof AgendaRow>;

type Agendaful = { id: string; title: string; kind: CaseKind; agenda: readonly AgendaItem[] };

const DAY_MS = 86_400_000;
const dayNumber = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;

/**
 * The rows of the agenda on `today`: every open item, except hearings whose period
 * has passed; overdue first, then by the day each is due, then the more precise date first.
 */
export function agendaRows(cases: readonly Agendaful[], today: CalendarDate): AgendaRow[] {
  const t = dayNumber(today);
  const rows: AgendaRow[] = [];
  for (const c of cases) {
    for (const item of c.agenda) {
      const start = partialDateStart(item.date);
      const end = partialDateEnd(item.date);
      if (!start || !end) continue;
      const daysLeft = dayNumber(end) - t;
      if (item.kind === 'hearing' && daysLeft < 0) continue; // a hearing that is over is history, not agenda
      rows.push({
        caseId: c.id,
        caseTitle: c.title,
        caseKind: c.kind,
        kind: item.kind,
        id: item.id,
        date: item.date,
        title: item.title,
        dueBy: formatCalendarDate(end),
        daysLeft,
        overdue: item.kind !== 'hearing' && daysLeft < 0,
        mayBeDue: daysLeft > 0 && dayNumber(start) <= t,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.daysLeft - b.daysLeft ||
      b.date.length - a.date.length ||
      (a.caseTitle < b.caseTitle ? -1 : a.caseTitle > b.caseTitle ? 1 : 0) ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  );
}

/** Parses a YYYY-MM-DD day. */
export function parseIsoDay(value: string): CalendarDate | null {
  const p = parsePartialDate(value);
  return p && p.month !== undefined && p.day !== undefined ? { year: p.year, month: p.month, day: p.day } : null;
}
