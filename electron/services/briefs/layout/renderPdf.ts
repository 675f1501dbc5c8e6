import type { BriefDocument, Footnote, Node } from '../doc/model';
import { closeDocument, openDocument } from '../document';
import { bullets, callout, fillIn } from './blocks';
import { image } from './image';
import { fillInRunHeight, groupHeight, leadHeight, marked } from './measure';
import { table } from './table';
import { THEME } from './text';
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

/** The room a "keep with next" block keeps after it, when block and follower fit on one page (the writer checks). */
function follower(w: Writer, nodes: readonly Node[], i: number, keepWithNext: boolean | undefined): number {
  return keepWithNext ? leadHeight(w, nodes, i + 1) : 0;
}

/** Draws nodes[i]; its siblings are there to measure what must keep with it. */
function draw(w: Writer, nodes: readonly Node[], i: number): void {
  const n = nodes[i]!;
  switch (n.type) {
    case 'heading':
      w.heading(n.text, n.level);
      return;
    case 'paragraph':
      w.block(marked(n.runs), n.opts, follower(w, nodes, i, n.opts.keepWithNext));
      return;
    case 'list':
      bullets(w, n.items.map(marked), n.opts, follower(w, nodes, i, n.opts.keepWithNext));
      return;
    case 'callout':
      callout(w, marked(n.runs), n.opts);
      return;
    case 'fillIn':
      // A signature block (the fill-ins in a row) starts where all of it fits, under its heading.
      if (nodes[i - 1]?.type !== 'fillIn') w.ensure(Math.min(fillInRunHeight(w, nodes, i), w.pageHeight));
      fillIn(w, n.label, n.lines);
      return;
    case 'table':
      table(w, n.columns, n.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : marked(cell)))), n.opts);
      return;
    case 'space':
      w.space(n.height);
      return;
    case 'image':
      image(w, n);
      return;
    case 'keep':
      w.ensure(Math.min(groupHeight(w, n.children), w.pageHeight));
      n.children.forEach((_, j) => draw(w, n.children, j));
      if (n.rule) {
        w.artifact(() => {
          w.doc.moveTo(w.left, w.y).lineTo(w.right, w.y).lineWidth(0.3).strokeColor(THEME.rule).stroke();
        });
        w.space(4);
      }
      return;
  }
}

/** A file embedded in the PDF (an original behind a source): a viewer lists it by name, with its description. */
export type PdfAttachment = { name: string; data: Buffer; mediaType: string; description: string };

/**
 * The brief as a tagged A4 PDF: its bytes, how many pages it took, and the text a reader will extract
 * from it (null when it must be read back); `attachments` are embedded as the document's files.
 */
export async function renderPdf(d: BriefDocument, attachments: readonly PdfAttachment[] = []): Promise<{ buffer: Buffer; pages: number; readerText: string | null }> {
  const open = openDocument(d.meta);
  // The model numbers notes by first citation; registering them in that order up front gives the page the
  // same numbers, and lets a block be measured with its notes before it is drawn.
  for (const f of d.footnotes) open.writer.cite(citation(f));
  d.nodes.forEach((_, i) => draw(open.writer, d.nodes, i));
  // Always bytes, never a path: given a string, pdfkit would read a file of that name from the disk.
  for (const a of attachments) open.writer.doc.file(a.data, { name: a.name, type: a.mediaType, description: a.description });
  return closeDocument(open, d.furniture);
}
