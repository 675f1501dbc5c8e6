import { describe, expect, it } from 'vitest';
import { CaseSearchIndex, runSearch } from '../../../electron/services/search';
import type { CaseFile } from '../../../shared/model';
import { SearchQuery } from '../../../shared/model/search';
import { ngo, prisoner } from './cases';

describe('runSearch: a SearchQuery with list filters', () => {
  const cases: CaseFile[] = [
    prisoner('Abishev One', { status: 'active', priority: 'urgent', tags: ['xinjiang'] }, 'p1'),
    prisoner('Abishev Two', { status: 'closed', priority: 'low', tags: [] }, 'p2'),
    ngo('Abishev Foundation', { status: 'active', priority: 'normal', tags: ['xinjiang'] }, 'n1'),
  ];
  const byId = new Map(cases.map((c) => [c.id, c]));
  const index = CaseSearchIndex.build(cases);
  const run = (q: object) => runSearch(index, SearchQuery.parse({ query: 'Abishev', ...q }), (id) => byId.get(id)).map((h) => h.id).sort();

  it('without filters finds all', () => {
    expect(run({})).toEqual(['n1', 'p1', 'p2']);
  });

  it.each([
    [{ kind: 'ngo_suspension' }, ['n1']],
    [{ status: 'active' }, ['n1', 'p1']],
    [{ priority: 'low' }, ['p2']],
    [{ tag: 'xinjiang' }, ['n1', 'p1']],
    [{ kind: 'political_prisoner', tag: 'xinjiang' }, ['p1']],
    [{ limit: 1 }, null],
  ])('%j', (filters, expected) => {
    const found = run(filters);
    if (expected) expect(found).toEqual(expected);
    else expect(found).toHaveLength(1);
  });
});
