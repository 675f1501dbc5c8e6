import { writeFileSync } from 'node:fs';
import { DocBuilder } from '../../../electron/services/briefs/doc/builder';
import type { BriefDocument } from '../../../electron/services/briefs/doc/model';
import { renderPdf } from '../../../electron/services/briefs/layout/renderPdf';
import { GENERATED_AT } from './fixtures';
import { outPath, pdftotextPages } from './pdfTools';

// Documents built straight from the model (no case), rendered by the PDF writer and
// read back page by page with poppler: the layout rules seen as a reader sees them.

export const PAGE_LABEL = 'Page {page} of {total}';

export function docOf(build: (w: DocBuilder) => void, furniture: { title?: string; right?: string } = {}): BriefDocument {
  const w = new DocBuilder();
  build(w);
  const title = furniture.title ?? 'Layout rules';
  return {
    meta: { title, subject: title, keywords: [], lang: 'en', mode: 'public', generatedAt: GENERATED_AT, author: 'Test organisation' },
    furniture: { title, right: furniture.right ?? '', pageLabel: PAGE_LABEL },
    nodes: w.nodes,
    footnotes: w.footnotes,
  };
}

let serial = 0;

/** The document as a PDF on disk, and poppler's text of each of its pages. */
export async function renderPages(doc: BriefDocument, name = 'layout-rules'): Promise<{ file: string; pages: string[]; count: number }> {
  const { buffer, pages: count } = await renderPdf(doc);
  const file = outPath(`${name}-${++serial}.pdf`);
  writeFileSync(file, buffer);
  return { file, pages: pdftotextPages(file), count };
}

/** Page numbers (from 1) on which each word occurs. */
export function wordPages(pages: readonly string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  pages.forEach((text, i) => {
    for (const word of new Set(text.split(/\s+/))) if (word !== '') at.set(word, [...(at.get(word) ?? []), i + 1]);
  });
  return at;
}

/** The one page a token is printed on (tokens are unique words); throws when it is missing or printed twice. */
export function pageOf(at: Map<string, number[]>, token: string): number {
  const pages = at.get(token);
  if (!pages || pages.length !== 1) throw new Error(`token ${token} is on pages ${JSON.stringify(pages ?? [])}, expected exactly one`);
  return pages[0]!;
}

/** `n` lines, each its own line on the page (hard breaks), each starting with a unique token `${prefix}l${j}x`. */
export function taggedLines(prefix: string, n: number, filler = 'lorem ipsum dolor sit amet'): string {
  return Array.from({ length: n }, (_, j) => `${prefix}l${j + 1}x ${filler}`).join('\n');
}

/** The heights of filler that sweep what follows across the foot of the first page. */
export function sweep(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let h = from; h <= to; h += step) out.push(h);
  return out;
}
