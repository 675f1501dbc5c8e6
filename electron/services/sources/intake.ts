// A file added as a source's original: its type told from its bytes, its text read
// (in a worker: isolation/; by OCR for a scan or photo), and only then its bytes stored
// unchanged by their SHA-256 with the layout of its words beside them, so a file that
// cannot be read leaves nothing in the data folder.

import type { OcrLang, SourceIntakeResult } from '../../../shared/contract';
import type { SourceFile } from '../../../shared/model';
import { throwIfCancelled, type CallContext } from '../callContext';
import type { OriginalStore } from '../originals/originalStore';
import { keepLayout, readingResult } from './readingResult';
import { readSource } from './readSource';

export type IntakeRequest = {
  fileName: string;
  bytes: Uint8Array;
  ocrLangs?: OcrLang[];
  capturedFrom?: string;
  capturedAt?: string;
};

export type IntakeOptions = CallContext & {
  /** The app's user (Settings → prepared by), recorded as who added the original. */
  addedBy?: string;
  now?: () => Date;
};

export async function intakeSource(originals: OriginalStore, request: IntakeRequest, options: IntakeOptions = {}): Promise<SourceIntakeResult> {
  const { fileName, bytes } = request;
  const read = await readSource(fileName, bytes, { ...options, ...(request.ocrLangs ? { ocrLangs: request.ocrLangs } : {}) });
  throwIfCancelled(options.signal, `Adding "${fileName}"`);
  const stored = await originals.put([bytes], { name: fileName, ...(options.signal ? { signal: options.signal } : {}) });
  await keepLayout(originals, stored.sha256, read);
  const file: SourceFile = {
    sha256: stored.sha256,
    name: fileName,
    mediaType: read.mediaType,
    size: stored.size,
    addedAt: (options.now ?? (() => new Date()))().toISOString(),
    ...(options.addedBy ? { addedBy: options.addedBy } : {}),
    ...(request.capturedFrom ? { capturedFrom: request.capturedFrom } : {}),
    ...(request.capturedAt ? { capturedAt: request.capturedAt } : {}),
    textBy: read.textBy,
    ...(read.pages ? { pages: read.pages } : {}),
  };
  return readingResult(read, file);
}
