import type { PageMark } from './types';

// From what the user did on a page to text offsets: a selection across the word
// layer's spans, or a click on a highlight (the highlights let the pointer through,
// so that words under them can still be selected).

/** The words selected on one page, whole, as text offsets; null when the selection is not on a page's words. */
export function selectedWords(root: HTMLElement, sel: Selection | null): { page: number; start: number; end: number; anchor: DOMRect } | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const spanOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('.page-words span[data-start]') ?? null;
  const layerOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('.page-words') ?? null;
  const layer = layerOf(range.startContainer);
  if (!layer || !root.contains(layer)) return null;
  const spans = [...layer.querySelectorAll<HTMLElement>('span[data-start]')].filter((s) => range.intersectsNode(s));
  // A selection that ends at the very start of the next word does not take it.
  const last = spanOf(range.endContainer);
  const taken = spans.filter((s) => !(s === last && range.endOffset === 0 && spans.length > 1));
  if (taken.length === 0) return null;
  const start = Math.min(...taken.map((s) => Number(s.dataset.start)));
  const end = Math.max(...taken.map((s) => Number(s.dataset.end)));
  const rects = range.getClientRects();
  const anchor = rects.length > 0 ? rects[rects.length - 1]! : range.getBoundingClientRect();
  return end > start ? { page: Number(layer.dataset.page), start, end, anchor } : null;
}

/** The annotations drawn under a point of a page (fractions), the smallest first. */
export function marksAtPoint(marks: readonly PageMark[], x: number, y: number): string[] {
  const hits = marks
    .map((m) => ({ id: m.id, area: Math.min(...m.rects.filter((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h).map((r) => r.w * r.h)) }))
    .filter((h) => Number.isFinite(h.area));
  return hits.sort((a, b) => a.area - b.area).map((h) => h.id);
}
