import type { CaseSummary } from './summary';
import type { SearchQuery } from './search';

// The list filters (kind, status, priority, a tag) as one rule: cases.list, the search's
// narrowing and the window's instant filter all ask this, so a case the list shows for a
// filter is the case the search finds under it.

/** The filter fields cases.list and search.query share (both contract schemas carry them). */
export type CaseFilter = Pick<SearchQuery, 'kind' | 'status' | 'priority' | 'tag'>;

/** What a filter looks at: a case file and its summary both have these. */
export type Filterable = Pick<CaseSummary, 'kind' | 'status' | 'priority' | 'tags'>;

/** Whether any filter is set (an empty one lets every case through without asking). */
export function hasCaseFilter(f: CaseFilter): boolean {
  return f.kind !== undefined || f.status !== undefined || f.priority !== undefined || f.tag !== undefined;
}

/** Whether a case passes every filter that is set; an unset (or empty) one passes all. */
export function matchesCaseFilter(c: Filterable, f: CaseFilter): boolean {
  if (f.kind && c.kind !== f.kind) return false;
  if (f.status && c.status !== f.status) return false;
  if (f.priority && c.priority !== f.priority) return false;
  if (f.tag && !c.tags.includes(f.tag)) return false;
  return true;
}
