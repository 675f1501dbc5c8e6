import type {} from 'pdfkit';
import { paragraphs } from '../format';
import { drawLine, linesHeight, THEME, wrapRuns, type Line, type Run } from './text';

import type { BlockOptions } from '../doc/model';

export type { BlockOptions } from '../doc/model';

/**
 * A footnote cited by key (a source's id): the first citation prints `full`;
 * later ones reuse its number, and on a later page print `short` with the page
 * that holds the full note, so each source is footnoted in full once.
 */
export type Citation = { key: string; full: (n: number) => Run[]; short: (n: number, page: number) => Run[] };

type PendingHeading = { text: string; level: 1 | 2 | 3; lines: Line[] };

const NOTE_RULE_GAP = 8;
/** A paragraph shorter than this moves whole rather than split. */
export const MIN_SPLIT_LINES = 4;
/** The fewest lines of a split paragraph left at a page's foot or carried to the next. */
export const MIN_PAGE_LINES = 2;

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
  private readonly pageNotes = new Map<number, Line[][]>();
  private readonly citations: Citation[] = [];
  private readonly numberOf = new Map<string, number>();
  /** The page (index) each note was printed on in full. */
  private readonly fullOn = new Map<number, number>();
  /** Note numbers already at the foot of each page. */
  private readonly notesOn = new Map<number, Set<number>>();
  private lastOutline: PDFKit.PDFOutline | undefined;
  /** Headings not drawn yet: each waits for what follows it, so no heading ends a page alone. */
  private pending: PendingHeading[] = [];
  /** Where this page's content begins: its top, or under the headings that opened it. */
  private contentTop: number;

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
    this.contentTop = this.top;
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

  /** Nothing but the headings that opened this page is on it yet: moving on would leave them alone. */
  get atContentTop(): boolean {
    return this.y <= this.contentTop + 0.5;
  }

  /** The most a page holds between its margins. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  newPage(): void {
    this.doc.continueOnNewPage();
    this.pageIndex += 1;
    this.y = this.top;
    this.contentTop = this.top;
    this.footReserve = 0;
  }

  /**
   * Breaks the page unless `height` still fits; never breaks an empty page, so no
   * page is left blank. Headings still waiting are drawn first, on the page where
   * `height` of what follows fits under them: every block, table and list starts
   * with this call, so a heading always keeps with the start of its content.
   */
  ensure(height: number): void {
    if (this.pending.length > 0) {
      if (this.y + this.pendingHeight() + height > this.limit && !this.atPageTop) this.newPage();
      const fresh = this.atPageTop;
      this.flushHeadings();
      // On a fresh page the content goes under its heading even when it is taller than what is left.
      if (fresh) return;
    }
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

  /**
   * The footnote number for a citation: a new one the first time its key is cited,
   * the same one after. The caller puts `[n]` in its text and passes n in the run's `notes`.
   */
  cite(citation: Citation): number {
    const known = this.numberOf.get(citation.key);
    if (known !== undefined) return known;
    this.citations.push(citation);
    const n = this.citations.length;
    this.numberOf.set(citation.key, n);
    return n;
  }

  /** The lines of note n as it would be printed on the current page, or null when that page already has it. */
  private noteLines(n: number): Line[] | null {
    if (this.notesOn.get(this.pageIndex)?.has(n)) return null;
    const citation = this.citations[n - 1]!;
    const fullPage = this.fullOn.get(n);
    const runs = fullPage === undefined ? citation.full(n) : citation.short(n, fullPage + 1);
    return this.wrap(runs, this.width, { size: THEME.small });
  }

  /** The height the notes of `lines` would take at the foot of the current page (rule included). */
  notesHeight(lines: readonly Line[]): number {
    const numbers = new Set(lines.flatMap((l) => l.notes ?? []));
    let h = 0;
    for (const n of numbers) {
      const noteLines = this.noteLines(n);
      if (noteLines) h += linesHeight(noteLines);
    }
    return h > 0 && this.footReserve === 0 ? h + NOTE_RULE_GAP : h;
  }

  /**
   * Draws laid-out lines from the cursor, breaking pages between lines. A line
   * that ends a footnote marker goes on a page only with its notes: the notes are
   * printed at the foot of the page that shows the marker. Call inside `tagged`.
   */
  drawLines(lines: readonly Line[], x: number): void {
    for (const line of lines) {
      const extra = line.notes ? this.notesHeight([line]) : 0;
      if (this.y + line.height + extra > this.limit && !this.atPageTop) this.newPage();
      drawLine(this.doc, line, x, this.y);
      this.y += line.height;
      if (line.notes) this.placeNotes(line.notes);
    }
  }

  /** Puts notes at the foot of this page (once each), for lines drawn without `drawLines` (table cells). */
  placeNotes(numbers: readonly number[]): void {
    for (const n of numbers) {
      const lines = this.noteLines(n);
      if (!lines) continue;
      const list = this.pageNotes.get(this.pageIndex) ?? [];
      if (list.length === 0) this.footReserve += NOTE_RULE_GAP;
      list.push(lines);
      this.footReserve += linesHeight(lines);
      this.pageNotes.set(this.pageIndex, list);
      const on = this.notesOn.get(this.pageIndex) ?? new Set<number>();
      on.add(n);
      this.notesOn.set(this.pageIndex, on);
      if (!this.fullOn.has(n)) this.fullOn.set(n, this.pageIndex);
    }
  }

  /**
   * A paragraph. It is split between pages only when it has four lines or more, and
   * then with at least two lines on each side (no orphan, no widow); `withNext` is
   * the height of what must stay on its page after it (a "keep with next" block's
   * follower), honoured when block and follower fit on one page.
   */
  block(runs: readonly Run[], opts: BlockOptions = {}, withNext = 0): void {
    const indent = opts.indent ?? 0;
    const lines = this.blockLines(runs, opts);
    if (lines.length === 0) return;
    const after = opts.gapAfter ?? 4;
    const flow = this.placeLines(lines, opts.keepTogether === true || lines.length < MIN_SPLIT_LINES, withNext > 0 ? after + withNext : 0);
    this.tagged(opts.tag ?? 'P', () => flow(this.left + indent));
    this.space(after);
  }

  /**
   * Moves to where a run of lines (a paragraph, a list item) may start, and returns
   * what draws it from there: whole when `keep` and it fits on a page, else split
   * with two lines at least on each side; `tail` is the room what keeps with the
   * run needs after its last line, on the same page, when the two fit on one.
   */
  private placeLines(lines: readonly Line[], keep: boolean, tail: number): (x: number, first?: (y: number) => void) => void {
    const { start, together, tail: t } = this.linesPlan(lines, keep, tail);
    this.ensure(start);
    return (x, first) => this.flowLines(lines, x, together ? lines.length : MIN_PAGE_LINES, first, t);
  }

  /** How `placeLines` places a run: kept whole or not, the tail it honours, the room it needs to start on a page. */
  linesPlan(lines: readonly Line[], keep: boolean, tail: number): { start: number; together: boolean; tail: number } {
    const whole = this.wholeHeight(lines);
    const together = keep && whole <= this.pageHeight;
    const end = together ? whole : this.wholeHeight(lines.slice(-MIN_PAGE_LINES));
    const t = tail > 0 && end + tail <= this.pageHeight ? tail : 0;
    return { start: together ? whole + t : this.leadHeight(lines), together, tail: t };
  }

  /** A paragraph's lines, as `block` prints them. */
  blockLines(runs: readonly Run[], opts: BlockOptions = {}): Line[] {
    return this.wrap(runs, this.width - (opts.indent ?? 0), { size: opts.size, style: opts.style, color: opts.color });
  }

  /** The lines' height with their notes, as printed whole on this page. */
  wholeHeight(lines: readonly Line[]): number {
    return linesHeight(lines) + this.notesHeight(lines);
  }

  /** The least of a run of lines that may start on a page: all of a short one, two lines of a longer one (notes included). */
  leadHeight(lines: readonly Line[]): number {
    return this.wholeHeight(lines.length < MIN_SPLIT_LINES ? lines : lines.slice(0, MIN_PAGE_LINES));
  }

  /** How many of `lines`, from `from`, fit on this page with the notes they cite (the last with `tail` under it). */
  private fitting(lines: readonly Line[], from: number, tail: number): number {
    let y = this.y;
    let reserve = this.footReserve;
    const seen = new Set<number>();
    let k = 0;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      let extra = 0;
      for (const n of line.notes ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        const note = this.noteLines(n);
        if (note) extra += linesHeight(note);
      }
      if (extra > 0 && reserve === 0) extra += NOTE_RULE_GAP;
      if (y + line.height + reserve + extra + (i === lines.length - 1 ? tail : 0) > this.bottom) break;
      y += line.height;
      reserve += extra;
      k++;
    }
    return k;
  }

  /**
   * Draws lines over as many pages as they need, leaving at least `min` lines on
   * each side of every break (a run shorter than 2 × `min` is not split: it moves
   * whole). `first` is called with the y of the first line, where it is drawn (a
   * list marker); `tail` is room the last line needs under it on its page. Call inside `tagged`.
   */
  flowLines(lines: readonly Line[], x: number, min: number, first?: (y: number) => void, tail = 0): void {
    let i = 0;
    while (i < lines.length) {
      const rest = lines.length - i;
      const fit = this.fitting(lines, i, tail);
      let take = fit;
      if (fit < rest) {
        take = Math.min(fit, rest - min);
        if (take < min) {
          // The run's first page may be left for the next; a page the run continues on, or one
          // holding only its heading, may not: there the rule gives way to two lines a side, then to one.
          if (i === 0 && !this.atContentTop) take = 0;
          else take = Math.max(1, Math.min(fit, rest - Math.min(min, MIN_PAGE_LINES)));
        }
      }
      if (take <= 0) {
        this.newPage();
        continue;
      }
      if (i === 0) first?.(this.y);
      this.drawLines(lines.slice(i, i + take), x);
      i += take;
      if (i < lines.length) this.newPage();
    }
  }

  /** Plain text as stored: one block per paragraph (paragraphs are separated by blank lines). */
  text(text: string | undefined, opts: BlockOptions = {}): void {
    for (const p of paragraphs(text)) this.block([{ text: p }], opts);
  }

  /**
   * A heading, drawn only when what follows it is placed (see `ensure`): it moves
   * to the next page with the first lines of its content rather than stay behind.
   */
  heading(text: string, level: 1 | 2 | 3 = 1): void {
    const size = level === 1 ? THEME.h1 : level === 2 ? THEME.h2 : THEME.h3;
    this.pending.push({ text, level, lines: this.wrap([{ text, style: 'bold', color: THEME.accent }], this.width, { size }) });
  }

  /** The height a heading takes, with the space around it (the space before counted, as under other content). */
  headingHeight(text: string, level: 1 | 2 | 3): number {
    const size = level === 1 ? THEME.h1 : level === 2 ? THEME.h2 : THEME.h3;
    return gapBefore(level) + linesHeight(this.wrap([{ text, style: 'bold', color: THEME.accent }], this.width, { size })) + gapAfter(level);
  }

  private pendingHeight(): number {
    return this.pending.reduce((h, p, i) => h + (i === 0 && this.atPageTop ? 0 : gapBefore(p.level)) + linesHeight(p.lines) + gapAfter(p.level), 0);
  }

  private flushHeadings(): void {
    const headings = this.pending;
    this.pending = [];
    const opensPage = this.atPageTop;
    for (const { text, level, lines } of headings) {
      if (!this.atPageTop) this.space(gapBefore(level));
      this.tagged(`H${level}`, () => this.drawLines(lines, this.left));
      if (level === 1) {
        this.addOutline(text, 1);
        this.artifact(() => {
          this.doc.moveTo(this.left, this.y + 1).lineTo(this.right, this.y + 1).lineWidth(0.6).strokeColor(THEME.accent).stroke();
        });
      } else if (level === 2) this.addOutline(text, 2);
      this.space(gapAfter(level));
    }
    if (opensPage) this.contentTop = this.y;
  }

  private addOutline(text: string, level: 1 | 2): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (level === 1 || !this.lastOutline) this.lastOutline = this.doc.outline.addItem(clean);
    else this.lastOutline.addItem(clean);
  }

  /** Draws the footnotes collected per page; called once all content is laid out. */
  drawFootnotes(): void {
    // A heading at the very end with nothing after it still belongs in the document.
    if (this.pending.length > 0) this.ensure(0);
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

function gapBefore(level: 1 | 2 | 3): number {
  return level === 1 ? 10 : 6;
}

function gapAfter(level: 1 | 2 | 3): number {
  return level === 1 ? 6 : 3;
}
