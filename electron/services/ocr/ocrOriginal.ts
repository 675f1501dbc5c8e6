// OCR of a scan or a photo in Kazakh, Russian and English with tesseract.js, offline:
// the wasm core comes from its npm package, the language data from assets/tessdata
// (nothing fetched, nothing cached to disk). Recognition runs in tesseract.js's
// worker thread, one page at a time with progress per page; Cancel (the call's
// AbortSignal) terminates that worker at once. Nothing is stored here: the caller
// decides what to keep.

import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrLang } from '../../../shared/contract';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import { throwIfCancelled, type CallContext } from '../callContext';
import { ServiceError } from '../errors';
import { pageFromBlocks, type OcrBlock } from './pageWords';
import { limits } from '../isolation/limits';
import { tooManyPages } from '../sources/pdfText';
import type { RenderedPage } from './pdfPages';
import { renderPageIsolated } from './renderPageIsolated';
import { tessdataDir, tesseractLangs } from './tessdata';
import { tiffPageCount } from './tiffPages';

export type OcrRequest = {
  format: 'image' | 'pdf';
  mediaType: string;
  langs: OcrLang[];
  /** The pages (from 1) to read from a PDF; empty for all. An image is one page. */
  pages: number[];
};

/** `pages[i]` and `layout[i]` are the i-th page read (the i-th of `request.pages`, or of the file's pages); box offsets point into `pages[i]`. */
export type OcrResult = { pages: string[]; layout: LayoutPage[]; warnings: string[] };

const cancelled = () => new ServiceError('cancelled', 'OCR was cancelled; nothing was kept.');

/** Settles with the promise, or rejects as cancelled the moment the signal aborts (a terminated tesseract worker never answers). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function startWorker(langs: OcrLang[]): Promise<Worker> {
  try {
    return await createWorker(tesseractLangs(langs), OEM.LSTM_ONLY, {
      langPath: tessdataDir(),
      gzip: false,
      cacheMethod: 'none',
      // tesseract.js logs nothing unless asked; its errors reach us as rejections.
      errorHandler: () => undefined,
    });
  } catch (err) {
    throw err instanceof ServiceError ? err : new ServiceError('internal', `OCR could not start: ${message(err)}. Reinstall Casefile if this persists.`);
  }
}

/** The page's size in pixels, from the hOCR page box (the blocks carry none). */
function pageSize(hocr: string | null): { width: number; height: number } | null {
  const m = /class=['"]ocr_page['"][^>]*bbox 0 0 (\d+) (\d+)/.exec(hocr ?? '');
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

function listed(pages: number[]): string {
  return pages.length > 10 ? `${pages.slice(0, 10).join(', ')} and ${pages.length - 10} more` : pages.join(', ');
}

export async function ocrOriginal(bytes: Uint8Array, request: OcrRequest, context: CallContext = {}): Promise<OcrResult> {
  const { signal, onProgress } = context;
  throwIfCancelled(signal, 'OCR');
  const warnings: string[] = [];
  let pages: number[];
  // A PDF's pages are drawn in the isolation worker, the next while the current one is
  // recognised (two cores: one draws, one reads), so at most two page images are held.
  let drawing: Promise<RenderedPage> | undefined;
  const draw = (n: number) => {
    const p = renderPageIsolated(bytes, n, request.pages, signal);
    p.catch(() => undefined); // awaited below, or abandoned when an earlier page failed
    return p;
  };
  if (request.format === 'pdf') {
    const first = request.pages[0] ?? 1;
    drawing = draw(first);
    const { numPages } = await drawing;
    pages = request.pages.length > 0 ? request.pages : Array.from({ length: numPages }, (_, i) => i + 1);
    if (pages.length > limits().pdfPages) throw new ServiceError('bad_input', tooManyPages(pages.length, limits().pdfPages));
  } else {
    pages = [1];
    if (request.mediaType === 'image/tiff') {
      const count = tiffPageCount(bytes);
      if (count > 1) warnings.push(`This TIFF holds ${count} pages; only the first was read by OCR. Save each page as its own image (or the scan as a PDF) and add it again to read them all.`);
    }
  }

  let worker: Worker | undefined;
  const stop = () => void worker?.terminate().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    worker = await unlessAborted(startWorker(request.langs), signal);
    const texts: string[] = [];
    const layout: LayoutPage[] = [];
    for (const [i, n] of pages.entries()) {
      onProgress?.({ done: i, total: pages.length, label: `OCR: page ${n}` });
      const image = drawing ? await drawing : undefined;
      drawing = image && i + 1 < pages.length ? draw(pages[i + 1]!) : undefined;
      throwIfCancelled(signal, 'OCR');
      let data;
      try {
        const input = Buffer.from(image ? image.png.buffer : bytes.buffer, image ? image.png.byteOffset : bytes.byteOffset, image ? image.png.byteLength : bytes.byteLength);
        ({ data } = await unlessAborted(worker.recognize(input, {}, { text: false, blocks: true, hocr: true }), signal));
      } catch (err) {
        if (err instanceof ServiceError) throw err;
        throw new ServiceError('bad_input', `OCR could not read ${image ? `page ${n} of this PDF` : 'this image'} (${message(err)}). Check that the file opens in an image viewer; if it does, save it again as PNG or JPEG and add that.`);
      }
      const size = image ?? pageSize(data.hocr);
      if (!size) throw new ServiceError('internal', 'OCR gave no page size.');
      const page = pageFromBlocks(data.blocks as OcrBlock[] | null, size.width, size.height);
      texts.push(page.text);
      layout.push(page.layout);
    }
    const empty = pages.filter((_, i) => texts[i]!.trim() === '');
    if (empty.length > 0) {
      warnings.push(request.format === 'pdf'
        ? `OCR found no text on page${empty.length > 1 ? 's' : ''} ${listed(empty)}: blank, a picture, or too faint. Type the text in if it matters.`
        : 'OCR found no text in this image: it may hold none, or be too blurred, small or faint. Type the text in if it matters.');
    }
    onProgress?.({ done: pages.length, total: pages.length, label: 'OCR: done' });
    return { pages: texts, layout, warnings };
  } finally {
    signal?.removeEventListener('abort', stop);
    await worker?.terminate().catch(() => undefined);
  }
}
