import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSearchIndex } from '../../../electron/services/search';
import type { CaseFile } from '../../../shared/model';
import { SearchHit } from '../../../shared/model/search';
import { prisoner } from './cases';
import { expectedIds, fieldMatches } from './oracle';

// A small, colliding vocabulary: spellings that fold together, near misses one
// edit apart, prefixes of each other, numbers and an acronym.
const WORDS = [
  'Tokayev', 'Тоқаев', 'Tokarev', 'Abishev', 'Әбішев', 'Abenov', 'Serik', 'Serikuly', 'Серікұлы',
  'Nurlan', 'Нұрсұлтан', 'court', 'courts', 'суд', 'сот', '174', '1740', '405', 'KMBPCh', 'КМБПЧ', 'Almaty', 'Алматы',
];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));
const draft = fc.record({ name: fc.constantFrom(...WORDS), summary: text, event: text, source: text, note: text });
type Draft = typeof draft extends fc.Arbitrary<infer T> ? T : never;

const toCase = (id: string, d: Draft): CaseFile =>
  prisoner(d.name, {
    summary: d.summary,
    events: d.event ? [{ date: '2020', type: 'other', title: d.event }] : [],
    sources: d.source ? [{ id: 's', title: 'source', kind: 'article', text: d.source }] : [],
    annotations: d.note ? [{ body: d.note }] : [],
  }, id);

const op = fc.oneof(
  fc.record({ kind: fc.constant('upsert' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), draft }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
  fc.record({ kind: fc.constant('compact' as const) }),
);
const query = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }).map((w) => w.join(' ')),
  fc.constantFrom(...WORDS).map((w) => w.slice(0, Math.max(1, w.length - 2))), // typed so far
  fc.constantFrom('Tokaeyv', 'Abishv', 'Nurlam', 'cuort'), // typos
);

describe('CaseSearchIndex agrees with a brute-force search', () => {
  it('after any sequence of builds, upserts, removes and compactions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), draft), { maxLength: 3 }), fc.array(op, { maxLength: 12 }), fc.array(query, { minLength: 1, maxLength: 4 }), (initial, ops, queries) => {
        const live = new Map<string, CaseFile>();
        for (const [id, d] of initial) live.set(id, toCase(id, d));
        const index = CaseSearchIndex.build(initial.map(([id, d]) => toCase(id, d)));
        for (const o of ops) {
          if (o.kind === 'upsert') {
            const c = toCase(o.id, o.draft);
            live.set(o.id, c);
            index.upsert(c);
          } else if (o.kind === 'remove') {
            expect(index.remove(o.id)).toBe(live.delete(o.id));
          } else index.compact();
        }
        expect(index.size).toBe(live.size);
        for (const q of queries) {
          const hits = index.search(q, { limit: 500 });
          expect(new Set(hits.map((h) => h.id))).toEqual(expectedIds(live.values(), q));
          for (const hit of hits) {
            expect(SearchHit.safeParse(hit).success).toBe(true);
            expect(fieldMatches(live.get(hit.id)!, hit.field, q)).toBe(true);
            expect(hit.highlights.length).toBeGreaterThan(0);
            for (const [a, b] of hit.highlights) expect(hit.snippet.slice(a, b)).toMatch(/^[\p{L}\p{N}]+$/u);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
