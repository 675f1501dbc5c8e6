import {
  BorderStyle, HeadingLevel, LeaderType, LineRuleType, Paragraph, ShadingType, Tab, Table, TableCell, TableRow, TabStopType, TextRun, WidthType,
  type IBorderOptions,
} from 'docx';
import type { BriefLang } from '../../../../shared/model/brief';
import type { BlockOptions, CalloutOptions, Cell, Column, Node, Run, TableOptions } from '../doc/model';
import { THEME } from '../doc/theme';
import { imageParagraph } from './image';
import { runsToChildren, type Notes, type RunDefaults } from './runs';
import { BULLETS, hex, NUMBERS, TEXT_WIDTH, twips } from './styles';

// The body of the Word brief: each node of the document model as Word paragraphs
// and tables, in the model's order. Page breaks are Word's to make; what the PDF
// writer keeps together is asked of Word with keep-with-next and keep-lines.

export type Block = Paragraph | Table;

export type BlockCtx = { lang: BriefLang; notes: Notes; lists: number };

/** Inside a keep group every paragraph but the group's last keeps with what follows. */
type Keep = { next: boolean; lines: boolean };
const FREE: Keep = { next: false, lines: false };

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A paragraph's PDF structure tag as a Word style: the title, the headings a template writes as blocks, a quotation. */
function styleOfTag(tag: string | undefined): { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; style?: string } {
  if (tag === 'Title') return { heading: HeadingLevel.TITLE };
  const h = /^H([123])$/.exec(tag ?? '');
  if (h) return { heading: HEADINGS[Number(h[1]) as 1 | 2 | 3] };
  if (tag === 'BlockQuote') return { style: 'Quote' };
  return {};
}

function paragraph(ctx: BlockCtx, runs: readonly Run[], opts: BlockOptions, keep: Keep): Paragraph {
  const defaults: RunDefaults = { style: opts.style, size: opts.size, color: opts.color };
  return new Paragraph({
    ...styleOfTag(opts.tag),
    ...(opts.indent ? { indent: { left: twips(opts.indent) } } : {}),
    spacing: { after: twips(opts.gapAfter ?? 4) },
    keepNext: keep.next || opts.keepWithNext === true || undefined,
    keepLines: keep.lines || opts.keepTogether === true || undefined,
    children: runsToChildren(runs, defaults, ctx.lang, ctx.notes),
  });
}

function list(ctx: BlockCtx, items: readonly Run[][], opts: BlockOptions, keep: Keep): Paragraph[] {
  // Each list is its own instance of the numbering, so a numbered list starts at 1.
  const instance = ++ctx.lists;
  const defaults: RunDefaults = { style: opts.style, size: opts.size, color: opts.color };
  return items.map((item, i) => {
    const last = i === items.length - 1;
    return new Paragraph({
      numbering: { reference: opts.ordered ? NUMBERS : BULLETS, level: 0, instance },
      indent: { left: twips((opts.indent ?? 0) + 12), hanging: twips(11) },
      spacing: { after: twips(last ? 2 + (opts.gapAfter ?? 3) : 2) },
      // The PDF keeps at least two lines of an item together; Word keeps a whole item, and the
      // last item (a closing request) is never alone at the top of a page.
      keepLines: true,
      keepNext: keep.next || i === items.length - 2 || undefined,
      children: runsToChildren(item, defaults, ctx.lang, ctx.notes),
    });
  });
}

function callout(ctx: BlockCtx, runs: readonly Run[], opts: CalloutOptions, keep: Keep): Paragraph {
  const side: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: hex(opts.color) ?? 'auto', space: 5 };
  const fill = hex(opts.fill);
  return new Paragraph({
    border: { top: side, bottom: side, left: side, right: side },
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    // Word draws a paragraph border outside the text by its `space`: indent by as much to keep the box within the margins.
    indent: { left: twips(6), right: twips(6) },
    spacing: { before: twips(6), after: twips(14) },
    keepLines: true,
    keepNext: keep.next || undefined,
    children: runsToChildren(runs, { size: opts.size ?? THEME.small, color: opts.color }, ctx.lang, ctx.notes),
  });
}

