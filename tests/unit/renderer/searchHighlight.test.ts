import { describe, expect, it } from 'vitest';
import { highlightPieces, searchableQuery } from '../../../renderer/features/search/highlight';

describe('highlightPieces', () => {
  const marked = (snippet: string, ranges: [number, number][]) =>
    highlightPieces(snippet, ranges)
      .map((p) => (p.mark ? `[${p.text}]` : p.text))
      .join('');

  it('marks the ranges and keeps every character once', () => {
    expect(marked('Aibek Serikuly · Айбек Серікұлы', [[6, 14], [23, 31]])).toBe('Aibek [Serikuly] · Айбек [Серікұлы]');
  });

  it('sorts, merges overlapping and touching ranges, and clamps ranges past the end', () => {
    expect(marked('abcdefghij', [[6, 8], [0, 2], [1, 3], [3, 4], [8, 99]])).toBe('[abcd]ef[ghij]');
  });

  it('drops empty and reversed ranges', () => {
    expect(marked('abc', [[1, 1], [2, 1]])).toBe('abc');
    expect(highlightPieces('', [[0, 3]])).toEqual([]);
  });

  it('keeps markup as text (the view renders pieces as text nodes)', () => {
    const pieces = highlightPieces('<img src=x onerror=alert(1)> Tokayev', [[29, 36]]);
    expect(pieces).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'Tokayev', mark: true },
    ]);
  });

  it('works in UTF-16 units (astral characters count two)', () => {
    expect(marked('𝔸 Тоқаев', [[3, 9]])).toBe('𝔸 [Тоқаев]');
  });
});

describe('searchableQuery', () => {
  it('trims, caps at 500 characters, and is empty without a letter or digit', () => {
    expect(searchableQuery('  Tokayev ')).toBe('Tokayev');
    expect(searchableQuery(' — , ')).toBe('');
    expect(searchableQuery('174')).toBe('174');
    expect(searchableQuery('a'.repeat(600))).toHaveLength(500);
  });
});
