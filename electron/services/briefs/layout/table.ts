import { drawLine, linesHeight, THEME, widestWord, type Line, type Run } from './text';
import type { Writer } from './writer';

import type { Cell, Column, TableOptions } from '../doc/model';

export type { Cell, Column, TableOptions } from '../doc/model';

const PAD_X = 4;
const PAD_Y = 3;
/** The smallest a cell's font shrinks to so that its longest word fits unbroken. */
const MIN_CELL_SIZE = 6;
/** No column claims more than this share of the table for its longest word (a URL would take it all). */
const MAX_WORD_SHARE = 0.45;

/**
 * Column widths: the template's proportions, widened where a column's longest
 * word would not fit (a "Мониторинг" in a narrow status column), the room taken
 * from columns that have more than their own longest word needs.
 */
function columnWidths(fractions: readonly number[], need: readonly number[], total: number): number[] {
  const sum = fractions.reduce((s, f) => s + f, 0);
  const base = fractions.map((f) => (f / sum) * total);
  const wanted = need.map((n) => Math.min(n, total * MAX_WORD_SHARE));
  if (wanted.reduce((s, n) => s + n, 0) > total) return base;
  const widened = base.map((b, i) => Math.max(b, wanted[i]!));
  const over = widened.reduce((s, w) => s + w, 0) - total;
  if (over <= 0) return base;
  const slack = widened.map((w, i) => (base[i]! > wanted[i]! ? w - wanted[i]! : 0));
  const totalSlack = slack.reduce((s, x) => s + x, 0);
  return widened.map((w, i) => w - (over * slack[i]!) / totalSlack);
}

/** A table measured: column geometry, every cell laid out, the height of the header and of each row. */
export type TablePlan = {
  widths: number[];
  xs: number[];
  headerCells: Line[][] | null;
  headerHeight: number;
  rows: Line[][][];
  rowHeights: number[];
  /** The height of one line of the tallest cell face: the least a row segment can hold. */
  minLine: number;
};

/** Lays out every cell without drawing, so a keep group or a "keep with next" can measure the table first. */
export function planTable(w: Writer, columns: readonly Column[], rows: readonly Cell[][], opts: TableOptions = {}): TablePlan {
  const size = opts.size ?? THEME.body - 0.5;
  const runsOf = (cell: Cell): Run[] => (typeof cell === 'string' ? [{ text: cell }] : cell);
  const styleOf = (i: number, header: boolean) => (header || (opts.labelColumn === true && i === 0) ? 'bold' : 'regular');
  const need = columns.map((c, i) => Math.max(
    opts.noHeader ? 0 : widestWord(w.doc, [{ text: c.header }], { size, style: 'bold' }),
    ...rows.map((row) => widestWord(w.doc, runsOf(row[i] ?? ''), { size, style: styleOf(i, false) })),
  ) + 2 * PAD_X + 0.5);
  const widths = columnWidths(columns.map((c) => c.width), need, w.width);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((s, x) => s + x, 0));

  const layCell = (cell: Cell, i: number, header: boolean): Line[] => {
    let runs = runsOf(cell);
    let cellSize = size;
    const style = styleOf(i, header);
    const room = widths[i]! - 2 * PAD_X;
    // A word wider than its cell is set smaller rather than cut, down to a legible size.
    const widest = widestWord(w.doc, runs, { size, style });
    if (widest > room && (size * room) / widest >= MIN_CELL_SIZE) {
      const scale = Math.floor((room / widest) * 100) / 100;
      cellSize = size * scale;
      runs = runs.map((r) => (r.size === undefined ? r : { ...r, size: r.size * scale }));
    }
    return w.wrap(runs, room, { size: cellSize, style, color: header ? THEME.accent : THEME.text });
  };
  const headerCells = opts.noHeader ? null : columns.map((c, i) => layCell([{ text: c.header }], i, true));
  const headerHeight = headerCells ? Math.max(...headerCells.map(linesHeight)) + 2 * PAD_Y : 0;
  const laid = rows.map((row) => columns.map((_, i) => layCell(row[i] ?? '', i, false)));
  const rowHeights = laid.map((cells) => Math.max(...cells.map(linesHeight)) + 2 * PAD_Y);
  const minLine = Math.max(...columns.map((_, i) => layCell('x', i, false)[0]!.height));
  return { widths, xs, headerCells, headerHeight, rows: laid, rowHeights, minLine };
}

/** What the table prints, whole on one page: header, rows and the gap after (split rows repeat the header, not counted). */
export function tableHeight(plan: TablePlan, opts: TableOptions = {}): number {
  if (plan.rows.length === 0) return 0;
  return plan.headerHeight + plan.rowHeights.reduce((s, h) => s + h, 0) + (opts.gapAfter ?? 8);
}

