import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../electron/services/search/query';
import { SearchHit, SearchQuery } from '../../../shared/model/search';

describe('parseQuery', () => {
  it('normalises each word and drops repeats of one term', () => {
    expect(parseQuery('Tokayev Тоқаев').map((t) => t.forms[0])).toEqual(['tokaev']);
  });

  it('matches numbers exactly, words by prefix, and long words with a typo allowed', () => {
    const [num, short, long] = parseQuery('174 ab Abishev');
    expect(num).toMatchObject({ forms: ['174'], prefix: false, fuzzy: false });
    expect(short).toMatchObject({ prefix: true, fuzzy: false });
    expect(long).toMatchObject({ prefix: true, fuzzy: 0.2 });
    expect(parseQuery('SIZO1 x')[0]).toMatchObject({ prefix: true, fuzzy: false });
  });

  it('gives the last word its mid-typing form too', () => {
    expect(parseQuery('Tokay')[0]?.forms).toEqual(['tokai', 'toka']);
    expect(parseQuery('Tokay Abishev')[0]?.forms).toEqual(['tokai']);
  });

  it('searches an acronym under its key as well', () => {
    expect(parseQuery('KMBPCh')[0]?.forms).toEqual(['kmbpch', 'kmbpc']);
  });

  it('ignores signs and caps a pasted paragraph', () => {
    expect(parseQuery(' — «» ')).toEqual([]);
    const paragraph = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    expect(parseQuery(paragraph).length).toBeLessThanOrEqual(24);
  });
});

describe('SearchQuery and SearchHit schemas', () => {
  it('defaults the limit and keeps the filters', () => {
    expect(SearchQuery.parse({ query: 'Tokayev' })).toEqual({ query: 'Tokayev', limit: 50 });
    expect(SearchQuery.parse({ query: 'x', limit: 5, kind: 'ngo_suspension', status: 'active', priority: 'urgent', tag: 'xinjiang' }).tag).toBe('xinjiang');
  });

  it.each([
    [{ query: '' }],
    [{ query: 'x'.repeat(501) }],
    [{ query: 'x', limit: 0 }],
    [{ query: 'x', limit: 501 }],
    [{ query: 'x', limit: 1.5 }],
    [{ query: 'x', kind: 'other' }],
    [{ query: 'x', unknown: true }],
  ])('refuses %j', (input) => {
    expect(SearchQuery.safeParse(input).success).toBe(false);
  });

  it('refuses a hit with a backwards highlight or an unknown field', () => {
    const hit = { id: 'a', title: 't', kind: 'political_prisoner', score: 1, field: 'names', snippet: 'abc', highlights: [[0, 1]] };
    expect(SearchHit.safeParse(hit).success).toBe(true);
    expect(SearchHit.safeParse({ ...hit, highlights: [[2, 1]] }).success).toBe(false);
    expect(SearchHit.safeParse({ ...hit, field: 'lawyer' }).success).toBe(false);
  });
});
