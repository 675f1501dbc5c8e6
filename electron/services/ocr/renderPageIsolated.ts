// A scanned PDF's pages drawn for OCR in the isolation worker, a few per job, under
// the limits a source file is held to (time, heap, memory growth), cancelled with the call.

import { limits } from '../isolation/limits';
import { runJob } from '../isolation/runJob';
import type { RenderBatch, RenderedPage } from './pdfPages';

const ADVICE = 'Split the PDF into smaller files, or save its pages as images and add those.';

/** Pages drawn per job: starting a worker and loading pdf.js costs about a second of CPU, shared by these. */
export const PAGES_PER_JOB = 4;

/** Draws the batch's pages; refuses with bad_input when any page of `batch.pages` is not in the PDF. */
export function renderPagesIsolated(batch: RenderBatch, signal?: AbortSignal): Promise<{ numPages: number; images: RenderedPage[] }> {
  const l = limits();
  return runJob(
    'ocr.renderPages',
    batch,
    { timeoutMs: l.sourceMs, heapMb: l.sourceHeapMb, rssGrowthMb: l.sourceRssMb, ...(signal ? { signal } : {}), subject: 'the pages of this PDF', advice: ADVICE },
  );
}
