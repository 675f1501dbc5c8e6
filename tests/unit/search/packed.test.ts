import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSearchIndex } from '../../../electron/services/search';
import { decodeIndex, encodeIndex, snapshotIndex } from '../../../electron/services/search/persistedIndex';
import type { DocFile } from '../../../electron/services/search/indexTypes';
import { BulkPostings, encodeEntry, Postings } from '../../../electron/services/search/postings';
import type { CaseFile } from '../../../shared/model';
import { makeCase } from './cases';

// The packed index and its saved copy: what a load reads back is the index that was
// saved, dead documents and unpacked entries included, and an index kept up to date
// through many edits and saves answers exactly as one built from scratch.

const NAMES = ['Tokayev', 'Тоқаев', 'Sadykova', 'Садыкова', 'Serikuly', 'Серікұлы', 'Abdirakhmanova', 'Әбдірахманова', 'Nurlan', 'Утепов'];
const WORDS = ['letter', 'detained', 'Almaty', 'Шымкент', 'Atyrau', 'press', 'secretary', 'protest', 'блогер', 'суд', 'extremism', 'appeal', '174', '274', 'Oral'];

const text = (picks: number[], from: readonly string[]) => picks.map((k) => from[k % from.length]).join(' ');

type Spec = { slot: number; name: number; words: number[]; confidentialNote: boolean };

function caseOf(spec: Spec, rev: number): CaseFile {
  const name = NAMES[spec.name % NAMES.length]!;
  return makeCase({
    kind: 'political_prisoner',
    title: `${name} — ${text(spec.words.slice(0, 2), WORDS)}`,
    summary: text(spec.words, WORDS),
    person: { name, aliases: [NAMES[(spec.name + 1) % NAMES.length]!] },
    charges: [{ article: String(174 + (spec.words[0] ?? 0) % 3), code: 'Criminal Code' }],
    annotations: [{ body: text(spec.words.slice(1), WORDS), confidential: spec.confidentialNote }],
  }, `case-${spec.slot}`, rev);
}

const spec = fc.record({ slot: fc.nat(11), name: fc.nat(20), words: fc.array(fc.nat(40), { minLength: 1, maxLength: 12 }), confidentialNote: fc.boolean() });
const edit = fc.oneof(spec.map((s) => ({ type: 'upsert' as const, spec: s })), fc.nat(11).map((slot) => ({ type: 'remove' as const, slot })), fc.constant({ type: 'save' as const }));
const QUERIES = ['Tokayev', 'Тоқаев', 'Sadyk', 'Серикулы', 'Абдирахманова', 'Shymkent', 'letter press', 'блогер суд', 'Atyrau', 'secretery', '174', 'Oral appeal'];

const fileOf = (c: CaseFile): DocFile => ({ mtimeMs: 1767225600000.5 + c.rev, size: c.id.length, ctimeMs: 2, ino: 2 ** 40 + c.rev, rev: c.rev });

/** An index as the search service builds one: each case with the state of its file. */
function build(cases: Iterable<CaseFile>): CaseSearchIndex {
  const bulk = CaseSearchIndex.bulk({ keepShortFieldsOnly: true });
  for (const c of cases) bulk.add(c, fileOf(c));
  return bulk.finish();
}

async function saveAndLoad(index: CaseSearchIndex): Promise<CaseSearchIndex> {
  const snapshot = snapshotIndex(index);
  expect(snapshot).not.toBeNull();
  const loaded = await decodeIndex(await encodeIndex(snapshot!), { copy: false });
  expect(loaded).not.toBeNull();
  return loaded!;
}

