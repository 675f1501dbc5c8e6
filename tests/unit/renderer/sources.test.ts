import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseAnnotationTags, parseTags, shorten } from '../../../renderer/lib/annotationTags';
import { layoutText, paragraphRanges } from '../../../renderer/features/sources/segments';
import { sha256Hex } from '../../../renderer/features/sources/sha256';

describe('sha256Hex (renderer)', () => {
  it('matches node:crypto over the UTF-8 bytes, Kazakh and emoji included', () => {
    for (const text of ['', 'abc', 'Қ Ө Ү Ұ Ә Ғ Ң І Һ', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), '😀 עברית', 'Суд\r\nприговор'.repeat(300)]) {
      expect(sha256Hex(text), JSON.stringify(text.slice(0, 20))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
  it('matches node:crypto for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('layoutText', () => {
  it('splits lines into paragraphs without their line breaks', () => {
    expect(paragraphRanges('ab\ncd\r\n\nef')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 7, end: 7 },
      { start: 8, end: 10 },
    ]);
    expect(paragraphRanges('')).toEqual([{ start: 0, end: 0 }]);
  });

  it('cuts overlapping highlights into runs that know every highlight covering them, innermost first', () => {
    const text = 'Алматы қаласының соты белсендіні';
    const [p] = layoutText(text, [
      { id: 'a', start: 7, end: 32 },
      { id: 'b', start: 17, end: 21 },
    ]);
    expect(p!.segments).toEqual([
      { start: 0, end: 7, ids: [] },
      { start: 7, end: 17, ids: ['a'] },
      { start: 17, end: 21, ids: ['b', 'a'] },
      { start: 21, end: 32, ids: ['a'] },
    ]);
  });

  it('clips a highlight spanning paragraphs to each of them and skips unusable ranges', () => {
    const text = 'one two\nthree four';
    const paras = layoutText(text, [
      { id: 'x', start: 4, end: 13 },
      { id: 'empty', start: 3, end: 3 },
      { id: 'out', start: 10, end: 99 },
    ]);
    expect(paras.map((p) => p.segments)).toEqual([
      [
        { start: 0, end: 4, ids: [] },
        { start: 4, end: 7, ids: ['x'] },
      ],
      [
        { start: 8, end: 13, ids: ['x'] },
        { start: 13, end: 18, ids: [] },
      ],
    ]);
  });

  it('always covers the text exactly, in order, and puts each offset under the highlights that contain it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }).map((s) => s.replace(/\r/g, '')),
        fc.array(fc.tuple(fc.nat(80), fc.nat(80)), { maxLength: 8 }),
        (text, pairs) => {
          const spans = pairs.map(([a, b], i) => ({ id: `s${i}`, start: Math.min(a, b, text.length), end: Math.min(Math.max(a, b), text.length) }));
          const paras = layoutText(text, spans);
          let rebuilt = '';
          for (const p of paras) {
            if (rebuilt.length > 0 || p.start > 0) rebuilt = rebuilt.padEnd(p.start, '\n');
            let at = p.start;
            for (const seg of p.segments) {
              expect(seg.start).toBe(at);
              expect(seg.end).toBeGreaterThan(seg.start);
              at = seg.end;
              for (let o = seg.start; o < seg.end; o++) {
                const want = spans.filter((s) => s.start < s.end && s.start <= o && o < s.end).map((s) => s.id).sort();
                expect([...seg.ids].sort()).toEqual(want);
              }
              rebuilt += text.slice(seg.start, seg.end);
            }
            expect(at).toBe(p.end);
          }
          expect(rebuilt.replace(/[\n\u2028\u2029]/g, '\n')).toBe(text.replace(/[\n\u2028\u2029]/g, '\n'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('tags', () => {
  it('parses a comma-separated list once each, trimmed', () => {
    expect(parseTags(' evidence, torture,,evidence ; ICCPR 19 ')).toEqual(['evidence', 'torture', 'ICCPR 19']);
    expect(parseTags('')).toEqual([]);
  });
  it('lists the case’s tags sorted', () => {
    expect(caseAnnotationTags({ annotations: [{ id: 'a', body: '', tags: ['b', 'a'], confidential: false }, { id: 'b', body: '', tags: ['a', 'c'], confidential: false }] })).toEqual(['a', 'b', 'c']);
  });
  it('shortens at a word', () => {
    expect(shorten('one two three four five', 16)).toBe('one two three…');
    expect(shorten('short')).toBe('short');
  });
});
