import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Annotation, AnnotationTarget, type Source } from '../../../shared/model';
import { anchor } from '../../../shared/text/anchor';
import { joinPages } from '../../../shared/text/pages';
import { clampRect, splitIntoWords, stepRect, wordsInRect } from '../../../renderer/features/original/geometry';
import { fileAsSaved } from '../../../renderer/features/original/fileAsSaved';
import { marksByPage } from '../../../renderer/features/original/pageMarks';
import { pickTarget } from '../../../renderer/features/original/pickTarget';
import type { SourceIntakeResult } from '../../../shared/contract';

const text = joinPages(['Приговор оглашён.', 'Белсенді бас бостандығынан айырылды.']);
const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
// Page 2's words in a row near its top.
const page2 = {
  width: 595,
  height: 842,
  boxes: ['Белсенді', 'бас', 'бостандығынан', 'айырылды.'].map((w, i) => [at(w).start, at(w).end, 0.1 + i * 0.2, 0.1, 0.15, 0.02] as [number, number, number, number, number, number]),
};

describe('a rectangle on a page', () => {
  it('always stays inside the page, as the model requires (x + w ≤ 1, y + h ≤ 1)', () => {
    const f = fc.double({ min: -2, max: 3, noNaN: true });
    fc.assert(
      fc.property(f, f, f, f, (x, y, w, h) => {
        const r = clampRect({ x, y, w, h });
        expect(AnnotationTarget.shape.region.unwrap().safeParse(r).success).toBe(true);
        expect(r.x + r.w).toBeLessThanOrEqual(1);
        expect(r.y + r.h).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
  it('moves with the arrows and grows with Shift, by 2 % a step, and never leaves the page', () => {
    const r = { x: 0.35, y: 0.4, w: 0.3, h: 0.2 };
    expect(stepRect(r, 'ArrowUp', false)).toEqual({ x: 0.35, y: 0.38, w: 0.3, h: 0.2 });
    expect(stepRect(r, 'ArrowRight', true)).toEqual({ x: 0.35, y: 0.4, w: 0.32, h: 0.2 });
    let edge = r;
    for (let i = 0; i < 60; i++) edge = stepRect(edge, 'ArrowRight', false)!;
    expect(edge.x + edge.w).toBeLessThanOrEqual(1);
    expect(stepRect(r, 'Enter', false)).toBeNull();
  });
  it('takes the words whose middle lies inside it, or none', () => {
    expect(wordsInRect(page2, { x: 0.28, y: 0.05, w: 0.45, h: 0.1 })).toEqual({ start: at('бас').start, end: at('бостандығынан').end });
    expect(wordsInRect(page2, { x: 0.1, y: 0.5, w: 0.5, h: 0.3 })).toBeNull();
    expect(wordsInRect(null, { x: 0, y: 0, w: 1, h: 1 })).toBeNull();
  });
});

describe('an annotation made on the original', () => {
  it('on words: the usual quote and context, with its page', () => {
    const t = pickTarget(text, { ...at('бас бостандығынан'), page: 2 }, 'Area of page 2');
    expect(t.quote.exact).toBe('бас бостандығынан');
    expect(t.page).toBe(2);
    expect(anchor(text, t)).toMatchObject({ status: 'anchored', ...at('бас бостандығынан') });
  });
  it('in the text of a paged original: the page from the form feeds', () => {
    expect(pickTarget(text, at('айырылды'), '').page).toBe(2);
    expect(pickTarget('one page only', { start: 4, end: 8 }, '').page).toBeUndefined();
  });
  it('an area with no words: a valid annotation that quotes what it is and keeps its area', () => {
    const target = pickTarget(text, { start: 0, end: 0, page: 2, region: { x: 0.1, y: 0.5, w: 0.2, h: 0.1 } }, 'Area of page 2');
    const a = { id: 'a1', sourceId: 's1', target, body: 'Stamp', tags: [], confidential: false };
    expect(Annotation.safeParse(a).success).toBe(true);
    expect(target.region).toEqual({ page: 2, x: 0.1, y: 0.5, w: 0.2, h: 0.1 });
    const states = [{ id: 'a1', sourceId: 's1', status: 'orphaned' as const, body: 'Stamp', tags: [], confidential: false, quote: 'Area of page 2' }];
    const marks = marksByPage(2, [{ width: 1, height: 1, boxes: [] }, page2], states, [a], (s) => s.body);
    expect(marks[0]).toEqual([]);
    expect(marks[1]).toEqual([{ id: 'a1', region: true, confidential: false, title: 'Stamp', rects: [{ x: 0.1, y: 0.5, w: 0.2, h: 0.1 }] }]);
  });
  it('is drawn on the boxes of the words where its quote lies now', () => {
    const states = [{ id: 'a2', sourceId: 's1', status: 'anchored' as const, ...at('бас бостандығынан'), body: 'x', tags: [], confidential: true, quote: 'бас бостандығынан' }];
    const marks = marksByPage(2, [{ width: 1, height: 1, boxes: [] }, page2], states, [], () => 't');
    expect(marks[1]![0]!.rects).toEqual(page2.boxes.slice(1, 3).map(([, , x, y, w, h]) => ({ x, y, w, h })));
    expect(marks[1]![0]!.confidential).toBe(true);
  });
});

describe('the intake record saved with a source', () => {
  const file = { sha256: 'a'.repeat(64), name: 'scan.pdf', mediaType: 'application/pdf', size: 10, addedAt: '2026-12-07T06:00:00.000Z', textBy: 'ocr' as const, pages: 2 };
  const read: SourceIntakeResult = { text, format: 'pdf', warnings: [], file };
  it('keeps how the text was obtained while the text is the one read', () => {
    expect(fileAsSaved(read, null, text)).toEqual(file);
  });
  it('says typed once the user corrects the recognised text, before or after saving', () => {
    expect(fileAsSaved(read, null, text.replace('Приговор', 'Приговор суда'))?.textBy).toBe('typed');
    const saved = { id: 's1', title: 'Scan', kind: 'court_document', text, sha256: 'b'.repeat(64), file } satisfies Source;
    expect(fileAsSaved(null, saved, text)?.textBy).toBe('ocr');
    expect(fileAsSaved(null, saved, `${text} `)?.textBy).toBe('typed');
    expect(fileAsSaved(null, { ...saved, file: undefined }, 'x')).toBeUndefined();
  });
});

describe('a layout of text runs', () => {
  it('is cut into one box per word, each within its run, the offsets on the words', () => {
    const line = at('Белсенді бас бостандығынан айырылды.');
    const page = splitIntoWords({ width: 1, height: 1, boxes: [[line.start, line.end, 0.1, 0.2, 0.72, 0.03]] }, text);
    expect(page.boxes.map(([s, e]) => text.slice(s, e))).toEqual(['Белсенді', 'бас', 'бостандығынан', 'айырылды.']);
    for (const [, , x, y, w, h] of page.boxes) {
      expect(x).toBeGreaterThanOrEqual(0.1);
      expect(x + w).toBeLessThanOrEqual(0.82 + 1e-9);
      expect([y, h]).toEqual([0.2, 0.03]);
    }
    expect(splitIntoWords(page, text)).toEqual(page);
  });
});