/** The least of the table that must go with what comes before it: the header with its first row (both rows of a two-row table). */
export function tableLead(w: Writer, plan: TablePlan): number {
  const [first, second] = plan.rowHeights;
  if (first === undefined) return 0;
  const fullPage = w.bottom - w.top - plan.headerHeight;
  const rows = second !== undefined && plan.rowHeights.length === 2 && first + second <= fullPage ? first + second : first;
  return plan.headerHeight + (rows <= fullPage ? rows : plan.minLine * 2 + 2 * PAD_Y);
}

/**
 * A table that breaks across pages: the header row is repeated on every page
 * the table reaches, and a row too tall for the room left is split between
 * lines rather than pushed out of the page. (pdfkit's own doc.table repeats no
 * header.) The last row never starts a page alone when it and the row before fit on one.
 */
export function table(w: Writer, columns: readonly Column[], rows: readonly Cell[][], opts: TableOptions = {}): void {
  if (rows.length === 0) return;
  const plan = planTable(w, columns, rows, opts);
  const { widths, xs, headerCells, headerHeight, rowHeights, minLine } = plan;

  const drawSegment = (cells: Line[][], height: number, header: boolean) => {
    const y0 = w.y;
    w.artifact(() => {
      const doc = w.doc;
      if (header) doc.rect(w.left, y0, w.width, height).fillColor(THEME.fill).fill();
      else if (opts.labelColumn) doc.rect(w.left, y0, widths[0]!, height).fillColor(THEME.labelFill).fill();
      doc.lineWidth(0.5).strokeColor(THEME.rule);
      doc.rect(w.left, y0, w.width, height).stroke();
      for (const x of xs.slice(1)) doc.moveTo(x, y0).lineTo(x, y0 + height).stroke();
    });
    const row = w.struct('TR', tableEl);
    cells.forEach((lines, i) => {
      w.tagged(header ? 'TH' : 'TD', () => {
        let y = y0 + PAD_Y;
        for (const line of lines) {
          drawLine(w.doc, line, xs[i]! + PAD_X, y);
          y += line.height;
        }
      }, row);
    });
    row.end();
    w.y = y0 + height;
  };

  const drawHeader = () => {
    if (headerCells) drawSegment(headerCells, headerHeight, true);
  };
  const freshPage = () => {
    w.newPage();
    drawHeader();
  };

  // The header keeps with the whole first row when that row moves to a fresh page whole (as the loop
  // below would move it); with two lines of it when it is taller than a page and split anyway.
  w.ensure(tableLead(w, plan));
  const tableEl = w.struct('Table');
  drawHeader();

  const last = plan.rows.length - 1;
  plan.rows.forEach((cells, r) => {
    const fullPage = w.limit - w.top - headerHeight;
    if (r === last - 1 && r > 0) {
      // The last row would start the next page alone: carry this one over with it, when both fit there.
      const room = w.limit - w.y;
      const pair = rowHeights[r]! + rowHeights[last]!;
      if (rowHeights[r]! <= room && pair > room && rowHeights[last]! <= fullPage && pair <= fullPage) freshPage();
    }
    let rest = cells;
    while (rest.some((lines) => lines.length > 0)) {
      // A cell's footnote markers go on a page only with their notes, as in a paragraph.
      const notes = w.notesHeight(rest.flat());
      const need = Math.max(...rest.map(linesHeight)) + 2 * PAD_Y + notes;
      const room = w.limit - w.y;
      const pageRoom = w.limit - w.top - headerHeight;
      // A row that fits on a fresh page moves there whole; only a row taller than
      // that is split, so short rows are never torn apart.
      if (need > room && (need <= pageRoom || room < minLine + 2 * PAD_Y)) {
        freshPage();
        continue;
      }
      const budget = Math.min(need, room) - 2 * PAD_Y - notes;
      const taken = rest.map((lines) => {
        let h = 0;
        let n = 0;
        while (n < lines.length && h + lines[n]!.height <= budget + 0.01) h += lines[n++]!.height;
        return lines.slice(0, n);
      });
      if (taken.every((lines) => lines.length === 0)) {
        // Only a line taller than the room left; it fits on a fresh page.
        freshPage();
        continue;
      }
      const height = Math.max(...taken.map(linesHeight)) + 2 * PAD_Y;
      drawSegment(taken, height, false);
      for (const line of taken.flat()) if (line.notes) w.placeNotes(line.notes);
      rest = rest.map((lines, i) => lines.slice(taken[i]!.length));
    }
  });
  tableEl.end();
  w.space(opts.gapAfter ?? 8);
}
