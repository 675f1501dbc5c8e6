import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationTarget } from '../../../shared/model/parts';
import { anchor, makeTarget } from '../../../shared/text/anchor';

// Properties of choosing among repeats of an exact quote. Each occurrence stands among
// words shared by all of them right next to the quote (the endings and boilerplate
// that repeat in verdicts) and words of its own further out. One character of the
// stored context is then edited, on the prefix side or on the suffix side: the note
// must land on its own occurrence either way, or, where the occurrences cannot be
// told apart, on none.

const VOCABULARY = [
  'суд', 'отклонил', 'ходатайство', 'защиты', 'жалобу', 'Верховный', 'Районный', 'Серікұлы', 'Қасым-Жомарт', 'Тоқаев',
  'Әділет', 'Өтініш', 'Үкіметке', 'Ұлттық', 'Ғылым', 'Һ-қор', 'Іс', 'Ң-тізім', 'статья', '174', 'ICCPR', 'Human', 'Rights',
  'everything', 'nothing', 'before', 'us', 'протокол', 'мәлімдеме',
];
const word = fc.constantFrom(...VOCABULARY);
const phrase = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));

/** Edits a typist or an importer makes: a hyphen put in, a Kazakh letter typed as its Russian look-alike, a letter lost. */
const LOOKALIKE: Record<string, string> = { Қ: 'К', қ: 'к', Ө: 'О', ө: 'о', Ү: 'У', ү: 'у', Ұ: 'У', ұ: 'у', Ә: 'А', ә: 'а', Ғ: 'Г', ғ: 'г', Ң: 'Н', ң: 'н', І: 'I', і: 'и', Һ: 'Х', һ: 'х', е: 'и', о: 'а', e: 'i', o: 'u' };
type Edit = { kind: 'hyphen' | 'lookalike' | 'delete'; at: number };
const edit = fc.record({ kind: fc.constantFrom<Edit['kind']>('hyphen', 'lookalike', 'delete'), at: fc.nat() });

/** The context with one edit applied, or undefined when that edit does not apply at that place. */
function applyEdit(context: string, e: Edit): string | undefined {
  if (context.length === 0) return undefined;
  const i = e.at % context.length;
  if (e.kind === 'hyphen') return context.slice(0, i) + '-' + context.slice(i);
  if (e.kind === 'delete') return context.slice(0, i) + context.slice(i + 1);
  const swapped = LOOKALIKE[context[i]!];
  return swapped === undefined ? undefined : context.slice(0, i) + swapped + context.slice(i + 1);
}

/** Levenshtein from `context` to the best stretch of text that ends at `at` ('before') or begins there ('after'): the far end is free. A plain dynamic programme, as an oracle. */
function freeEndDistance(text: string, at: number, context: string, side: 'before' | 'after'): number {
  const reach = context.length * 2 + 4;
  // Spreading a string splits it into code points (oxlint takes slice() for an array's).
  // oxlint-disable-next-line unicorn/no-useless-spread
  const stretch = side === 'before' ? [...text.slice(Math.max(0, at - reach), at)].reverse() : [...text.slice(at, at + reach)];
  const pattern = side === 'before' ? [...context].reverse() : [...context];
  let prev = Array.from({ length: stretch.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i++) {
    const cur = [i];
    for (let j = 1; j <= stretch.length; j++) cur.push(Math.min(prev[j - 1]! + (pattern[i - 1] === stretch[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1));
    prev = cur;
  }
  return Math.min(...prev);
}

function occurrences(text: string, s: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}

/** Text with the quote two or three times, each among shared words next to it and its own words further out. */
const repeats = fc
  .record({
    quote: phrase(1, 3),
    sharedBefore: phrase(1, 3),
    sharedAfter: phrase(1, 3),
    own: fc.array(fc.tuple(phrase(4, 8), phrase(4, 8)), { minLength: 2, maxLength: 3 }),
    filler: phrase(3, 6),
  })
  .map(({ quote, sharedBefore, sharedAfter, own, filler }) => {
    const text = own.map(([before, after]) => `${filler}. ${before} ${sharedBefore} ${quote} ${sharedAfter} ${after}.`).join('\n');
    return { text, quote, count: own.length };
  });

describe('choosing among repeats by context, both sides', () => {
  it('one edit to the prefix, or the same edit to the suffix, lands on the note’s own occurrence', () => {
    fc.assert(
      fc.property(repeats, fc.nat(), edit, ({ text, quote, count }, pick, e) => {
        const at = occurrences(text, quote);
        fc.pre(at.length === count);
        const k = pick % count;
        const own = makeTarget(text, at[k]!, at[k]! + quote.length);
        const prefix = own.quote.prefix!;
        const suffix = own.quote.suffix!;
        for (const side of ['before', 'after'] as const) {
          const edited = applyEdit(side === 'before' ? prefix : suffix, e);
          if (edited === undefined) continue;
          const target: AnnotationTarget = { quote: side === 'before' ? { exact: quote, prefix: edited, suffix } : { exact: quote, prefix, suffix: edited } };
          // The oracle's cost of each occurrence: edits from the stored context to its surroundings.
          const cost = at.map((i) => freeEndDistance(text, i, target.quote.prefix!, 'before') + freeEndDistance(text, i + quote.length, target.quote.suffix!, 'after'));
          // Only where the note's own occurrence is clearly the closest does the property claim
          // anything: a lead of three edits, plus one for whitespace at the joint, which the
          // anchoring does not count and this oracle does.
          if (!cost.every((c, i) => i === k || c >= cost[k]! + 4)) continue;
          expect({ side, result: anchor(text, target) }).toMatchObject({ side, result: { status: 'anchored', start: at[k], method: 'quote' } });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('occurrences that cannot be told apart are never guessed: orphaned without a position, the nearest with one', () => {
    fc.assert(
      fc.property(phrase(6, 10), phrase(1, 3), phrase(6, 10), phrase(2, 5), fc.nat(), edit, fc.boolean(), (before, quote, after, between, pick, e, onPrefix) => {
        // The same sentence twice, with more than the comparison reaches of it on either side.
        const sentence = `${before} ${quote} ${after}`;
        fc.pre(before.length >= 64 && after.length >= 64);
        const text = `${sentence}. ${between}. ${sentence}.`;
        const at = occurrences(text, ` ${quote} `).map((i) => i + 1);
        fc.pre(at.length === 2 && occurrences(text, quote).length === 2);
        const k = pick % 2;
        const own = makeTarget(text, at[k]!, at[k]! + quote.length);
        const edited = applyEdit(onPrefix ? own.quote.prefix! : own.quote.suffix!, e);
        fc.pre(edited !== undefined);
        const quoteSel = onPrefix ? { ...own.quote, prefix: edited } : { ...own.quote, suffix: edited };
        expect(anchor(text, { quote: quoteSel })).toMatchObject({ status: 'orphaned', cause: 'ambiguous' });
        // A position settles an exact tie, as it always did for identical boilerplate.
        const shifted = 'Дополнено. ' + text;
        expect(anchor(shifted, { quote: quoteSel, position: own.position! })).toMatchObject({ status: 'anchored', start: at[k]! + 11 });
      }),
      { numRuns: 200 },
    );
  });
});
