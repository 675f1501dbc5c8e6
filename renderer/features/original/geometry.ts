import type { LayoutBox, LayoutPage } from '../../../shared/model/pageLayout';

// Word boxes and rectangles on a page, all in fractions of the page (0..1 from its
// top left), so one answer holds at every zoom.

export type Rect = { x: number; y: number; w: number; h: number };

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** The boxes on a page that hold any of the text offsets [start, end). */
export function boxesIn(page: LayoutPage, start: number, end: number): LayoutBox[] {
  return page.boxes.filter((b) => b[0] < end && b[1] > start);
}

/** The text offsets of the words whose middle lies inside `r`, or null when none does. */
export function wordsInRect(page: LayoutPage | null, r: Rect): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  for (const [s, e, x, y, w, h] of page?.boxes ?? []) {
    const cx = x + w / 2;
    const cy = y + h / 2;
    if (cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h && e > s) {
      start = Math.min(start, s);
      end = Math.max(end, e);
    }
  }
  return end > start ? { start, end } : null;
}

/** A rectangle kept inside the page, at least `min` on each side (the model refuses x + w > 1). */
export function clampRect(r: Rect, min = 0.01): Rect {
  const w = Math.min(1, Math.max(min, r.w));
  const h = Math.min(1, Math.max(min, r.h));
  // Rounded so that the stored fractions stay short; x + w never exceeds 1 by a rounding error.
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  const rw = round(w);
  const rh = round(h);
  const x = round(Math.min(clamp01(r.x), 1 - rw));
  const y = round(Math.min(clamp01(r.y), 1 - rh));
  return { x: x + rw > 1 ? round(x - 0.0001) : x, y: y + rh > 1 ? round(y - 0.0001) : y, w: rw, h: rh };
}

/** The rectangle spanned by two points of a drag (in fractions), whichever way it went. */
export function rectBetween(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** A rectangle moved (or, with `resize`, grown) by one keyboard step. */
export function stepRect(r: Rect, key: string, resize: boolean, step = 0.02): Rect | null {
  const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[key];
  if (!d) return null;
  const [dx, dy] = d as [number, number];
  return clampRect(resize ? { ...r, w: r.w + dx, h: r.h + dy } : { ...r, x: r.x + dx, y: r.y + dy });
}

/**
 * A layout whose boxes are text runs (a PDF's lines) cut into one box per word, each
 * its share of the run's width by characters: words are what the user selects and
 * what a highlight covers.
 */
export function splitIntoWords(page: LayoutPage, text: string): LayoutPage {
  const boxes = page.boxes.flatMap(([s, e, x, y, w, h]): LayoutBox[] => {
    const run = text.slice(s, e);
    const words = [...run.matchAll(/\S+/g)];
    if (words.length <= 1 || run.length === 0) return [[s, e, x, y, w, h]];
    return words.map((m) => [s + m.index, s + m.index + m[0].length, x + (w * m.index) / run.length, y, (w * m[0].length) / run.length, h]);
  });
  return { ...page, boxes };
}
