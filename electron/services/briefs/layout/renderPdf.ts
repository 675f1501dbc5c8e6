import type { BriefDocument, Footnote, Node, Run } from '../doc/model';
import { closeDocument, openDocument } from '../document';
import { table } from './table';
import { linesHeight, THEME } from './text';
import type { Citation, Writer } from './writer';

// The PDF writer: lays a brief's document model out on A4 pages with pdfkit
// (through our Writer, which owns every page break and the footnotes).

function citation(f: Footnote): Citation {
  return {
    key: f.key,
    full: (n) => [{ ...f.full[0]!, text: `[${n}] ${f.full[0]?.text ?? ''}` }, ...f.full.slice(1)],
    short: (n, page) => [{ text: `[${n}] ${f.short.title} — ${f.short.seePage.replace('{page}', String(page))}` }],
  };
}

/** Runs as the page prints them: each footnote marker "[n]" at the end of its run, the note registered with the writer. */
function marked(w: Writer, d: BriefDocument, runs: readonly Run[]): Run[] {
  return runs.map((r) => {
    if (!r.notes || r.notes.length === 0) return r;
    const notes = r.notes.map((n) => {
      const got = w.cite(citation(d.footnotes[n - 1]!));
      // The model numbers notes by first citation, as the writer does: a mismatch is a bug, not a layout choice.
      if (got !== n) throw new Error(`footnote ${n} was cited out of order (the page numbers it ${got})`);
      return got;
    });
    return { ...r, text: `${r.text} ${notes.map((n) => `[${n}]`).join('')}`.trim(), notes };
  });
}

/** A rough height of what a keep group prints, to move it whole to the next page when it would be split. */
function groupHeight(w: Writer, nodes: readonly Node[]): number {
  let h = 0;
  for (const n of nodes) {
    if (n.type === 'paragraph') h += linesHeight(w.wrap(n.runs, w.width - (n.opts.indent ?? 0), { size: n.opts.size, style: n.opts.style })) + (n.opts.gapAfter ?? 4);
    else if (n.type === 'space') h += n.height;
    else if (n.type === 'heading') h += 24;
    else h += 40;
  }
  return h;
}

function draw(w: Writer, d: BriefDocument, n: Node): void {
  switch (n.type) {
    case 'heading':
      w.heading(n.text, n.level);
      return;
    case 'paragraph':
      w.block(marked(w, d, n.runs), n.opts);
      return;
    case 'list':
      w.bullets(n.items.map((i) => marked(w, d, i)), n.opts);
      return;
    case 'callout':
      w.callout(marked(w, d, n.runs), n.opts);
      return;
    case 'fillIn':
      w.fillIn(n.label, n.lines);
      return;
    case 'table':
      table(w, n.columns, n.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : marked(w, d, cell)))), n.opts);
      return;
    case 'space':
      w.space(n.height);
      return;
    case 'keep':
      w.ensure(Math.min(groupHeight(w, n.children), w.bottom - w.top));
      for (const child of n.children) draw(w, d, child);
      if (n.rule) {
        w.artifact(() => {
          w.doc.moveTo(w.left, w.y).lineTo(w.right, w.y).lineWidth(0.3).strokeColor(THEME.rule).stroke();
        });
        w.space(4);
      }
      return;
  }
}

/** The brief as a tagged A4 PDF: its bytes and how many pages it took. */
export async function renderPdf(d: BriefDocument): Promise<{ buffer: Buffer; pages: number }> {
  const open = openDocument(d.meta);
  for (const n of d.nodes) draw(open.writer, d, n);
  return closeDocument(open, d.furniture);
}
