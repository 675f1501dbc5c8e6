import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../electron/services/search/vocabulary';
import { editDistance } from './oracle';

const term = fc.array(fc.constantFrom('a', 'b', 'k', 'o', 'z', 'ы'), { minLength: 1, maxLength: 7 }).map((a) => a.join(''));

function vocabularyOf(batches: string[][]): Vocabulary {
  const v = new Vocabulary();
  for (const batch of batches) {
    for (const t of batch) v.add(t);
    v.sort(); // sorted in several merges, as upserts do
  }
  return v;
}

describe('Vocabulary', () => {
  it('gives each term one id', () => {
    const v = new Vocabulary();
    expect(v.add('tokaev')).toBe(v.add('tokaev'));
    expect(v.get('tokaev')).toBe(0);
    expect(v.get('nothing')).toBeUndefined();
    expect(v.size).toBe(1);
  });

  it('finds exactly the longer terms starting with a prefix', () => {
    fc.assert(fc.property(fc.array(fc.array(term), { maxLength: 4 }), term, (batches, prefix) => {
      const v = vocabularyOf(batches);
      const found: string[] = [];
      v.forPrefix(prefix, (id) => found.push(v.term(id)));
      const expected = [...new Set(batches.flat())].filter((t) => t.startsWith(prefix) && t.length > prefix.length);
      expect(found.sort()).toEqual(expected.sort());
    }));
  });

  it('finds exactly the terms within the edit distance, with that distance', () => {
    fc.assert(fc.property(fc.array(fc.array(term), { maxLength: 4 }), term, fc.integer({ min: 1, max: 2 }), (batches, query, max) => {
      const v = vocabularyOf(batches);
      const found = new Map<string, number>();
      v.forFuzzy(query, max, (id, d) => found.set(v.term(id), d));
      const expected = new Map<string, number>();
      for (const t of new Set(batches.flat())) {
        const d = editDistance(t, query);
        if (d > 0 && d <= max) expected.set(t, d);
      }
      expect(found).toEqual(expected);
    }), { numRuns: 300 });
  });

  // The walk keeps only the diagonal band of the distance table and reads a packed copy of
  // the sorted terms: long words (a band far narrower than the query) must find the same.
  it('finds exactly the terms within the edit distance for long words too', () => {
    const long = fc.array(fc.constantFrom('a', 'b', 'k', 'ы'), { minLength: 1, maxLength: 14 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.array(fc.array(long), { maxLength: 3 }), long, fc.integer({ min: 1, max: 2 }), (batches, query, max) => {
      const v = vocabularyOf(batches);
      const found = new Map<string, number>();
      v.forFuzzy(query, max, (id, d) => found.set(v.term(id), d));
      const expected = new Map<string, number>();
      for (const t of new Set(batches.flat())) {
        const d = editDistance(t, query);
        if (d > 0 && d <= max) expected.set(t, d);
      }
      expect(found).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('a typo walk after new terms came in finds them (its packed copy follows the vocabulary)', () => {
    const v = vocabularyOf([['tokaev', 'abishev']]);
    const found = () => {
      const out: string[] = [];
      v.forFuzzy('tokayev', 2, (id) => out.push(v.term(id)));
      return out.sort();
    };
    expect(found()).toEqual(['tokaev']);
    v.add('tokaiev');
    v.add('tokayv');
    expect(found()).toEqual(['tokaev', 'tokaiev', 'tokayv']);
  });

  it('finds the terms sharing more than 255 letters with the one before', () => {
    const stem = 'k'.repeat(300);
    const v = vocabularyOf([[`${stem}ab`, `${stem}ba`, `${stem}abzz`, `${stem}b`, `${stem}bzzz`, 'kab']]);
    const found = new Map<string, number>();
    v.forFuzzy(`${stem}ab`, 2, (id, d) => found.set(v.term(id), d));
    expect(found).toEqual(new Map([[`${stem}ba`, 1], [`${stem}abzz`, 2], [`${stem}b`, 1]]));
  });

  it('remap keeps order and drops what it is told to', () => {
    const v = vocabularyOf([['b', 'a', 'c']]);
    const newId = new Int32Array([-1, 0, 1]); // drop 'b' (id 0), keep 'a' → 0, 'c' → 1
    const w = v.remap(newId, 2);
    const all: string[] = [];
    w.forPrefix('', (id) => all.push(w.term(id)));
    expect(all).toEqual(['a', 'c']);
    expect(w.get('b')).toBeUndefined();
  });
});