/** What a query finds, comparable across indexes whose term and document numbers differ. */
function answers(index: CaseSearchIndex, query: string) {
  const { hits, reached } = index.searchRaw(query, { limit: 1000 });
  return hits
    .map((h) => ({ id: h.id, field: h.field, score: Math.round(h.score * 1e6), hit: index.keepsField(h) ? index.completeHit(h, reached) : 'from the case' }))
    .map(({ hit, ...rest }) => ({ ...rest, hit: typeof hit === 'string' ? hit : hit && { ...hit, score: 0 } }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('the packed search index', () => {
  it('after any edits and saves answers as one built from scratch over the same cases', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { maxLength: 8 }), fc.array(edit, { maxLength: 25 }), async (initial, edits) => {
        const cases = new Map<string, CaseFile>();
        let rev = 1;
        for (const s of initial) cases.set(`case-${s.slot}`, caseOf(s, rev++));
        let index = build(cases.values());
        for (const e of edits) {
          if (e.type === 'upsert') {
            const c = caseOf(e.spec, rev++);
            cases.set(c.id, c);
            index.upsert(c, fileOf(c));
          } else if (e.type === 'remove') {
            expect(index.remove(`case-${e.slot}`)).toBe(cases.delete(`case-${e.slot}`));
          } else index = await saveAndLoad(index);
        }
        index = await saveAndLoad(index);
        const fresh = build(cases.values());
        expect(index.size).toBe(cases.size);
        expect(index.ids().sort()).toEqual([...cases.keys()].sort());
        for (const c of cases.values()) expect(index.fileOf(c.id)).toEqual(fileOf(c));
        for (const q of QUERIES) expect(answers(index, q), q).toEqual(answers(fresh, q));
      }),
      { numRuns: 60 },
    );
  });

  it('a snapshot is what the index was when it was taken, whatever changes while it is written', async () => {
    const a = caseOf({ slot: 1, name: 0, words: [2, 3], confidentialNote: false }, 1);
    const b = caseOf({ slot: 2, name: 2, words: [5, 6], confidentialNote: true }, 1);
    const index = build([a, b]);
    const before = QUERIES.map((q) => answers(index, q));
    const snapshot = snapshotIndex(index)!;
    index.remove(a.id);
    const b2 = caseOf({ slot: 2, name: 4, words: [7], confidentialNote: false }, 2);
    index.upsert(b2, fileOf(b2));
    for (let i = 0; i < 300; i++) index.upsert(caseOf({ slot: 3 + (i % 5), name: i, words: [i, i + 1], confidentialNote: false }, 1)); // compactions too
    const loaded = await decodeIndex(await encodeIndex(snapshot), { copy: false });
    expect(QUERIES.map((q) => answers(loaded!, q))).toEqual(before);
    expect(loaded!.fileOf(a.id)).toEqual(fileOf(a));
    expect(loaded!.fileOf(b.id)).toEqual(fileOf(b));
  });

  it('is written and read a piece at a time, the event loop turning in between', async () => {
    const cases = Array.from({ length: 400 }, (_, i) => caseOf({ slot: i, name: i, words: Array.from({ length: 12 }, (_, k) => i * 7 + k), confidentialNote: i % 2 === 0 }, 1));
    const index = build(cases);
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const bytes = await encodeIndex(snapshotIndex(index)!, { chunk: 1024 });
    const written = turns;
    const loaded = await decodeIndex(bytes, { copy: true, chunk: 1024 });
    ticking = false;
    expect(bytes.length).toBeGreaterThan(16 * 1024);
    expect(written).toBeGreaterThan(bytes.length / 1024 / 2);
    expect(turns - written).toBeGreaterThan(bytes.length / 1024 / 2);
    for (const q of QUERIES) expect(answers(loaded!, q)).toEqual(answers(index, q));
  });

  it('loads with more terms than a call takes arguments (the saved index was refused past ~120,000)', async () => {
    const word = (i: number) => `w${i.toString(36)}x`; // ~190,000 distinct terms once folded
    const words = Array.from({ length: 260_000 }, (_, i) => word(i));
    const c = makeCase({ kind: 'political_prisoner', title: 'Many words', person: { name: 'Zhanar Kaliyeva', aliases: [] }, sources: [{ title: 'long', kind: 'article', text: words.join(' ') }] }, 'many', 1);
    const index = build([c]);
    expect(index.stats.terms).toBeGreaterThan(180_000);
    const loaded = await saveAndLoad(index);
    expect(loaded.searchRaw(word(259_999)).hits.map((h) => h.id)).toEqual(['many']);
    expect(loaded.searchRaw('Kaliyeva').hits.map((h) => h.id)).toEqual(['many']);
  });

  it('is not saved while a live case lacks the state of its file (it could not be checked at the next open)', () => {
    const c = caseOf({ slot: 1, name: 1, words: [1], confidentialNote: false }, 1);
    const index = CaseSearchIndex.build([c], { keepShortFieldsOnly: true });
    expect(snapshotIndex(index)).toBeNull();
    index.upsert(c, fileOf(c));
    expect(snapshotIndex(index)).not.toBeNull();
  });
});

describe('packed postings', () => {
  it('a bulk build packed in many segments holds every entry, in document order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.nat(30), fc.nat(8), fc.integer({ min: 1, max: 40 })), { maxLength: 20 }), { maxLength: 60 }), fc.nat(3000), (docs, skip) => {
        const bulk = new BulkPostings(7); // a segment every few entries
        const expected = new Map<number, number[]>();
        docs.forEach((entries, i) => {
          const doc = i * (1 + skip); // gaps of every size, up to several varint bytes
          const seen = new Set<string>();
          for (const [term, field, tf] of entries) {
            if (seen.has(`${term}/${field}`)) continue;
            seen.add(`${term}/${field}`);
            bulk.push(term, encodeEntry(doc, field, tf));
            expected.set(term, [...(expected.get(term) ?? []), encodeEntry(doc, field, tf)]);
          }
        });
        const postings: Postings = bulk.finish(31);
        for (let t = 0; t < 31; t++) {
          const got: number[] = [];
          postings.forEach(t, (e) => got.push(e));
          expect(got).toEqual(expected.get(t) ?? []);
        }
      }),
    );
  });
});
