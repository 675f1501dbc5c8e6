// An original's text as its bytes give it, run in a worker (isolation/jobs.ts): a PDF
// page by page with where each text run lies on its page, a Word .docx, a text or HTML
// file; or, for a photo, a scan, or PDF pages without a text layer, a "needs OCR" result
// naming the pages OCR must read (sources/ocrHook.ts; OCR itself is not run here).

import type { OriginalMetadata } from '../../../shared/contract';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import { ServiceError } from '../errors';
import { readDocx } from './docxText';
import { detectFormat, shown } from './formats';
import { imageHeader } from './imageHeader';
import { readImageMetadata } from './imageMeta';
import { readPdfPages } from './pdfText';
import { readTextFormat, requireText, tidy, withTitle } from './textFormats';

export type ReadFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'image';

type Common = {
  format: ReadFormat;
  /** What the bytes are (file-type), or the text type the extension gives. */
  mediaType: string;
  /** The text of each page, tidied ('' for a page without text); one for an unpaged file. */
  pages: string[];
  /** A PDF or an image: its pages are joined by form feeds and counted in Source.file.pages. */
  paged: boolean;
  /** Where the runs of each page lie, offsets relative to that page's text. */
  layout?: LayoutPage[];
  title?: string;
  warnings: string[];
  charset?: { declared: string; used: string };
  metadata?: OriginalMetadata;
};

export type OriginalReading =
  | (Common & { kind: 'text' })
  | (Common & { kind: 'needs-ocr'; format: 'image' | 'pdf'; pagesWithoutText: number[] });

export type ReadLimits = { maxPages?: number; maxImageSide?: number; maxImagePixels?: number };

const thousands = (v: number) => v.toLocaleString('en-US');

async function readImage(fileName: string, ext: string, mediaType: string, bytes: Uint8Array, limits: ReadLimits): Promise<OriginalReading> {
  const maxPages = limits.maxPages ?? 5_000;
  const header = imageHeader(ext, bytes, maxPages);
  if (header.damaged) throw new ServiceError('bad_input', `Cannot read the image ${shown(fileName)}: ${header.damaged} (it is damaged or only partly downloaded). Get the file again, then add it.`);
  if (header.pages > maxPages) throw new ServiceError('bad_input', `The image ${shown(fileName)} has more than ${thousands(maxPages)} pages; Casefile reads at most ${thousands(maxPages)} pages from one file (the page limit). Split it into smaller files and add each.`);
  const side = limits.maxImageSide ?? 30_000;
  const pixels = limits.maxImagePixels ?? 200_000_000;
  const { width, height } = header;
  if (width !== undefined && height !== undefined) {
    if (width === 0 || height === 0) throw new ServiceError('bad_input', `The image ${shown(fileName)} says it is ${width} × ${height} pixels: it is damaged. Get the file again, then add it.`);
    if (width > side || height > side || width * height > pixels) {
      throw new ServiceError(
        'bad_input',
        `The image ${shown(fileName)} is ${thousands(width)} × ${thousands(height)} pixels (${thousands(Math.round((width * height) / 1e6))} megapixels); Casefile reads images of at most ${thousands(side)} pixels a side and ${thousands(Math.round(pixels / 1e6))} megapixels (the image size limit). Save it at a lower resolution (300 dpi is plenty for a page), then add it.`,
      );
    }
  }
  const warnings: string[] = [];
  if (header.truncated) warnings.push(`The image ${shown(fileName)} is cut off: its data ends before the end of the picture (it was probably only partly sent or downloaded). What it holds is read; the bottom of the picture may be missing. Get the whole file if you can.`);
  const meta = await readImageMetadata(bytes);
  warnings.push(...meta.warnings);
  const pages = Array.from({ length: header.pages }, (_, i) => i + 1);
  return {
    kind: 'needs-ocr',
    format: 'image',
    mediaType,
    pages: pages.map(() => ''),
    paged: true,
    pagesWithoutText: pages,
    warnings,
    ...(meta.metadata ? { metadata: meta.metadata } : {}),
  };
}

/** Reads the file by what its bytes are; throws ServiceError('bad_input') saying what it is and what to do when it cannot be read. */
export async function readOriginal(fileName: string, bytes: Uint8Array, limits: ReadLimits = {}): Promise<OriginalReading> {
  const detected = await detectFormat(fileName, bytes);
  switch (detected.kind) {
    case 'text': {
      const read = readTextFormat(detected.format, fileName, bytes);
      return { kind: 'text', format: detected.format, mediaType: detected.mediaType, pages: [read.text], paged: false, warnings: read.warnings, ...(read.title ? { title: read.title } : {}), ...(read.charset ? { charset: read.charset } : {}) };
    }
    case 'docx': {
      const read = await readDocx(fileName, bytes);
      const text = tidy(read.text);
      requireText(text, fileName, 'text');
      return withTitle({ kind: 'text' as const, format: 'docx' as const, mediaType: detected.mediaType, pages: [text], paged: false, warnings: read.warnings }, read.title);
    }
    case 'pdf': {
      const pdf = await readPdfPages(bytes, limits.maxPages === undefined ? {} : { maxPages: limits.maxPages });
      const base = withTitle({ format: 'pdf' as const, mediaType: detected.mediaType, pages: pdf.pages, paged: true, layout: pdf.layout, warnings: pdf.warnings }, pdf.title);
      return pdf.pagesWithoutText.length > 0 ? { ...base, kind: 'needs-ocr', pagesWithoutText: pdf.pagesWithoutText } : { ...base, kind: 'text' };
    }
    case 'image':
      return readImage(fileName, detected.ext, detected.mediaType, bytes, limits);
  }
}
