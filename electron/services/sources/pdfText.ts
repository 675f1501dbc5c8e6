// The text layer of a PDF, read with pdf.js in the main process. A PDF from a court
// portal or a scanner is untrusted input: fonts are not turned into FontFaces, no code
// is generated with eval, nothing is fetched (the bytes are all there is), and the
// only files read are pdf.js's own CMaps and standard fonts next to it on disk.

import { createRequire } from 'node:module';
import path from 'node:path';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { ServiceError } from '../errors';
import { loadPdfJs } from '../pdfjs';

export type PdfText = { text: string; title?: string; warnings: string[] };

export const NO_TEXT_LAYER =
  'This PDF has no text layer (it is probably a scan). Run OCR on it first, or paste the text.';


/** pdf.js's bundled resource folders, as directory paths with the trailing slash it wants. */
function resourceDirs(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: path.join(root, 'cmaps') + path.sep, standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep };
  } catch {
    return {}; // without them only PDFs with unembedded CJK fonts lose text
  }
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/**
 * Lines from one page's text items. pdf.js marks most line ends (hasEOL); a change of
 * baseline catches the rest. A gap between lines well beyond the line height, or a
 * jump back up the page (a new column), starts a new paragraph.
 */
export function pageText(items: readonly (TextItem | TextMarkedContent)[]): string {
  type Line = { text: string; y: number; size: number };
  const lines: Line[] = [];
  let current: Line | null = null;
  const endLine = () => {
    if (current) lines.push(current);
    current = null;
  };
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const y = Number(item.transform[5]) || 0;
    const size = Math.abs(Number(item.transform[3]) || item.height || 0);
    if (current && item.str !== '' && Math.abs(y - current.y) > Math.max(size, current.size, 1) * 0.5) endLine();
    if (item.str !== '') {
      current ??= { text: '', y, size };
      current.text += item.str;
      current.size = Math.max(current.size, size);
    }
    if (item.hasEOL) endLine();
  }
  endLine();

  let out = '';
  let previous: Line | undefined;
  for (const line of lines) {
    const text = line.text.replace(/\u0000/g, '').replace(/\s+$/, '');
    if (text.trim() === '') continue;
    if (previous) {
      const gap = previous.y - line.y; // PDF y grows upwards
      const lineHeight = Math.max(previous.size, line.size, 1);
      out += gap > lineHeight * 1.8 || gap < -lineHeight ? '\n\n' : '\n';
    }
    out += text;
    previous = line;
  }
  return out;
}

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

export async function extractPdfText(bytes: Uint8Array, options: { maxPages?: number } = {}): Promise<PdfText> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // A copy: pdf.js may transfer (detach) the buffer it is given.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
    ...resourceDirs(),
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      throw pdfError(err);
    }
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) throw new ServiceError('bad_input', tooManyPages(doc.numPages, options.maxPages));
    const pages: string[] = [];
    const blank: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = pageText(content.items);
      page.cleanup();
      if (text.trim() === '') blank.push(n);
      else pages.push(text);
    }
    if (pages.length === 0) throw new ServiceError('bad_input', NO_TEXT_LAYER);

    const warnings: string[] = [];
    if (blank.length > 0) {
      warnings.push(
        `Page${blank.length > 1 ? 's' : ''} ${listPages(blank)} of ${doc.numPages} ha${blank.length > 1 ? 've' : 's'} no text layer (probably scanned); their text is missing. Run OCR on the PDF to include them.`,
      );
    }
    const result: PdfText = { text: pages.join('\n\n'), warnings };
    const title = await pdfTitle(doc);
    if (title) result.title = title;
    return result;
  } catch (err) {
    throw err instanceof ServiceError ? err : pdfError(err);
  } finally {
    await task.destroy();
  }
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
