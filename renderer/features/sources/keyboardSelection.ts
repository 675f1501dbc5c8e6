// Selecting words in the reading view from the keyboard. The browser's own Selection
// does the walking (Selection.modify knows word boundaries in Kazakh, Russian and
// emoji, which a hand-made regex would not); this module carries out the moves,
// keeps the selection inside the text, and finds where to draw the caret, which the
// browser does not paint in text that is not editable.

import { boundaryOffset } from './domOffsets';
import type { KeyAction } from './keyboardKeys';

/** The DOM point of a text offset: inside the run (span or mark) that holds it. */
function offsetToPoint(root: Element, offset: number): { node: Node; offset: number } | null {
  const runs = root.querySelectorAll<HTMLElement>('span[data-start], mark[data-start]');
  let last: HTMLElement | null = null;
  for (const run of runs) {
    const s = Number(run.dataset.start);
    const e = Number(run.dataset.end);
    if (offset >= s && offset < e && run.firstChild) return { node: run.firstChild, offset: offset - s };
    if (s <= offset) last = run;
  }
  // At a run's end (the end of a paragraph or of the text), or in an empty paragraph.
  if (last?.firstChild && Number(last.dataset.end) === offset) return { node: last.firstChild, offset: last.firstChild.textContent?.length ?? 0 };
  for (const para of root.querySelectorAll<HTMLElement>('.src-para')) {
    if (Number(para.dataset.start) === offset) return { node: para, offset: 0 };
  }
  return root.firstChild ? { node: root, offset: 0 } : null;
}

/** The selection's focus (the end that moves) as an offset into the text, or null when outside root. */
export function focusOffset(root: Element, sel: Selection | null): number | null {
  if (!sel || sel.rangeCount === 0 || !sel.focusNode || !root.contains(sel.focusNode)) return null;
  return boundaryOffset(root, sel.focusNode, sel.focusOffset);
}

/** Puts a collapsed caret (or, with anchor, a selection from anchor) at text offsets. */
export function placeSelection(root: Element, sel: Selection, focus: number, anchor?: number): boolean {
  const f = offsetToPoint(root, focus);
  const a = anchor === undefined ? f : offsetToPoint(root, anchor);
  if (!f || !a) return false;
  sel.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
  return true;
}

/**
 * Moves or extends the selection as a key asks, and undoes the move if it left the
 * text (Selection.modify walks the whole page, into the buttons after the text).
 */
export function applyMove(root: Element, sel: Selection, action: KeyAction, textLength: number): void {
  if (action.kind === 'edge') {
    const anchor = action.alter === 'extend' && sel.anchorNode && root.contains(sel.anchorNode) ? boundaryOffset(root, sel.anchorNode, sel.anchorOffset) : null;
    placeSelection(root, sel, action.toEnd ? textLength : 0, anchor ?? undefined);
    return;
  }
  if (action.kind === 'all') {
    placeSelection(root, sel, textLength, 0);
    return;
  }
  if (action.kind !== 'modify') return;
  const before = { an: sel.anchorNode, ao: sel.anchorOffset, fn: sel.focusNode, fo: sel.focusOffset };
  sel.modify(action.alter, action.direction, action.granularity);
  const inside = (n: Node | null) => n !== null && root.contains(n);
  if (!inside(sel.anchorNode) || !inside(sel.focusNode)) {
    if (before.an && before.fn) sel.setBaseAndExtent(before.an, before.ao, before.fn, before.fo);
    // Past the last word: go to the very end rather than stay one word short.
    const edge = action.direction === 'forward' ? textLength : 0;
    const anchor = action.alter === 'extend' && sel.anchorNode ? boundaryOffset(root, sel.anchorNode, sel.anchorOffset) : null;
    placeSelection(root, sel, edge, anchor ?? undefined);
  }
}

export type CaretBox = { top: number; left: number; height: number };

/**
 * Where to draw the caret for the selection's focus, in the coordinates of `box`
 * (the scrolling element that the caret is absolutely placed in).
 */
export function caretBox(sel: Selection, box: HTMLElement): CaretBox | null {
  const node = sel.focusNode;
  if (!node) return null;
  const offset = sel.focusOffset;
  let rect: DOMRect | null = null;
  const r = document.createRange();
  if (node.nodeType === Node.TEXT_NODE) {
    const len = node.textContent?.length ?? 0;
    // A collapsed range often has no box: measure the letter after it (its left edge),
    // or, at the end of a run, the letter before it (its right edge).
    if (offset < len) {
      r.setStart(node, offset);
      r.setEnd(node, offset + 1);
      const rects = r.getClientRects();
      const first = rects[0];
      if (first) rect = new DOMRect(first.left, first.top, 0, first.height);
    }
    if (!rect && offset > 0) {
      r.setStart(node, offset - 1);
      r.setEnd(node, offset);
      const rects = r.getClientRects();
      const last = rects[rects.length - 1];
      if (last) rect = new DOMRect(last.right, last.top, 0, last.height);
    }
  }
  if (!rect) {
    const el = node instanceof Element ? node : node.parentElement;
    if (!el) return null;
    const b = el.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || b.height || 16;
    rect = new DOMRect(b.left, b.top, 0, Math.min(lineHeight, b.height || lineHeight));
  }
  const outer = box.getBoundingClientRect();
  return {
    top: rect.top - outer.top - box.clientTop + box.scrollTop,
    left: rect.left - outer.left - box.clientLeft + box.scrollLeft,
    height: rect.height,
  };
}
