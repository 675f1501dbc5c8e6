import type { CaseSummary } from '../../../shared/model';
import { daysSince, type CalendarDate, type DaysSince } from '../../../shared/text/dates';

// The case list's pure half: which rows pass the filters and in which order.

export const SORT_KEYS = ['name', 'kind', 'status', 'priority', 'region', 'situation', 'days', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export type Sort = { key: SortKey; dir: SortDir };

export type ListFilters = {
  text: string;
  kind?: CaseSummary['kind'];
  status?: CaseSummary['status'];
  priority?: CaseSummary['priority'];
  tag?: string;
};

export type CaseRow = {
  summary: CaseSummary;
  /** The person's or organisation's name (the first of `names`). */
  name: string;
  days: DaysSince | null;
  /** The detention or the measure is over (released; expired or overturned): its days no longer count. */
  over: boolean;
  /** The folded text the instant filter searches: title and every name. */
  haystack: string;
};

/** Statuses after which a person is no longer held, or an organisation no longer under the measure. */
const OVER: ReadonlySet<string> = new Set(['released', 'expired', 'overturned']);

/**
 * What the situation column says of a prisoner: the detention status, then the day of
 * release once released (never "since" a date long past), else the penalty in force
 * with its term in the court's units. Nothing for an NGO.
 */
export type PrisonerSituation = {
  detention?: NonNullable<CaseSummary['detentionStatus']>;
  releasedOn?: string;
  penalty?: { type: NonNullable<CaseSummary['penaltyType']>; term?: CaseSummary['penaltyTerm'] };
};

export function prisonerSituation(s: CaseSummary): PrisonerSituation | null {
  if (s.kind !== 'political_prisoner') return null;
  const out: PrisonerSituation = s.detentionStatus ? { detention: s.detentionStatus } : {};
  if (s.releasedOn) return { ...out, releasedOn: s.releasedOn };
  if (s.detentionStatus === 'released' || !s.penaltyType || s.penaltyType === 'none') return out;
  return { ...out, penalty: s.penaltyTerm ? { type: s.penaltyType, term: s.penaltyTerm } : { type: s.penaltyType } };
}

export function toRows(cases: readonly CaseSummary[], today: CalendarDate, fold: (s: string) => string): CaseRow[] {
  return cases.map((summary) => {
    // A recorded release ends the detention whatever the status says.
    const over = OVER.has(summary.detentionStatus ?? '') || OVER.has(summary.measureStatus ?? '') || summary.releasedOn !== undefined;
    return {
      summary,
      name: summary.names[0] ?? '',
      days: summary.since && !over ? daysSince(summary.since, today) : null,
      over,
      haystack: fold([summary.title, ...summary.names].join('\n')),
    };
  });
}

/** `compile` turns the filter text into a test on a row's folded text (see search.ts). */
export function filterRows(rows: readonly CaseRow[], filters: ListFilters, compile: (query: string) => (haystack: string) => boolean): CaseRow[] {
  const matches = compile(filters.text);
  return rows.filter(({ summary: s, haystack }) => {
    if (filters.kind && s.kind !== filters.kind) return false;
    if (filters.status && s.status !== filters.status) return false;
    if (filters.priority && s.priority !== filters.priority) return false;
    if (filters.tag && !s.tags.includes(filters.tag)) return false;
    return matches(haystack);
  });
}

const STATUS_ORDER = ['active', 'monitoring', 'resolved', 'closed'];
const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'];

export type SortLabels = {
  /** Displayed text for columns whose order follows what the user reads. */
  kind: (row: CaseRow) => string;
  situation: (row: CaseRow) => string;
  compare: (a: string, b: string) => number;
};

/**
 * Sorts a copy of the rows. Status and priority follow their natural order (urgent
 * before low), days numerically (unknown last either way), text by the locale's
 * collation; ties fall back to the most recently updated.
 */
export function sortRows(rows: readonly CaseRow[], sort: Sort, labels: SortLabels): CaseRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const cmp = (a: CaseRow, b: CaseRow): number => {
    switch (sort.key) {
      case 'name':
        return sign * labels.compare(a.name, b.name);
      case 'kind':
        return sign * labels.compare(labels.kind(a), labels.kind(b));
      case 'status':
        return sign * (STATUS_ORDER.indexOf(a.summary.status) - STATUS_ORDER.indexOf(b.summary.status));
      case 'priority':
        return sign * (PRIORITY_ORDER.indexOf(a.summary.priority) - PRIORITY_ORDER.indexOf(b.summary.priority));
      case 'region': {
        const ra = a.summary.region ?? '';
        const rb = b.summary.region ?? '';
        if (!ra !== !rb) return ra ? -1 : 1; // blanks last
        return sign * labels.compare(ra, rb);
      }
      case 'situation':
        return sign * labels.compare(labels.situation(a), labels.situation(b));
      case 'days': {
        if (!a.days !== !b.days) return a.days ? -1 : 1; // unknown last
        if (!a.days || !b.days) return 0;
        return sign * (a.days.days - b.days.days);
      }
      case 'updated':
        return sign * a.summary.updatedAt.localeCompare(b.summary.updatedAt);
    }
  };
  return [...rows].sort((a, b) => cmp(a, b) || b.summary.updatedAt.localeCompare(a.summary.updatedAt) || a.summary.id.localeCompare(b.summary.id));
}

/** Every tag in use, sorted, for the tag filter. */
export function allTags(cases: readonly CaseSummary[], compare: (a: string, b: string) => number): string[] {
  return [...new Set(cases.flatMap((c) => c.tags))].sort(compare);
}
