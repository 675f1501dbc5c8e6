import type { Node, Run } from '../doc/model';
import { planTable, tableHeight, tableLead } from './table';
import { linesHeight, type Line } from './text';
import { calloutHeight, fillInHeight, ITEM_GAP, itemLines, listStart } from './blocks';
import { imageHeight } from './image';
import type { Writer } from './writer';

// Heights measured by laying out without drawing, with the same wrapping the
// writer prints with: what a keep group takes, and what must follow a "keep with
// next" block onto its page.

/** Runs as the page prints them: each footnote marker "[n]" at the end of its run. */
export function marked(runs: readonly Run[]): Run[] {
  return runs.map((r) => (r.notes && r.notes.length > 0 ? { ...r, text: `${r.text} ${r.notes.map((n) => `[${n}]`).join('')}`.trim() } : r));
}

const cells = (rows: readonly (string | Run[])[][]) => rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : marked(cell))));
const noted = (lines: readonly Line[]) => lines.filter((l) => l.notes && l.notes.length > 0);

/** A node's height printed whole; lines that cite notes are added to `notes` (the caller adds the notes' room once). */
function height(w: Writer, n: Node, notes: Line[]): number {
  switch (n.type) {
    case 'heading':
      return w.headingHeight(n.text, n.level);
    case 'paragraph': {
      const lines = w.blockLines(marked(n.runs), n.opts);
      notes.push(...noted(lines));
      return lines.length === 0 ? 0 : linesHeight(lines) + (n.opts.gapAfter ?? 4);
    }
    case 'list': {
      const laid = itemLines(w, n.items.map(marked), n.opts);
      for (const lines of laid) notes.push(...noted(lines));
      return laid.reduce((h, lines) => h + linesHeight(lines) + ITEM_GAP, 0) + (n.opts.gapAfter ?? 3);
    }
    case 'callout':
      return calloutHeight(w, marked(n.runs), n.opts);
    case 'fillIn':
      return fillInHeight(w, n.label, n.lines);
    case 'table': {
      const plan = planTable(w, n.columns, cells(n.rows), n.opts);
      for (const row of plan.rows) for (const lines of row) notes.push(...noted(lines));
      return tableHeight(plan, n.opts);
    }
    case 'keep':
      return n.children.reduce((h, c) => h + height(w, c, notes), 0) + (n.rule ? 4 : 0);
    case 'space':
      return n.height;
    case 'image':
      return imageHeight(w, n);
  }
}

/** What the nodes print, whole, with the footnotes they cite at this page's foot. */
export function groupHeight(w: Writer, nodes: readonly Node[]): number {
  const notes: Line[] = [];
  const h = nodes.reduce((sum, n) => sum + height(w, n, notes), 0);
  return h + w.notesHeight(notes);
}

/** The run of fill-ins starting at `i` (a signature block), whole. */
export function fillInRunHeight(w: Writer, nodes: readonly Node[], i: number): number {
  let h = 0;
  for (let j = i; j < nodes.length; j++) {
    const n = nodes[j]!;
    if (n.type !== 'fillIn') break;
    h += fillInHeight(w, n.label, n.lines);
  }
  return h;
}

/**
 * The least of what starts at `i` that may open a page: a heading with the lead of
 * what follows it, two lines of a long paragraph, a short one whole, a table's
 * header and first row, a signature block or keep group whole. What a "keep with
 * next" block must have on its page after it.
 */
export function leadHeight(w: Writer, nodes: readonly Node[], i: number): number {
  const n = nodes[i];
  if (!n) return 0;
  switch (n.type) {
    case 'heading':
      return w.headingHeight(n.text, n.level) + leadHeight(w, nodes, i + 1);
    case 'space':
      return n.height + leadHeight(w, nodes, i + 1);
    case 'paragraph': {
      const lines = w.blockLines(marked(n.runs), n.opts);
      const whole = w.wholeHeight(lines);
      const together = n.opts.keepTogether || lines.length < 4;
      // A long block splits, and its last lines go with what it keeps with: two lines open the page.
      if (!together) return w.leadHeight(lines);
      return n.opts.keepWithNext ? whole + (n.opts.gapAfter ?? 4) + leadHeight(w, nodes, i + 1) : whole;
    }
    case 'list': {
      const laid = itemLines(w, n.items.map(marked), n.opts);
      // The writer's own reckoning: a two-item list keeps its first item with its last, a one-item list its item with what follows.
      return listStart(w, laid, n.opts, n.opts.keepWithNext ? leadHeight(w, nodes, i + 1) : 0);
    }
    case 'callout':
      return calloutHeight(w, marked(n.runs), n.opts);
    case 'image':
      return imageHeight(w, n);
    case 'fillIn':
      return fillInRunHeight(w, nodes, i);
    case 'table':
      return n.rows.length === 0 ? leadHeight(w, nodes, i + 1) : tableLead(w, planTable(w, n.columns, cells(n.rows), n.opts));
    case 'keep':
      return groupHeight(w, n.children);
  }
}
