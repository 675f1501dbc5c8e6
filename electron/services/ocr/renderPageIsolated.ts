// A scanned PDF's page drawn for OCR in the isolation worker, under the limits a
// source file is held to (time, heap, memory growth), cancelled with the call.

import { limits } from '../isolation/limits';
import { runJob } from '../isolation/runJob';
import type { RenderedPage } from './pdfPages';

const ADVICE = 'Split the PDF into smaller files, or save its pages as images and add those.';

/** Draws page `page` of the PDF (from 1); refuses with bad_input when any page of `pages` is not in it. */
export function renderPageIsolated(bytes: Uint8Array, page: number, pages: number[], signal?: AbortSignal): Promise<RenderedPage> {
  const l = limits();
  return runJob(
    'ocr.renderPage',
    { bytes, page, pages },
    { timeoutMs: l.sourceMs, heapMb: l.sourceHeapMb, rssGrowthMb: l.sourceRssMb, ...(signal ? { signal } : {}), subject: `page ${page} of this PDF`, advice: ADVICE },
  );
}