/** A label and lines to write on by hand: a right tab stop with an underscore leader draws each line, and stays editable. */
function fillIn(ctx: BlockCtx, label: string, lines: number, keep: Keep): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = 0; i < lines; i++) {
    const last = i === lines - 1;
    out.push(new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.UNDERSCORE }],
      spacing: { before: twips(10), after: twips(last ? 4 : 0) },
      keepNext: keep.next || !last || undefined,
      keepLines: true,
      children: [
        ...(i === 0 ? [...runsToChildren([{ text: label, style: 'bold' }], {}, ctx.lang), new TextRun(' ')] : []),
        new TextRun({ children: [new Tab()] }),
      ],
    }));
  }
  return out;
}

/** An empty paragraph exactly `height` points tall: the PDF's vertical space, and what keeps two tables from merging in Word. */
function spacer(height: number, keep: Keep, rule = false): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: Math.max(twips(height), 20), lineRule: LineRuleType.EXACT },
    keepNext: keep.next || undefined,
    ...(rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: 3, color: hex(THEME.rule)!, space: 1 } } } : {}),
    children: [],
  });
}

function table(ctx: BlockCtx, columns: readonly Column[], rows: readonly Cell[][], opts: TableOptions, keep: Keep): Block[] {
  if (rows.length === 0) return [];
  const size = opts.size ?? THEME.body - 0.5;
  const sum = columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = columns.map((c) => Math.round((c.width / sum) * TEXT_WIDTH));
  const cell = (runs: readonly Run[], i: number, defaults: RunDefaults, fill: string | undefined, keepNext: boolean) => new TableCell({
    width: { size: widths[i]!, type: WidthType.DXA },
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill: hex(fill)!, color: 'auto' } } : {}),
    children: [new Paragraph({ spacing: { after: 0, line: 240 }, keepNext: keepNext || undefined, children: runsToChildren(runs, defaults, ctx.lang, ctx.notes) })],
  });
  const header = opts.noHeader ? [] : [new TableRow({
    // Repeated at the top of every page the table reaches, as the PDF repeats it; kept with the first row.
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell([{ text: c.header }], i, { style: 'bold', size, color: THEME.accent }, THEME.fill, true)),
  })];
  const body = rows.map((row, r) => {
    const keepNext = keep.next || (keep.lines && r < rows.length - 1);
    return new TableRow({
      children: columns.map((_, i) => {
        const label = opts.labelColumn === true && i === 0;
        const value = row[i] ?? '';
        return cell(typeof value === 'string' ? [{ text: value }] : value, i, { size, ...(label ? { style: 'bold' } : {}) }, label ? THEME.labelFill : undefined, keepNext);
      }),
    });
  });
  const side: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: hex(THEME.rule)! };
  return [
    new Table({
      rows: [...header, ...body],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: side, bottom: side, left: side, right: side, insideHorizontal: side, insideVertical: side },
      margins: { top: twips(3), bottom: twips(3), left: twips(4), right: twips(4) },
    }),
    spacer(opts.gapAfter ?? 8, keep),
  ];
}

function block(ctx: BlockCtx, n: Node, keep: Keep): Block[] {
  switch (n.type) {
    case 'heading':
      // Heading 1–3: Word's navigation pane and a table of contents find them; their look is the style's.
      return [new Paragraph({ heading: HEADINGS[n.level], children: runsToChildren([{ text: n.text }], {}, ctx.lang) })];
    case 'paragraph':
      return [paragraph(ctx, n.runs, n.opts, keep)];
    case 'list':
      return list(ctx, n.items, n.opts, keep);
    case 'callout':
      return [callout(ctx, n.runs, n.opts, keep)];
    case 'fillIn':
      return fillIn(ctx, n.label, n.lines, keep);
    case 'table':
      return table(ctx, n.columns, n.rows, n.opts, keep);
    case 'space':
      return [spacer(n.height, keep)];
    case 'image':
      return [imageParagraph(n)];
    case 'keep': {
      // One page when it fits: everything keeps with what follows it, up to the group's end (or its rule).
      const inner: Keep = { next: true, lines: true };
      const out = n.children.flatMap((child, i) => block(ctx, child, i < n.children.length - 1 || n.rule ? inner : { next: keep.next, lines: true }));
      if (n.rule) out.push(spacer(4, keep, true));
      return out;
    }
  }
}

/** The document's nodes as Word body content, in order. */
export function blocks(ctx: BlockCtx, nodes: readonly Node[]): Block[] {
  return nodes.flatMap((n) => block(ctx, n, FREE));
}
