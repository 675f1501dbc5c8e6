import type {} from 'pdfkit';
import { paragraphs } from '../format';
import { drawLine, lineHeight, linesHeight, THEME, wrapRuns, type Line, type Run } from './text';

export type BlockOptions = {
  indent?: number;
  size?: number;
  style?: Run['style'];
  color?: string;
  gapAfter?: number;
  /** The structure tag for a tagged PDF: P, H3, BlockQuote… */
  tag?: string;
  /** Footnotes cited in this block; each is printed at the foot of the page where the block ends. */
  notes?: readonly Run[][];
  /** Keep the block on one page when it fits on one. */
  keepTogether?: boolean;
  /** Numbered rather than bulleted list items. */
  ordered?: boolean;
};

type PageNotes = Line[][];

const NOTE_RULE_GAP = 8;

/**
 * Our own cursor over a pdfkit document. Every page break goes through here (and
 * through pdfkit's continueOnNewPage, which carries open structure tags over), so
 * nothing is ever drawn below the bottom margin and footnotes keep their room.
 */
export class Writer {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  y: number;
  pageIndex = 0;
  private footReserve = 0;
  private readonly pageNotes = new Map<number, PageNotes>();
  private noteCount = 0;
  private lastOutline: PDFKit.PDFOutline | undefined;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly root: PDFKit.PDFStructureElement,
  ) {
    const page = doc.page;
    this.left = page.margins.left;
    this.right = page.width - page.margins.right;
    this.top = page.margins.top;
    this.bottom = page.height - page.margins.bottom;
    this.y = this.top;
  }

  get width(): number {
    return this.right - this.left;
  }

  /** The lowest y content may reach on this page, above any footnotes placed on it. */
  get limit(): number {
    return this.bottom - this.footReserve;
  }

  get atPageTop(): boolean {
    return this.y <= this.top + 0.5;
  }

  newPage(): void {
    this.doc.continueOnNewPage();
    this.pageIndex += 1;
    this.y = this.top;
    this.footReserve = 0;
  }

  /** Breaks the page unless `height` still fits; never breaks an empty page, so no page is left blank. */
  ensure(height: number): void {
    if (this.y + height > this.limit && !this.atPageTop) this.newPage();
  }

  space(height: number): void {
    this.y = Math.min(this.y + height, this.limit);
  }

  /** Draws inside a structure element; content drawn through `draw` is tagged with `type`. */
  tagged(type: string, draw: () => void, parent: PDFKit.PDFStructureElement = this.root): void {
    parent.add(this.doc.struct(type, {}, draw));
  }

  struct(type: string, parent: PDFKit.PDFStructureElement = this.root): PDFKit.PDFStructureElement {
    const el = this.doc.struct(type);
    parent.add(el);
    return el;
  }

  /** Decoration (rules, fills) marked as an artifact so screen readers skip it; never call inside `tagged`. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  wrap(runs: readonly Run[], width: number, opts: { size?: number; style?: Run['style']; color?: string } = {}): Line[] {
    return wrapRuns(this.doc, runs, width, { size: opts.size ?? THEME.body, style: opts.style, color: opts.color });
  }

  /** Draws laid-out lines from the cursor, breaking pages between lines. Call inside `tagged`. */
  drawLines(lines: readonly Line[], x: number, notes: readonly Run[][] = []): void {
    const noteLines = notes.map((note) => this.wrap(note, this.width, { size: THEME.small }));
    const notesHeight = noteLines.reduce((h, n) => h + linesHeight(n), 0);
    lines.forEach((line, i) => {
      const last = i === lines.length - 1;
      const extra = last && notes.length > 0 ? notesHeight + (this.footReserve === 0 ? NOTE_RULE_GAP : 0) : 0;
      if (this.y + line.height + extra > this.limit && !this.atPageTop) this.newPage();
      drawLine(this.doc, line, x, this.y);
      this.y += line.height;
      if (last && notes.length > 0) this.placeNotes(noteLines);
    });
  }

  private placeNotes(noteLines: Line[][]): void {
    const list = this.pageNotes.get(this.pageIndex) ?? [];
    if (list.length === 0) this.footReserve += NOTE_RULE_GAP;
    for (const lines of noteLines) {
      list.push(lines);
      this.footReserve += linesHeight(lines);
    }
    this.pageNotes.set(this.pageIndex, list);
  }

  /**
   * The next footnote number, in reading order; the caller puts the marker in its
   * text and passes the note (starting with the same number) to `block`.
   */
  nextNoteNumber(): number {
    this.noteCount += 1;
    return this.noteCount;
  }

  block(runs: readonly Run[], opts: BlockOptions = {}): void {
    const indent = opts.indent ?? 0;
    const lines = this.wrap(runs, this.width - indent, { size: opts.size, style: opts.style, color: opts.color });
    if (lines.length === 0) return;
    const total = linesHeight(lines);
    if (opts.keepTogether && total <= this.bottom - this.top) this.ensure(total);
    else this.ensure(Math.min(total, lines[0]!.height * 2));
    this.tagged(opts.tag ?? 'P', () => this.drawLines(lines, this.left + indent, opts.notes));
    this.space(opts.gapAfter ?? 4);
  }

  /** Plain text as stored: one block per paragraph (paragraphs are separated by blank lines). */
  text(text: string | undefined, opts: BlockOptions = {}): void {
    for (const p of paragraphs(text)) this.block([{ text: p }], opts);
  }

  /** `keepWith`: the height of what follows that must share the heading's page (three lines by default). */
  heading(text: string, level: 1 | 2 | 3 = 1, keepWith = 3 * lineHeight(THEME.body)): void {
    const size = level === 1 ? THEME.h1 : level === 2 ? THEME.h2 : THEME.h3;
    const lines = this.wrap([{ text, style: 'bold', color: THEME.accent }], this.width, { size });
    const before = this.atPageTop ? 0 : level === 1 ? 10 : 6;
    this.ensure(Math.min(before + linesHeight(lines) + keepWith + 10, this.bottom - this.top));
    if (!this.atPageTop) this.space(before);
    this.tagged(`H${level}`, () => this.drawLines(lines, this.left));
    if (level === 1) {
      this.addOutline(text, 1);
      this.artifact(() => {
        this.doc.moveTo(this.left, this.y + 1).lineTo(this.right, this.y + 1).lineWidth(0.6).strokeColor(THEME.accent).stroke();
      });
      this.space(6);
    } else {
      if (level === 2) this.addOutline(text, 2);
      this.space(3);
    }
  }

  private addOutline(text: string, level: 1 | 2): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (level === 1 || !this.lastOutline) this.lastOutline = this.doc.outline.addItem(clean);
    else this.lastOutline.addItem(clean);
  }

  bullets(items: readonly (string | Run[])[], opts: BlockOptions = {}): void {
    if (items.length === 0) return;
    const list = this.struct('L');
    const indent = (opts.indent ?? 0) + 12;
    items.forEach((item, i) => {
      const runs = typeof item === 'string' ? [{ text: item }] : item;
      const lines = this.wrap(runs, this.width - indent, { size: opts.size });
      this.ensure(Math.min(linesHeight(lines), 2 * lineHeight(opts.size ?? THEME.body)));
      const y0 = this.y;
      const marker = opts.ordered ? `${i + 1}.` : '•';
      this.tagged('LI', () => {
        drawLine(this.doc, { ...lines[0]!, text: marker, style: 'regular', color: THEME.accent }, this.left + indent - 11, y0);
        this.drawLines(lines, this.left + indent, opts.notes);
      }, list);
      this.space(2);
    });
    list.end();
    this.space(opts.gapAfter ?? 3);
  }

  /** A short boxed notice, such as the confidentiality marking; kept on one page. */
  callout(runs: readonly Run[], opts: { color: string; fill?: string; size?: number }): void {
    const pad = 6;
    const lines = this.wrap(runs, this.width - 2 * pad, { size: opts.size ?? THEME.small, color: opts.color });
    const height = linesHeight(lines) + 2 * pad;
    this.ensure(height);
    const y0 = this.y;
    this.artifact(() => {
      if (opts.fill) this.doc.rect(this.left, y0, this.width, height).fillColor(opts.fill).fill();
      this.doc.rect(this.left, y0, this.width, height).lineWidth(0.8).strokeColor(opts.color).stroke();
    });
    this.y = y0 + pad;
    this.tagged('P', () => this.drawLines(lines, this.left + pad));
    this.y = Math.max(this.y + pad, y0 + height);
    this.space(8);
  }

  /** A label and a ruled line to write on by hand (the WGAD submitter block). */
  fillIn(label: string, lines = 1): void {
    const labelLines = this.wrap([{ text: label, style: 'bold' }], this.width * 0.3, { size: THEME.body });
    const rowHeight = Math.max(linesHeight(labelLines) + 8, 24);
    this.ensure(rowHeight * lines + 4);
    const y0 = this.y;
    this.tagged('P', () => this.drawLines(labelLines, this.left));
    this.y = y0;
    const x0 = this.left + this.width * 0.32;
    for (let i = 0; i < lines; i++) {
      const lineY = y0 + rowHeight * (i + 1) - 6;
      this.artifact(() => {
        this.doc.moveTo(x0, lineY).lineTo(this.right, lineY).lineWidth(0.5).strokeColor(THEME.muted).stroke();
      });
    }
    this.y += rowHeight * lines + 4;
  }

  /** Draws the footnotes collected per page; called once all content is laid out. */
  drawFootnotes(): void {
    for (const [page, notes] of [...this.pageNotes.entries()].sort((a, b) => a[0] - b[0])) {
      this.doc.switchToPage(page);
      let y = this.bottom - notes.reduce((h, lines) => h + linesHeight(lines), 0);
      const ruleY = y - 4;
      this.artifact(() => {
        this.doc.moveTo(this.left, ruleY).lineTo(this.left + 120, ruleY).lineWidth(0.5).strokeColor(THEME.rule).stroke();
      });
      for (const lines of notes) {
        const yStart = y;
        this.tagged('Note', () => {
          let yy = yStart;
          for (const line of lines) {
            drawLine(this.doc, line, this.left, yy);
            yy += line.height;
          }
        });
        y += linesHeight(lines);
      }
    }
  }
}
