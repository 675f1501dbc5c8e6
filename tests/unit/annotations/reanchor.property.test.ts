import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotationStates, reanchorCase, type Annotation, type Source } from '../../../shared/model';
import { makeTarget } from '../../../shared/text/anchor';
import { quoteEdges, sameUpToWhitespace, splitsWord } from '../../../shared/text/anchorWords';

// Whatever is done to a source's text, saving never rewrites the words a lawyer
// annotated, except to respell their whitespace; an annotation the app still calls
// anchored holds those very words; and a found passage never begins or ends inside
// a word when the annotated one did not.

const VOCABULARY = [
  'суд', 'отклонил', 'ходатайство', 'защиты', 'Қасым-Жомарт', 'Тоқаев', 'Әділет', 'Өтініш', 'Үкімет', 'бостандығынан',
  'жылға', 'екі', 'семи', 'годам', 'статья', '174', '2022', 'January', 'sentenced', 'acquitted', 'seven', 'years', 'colony',
  '«показательный»', '—', '🙂',
];
const SEPARATORS = [' ', ' ', ', ', '. ', '\n'];
const LETTERS = ['а', 'о', 'Қ', 'ү', 'e', 'x', '1', '7', ' ', '-'];

const doc = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), { minLength: 6, maxLength: 40 })
  .map((pairs) => {
    let text = '';
    const words: [number, number][] = [];
    pairs.forEach(([w, sep], i) => {
      if (i > 0) text += sep;
      words.push([text.length, text.length + w.length]);
      text += w;
    });
    return { text, words };
  });

type Edit =
  | { kind: 'insert'; at: number; words: string[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; letter: string }
  | { kind: 'reflow'; spaces: string[] };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), words: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), letter: fc.constantFrom(...LETTERS) }),
  fc.record({ kind: fc.constant('reflow' as const), spaces: fc.array(fc.constantFrom(' ', '  ', '\n', '\u00a0', '\t'), { minLength: 1, maxLength: 8 }) }),
);

/** Offsets between whole characters (never inside a surrogate pair). */
function boundaries(text: string): number[] {
  const out = [0];
  let i = 0;
  for (const ch of text) out.push((i += ch.length));
  return out;
}

function apply(text: string, e: Edit): string {
  const b = boundaries(text);
  const pick = (n: number) => b[n % b.length]!;
  switch (e.kind) {
    case 'insert': {
      const at = pick(e.at);
      return `${text.slice(0, at)} ${e.words.join(' ')} ${text.slice(at)}`;
    }
    case 'delete': {
      const at = pick(e.at);
      const to = b.find((x) => x >= at + e.length) ?? text.length;
      return text.slice(0, at) + text.slice(to);
    }
    case 'replace': {
      const at = b[e.at % Math.max(1, b.length - 1)]!;
      const next = b.find((x) => x > at) ?? text.length;
      return text.slice(0, at) + e.letter + text.slice(next);
    }
    case 'reflow': {
      let n = 0;
      return text.replace(/\s+/g, () => e.spaces[n++ % e.spaces.length]!);
    }
  }
}

function caseOf(text: string, annotation: Annotation) {
  const source = { id: 's1', title: 'Source', kind: 'article', text, sha256: '0'.repeat(64) } as Source;
  return { sources: [source], annotations: [annotation] };
}

describe('reanchorCase', () => {
  it('never alters the annotated words except in their whitespace, and anchored means those words', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.integer({ min: 1, max: 4 }), fc.array(edit, { minLength: 1, maxLength: 3 }), ({ text, words }, first, count, edits) => {
        const i = first % words.length;
        const j = Math.min(words.length - 1, i + count - 1);
        const [start] = words[i]!;
        const [, end] = words[j]!;
        const target = makeTarget(text, start, end);
        const annotation: Annotation = { id: 'a1', sourceId: 's1', target, body: 'note', tags: [], confidential: false };
        const edited = edits.reduce(apply, text);

        const saved = reanchorCase(caseOf(edited, annotation));
        const after = saved.annotations[0]!.target!;
        const [state] = annotationStates(saved);

        if (after.quote.exact !== target.quote.exact) {
          expect(sameUpToWhitespace(after.quote.exact, target.quote.exact)).toBe(true);
          expect(state!.status).toBe('anchored');
        }
        if (state!.status === 'anchored') {
          expect(sameUpToWhitespace(edited.slice(state!.start, state!.end), target.quote.exact)).toBe(true);
        }
        if (state!.status === 'changed') {
          expect(after.quote).toEqual(target.quote); // exact, prefix and suffix as annotated
          expect(state!.currentText).toBe(edited.slice(state!.start, state!.end));
        }
        if (state!.status === 'orphaned') expect(after).toEqual(target);
        if (state!.status === 'anchored' || state!.status === 'changed') {
          // The annotated words were whole words: what is found is whole words too.
          const edges = quoteEdges(target.quote.exact, target.quote.prefix ?? '', target.quote.suffix ?? '');
          if (edges.start) expect(splitsWord(edited, state!.start!)).toBe(false);
          if (edges.end) expect(splitsWord(edited, state!.end!)).toBe(false);
        }
        // Saving again changes nothing more.
        expect(reanchorCase(saved)).toBe(saved);
      }),
      { numRuns: 600 },
    );
  });
});
