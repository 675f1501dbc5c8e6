// From a DOM selection in the reading view back to offsets in the source text.
// Every paragraph and every run of text carries data-start/data-end (UTF-16 offsets
// into the whole text) and a run holds exactly one text node, so a boundary inside a
// text node is the run's start plus the offset in the node, and a boundary between
// elements is the start of the element after it (or the end of the one before).

function rangeOf(el: Element): { start: number; end: number } | null {
  const s = el.getAttribute('data-start');
  const e = el.getAttribute('data-end');
  if (s === null || e === null) return null;
  return { start: Number(s), end: Number(e) };
}

function startOf(node: Node): number | null {
  if (node.nodeType === Node.TEXT_NODE) return node.parentElement ? startOf(node.parentElement) : null;
  if (node instanceof Element) {
    const r = rangeOf(node);
    if (r) return r.start;
    for (const child of node.childNodes) {
      const s = startOf(child);
      if (s !== null) return s;
    }
  }
  return null;
}

function endOf(node: Node): number | null {
  if (node.nodeType === Node.TEXT_NODE) return node.parentElement ? endOf(node.parentElement) : null;
  if (node instanceof Element) {
    const r = rangeOf(node);
    if (r) return r.end;
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      const e = endOf(node.childNodes[i]!);
      if (e !== null) return e;
    }
  }
  return null;
}

/** The text offset of a DOM boundary point inside root, or null when it cannot be placed. */
export function boundaryOffset(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest('[data-start]');
    if (!run || !root.contains(run)) return null;
    const r = rangeOf(run)!;
    // A run holds one text node; should the browser have split it, count what comes before.
    let before = 0;
    for (let n = node.previousSibling; n; n = n.previousSibling) before += n.textContent?.length ?? 0;
    return Math.min(r.end, r.start + before + offset);
  }
  const children = node.childNodes;
  if (offset < children.length) {
    // Before child `offset`: its start; an element without offsets (a <br>) defers to what follows.
    for (let i = offset; i < children.length; i++) {
      const s = startOf(children[i]!);
      if (s !== null) return s;
    }
  }
  for (let i = Math.min(offset, children.length) - 1; i >= 0; i--) {
    const e = endOf(children[i]!);
    if (e !== null) return e;
  }
  return node instanceof Element ? (rangeOf(node)?.start ?? (node === root ? 0 : null)) : null;
}

/**
 * The part of range that falls in root, as [start, end) offsets into text, with
 * surrounding whitespace left out (a double-click takes the space after a word).
 * Null when nothing but whitespace, or nothing of root, is selected.
 */
export function rangeToOffsets(root: Element, range: Range, text: string): { start: number; end: number } | null {
  if (range.collapsed || !range.intersectsNode(root)) return null;
  const rootRange = document.createRange();
  rootRange.selectNodeContents(root);
  const startsInside = root.contains(range.startContainer);
  const endsInside = root.contains(range.endContainer);
  let start = startsInside
    ? boundaryOffset(root, range.startContainer, range.startOffset)
    : range.compareBoundaryPoints(Range.START_TO_START, rootRange) <= 0
      ? 0
      : null;
  let end = endsInside
    ? boundaryOffset(root, range.endContainer, range.endOffset)
    : range.compareBoundaryPoints(Range.END_TO_END, rootRange) >= 0
      ? text.length
      : null;
  if (start === null || end === null) return null;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(0, Math.min(end, text.length));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
