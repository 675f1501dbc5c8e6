import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { describe, expect, it } from 'vitest';
import { pageTextWithBoxes } from '../../../electron/services/sources/pdfPageText';

// A page's text and its runs' boxes from pdf.js text items, built together: every box's
// offsets must select exactly its run's characters in the tidied text.

function item(str: string, x: number, y: number, width: number, hasEOL = false, size = 10): TextItem {
  return { str, dir: 'ltr', transform: [size, 0, 0, size, x, y], width, height: size, fontName: 'f', hasEOL };
}

// A 200 × 100 pt page: pdf.js's viewport at scale 1 flips y (origin top left).
const view = { width: 200, height: 100, transform: [1, 0, 0, -1, 0, 100] };

describe('pageTextWithBoxes', () => {
  it('gives each run its offsets in the page text and its box in fractions of the page', () => {
    const out = pageTextWithBoxes([item('Сот ', 20, 80, 20), item('үкімі', 40, 80, 30, true), item('Суд', 20, 65, 15)], view);
    expect(out.text).toBe('Сот үкімі\nСуд');
    expect(out.exact).toBe(true);
    expect(out.boxes.map(([s, e]) => out.text.slice(s, e))).toEqual(['Сот', 'үкімі', 'Суд']);
    const [first] = out.boxes;
    // x 20/200, top (100-80-10)/100, width 20/200, height 10/100
    first!.slice(2).forEach((v) => expect(v).toBeCloseTo(0.1, 9));
  });

  it('drops NULs and keeps offsets right after them; trailing spaces of a line get no box', () => {
    const out = pageTextWithBoxes([item('a\u0000b', 0, 50, 10), item('   ', 10, 50, 10, true), item('c', 0, 40, 5)], view);
    expect(out.text).toBe('ab\nc');
    expect(out.boxes.map(([s, e]) => out.text.slice(s, e))).toEqual(['ab', 'c']);
  });

  it('a mark split from its letter across runs: the text is composed, and the boxes, which would point wrong, are dropped', () => {
    const out = pageTextWithBoxes([item('Сергеи', 0, 50, 30), item('\u0306', 30, 50, 2)], view);
    expect(out.text).toBe('Сергей');
    expect(out).toMatchObject({ exact: false, boxes: [] });
  });
});
