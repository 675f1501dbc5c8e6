import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPages, pageAt, pageCount, pageStarts } from '../../../shared/text/pages';

describe('pages in Source.text', () => {
  it('finds the page of every offset', () => {
    const text = joinPages(['Бірінші бет', 'Вторая страница', 'page three']);
    expect(pageCount(text)).toBe(3);
    expect(pageStarts(text)).toEqual([0, 12, 28]);
    expect(pageAt(text, text.indexOf('Вторая'))).toBe(2);
    expect(pageAt(text, text.indexOf('three'))).toBe(3);
    expect(pageAt(text, 0)).toBe(1);
  });

  it('keeps a form feed inside a page from starting a page', () => {
    expect(pageCount(joinPages(['a\fb', 'c']))).toBe(2);
  });

  it('gives back each page as it was joined', () => {
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !s.includes('\f')), { minLength: 1, maxLength: 8 }), (pages) => {
        const text = joinPages(pages);
        const starts = pageStarts(text);
        expect(starts.length).toBe(pages.length);
        pages.forEach((p, i) => {
          expect(text.slice(starts[i], starts[i]! + p.length)).toBe(p);
          if (p.length > 0) expect(pageAt(text, starts[i]!)).toBe(i + 1);
        });
      }),
    );
  });
});
