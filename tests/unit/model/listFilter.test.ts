import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../shared/model';
import { hasCaseFilter, matchesCaseFilter, type CaseFilter } from '../../../shared/model/listFilter';
import { filterRows, toRows } from '../../../renderer/features/list/listModel';
import { compileQuery, searchFold } from '../../../renderer/features/list/search';

// One rule for cases.list, search.query's narrowing and the window's list: a table of
// filters and the cases each lets through, asked of the rule and of the window's list.

const base = { status: 'active', priority: 'normal', tags: [] as string[], rev: 1, names: [] as string[], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } as const;
const cases: CaseSummary[] = [
  { ...base, id: 'p1', kind: 'political_prisoner', title: 'P1', priority: 'urgent', tags: ['blogger', 'journalist'] },
  { ...base, id: 'p2', kind: 'political_prisoner', title: 'P2', status: 'monitoring', tags: ['blogger'] },
  { ...base, id: 'n1', kind: 'ngo_suspension', title: 'N1', status: 'closed', priority: 'low' },
  { ...base, id: 'n2', kind: 'ngo_suspension', title: 'N2', tags: ['Blogger'] },
];

const TABLE: ReadonlyArray<[string, CaseFilter, string[]]> = [
  ['no filter', {}, ['p1', 'p2', 'n1', 'n2']],
  ['kind', { kind: 'ngo_suspension' }, ['n1', 'n2']],
  ['status', { status: 'monitoring' }, ['p2']],
  ['priority', { priority: 'urgent' }, ['p1']],
  ['tag, exact and case-sensitive', { tag: 'blogger' }, ['p1', 'p2']],
  ['a tag no case has', { tag: 'blog' }, []],
  ['an empty tag is no filter', { tag: '' }, ['p1', 'p2', 'n1', 'n2']],
  ['kind and status together', { kind: 'political_prisoner', status: 'active' }, ['p1']],
  ['all four at once', { kind: 'political_prisoner', status: 'active', priority: 'urgent', tag: 'journalist' }, ['p1']],
  ['filters no case meets together', { kind: 'ngo_suspension', tag: 'journalist' }, []],
];

describe('matchesCaseFilter: the list filters in one place', () => {
  it.each(TABLE)('%s', (_, filter, expected) => {
    expect(cases.filter((c) => matchesCaseFilter(c, filter)).map((c) => c.id)).toEqual(expected);
  });

  it.each(TABLE)("the window's list agrees: %s", (_, filter, expected) => {
    const rows = filterRows(toRows(cases, { year: 2026, month: 1, day: 2 }, searchFold), { text: '', ...filter }, compileQuery);
    expect(rows.map((r) => r.summary.id)).toEqual(expected);
  });

  it('says whether any filter is set', () => {
    expect(hasCaseFilter({})).toBe(false);
    expect(hasCaseFilter({ kind: undefined })).toBe(false);
    expect(hasCaseFilter({ status: 'closed' })).toBe(true);
    expect(hasCaseFilter({ tag: 'x' })).toBe(true);
  });
});
