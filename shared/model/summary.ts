import { z } from 'zod';
import { CaseKind, CaseStatus, DetentionStatus, MeasureStatus, MeasureType, PenaltyType, Priority, type CaseFile } from './case';
import { penaltyInForce } from './decisions';
import { formatCalendarDate, type CalendarDate } from '../text/dates';
import { measureProjection, releaseProjection } from '../text/detention';
import { DateTime, Id, PartialDate, StoredTerm } from './scalars';
import type { AgendaItem } from './agenda';

/**
 * The compact row the case list shows; derived from a case, never edited. The
 * agenda's open items are kept beside it (`agendaItems`), not in it: the list is
 * sent whole to the window, and would carry them for nothing.
 */
export const CaseSummary = z.strictObject({
  id: Id,
  kind: CaseKind,
  title: z.string(),
  status: CaseStatus,
  priority: Priority,
  country: z.string().optional(),
  region: z.string().optional(),
  tags: z.array(z.string()),
  /** The person's or organisation's name, then its other spellings. */
  names: z.array(z.string()),
  detentionStatus: DetentionStatus.optional(),
  measureType: MeasureType.optional(),
  measureStatus: MeasureStatus.optional(),
  /** When the detention or the measure began, as precise as known. */
  since: PartialDate.optional(),
  /** The penalty in force (the latest decision that sets one) and its term, in the court's units. */
  penaltyType: PenaltyType.optional(),
  penaltyTerm: StoredTerm.optional(),
  /** The day the person was released, when recorded: the days in detention stop there. */
  releasedOn: PartialDate.optional(),
  /** The first and last day the term (or the measure) can end on, recorded or computed: past the last, the days stop. */
  ends: z.strictObject({ earliest: PartialDate, latest: PartialDate }).optional(),
  rev: z.int().min(1),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export function summarize(c: CaseFile): CaseSummary {
  const base = {
    id: c.id, kind: c.kind, title: c.title, status: c.status, priority: c.priority,
    country: c.country, region: c.region, tags: c.tags,
    rev: c.rev, createdAt: c.createdAt, updatedAt: c.updatedAt,
  };
  if (c.kind === 'political_prisoner') {
    const penalty = penaltyInForce(c.decisions)?.penalty;
    return {
      ...base,
      names: [c.person.name, ...c.person.aliases],
      detentionStatus: c.detention.status,
      since: c.detention.since,
      penaltyType: penalty?.type,
      penaltyTerm: penalty?.term,
      releasedOn: c.detention.releasedOn,
      ends: endsOf(releaseProjection(c.detention, c.decisions)),
    };
  }
  return {
    ...base,
    names: [c.organization.name, ...c.organization.aliases],
    measureType: c.measure.type,
    measureStatus: c.measure.status,
    since: c.measure.start,
    ends: endsOf(measureProjection(c.measure)),
  };
}

function endsOf(p: { earliest: CalendarDate; latest: CalendarDate } | null): CaseSummary['ends'] {
  return p ? { earliest: formatCalendarDate(p.earliest), latest: formatCalendarDate(p.latest) } : undefined;
}

/** The case's open items, in the order the case holds them. */
export function agendaItems(c: CaseFile): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const d of c.deadlines) if (!d.done) items.push({ kind: 'deadline', id: d.id, date: d.date, title: d.title });
  for (const e of c.events) if (e.type === 'hearing' && e.date) items.push({ kind: 'hearing', id: e.id, date: e.date, title: e.title });
  for (const a of c.advocacy) {
    if (a.status !== 'closed' && a.nextFollowUp) items.push({ kind: 'followUp', id: a.id, date: a.nextFollowUp, title: a.target });
  }
  return items;
}
