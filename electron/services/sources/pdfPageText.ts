// One PDF page's text and where each of its text runs lies on the page, built together
// so the offsets of every box point at the very characters of the final text (tidied:
// no NUL, no CR, composed). Lines come from pdf.js's hasEOL marks and changes of
// baseline; a gap between lines well beyond the line height, or a jump back up the
// page (a new column), starts a new paragraph.

import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import type { LayoutBox } from '../../../shared/model/pageLayout';

/** The page's size and the matrix pdf.js maps PDF user space to the top-left viewport with (scale 1). */
export type PageView = { width: number; height: number; transform: number[] };

type Run = { str: string; item: TextItem };
type Line = { runs: Run[]; y: number; size: number };

export type PageTextBoxes = {
  text: string;
  /** Offsets relative to the page's own text. */
  boxes: LayoutBox[];
  /** False when composing the joined runs changed the text (a mark split from its letter across runs): the boxes were dropped. */
  exact: boolean;
};

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** A run's characters as Source.text keeps them: no NUL, line ends and form feeds as spaces (a run lies on one line), composed. */
function tidyRun(str: string): string {
  return str.replace(/\u0000/g, '').replace(/[\r\n\f]/g, ' ').normalize('NFC');
}

function multiply(m: readonly number[], n: readonly number[]): number[] {
  return [m[0]! * n[0]! + m[2]! * n[1]!, m[1]! * n[0]! + m[3]! * n[1]!, m[0]! * n[2]! + m[2]! * n[3]!, m[1]! * n[2]! + m[3]! * n[3]!, m[0]! * n[4]! + m[2]! * n[5]! + m[4]!, m[1]! * n[4]! + m[3]! * n[5]! + m[5]!];
}

const clamp = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/** The run's box in fractions of the page, origin top left: from its baseline up by its font size, across its width. */
function boxOf(item: TextItem, view: PageView | undefined): [number, number, number, number] | null {
  if (!view || view.width <= 0 || view.height <= 0) return null;
  const t = multiply(view.transform, item.transform.map(Number));
  const fontHeight = Math.hypot(t[2]!, t[3]!);
  const scale = Math.hypot(view.transform[0]!, view.transform[1]!) || 1;
  const left = t[4]!;
  const top = t[5]! - fontHeight;
  const x = clamp(left / view.width);
  const y = clamp(top / view.height);
  const w = clamp(Math.min(item.width * scale, view.width - left) / view.width);
  const h = clamp(Math.min(fontHeight, view.height - top) / view.height);
  return [x, y, w, h];
}

export function pageTextWithBoxes(items: readonly (TextItem | TextMarkedContent)[], view?: PageView): PageTextBoxes {
  const lines: Line[] = [];
  let current: Line | null = null;
  const endLine = () => {
    if (current) lines.push(current);
    current = null;
  };
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const y = Number(item.transform[5]) || 0;
    const size = Math.abs(Number(item.transform[3]) || item.height || 0);
    if (current && item.str !== '' && Math.abs(y - current.y) > Math.max(size, current.size, 1) * 0.5) endLine();
    if (item.str !== '') {
      current ??= { runs: [], y, size };
      current.runs.push({ str: tidyRun(item.str), item });
      current.size = Math.max(current.size, size);
    }
    if (item.hasEOL) endLine();
  }
  endLine();

  let out = '';
  const boxes: LayoutBox[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const joined = line.runs.map((r) => r.str).join('');
    const kept = joined.replace(/\s+$/, '').length;
    if (joined.trim() === '') continue;
    if (previous) {
      const gap = previous.y - line.y; // PDF y grows upwards
      const lineHeight = Math.max(previous.size, line.size, 1);
      out += gap > lineHeight * 1.8 || gap < -lineHeight ? '\n\n' : '\n';
    }
    let at = 0;
    for (const run of line.runs) {
      // The box covers the run's characters, not the spaces around them.
      const lead = run.str.length - run.str.trimStart().length;
      const start = at + lead;
      const end = Math.min(at + run.str.trimEnd().length, kept);
      at += run.str.length;
      if (end <= start) continue;
      const box = boxOf(run.item, view);
      if (box) boxes.push([out.length + start, out.length + end, ...box]);
    }
    out += joined.slice(0, kept);
    previous = line;
  }
  const composed = out.normalize('NFC');
  if (composed !== out) return { text: composed, boxes: [], exact: false };
  return { text: out, boxes, exact: true };
}

/** The page's text alone. */
export function pageText(items: readonly (TextItem | TextMarkedContent)[]): string {
  return pageTextWithBoxes(items).text;
}
