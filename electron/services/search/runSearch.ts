import { hasCaseFilter, matchesCaseFilter } from '../../../shared/model/listFilter';
import type { SearchHit, SearchQuery } from '../../../shared/model/search';
import type { CaseLookup, CaseSearchIndex } from './caseSearchIndex';

/** Answers a validated SearchQuery: the text search narrowed by its list filters. */
export function runSearch(index: CaseSearchIndex, q: SearchQuery, getCase: CaseLookup): SearchHit[] {
  const filtered = hasCaseFilter(q);
  const filter = filtered
    ? (id: string) => {
        const c = getCase(id);
        return c !== undefined && matchesCaseFilter(c, q);
      }
    : undefined;
  return index.search(q.query, { limit: q.limit, ...(filter ? { filter } : {}) });
}
