import type {} from 'pdfkit';
import type { Run } from '../doc/model';
import { fontPath, type FontStyle } from '../fonts';

export type { Run } from '../doc/model';
import { THEME } from '../doc/theme';
export { THEME } from '../doc/theme';

/** One laid-out line, drawn with a single text call so extraction sees it whole. */
export type Line = { text: string; style: FontStyle; size: number; color: string; height: number; notes?: readonly number[] };


export function lineHeight(size: number): number {
  return size * THEME.leading;
}

// Characters pdfkit would print as boxes or that would split a word invisibly.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD]/g;

export function cleanText(text: string): string {
  // A form feed is the break between an original's pages (shared/text/pages): words either side stay apart, as a space.
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/(?<=\S)[\v\f](?=\S)/g, ' ').replace(CONTROL, '');
}

let segmenter: Intl.Segmenter | undefined;

function graphemes(word: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(word), (s) => s.segment);
}

/**
 * Selects a DejaVu face by its file path. The path is the name on purpose: pdfkit
 * caches a face under the name it was opened by, and the document opens its
 * default face by path, so any other name would parse the same TTF twice.
 */
export function setFont(doc: PDFKit.PDFDocument, style: FontStyle, size: number): void {
  doc.font(fontPath(style)).fontSize(size);
}

/**
 * Breaks a run into lines no wider than `width`, at spaces only; a word longer
 * than a whole line is cut (see breakWord). Our own breaking, rather than
 * pdfkit's, lets tables split a row between pages at any line.
 */
function wrapRun(doc: PDFKit.PDFDocument, run: Run, width: number, defaults: { size: number; style?: FontStyle; color?: string }): Line[] {
  const style = run.style ?? defaults.style ?? 'regular';
  const size = run.size ?? defaults.size;
  const color = run.color ?? defaults.color ?? THEME.text;
  const height = lineHeight(size);
  setFont(doc, style, size);
  const measure = (s: string) => doc.widthOfString(s);
  const spaceWidth = measure(' ');
  const make = (text: string): Line => ({ text, style, size, color, height });

  const out: Line[] = [];
  for (const hard of cleanText(run.text).split('\n')) {
    const words = hard.split(/ +/).filter((w) => w !== '');
    if (words.length === 0) {
      out.push(make(''));
      continue;
    }
    let current = '';
    let currentWidth = 0;
    for (const word of words) {
      const w = measure(word);
      if (current !== '' && currentWidth + spaceWidth + w <= width) {
        current += ` ${word}`;
        currentWidth += spaceWidth + w;
        continue;
      }
      if (current !== '') out.push(make(current));
      if (w <= width) {
        current = word;
        currentWidth = w;
        continue;
      }
      const pieces = breakWord(word, width, measure);
      for (const piece of pieces.slice(0, -1)) out.push(make(piece));
      current = pieces.at(-1) ?? '';
      currentWidth = measure(current);
    }
    if (current !== '') out.push(make(current));
  }
  if (run.notes && run.notes.length > 0 && out.length > 0) out[out.length - 1] = { ...out[out.length - 1]!, notes: run.notes };
  return out;
}

/** A word of letters only (hyphenated compounds included): cut, it takes a visible hyphen. URLs and hashes do not. */
const PLAIN_WORD = /^[\p{L}\p{M}'’-]+$/u;
const LETTER = /[\p{L}\p{M}]/u;

/**
 * Cuts a word wider than a whole line: after its hyphens or slashes where that is
 * enough ("tax-" / "inspection", a URL at its "/"), else between graphemes. A word
 * of letters cut between two letters gets a visible hyphen, so no reader takes
 * "Мониторин" / "г" for two words; a URL or a hash is cut bare, as a hyphen would
 * change it.
 */
function breakWord(word: string, width: number, measure: (s: string) => number): string[] {
  const hyphenate = PLAIN_WORD.test(word);
  const out: string[] = [];
  let piece = '';
  for (const part of word.split(/(?<=[-/])/)) {
    if (piece !== '' && measure(piece + part) > width) {
      out.push(piece);
      piece = '';
    }
    if (measure(piece + part) <= width) {
      piece += part;
      continue;
    }
    for (const g of graphemes(part)) {
      const cutsWord = hyphenate && LETTER.test(g) && LETTER.test(piece.at(-1) ?? '');
      if (piece !== '' && measure(piece + g + (cutsWord ? '-' : '')) > width) {
        out.push(cutsWord ? `${piece}-` : piece);
        piece = '';
      }
      piece += g;
    }
  }
  if (piece !== '') out.push(piece);
  return out;
}

/** The width of the widest unbreakable word in the runs, each in its own face. */
export function widestWord(doc: PDFKit.PDFDocument, runs: readonly Run[], defaults: { size: number; style?: FontStyle }): number {
  let widest = 0;
  for (const run of runs) {
    setFont(doc, run.style ?? defaults.style ?? 'regular', run.size ?? defaults.size);
    for (const word of cleanText(run.text).split(/\s+/)) if (word !== '') widest = Math.max(widest, doc.widthOfString(word));
  }
  return widest;
}

export function wrapRuns(
  doc: PDFKit.PDFDocument,
  runs: readonly Run[],
  width: number,
  defaults: { size: number; style?: FontStyle; color?: string },
): Line[] {
  return runs.flatMap((run) => wrapRun(doc, run, width, defaults));
}

export function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((h, line) => h + line.height, 0);
}

/** Draws one line whose box starts at y; the glyphs sit centred in the line pitch. */
export function drawLine(doc: PDFKit.PDFDocument, line: Line, x: number, y: number, options: { width?: number; align?: 'left' | 'center' | 'right' } = {}): void {
  if (line.text === '') return;
  setFont(doc, line.style, line.size);
  doc.fillColor(line.color);
  let dx = 0;
  if (options.align && options.align !== 'left' && options.width !== undefined) {
    const w = doc.widthOfString(line.text);
    dx = options.align === 'center' ? (options.width - w) / 2 : options.width - w;
  }
  const offset = (line.height - line.size * 1.17) / 2;
  // lineBreak: false keeps pdfkit from wrapping again or adding pages on its own.
  doc.text(line.text, x + dx, y + offset, { lineBreak: false });
}

/** Shortens a single line to fit, for running headers where a whole title cannot fit. */
export function fitOneLine(doc: PDFKit.PDFDocument, text: string, style: FontStyle, size: number, width: number): string {
  setFont(doc, style, size);
  const clean = cleanText(text).replace(/\s+/g, ' ').trim();
  if (doc.widthOfString(clean) <= width) return clean;
  const parts = graphemes(clean);
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${parts.slice(0, mid).join('').trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${parts.slice(0, lo).join('').trimEnd()}…`;
}
