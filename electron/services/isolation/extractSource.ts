// An original read as the app runs it: in a worker (isolation/runJob.ts), with a page limit,
// an image size limit, a time limit and memory limits, so a PDF bomb, a 20,000-page PDF or a
// 30,000 × 30,000 image is refused with what to do, and the window and the HTTP server keep
// answering meanwhile.

import type { OriginalReading } from '../sources/readOriginal';
import { ServiceError } from '../errors';
import { limits, mib } from './limits';
import { runJob } from './runJob';

function adviceFor(fileName: string): string {
  return /\.pdf$/i.test(fileName)
    ? 'Split the PDF into smaller files and add each as a source, or paste the text you need.'
    : 'Split the file into smaller ones, or paste the text you need.';
}

export async function readOriginalIsolated(fileName: string, bytes: Uint8Array, signal?: AbortSignal): Promise<OriginalReading> {
  const l = limits();
  if (bytes.length > l.sourceBytes) {
    throw new ServiceError('bad_input', `"${fileName}" is ${mib(bytes.length)}; Casefile reads source files of at most ${mib(l.sourceBytes)} (the size limit). ${adviceFor(fileName)}`);
  }
  return runJob(
    'sources.read',
    { fileName, bytes, limits: { maxPages: l.pdfPages, maxImageSide: l.imageSide, maxImagePixels: l.imagePixels } },
    { timeoutMs: l.sourceMs, heapMb: l.sourceHeapMb, rssGrowthMb: l.sourceRssMb, ...(signal ? { signal } : {}), subject: `"${fileName}"`, advice: adviceFor(fileName) },
  );
}
