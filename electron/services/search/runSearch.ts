import type { CaseFile } from '../../../shared/model';
import type { SearchHit, SearchQuery } from '../../../shared/model/search';
import type { CaseLookup, CaseSearchIndex } from './caseSearchIndex';

/** Whether a case passes the list filters of a query (the same tests as cases.list). */
export function matchesFilters(c: CaseFile, q: Omit<SearchQuery, 'query' | 'limit'>): boolean {
  if (q.kind && c.kind !== q.kind) return false;
  if (q.status && c.status !== q.status) return false;
  if (q.priority && c.priority !== q.priority) return false;
  if (q.tag && !c.tags.includes(q.tag)) return false;
  return true;
}

/** Answers a validated SearchQuery: the text search narrowed by its list filters. */
export function runSearch(index: CaseSearchIndex, q: SearchQuery, getCase: CaseLookup): SearchHit[] {
  const filtered = q.kind !== undefined || q.status !== undefined || q.priority !== undefined || q.tag !== undefined;
  const filter = filtered
    ? (id: string) => {
        const c = getCase(id);
        return c !== undefined && matchesFilters(c, q);
      }
    : undefined;
  return index.search(q.query, { limit: q.limit, ...(filter ? { filter } : {}) });
}
