import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where people look at the pages; other test runners (Playwright) may clear test-results at any time. */
export const LOOK_DIR = path.resolve('test-results/briefs');
/** Where the tests write and read their PDFs, out of other runners' way. */
const WORK_DIR = mkdtempSync(path.join(tmpdir(), 'casefile-briefs-'));

export function outPath(name: string): string {
  return path.join(WORK_DIR, name);
}

/** Poppler's view of the text, the independent check on what pdfkit wrote. */
export function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The text of each page, in order (pdftotext ends every page with a form feed). */
export function pdftotextPages(file: string): string[] {
  return pdftotext(file).split('\f').slice(0, -1);
}

export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export function pdffonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]!);
}

/**
 * Renders the pages to PNG and returns the image names; copies images and PDF to
 * test-results/briefs for a person to look at. The copy is best effort: another
 * runner may clear test-results at any moment, and the images are not the check.
 */
export function renderPngs(file: string): string[] {
  const base = path.basename(file).replace(/\.pdf$/, '');
  const dir = mkdtempSync(path.join(WORK_DIR, `${base}-png-`));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, base)]);
  const images = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  try {
    mkdirSync(LOOK_DIR, { recursive: true });
    for (const f of readdirSync(LOOK_DIR)) if (f.startsWith(`${base}-`) && f.endsWith('.png')) rmSync(path.join(LOOK_DIR, f));
    copyFileSync(file, path.join(LOOK_DIR, `${base}.pdf`));
    for (const f of images) copyFileSync(path.join(dir, f), path.join(LOOK_DIR, f));
  } catch {
    // test-results was cleared under us; the next run copies again.
  }
  return images;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type TextBox = { page: number; str: string; x: number; y: number; width: number; height: number; pageWidth: number; pageHeight: number };

/** Every text item with its box in top-left page coordinates, through pdfjs. */
export async function textBoxes(file: string): Promise<TextBox[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const pdf = await task.promise;
  const boxes: TextBox[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width: pageWidth, height: pageHeight } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, b, , d, e, f] = item.transform as number[];
      if (Math.abs(b!) > 0.01) continue; // rotated text (the watermark) has no simple box
      boxes.push({ page: n, str: item.str, x: e!, y: pageHeight - f!, width: item.width, height: Math.abs(d!), pageWidth, pageHeight });
    }
  }
  await task.destroy();
  return boxes;
}

/** Font sizes (pdfjs item heights) the layout uses: headings from H2 up, body and table text, footnotes. */
const HEADING_MIN = 11.9;
const TEXT_MIN = 8.6;
const TEXT_MAX = 10.5;
const BODY_TOP = 74;
const BODY_BOTTOM_MARGIN = 58;

/**
 * Lines a careful reader would object to at the foot of a page: a heading (H1, H2)
 * or a table's header row with no body text under it on the same page (footnotes
 * and the page number do not count). Table headers are found by their first cell.
 */
export function strandedAtFoot(boxes: readonly TextBox[], headerCells: readonly string[]): string[] {
  const body = boxes.filter((b) => b.y > BODY_TOP - 12 && b.y < b.pageHeight - BODY_BOTTOM_MARGIN + 1);
  const textBelow = (b: TextBox) => body.some((o) => o.page === b.page && o.y > b.y + 4 && o.height >= TEXT_MIN && o.height <= TEXT_MAX);
  const headings = body.filter((b) => b.height >= HEADING_MIN && b.height < 16);
  const headers = body.filter((b) => headerCells.includes(b.str.trim()));
  return [...headings, ...headers].filter((b) => !textBelow(b)).map((b) => `p${b.page}: "${b.str}" at y=${b.y.toFixed(0)}`);
}

/**
 * Footnote markers whose note is not at the foot of the same page: per page, each
 * "[n]" ending a line of text must have a note line "[n] …" on that page, and no
 * page holds the same note twice.
 */
export function misplacedNotes(pageTexts: readonly string[]): string[] {
  const out: string[] = [];
  pageTexts.forEach((text, i) => {
    const lines = text.split('\n').map((l) => l.trim());
    const notes = lines.flatMap((l) => /^\[(\d+)\] /.exec(l)?.[1] ?? []);
    const markers = lines.flatMap((l) => (/^\[\d+\] /.test(l) ? [] : [...l.matchAll(/\[(\d+)\]$/g)].map((m) => m[1]!)));
    for (const n of new Set(markers)) if (!notes.includes(n)) out.push(`page ${i + 1}: marker [${n}] without its note`);
    for (const n of notes) if (notes.indexOf(n) !== notes.lastIndexOf(n)) out.push(`page ${i + 1}: note [${n}] twice`);
  });
  return [...new Set(out)];
}
