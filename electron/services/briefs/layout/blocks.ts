import type { BlockOptions, CalloutOptions } from '../doc/model';
import { drawLine, linesHeight, THEME, type Line, type Run } from './text';
import { MIN_PAGE_LINES, MIN_SPLIT_LINES, type Writer } from './writer';

// Lists, boxed notices and fill-in lines, drawn through the Writer (which owns the
// page breaks); each with the measure the keep rules use before drawing it.

/** The space under each list item. */
export const ITEM_GAP = 2;
const CALLOUT_PAD = 6;
const CALLOUT_GAP = 8;

/** Each list item's lines, as `bullets` prints them. */
export function itemLines(w: Writer, items: readonly (string | Run[])[], opts: BlockOptions = {}): Line[][] {
  const width = w.width - (opts.indent ?? 0) - 12;
  return items.map((item) => w.wrap(typeof item === 'string' ? [{ text: item }] : item, width, { size: opts.size }));
}

/** How item i is placed: the item before the last waits for all the last one needs; the last for what keeps with the list. */
function itemPlan(w: Writer, laid: readonly Line[][], opts: BlockOptions, withNext: number, i: number): ReturnType<Writer['linesPlan']> {
  const last = laid.length - 1;
  const after = opts.gapAfter ?? 3;
  const tail = i === last - 1 ? ITEM_GAP + itemPlan(w, laid, opts, withNext, last).start : i === last && withNext > 0 ? ITEM_GAP + after + withNext : 0;
  return w.linesPlan(laid[i]!, laid[i]!.length < MIN_SPLIT_LINES, tail);
}

/**
 * The room the first item of a list needs on its page, the list laid out as `laid`
 * and followed by `withNext`: a two-item list's first item needs its last with it.
 */
export function listStart(w: Writer, laid: readonly Line[][], opts: BlockOptions = {}, withNext = 0): number {
  return itemPlan(w, laid, opts, withNext, 0).start;
}

/**
 * A list. Items split like paragraphs (two lines at least on each side of a
 * break); the item before the last stays on the page of the last one's start, so
 * the last item (the closing request) never opens a page alone. `withNext`: the
 * room what follows needs on the last item's page, for a "keep with next" list.
 */
export function bullets(w: Writer, items: readonly (string | Run[])[], opts: BlockOptions = {}, withNext = 0): void {
  if (items.length === 0) return;
  const indent = (opts.indent ?? 0) + 12;
  const laid = itemLines(w, items, opts);
  const place = (i: number) => {
    const plan = itemPlan(w, laid, opts, withNext, i);
    w.ensure(plan.start);
    return (x: number, first?: (y: number) => void) => w.flowLines(laid[i]!, x, plan.together ? laid[i]!.length : MIN_PAGE_LINES, first, plan.tail);
  };
  // Placed before the list's structure element, so a heading waiting for it is tagged first.
  let flow = place(0);
  const list = w.struct('L');
  laid.forEach((lines, i) => {
    if (i > 0) flow = place(i);
    const marker = opts.ordered ? `${i + 1}.` : '•';
    w.tagged('LI', () => {
      flow(w.left + indent, (y) => drawLine(w.doc, { ...lines[0]!, text: marker, style: 'regular', color: THEME.accent, notes: undefined }, w.left + indent - 11, y));
    }, list);
    w.space(ITEM_GAP);
  });
  list.end();
  w.space(opts.gapAfter ?? 3);
}

function calloutLines(w: Writer, runs: readonly Run[], opts: CalloutOptions): Line[] {
  return w.wrap(runs, w.width - 2 * CALLOUT_PAD, { size: opts.size ?? THEME.small, color: opts.color });
}

/** What a callout takes, box and the space under it. */
export function calloutHeight(w: Writer, runs: readonly Run[], opts: CalloutOptions): number {
  return linesHeight(calloutLines(w, runs, opts)) + 2 * CALLOUT_PAD + CALLOUT_GAP;
}

/** A short boxed notice, such as the confidentiality marking; kept on one page. */
export function callout(w: Writer, runs: readonly Run[], opts: CalloutOptions): void {
  const pad = CALLOUT_PAD;
  const lines = calloutLines(w, runs, opts);
  const height = linesHeight(lines) + 2 * pad;
  w.ensure(height);
  const y0 = w.y;
  w.artifact(() => {
    if (opts.fill) w.doc.rect(w.left, y0, w.width, height).fillColor(opts.fill).fill();
    w.doc.rect(w.left, y0, w.width, height).lineWidth(0.8).strokeColor(opts.color).stroke();
  });
  w.y = y0 + pad;
  w.tagged('P', () => w.drawLines(lines, w.left + pad));
  w.y = Math.max(w.y + pad, y0 + height);
  w.space(CALLOUT_GAP);
}

function fillInRow(w: Writer, label: string): { labelLines: Line[]; rowHeight: number } {
  const labelLines = w.wrap([{ text: label, style: 'bold' }], w.width * 0.3, { size: THEME.body });
  return { labelLines, rowHeight: Math.max(linesHeight(labelLines) + 8, 24) };
}

/** The height a fill-in takes: its label's rows, each ruled. */
export function fillInHeight(w: Writer, label: string, lines = 1): number {
  return fillInRow(w, label).rowHeight * lines + 4;
}

/** A label and a ruled line to write on by hand (the WGAD submitter block). */
export function fillIn(w: Writer, label: string, lines = 1): void {
  const { labelLines, rowHeight } = fillInRow(w, label);
  w.ensure(fillInHeight(w, label, lines));
  const y0 = w.y;
  w.tagged('P', () => w.drawLines(labelLines, w.left));
  w.y = y0;
  const x0 = w.left + w.width * 0.32;
  for (let i = 0; i < lines; i++) {
    const lineY = y0 + rowHeight * (i + 1) - 6;
    w.artifact(() => {
      w.doc.moveTo(x0, lineY).lineTo(w.right, lineY).lineWidth(0.5).strokeColor(THEME.muted).stroke();
    });
  }
  w.y += rowHeight * lines + 4;
}
