import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchoredDistances, contextDistance, contextMeter, findApproxMatches } from '../../../shared/text/anchorApprox';
import { foldWhitespace } from '../../../shared/text/anchorFold';

// The bit-parallel matcher is checked against the textbook dynamic programme it
// replaces, on patterns that span one, two and several 32-row blocks.

/** dp[j]: edit distance from pattern to the best substring of text ending at j (free start unless anchored). */
function naive(text: string, pattern: string, anchored: boolean): number[] {
  const m = pattern.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  const out = [m];
  for (let j = 1; j <= text.length; j++) {
    const cur = [anchored ? j : 0];
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1));
    }
    out.push(cur[m]!);
    prev = cur;
  }
  return out;
}

const letter = fc.constantFrom('a', 'b', 'c', 'Қ', 'ө', ' ');
const pattern = fc.string({ unit: letter, minLength: 1, maxLength: 100, size: 'max' });

/** A text that holds a lightly edited copy of the pattern, so matches (and negative carries between blocks) happen. */
const textAround = (pat: string) =>
  fc
    .record({
      left: fc.string({ unit: letter, maxLength: 60, size: 'max' }),
      right: fc.string({ unit: letter, maxLength: 60, size: 'max' }),
      edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom('del', 'ins', 'sub'), letter), { maxLength: 6 }),
    })
    .map(({ left, right, edits }) => {
      let copy = pat;
      for (const [at, op, ch] of edits) {
        const i = at % (copy.length + 1);
        copy = op === 'del' ? copy.slice(0, i) + copy.slice(i + 1) : op === 'ins' ? copy.slice(0, i) + ch + copy.slice(i) : copy.slice(0, i) + ch + copy.slice(i + 1);
      }
      return left + copy + right;
    });
const pair = pattern.chain((pat) => fc.tuple(fc.oneof(textAround(pat), fc.string({ unit: letter, maxLength: 160, size: 'max' })), fc.constant(pat)));

describe('anchoredDistances', () => {
  it('equals the plain edit distance of the pattern to every prefix of the text', () => {
    fc.assert(
      fc.property(pair, ([text, pat]) => {
        expect(Array.from(anchoredDistances(text, pat, 0, text.length))).toEqual(naive(text, pat, true));
      }),
      { numRuns: 400 },
    );
  });

  it('respects the from offset', () => {
    expect(Array.from(anchoredDistances('xxabc', 'abc', 2, 5))).toEqual([3, 2, 1, 0]);
  });
});

