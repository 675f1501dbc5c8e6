import type { BriefLang, BriefMode } from '../../../../shared/model/brief';

// A brief as plain data: what a template decides (words, order, emphasis, which
// facts and notes), with no page in sight. The PDF writer (pdf/) and the Word
// writer (docx/) each lay it out; the redaction proof reads the model first and the
// written file after. Nothing here may hold a function: a document can be compared,
// logged and tested as it is.

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/**
 * A stretch of text in one face. `notes`: the footnotes (numbers from the document's
 * `footnotes`, counting from 1) whose markers end this run; each writer prints the
 * marker its own way (PDF "[1]", Word a footnote reference).
 */
export type Run = { text: string; style?: FontStyle; size?: number; color?: string; notes?: readonly number[] };

export type Cell = string | Run[];
export type Column = { header: string; width: number };

export type TableOptions = {
  /** Font size of the cells. */
  size?: number;
  /** Print the first column as row labels (bold, shaded), as in a key-facts box. */
  labelColumn?: boolean;
  /** Leave out the header row (key facts need none). */
  noHeader?: boolean;
  gapAfter?: number;
};

export type BlockOptions = {
  indent?: number;
  size?: number;
  style?: FontStyle;
  color?: string;
  gapAfter?: number;
  /** The structure tag for a tagged PDF (P, Title, H3, BlockQuote); Word maps Title to its title style. */
  tag?: string;
  /** Keep the block, with its footnotes, on one page when it fits on one. */
  keepTogether?: boolean;
  /** Numbered rather than bulleted list items. */
  ordered?: boolean;
  /**
   * Keep on the page of what follows (a signature line, a closing request, a "see annex"):
   * the PDF writer moves it to the next page with the first lines of the next node
   * (a heading with its own lead, two lines of a long paragraph, a table's header
   * and first row, a signature block whole). Paragraphs and lists.
   */
  keepWithNext?: boolean;
};

export type CalloutOptions = { color: string; fill?: string; size?: number };

export type Node =
  | { type: 'heading'; text: string; level: 1 | 2 | 3 }
  | { type: 'paragraph'; runs: Run[]; opts: BlockOptions }
  | { type: 'list'; items: Run[][]; opts: BlockOptions }
  | { type: 'callout'; runs: Run[]; opts: CalloutOptions }
  /** A label and ruled lines to write on by hand. */
  | { type: 'fillIn'; label: string; lines: number }
  | { type: 'table'; columns: Column[]; rows: Cell[][]; opts: TableOptions }
  /** Printed on one page when it fits on one (a profile in a country list); `rule` draws a line under it. */
  | { type: 'keep'; children: Node[]; rule?: boolean }
  | { type: 'space'; height: number }
  /** A picture (a chart of the caseload), never wider than the text; its numbers are in the text beside it. */
  | ImageNode;

/**
 * A picture as bytes: JPEG for the PDF (pdfkit places it as it is), PNG for Word when the
 * brief is a Word document. `width` and `height` are its printed size in points; `alt` is
 * what a screen reader says of it.
 */
export type ImageNode = { type: 'image'; jpeg: Uint8Array; png?: Uint8Array; width: number; height: number; alt: string };

/**
 * A footnote, cited by key (a source's id) and numbered by first citation. `short`
 * is what a later page prints instead of the full note: its title, and the words
 * around the page number of the full one ("{page}" stands for it).
 */
export type Footnote = { key: string; full: Run[]; short: { title: string; seePage: string } };

export type DocumentMeta = {
  title: string;
  subject: string;
  keywords: string[];
  lang: BriefLang;
  mode: BriefMode;
  generatedAt: Date;
  /** The document's author: the organisation or person preparing it; never a tool's name in a brief to send. */
  author: string;
};

/** What every page carries: the running header, "Page X of Y", and an internal brief's stamp. */
export type Furniture = {
  /** Running header, left: the case title (or the brief's title for many cases). */
  title: string;
  /** Running header, right (an internal brief's "generated on"); empty for a brief to send, and then not drawn. */
  right: string;
  /** "Page {page} of {total}". */
  pageLabel: string;
  /** Internal briefs: the words stamped on every page, e.g. ["CONFIDENTIAL", "КОНФИДЕНЦИАЛЬНО"]. */
  stamp?: readonly string[];
};

export type BriefDocument = { meta: DocumentMeta; furniture: Furniture; nodes: Node[]; footnotes: Footnote[] };

/** Every word of the document as a reader would see it, footnotes and furniture included, for the redaction proof and tests. */
export function documentText(doc: BriefDocument): string {
  const out: string[] = [doc.meta.title, doc.meta.subject, doc.meta.author, ...doc.meta.keywords, doc.furniture.title, doc.furniture.right, ...(doc.furniture.stamp ?? [])];
  const runs = (rs: readonly Run[]) => out.push(rs.map((r) => r.text).join(' '));
  const visit = (n: Node): void => {
    switch (n.type) {
      case 'heading': out.push(n.text); break;
      case 'paragraph': case 'callout': runs(n.runs); break;
      case 'list': n.items.forEach(runs); break;
      case 'fillIn': out.push(n.label); break;
      case 'table':
        out.push(n.columns.map((c) => c.header).join(' '));
        for (const row of n.rows) for (const cell of row) {
          if (typeof cell === 'string') out.push(cell);
          else runs(cell);
        }
        break;
      case 'keep': n.children.forEach(visit); break;
      case 'space': break;
      case 'image': out.push(n.alt); break;
    }
  };
  doc.nodes.forEach(visit);
  for (const f of doc.footnotes) { runs(f.full); out.push(f.short.title); }
  return out.join('\n');
}
