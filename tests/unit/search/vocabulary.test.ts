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