describe('findApproxMatches', () => {
  it('reports exactly the clusters of ends a naive search finds, each with a start that achieves its distance', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 0, max: 12 }), ([text, pat], k) => {
        const found = findApproxMatches(text, pat, k);
        const kk = Math.min(k, pat.length - 1);
        const dist = naive(text, pat, false);
        if (kk === 0) {
          const expected: number[] = [];
          for (let i = text.indexOf(pat); i !== -1; i = text.indexOf(pat, i + 1)) expected.push(i);
          expect(found.map((f) => f.start)).toEqual(expected);
          return;
        }
        // Every reported end is a minimum of its run of ends within kk.
        const runs: number[][] = [];
        for (let j = 1; j <= text.length; j++) {
          if (dist[j]! > kk) continue;
          const run = runs[runs.length - 1];
          if (run && run[run.length - 1] === j - 1) run.push(j);
          else runs.push([j]);
        }
        expect(found.length).toBe(runs.length);
        found.forEach((f, r) => {
          const run = runs[r]!;
          const min = Math.min(...run.map((j) => dist[j]!));
          expect(f.errors).toBe(min);
          expect(run).toContain(f.end);
          expect(dist[f.end]).toBe(min);
          // The start really gives a substring at that distance.
          expect(naive(text.slice(f.start, f.end), pat, true).at(-1)).toBe(f.errors);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('finds a long quote with typos in a long text', () => {
    const quote = 'Суд постановил признать Қасым-Жомарт Тоқаев виновным в совершении правонарушения. '.repeat(3);
    const typo = quote.replace('постановил', 'постоновил').replace('виновным', 'виновнам');
    const text = 'Начало. '.repeat(500) + typo + ' Конец. '.repeat(500);
    const found = findApproxMatches(text, quote, Math.floor(quote.length * 0.15));
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(typo);
    expect(found[0]!.errors).toBe(2);
  });
});

describe('findApproxMatches with a limit', () => {
  it('stops after limit + 1 matches, the same first ones it finds without a limit', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), ([text, pat], k, limit) => {
        const all = findApproxMatches(text, pat, k);
        const some = findApproxMatches(text, pat, k, limit);
        expect(some).toEqual(all.slice(0, limit + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('contextMeter', () => {
  /** Fewest edits from context to a stretch of text that ends at `at` ('before') or begins there ('after'), the far end free and within reach. */
  function naiveContext(text: string, at: number, context: string, direction: 'before' | 'after'): number {
    const reach = context.length + Math.ceil(context.length / 2) + 2;
    // Spreading a string splits it into code points (oxlint takes slice() for an array's).
    // oxlint-disable-next-line unicorn/no-useless-spread
    const stretch = direction === 'after' ? text.slice(at, at + reach) : [...text.slice(Math.max(0, at - reach), at)].reverse().join('');
    const pat = direction === 'after' ? context : [...context].reverse().join('');
    return Math.min(...naive(stretch, pat, true));
  }

  it('measures every place as the plain dynamic programme does, before and after, one block or several, one meter reused', () => {
    const context = fc.string({ unit: letter, minLength: 1, maxLength: 70, size: 'max' });
    fc.assert(
      fc.property(context, fc.string({ unit: letter, maxLength: 160, size: 'max' }), fc.constantFrom<'before' | 'after'>('before', 'after'), (ctx, text, direction) => {
        const meter = contextMeter(ctx, direction);
        for (let at = 0; at <= text.length; at += 7) {
          const expected = naiveContext(text, at, ctx, direction);
          expect(meter(text, at)).toBe(expected);
          expect(contextDistance(text, at, ctx, direction)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('contextDistance', () => {
  it('anchors the context at the quote and leaves the far end free', () => {
    const text = 'новый текст. Районный суд решил';
    const at = text.indexOf('решил');
    expect(contextDistance(text, at, 'Районный суд ', 'before')).toBe(0);
    expect(contextDistance(text, at, 'Районный сад ', 'before')).toBe(1);
    // A stretch not touching the quote is not a match.
    expect(contextDistance(text, at, 'новый текст.', 'before')).toBeGreaterThan(6);
    expect(contextDistance(text, 0, 'новый', 'after')).toBe(0);
    expect(contextDistance(text, text.length, 'что-то', 'after')).toBe(6);
    expect(contextDistance(text, 0, 'что-то', 'before')).toBe(6);
  });
});

describe('foldWhitespace', () => {
  it('folds whitespace runs to one space, drops soft hyphens, and maps every unit back', () => {
    const f = foldWhitespace('Суд\r\n  отклонил\u00a0\tходатай\u00adство 🙂\u200b!');
    expect(f.text).toBe('Суд отклонил ходатайство 🙂!');
    const original = 'Суд\r\n  отклонил\u00a0\tходатай\u00adство 🙂\u200b!';
    for (let i = 0; i < f.text.length; i++) {
      const stretch = original.slice(f.starts[i], f.ends[i]);
      if (f.text[i] === ' ') expect(stretch.trim().replace(/[\u00ad\u200b]/g, '')).toBe('');
      else expect(stretch).toBe(f.text[i]);
    }
    expect(original.slice(f.starts[4], f.ends[11])).toBe('отклонил');
  });

  it('never loses a visible character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Қ', ' ', '\n', '\t', '\u00ad', '\u200b', '🙂', '\u00a0'), maxLength: 80, size: 'max' }), (s) => {
        const visible = (x: string) => x.replace(/[\s\u00ad\u200b]/g, '');
        expect(visible(foldWhitespace(s).text)).toBe(visible(s));
        expect(foldWhitespace(s).text).not.toMatch(/\s\s/);
      }),
    );
  });
});
