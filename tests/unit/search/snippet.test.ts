import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSnippet, openingSnippet, SNIPPET_LENGTH } from '../../../electron/services/search/snippet';
import { normalizeToken } from '../../../shared/text/normalize';

const slices = (s: { snippet: string; highlights: [number, number][] }) => s.highlights.map(([a, b]) => s.snippet.slice(a, b));
const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('makeSnippet', () => {
  it('cuts around a match deep in a long text, on word boundaries, marked with ellipses', () => {
    const text = `${filler(100)} Айбек Серікұлы был задержан ${filler(100)}`;
    const s = makeSnippet([text], new Set(['zaderzhan']))!;
    expect(slices(s)).toEqual(['задержан']);
    expect(s.snippet.startsWith('…')).toBe(true);
    expect(s.snippet.endsWith('…')).toBe(true);
    expect(s.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(s.snippet.length).toBeGreaterThan(SNIPPET_LENGTH / 2);
    expect(s.snippet).not.toMatch(/…\S*word\d+[^ ]…/); // no half words at the cut
    expect(text).toContain(s.snippet.slice(1, -1));
  });

  it('maps normalised terms back onto the original words, in any script', () => {
    const s = makeSnippet(['Kassym-Jomart Tokayev · Қасым-Жомарт Тоқаев'], new Set(['tokaev', 'kasim']))!;
    expect(slices(s)).toEqual(['Kassym', 'Tokayev', 'Қасым', 'Тоқаев']);
    expect(s.snippet.startsWith('…')).toBe(false);
  });

  it('prefers the part and window holding the most distinct terms', () => {
    const s = makeSnippet(['only court here', `${filler(60)} court of appeal ${filler(60)}`], new Set(['court', normalizeToken('appeal')]))!;
    expect(slices(s)).toEqual(['court', 'appeal']);
  });

  it('keeps offsets while flattening line breaks', () => {
    const s = makeSnippet(['First paragraph.\n\nSecond with Tokayev.'], new Set(['tokaev']))!;
    expect(s.snippet).toBe('First paragraph.  Second with Tokayev.');
    expect(slices(s)).toEqual(['Tokayev']);
  });

  it('returns null when no word matches', () => {
    expect(makeSnippet(['nothing to see'], new Set(['tokaev']))).toBeNull();
  });

  it('always yields well-formed text whose highlights are the matched words', () => {
    const word = fc.constantFrom<string>('суд', 'court', '😀', 'Тоқаев', 'a', '174', '—', 'Әбішев');
    fc.assert(fc.property(fc.array(word, { maxLength: 120 }), fc.constantFrom('Tokayev', 'Тоқаев'), fc.nat(), (words, target, at) => {
      words.splice(at % (words.length + 1), 0, target);
      const s = makeSnippet([words.join(' ')], new Set(['tokaev']))!;
      expect(s.snippet).not.toMatch(LONE_SURROGATE);
      expect(s.highlights.length).toBeGreaterThan(0);
      for (const text of slices(s)) expect(normalizeToken(text)).toBe('tokaev');
    }));
  });
});

describe('openingSnippet', () => {
  it('shows a short text whole and a long one cut', () => {
    expect(openingSnippet('Short title')).toEqual({ snippet: 'Short title', highlights: [] });
    const long = openingSnippet(filler(100));
    expect(long.snippet.endsWith('…')).toBe(true);
    expect(long.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 1);
  });
});
