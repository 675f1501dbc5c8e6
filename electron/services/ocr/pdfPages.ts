// The pages of a scanned PDF as images for OCR: each rendered with pdf.js onto a
// @napi-rs/canvas at 300 dpi, one page per job of the isolation worker (renderPdfPage
// runs there: isolation/jobs.ts), so decoding a scan's images never stalls the main
// process and a hostile PDF meets the worker's memory and time limits. The PDF is
// untrusted: the same pdf.js settings as the text reader (no eval, no font faces,
// nothing fetched).

import type { RenderParameters } from 'pdfjs-dist/types/src/display/api';
import { ServiceError } from '../errors';
import { loadPdfJs, untrustedPdf } from '../pdfjs';

/** Tesseract reads best at 300 dpi. */
const OCR_DPI = 300;
/** A page larger than this many pixels at 300 dpi (A4 is 8.7 million) is drawn smaller, so one page never takes gigabytes. */
const MAX_PAGE_PIXELS = 40_000_000;

export type PageImage = { png: Buffer; width: number; height: number };

/** The parts of @napi-rs/canvas's canvas and context used here. */
type NodeCanvas = { encode(format: 'png'): Promise<Buffer> };
type NodeContext = { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };

function unreadable(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new ServiceError('bad_input', 'This PDF is protected by a password. Remove the protection (or print it to a new PDF), then add it again.');
  const detail = err instanceof Error ? err.message : String(err);
  return new ServiceError('bad_input', `Could not draw the pages of this PDF for OCR: ${detail}`);
}

/** A page drawn for OCR. */
export type RenderedPage = { png: Uint8Array; width: number; height: number };

/** Which pages to draw: `count` pages from position `start` of `pages` (every page of the PDF when `pages` is empty). */
export type RenderBatch = { bytes: Uint8Array; pages: number[]; start: number; count: number };

function listed(pages: number[]): string {
  return pages.length > 10 ? `${pages.slice(0, 10).join(', ')} and ${pages.length - 10} more` : pages.join(', ');
}

/**
 * Draws a batch of pages (one PDF opened per batch, so the cost of starting a worker
 * and loading pdf.js is shared by several pages), after checking that every page in
 * `pages` exists; returns the PDF's page count with them.
 */
export async function renderPdfPages(batch: RenderBatch): Promise<{ numPages: number; images: RenderedPage[] }> {
  const source = await openPdfPages(batch.bytes);
  try {
    const outside = batch.pages.filter((n, i, all) => all.indexOf(n) === i && (!Number.isInteger(n) || n < 1 || n > source.numPages));
    if (outside.length > 0) {
      throw new ServiceError('bad_input', `This PDF has ${source.numPages} page${source.numPages === 1 ? '' : 's'}; there is no page ${listed(outside)} to read.`);
    }
    const list = batch.pages.length > 0 ? batch.pages : Array.from({ length: source.numPages }, (_, i) => i + 1);
    const images: RenderedPage[] = [];
    for (const n of list.slice(batch.start, batch.start + batch.count)) {
      const image = await source.render(n);
      images.push({ png: new Uint8Array(image.png.buffer, image.png.byteOffset, image.png.byteLength), width: image.width, height: image.height });
    }
    return { numPages: source.numPages, images };
  } finally {
    await source.close();
  }
}

export type PdfPageSource = { numPages: number; render(page: number): Promise<PageImage>; close(): Promise<void> };

/** Opens the PDF; `render(n)` draws page n (from 1) as a PNG, white behind it. */
async function openPdfPages(bytes: Uint8Array): Promise<PdfPageSource> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument(untrustedPdf(bytes));
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    throw unreadable(err);
  }
  return {
    numPages: doc.numPages,
    async render(n: number): Promise<PageImage> {
      try {
        const page = await doc.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const scale = Math.min(OCR_DPI / 72, Math.sqrt(MAX_PAGE_PIXELS / Math.max(1, base.width * base.height)));
        const viewport = page.getViewport({ scale });
        const width = Math.max(1, Math.ceil(viewport.width));
        const height = Math.max(1, Math.ceil(viewport.height));
        // pdf.js's own factory: in Node it makes an @napi-rs/canvas, required from pdf.js's
        // side, so the native addon stays a dependency the bundler leaves alone (imported
        // from here, electron-vite would copy it into out/main/chunks, inside app.asar).
        const { canvas, context } = (doc.canvasFactory as { create(w: number, h: number): { canvas: NodeCanvas; context: NodeContext } }).create(width, height);
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        // pdf.js types its canvas as the DOM's.
        await page.render({ canvas, canvasContext: context, viewport } as unknown as RenderParameters).promise;
        page.cleanup();
        const png = await canvas.encode('png');
        return { png, width, height };
      } catch (err) {
        throw unreadable(err);
      }
    },
    close: () => task.destroy(),
  };
}
