// The text layer of a PDF, read with pdf.js in the main process. A PDF from a court
// portal or a scanner is untrusted input: fonts are not turned into FontFaces, no code
// is generated with eval, nothing is fetched (the bytes are all there is), and the
// only files read are pdf.js's own CMaps and standard fonts next to it on disk.

import type { LayoutPage } from '../../../shared/model/pageLayout';
import { ServiceError } from '../errors';
import { loadPdfJs, untrustedPdf } from '../pdfjs';
import { pageTextWithBoxes } from './pdfPageText';

export { pageText } from './pdfPageText';

/** A PDF's text page by page ('' for a page without a text layer), and where its runs lie on each page (offsets relative to the page's text). */
export type PdfPages = { pages: string[]; layout: LayoutPage[]; pagesWithoutText: number[]; title?: string; warnings: string[] };

export const NO_TEXT_LAYER =
  'This PDF has no text layer (it is probably a scan). Run OCR on it first, or paste the text.';


function pdfError(err: unknown): ServiceError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new ServiceError('bad_input', 'This PDF is protected by a password. Remove the protection (or print it to a new PDF), then add it again.');
  }
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return new ServiceError('bad_input', 'This file is not a readable PDF (it may be damaged or only partly downloaded).');
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new ServiceError('bad_input', `Could not read this PDF: ${detail}`);
}

function listPages(pages: number[]): string {
  const shown = pages.slice(0, 10).join(', ');
  return pages.length > 10 ? `${shown} and ${pages.length - 10} more` : shown;
}

/** Said when a PDF has more pages than Casefile reads from one file. */
export function tooManyPages(pages: number, max: number): string {
  const n = (v: number) => v.toLocaleString('en-US');
  return `This PDF has ${n(pages)} pages; Casefile reads at most ${n(max)} pages from one file (the page limit). Split the PDF into parts of at most ${n(max)} pages and add each as a source, or paste the text of the pages you need.`;
}

export async function readPdfPages(bytes: Uint8Array, options: { maxPages?: number } = {}): Promise<PdfPages> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument(untrustedPdf(bytes));
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      throw pdfError(err);
    }
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) throw new ServiceError('bad_input', tooManyPages(doc.numPages, options.maxPages));
    const pages: string[] = [];
    const layout: LayoutPage[] = [];
    const blank: number[] = [];
    let inexact = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const read = pageTextWithBoxes(content.items, { width: viewport.width, height: viewport.height, transform: viewport.transform });
      page.cleanup();
      if (!read.exact) inexact++;
      if (read.text.trim() === '') {
        blank.push(n);
        pages.push('');
        layout.push({ width: viewport.width, height: viewport.height, boxes: [] });
      } else {
        pages.push(read.text);
        layout.push({ width: viewport.width, height: viewport.height, boxes: read.boxes });
      }
    }
    const warnings: string[] = [];
    if (inexact > 0) warnings.push(`On ${inexact} page${inexact > 1 ? 's' : ''} letters and their accents came in separate pieces; the text is right, but words there cannot be shown on the page.`);
    const result: PdfPages = { pages, layout, pagesWithoutText: blank, warnings };
    const title = await pdfTitle(doc);
    if (title) result.title = title;
    return result;
  } catch (err) {
    throw err instanceof ServiceError ? err : pdfError(err);
  } finally {
    await task.destroy();
  }
}

/** Said when some pages of a PDF have no text layer and OCR did not read them. */
export function pagesWithoutTextWarning(blank: number[], total: number): string {
  return `Page${blank.length > 1 ? 's' : ''} ${listPages(blank)} of ${total} ha${blank.length > 1 ? 've' : 's'} no text layer (probably scanned); their text is missing. Run OCR on the PDF to include them.`;
}

async function pdfTitle(doc: { getMetadata(): Promise<{ info: object; metadata: { get(name: string): unknown } | null }> }): Promise<string | undefined> {
  try {
    const { info, metadata } = await doc.getMetadata();
    const fromInfo = (info as { Title?: unknown }).Title;
    const candidates = [fromInfo, metadata?.get('dc:title')];
    for (const c of candidates) {
      if (typeof c === 'string' && c.trim() !== '') return c.replace(/\s+/g, ' ').trim();
    }
  } catch {
    // Broken metadata does not make the text any less readable.
  }
  return undefined;
}
