import type { CaseSummary } from '../../../shared/model';
import { matchesCaseFilter, type CaseFilter } from '../../../shared/model/listFilter';
import { partialDateStart, type CalendarDate, type DaysSince } from '../../../shared/text/dates';
import { daysCount } from '../../../shared/text/daysCount';

// The case list's pure half: which rows pass the filters and in which order.

const SORT_KEYS = ['name', 'kind', 'status', 'priority', 'region', 'situation', 'days', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export type Sort = { key: SortKey; dir: SortDir };

/** The list's filters: the contract's (shared/model/listFilter.ts) and the instant text filter. */
export type ListFilters = CaseFilter & { text: string };

export type CaseRow = {
  summary: CaseSummary;
  /** The person's or organisation's name (the first of `names`). */
  name: string;
  days: DaysSince | null;
  /** The detention or the measure is over (released, term ended; expired, overturned or past its end): its days no longer count. */
  over: boolean;
  /** The folded text the instant filter searches: title and every name. */
  haystack: string;
};

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
    // The case view's rule (shared/text/daysCount.ts): the list shows only a running count.
    const count = daysCount(countInput(summary), today);
    const running = count.state === 'running' ? count.days : null;
    return {
      summary,
      name: summary.names[0] ?? '',
      days: running ? { days: running.days, approximate: running.precision !== 'day' } : null,
      over: count.state !== 'running',
      haystack: fold([summary.title, ...summary.names].join('\n')),
    };
  });
}

function countInput(s: CaseSummary) {
  const earliest = s.ends && partialDateStart(s.ends.earliest);
  const latest = s.ends && partialDateStart(s.ends.latest);
  return {
    kind: s.kind === 'political_prisoner' ? ('detention' as const) : ('measure' as const),
    since: s.since,
    releasedOn: s.releasedOn,
    detentionStatus: s.detentionStatus,
    measureStatus: s.measureStatus,
    ends: earliest && latest ? { earliest, latest } : null,
  };
}

/** `compile` turns the filter text into a test on a row's folded text (see search.ts). */
export function filterRows(rows: readonly CaseRow[], filters: ListFilters, compile: (query: string) => (haystack: string) => boolean): CaseRow[] {
  const matches = compile(filters.text);
  return rows.filter(({ summary, haystack }) => matchesCaseFilter(summary, filters) && matches(haystack));
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
