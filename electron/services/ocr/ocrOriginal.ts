// OCR of a scan or a photo in Kazakh, Russian and English with tesseract.js, offline:
// the wasm core comes from its npm package, the language data from assets/tessdata
// (nothing fetched, nothing cached to disk). Recognition runs in tesseract.js's
// worker threads (two pages at a time on two cores), with progress per page read;
// Cancel (the call's AbortSignal) terminates them at once. Nothing is stored here: the caller
// decides what to keep.

import os from 'node:os';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrLang } from '../../../shared/contract';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import { throwIfCancelled, type CallContext } from '../callContext';
import { ServiceError } from '../errors';
import { imageSize, MAX_IMAGE_PIXELS } from './imageSize';
import { pageFromBlocks, type OcrBlock } from './pageWords';
import { limits } from '../isolation/limits';
import { tooManyPages } from '../sources/pdfText';
import type { RenderedPage } from './pdfPages';
import { PAGES_PER_JOB, renderPagesIsolated } from './renderPageIsolated';
import { tessdataDir, tesseractLangs } from './tessdata';
import { tiffPageCount } from './tiffPages';
import type { OcrRequest, OcrResult } from '../sources/ocrHook';

// The request and result are the hook's (sources/ocrHook): `pages` empty reads every page of a PDF;
// `pages[i]` and `layout[i]` of the result are the i-th page read, box offsets pointing into `pages[i]`.
export type { OcrRequest, OcrResult };

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
  return (err instanceof Error ? err.message : String(err)).replace(/^Error: /, '');
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

/**
 * Tesseract workers reading pages side by side: one wasm thread each, each with a
 * memory of its own (the languages and a 300 dpi page). Two keep both cores of a
 * modest laptop busy (a dense A4 page costs 3–5 s of one core); more would cost
 * memory for nothing there.
 */
function ocrLanes(pages: number): number {
  return Math.max(1, Math.min(pages, 2, os.availableParallelism()));
}

export async function ocrOriginal(bytes: Uint8Array, request: OcrRequest, context: CallContext = {}): Promise<OcrResult> {
  const { signal, onProgress } = context;
  throwIfCancelled(signal, 'OCR');
  // Aborted by the caller's Cancel, or by the first page that fails: everything else stops then.
  const stopAll = new AbortController();
  const onCancel = () => stopAll.abort();
  signal?.addEventListener('abort', onCancel, { once: true });
  const workers: Worker[] = [];
  const terminate = () => workers.forEach((w) => void w.terminate().catch(() => undefined));
  stopAll.signal.addEventListener('abort', terminate, { once: true });
  try {
    const warnings: string[] = [];
    let pages: number[];
    // Pages are drawn in the isolation worker (isolation/jobs.ts), never on this thread, a
    // batch ahead of the one being read: at most two batches of page images are held.
    const batches = new Map<number, Promise<RenderedPage[]>>();
    const batchOf = (b: number): Promise<RenderedPage[]> => {
      let found = batches.get(b);
      if (!found) {
        found = renderPagesIsolated({ bytes, pages: request.pages, start: b * PAGES_PER_JOB, count: PAGES_PER_JOB }, stopAll.signal).then((r) => r.images);
        found.catch(() => undefined); // awaited by a lane, or abandoned when another page failed
        batches.set(b, found);
      }
      return found;
    };
    if (request.format === 'pdf') {
      const first = await renderPagesIsolated({ bytes, pages: request.pages, start: 0, count: PAGES_PER_JOB }, stopAll.signal);
      batches.set(0, Promise.resolve(first.images));
      pages = request.pages.length > 0 ? request.pages : Array.from({ length: first.numPages }, (_, i) => i + 1);
      if (pages.length > limits().pdfPages) throw new ServiceError('bad_input', tooManyPages(pages.length, limits().pdfPages));
    } else {
      pages = [1];
      const size = imageSize(bytes);
      if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
        const n = (v: number) => v.toLocaleString('en-US');
        throw new ServiceError('bad_input', `This image is ${n(size.width)} × ${n(size.height)} pixels; OCR reads images of at most ${MAX_IMAGE_PIXELS / 1_000_000} million pixels. Scale it down (300 dpi is enough for print), then add it again.`);
      }
      if (request.mediaType === 'image/tiff') {
        const count = tiffPageCount(bytes);
        if (count > 1) warnings.push(`This TIFF holds ${count} pages; only the first was read by OCR. Save each page as its own image (or the scan as a PDF) and add it again to read them all.`);
      }
    }

    const lanes = ocrLanes(pages.length);
    const starting = Array.from({ length: lanes }, () => startWorker(request.langs).then((w) => (workers.push(w), stopAll.signal.aborted && terminate(), w)));
    const texts: string[] = [];
    const layout: LayoutPage[] = [];
    let next = 0;
    let done = 0;
    let failure: unknown;
    onProgress?.({ done: 0, total: pages.length, label: 'OCR' });

    const readPage = async (worker: Worker, i: number): Promise<void> => {
      const n = pages[i]!;
      let image: RenderedPage | undefined;
      if (request.format === 'pdf') {
        const b = Math.floor(i / PAGES_PER_JOB);
        if ((b + 1) * PAGES_PER_JOB < pages.length) void batchOf(b + 1);
        const batch = await batchOf(b);
        image = batch[i % PAGES_PER_JOB];
        if (!image) throw new ServiceError('internal', `Page ${n} was not drawn.`);
        // The last page of a batch read: its images go (the other lane has its own page in hand).
        if (i % PAGES_PER_JOB === PAGES_PER_JOB - 1 || i === pages.length - 1) batches.delete(b);
      }
      let data;
      try {
        const input = image ? Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        ({ data } = await unlessAborted(worker.recognize(input, {}, { text: false, blocks: true, hocr: true }), stopAll.signal));
      } catch (err) {
        if (err instanceof ServiceError) throw err;
        throw new ServiceError('bad_input', `OCR could not read ${image ? `page ${n} of this PDF` : 'this image'} (${message(err)}). Check that the file opens in an image viewer; if it does, save it again as PNG or JPEG and add that.`);
      }
      const size = image ?? pageSize(data.hocr);
      if (!size) throw new ServiceError('internal', 'OCR gave no page size.');
      const page = pageFromBlocks(data.blocks as OcrBlock[] | null, size.width, size.height);
      texts[i] = page.text;
      layout[i] = page.layout;
      onProgress?.({ done: ++done, total: pages.length, label: `OCR: page ${n}` });
    };
    const lane = async (started: Promise<Worker>): Promise<void> => {
      try {
        const worker = await unlessAborted(started, stopAll.signal);
        while (next < pages.length && !stopAll.signal.aborted) await readPage(worker, next++);
      } catch (err) {
        failure ??= err;
        stopAll.abort();
      }
    };
    await Promise.all(starting.map(lane));
    if (signal?.aborted) throw cancelled();
    if (failure !== undefined) throw failure;

    const empty = pages.filter((_, i) => texts[i]!.trim() === '');
    if (empty.length > 0) {
      warnings.push(request.format === 'pdf'
        ? `OCR found no text on page${empty.length > 1 ? 's' : ''} ${listed(empty)}: blank, a picture, or too faint. Type the text in if it matters.`
        : 'OCR found no text in this image: it may hold none, or be too blurred, small or faint. Type the text in if it matters.');
    }
    return { pages: texts, layout, warnings };
  } catch (err) {
    throw signal?.aborted ? cancelled() : err;
  } finally {
    signal?.removeEventListener('abort', onCancel);
    stopAll.abort();
  }
}
