// A file added as a source's original: its type told from its bytes, its text read
// (in a worker: isolation/), and only then its bytes stored unchanged by their
// SHA-256, so a file that cannot be read leaves nothing in the data folder.

import { fileTypeFromBuffer } from 'file-type';
import type { OcrLang, SourceIntakeResult } from '../../../shared/contract';
import type { SourceFile } from '../../../shared/model';
import { pageCount } from '../../../shared/text/pages';
import { throwIfCancelled, type CallContext } from '../callContext';
import { extractSourceIsolated } from '../isolation/extractSource';
import type { OriginalStore } from '../originals/originalStore';

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

/** The media type the bytes show (file-type), else what a text file is taken to be by its name. */
export async function mediaTypeOf(fileName: string, bytes: Uint8Array): Promise<string> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return found.mime;
  if (/\.html?$|\.xhtml$/i.test(fileName)) return 'text/html';
  if (/\.(md|markdown)$/i.test(fileName)) return 'text/markdown';
  return 'text/plain';
}

export async function intakeSource(originals: OriginalStore, request: IntakeRequest, options: IntakeOptions = {}): Promise<SourceIntakeResult> {
  const { fileName, bytes } = request;
  const mediaType = await mediaTypeOf(fileName, bytes);
  const extracted = await extractSourceIsolated(fileName, bytes, options.signal);
  throwIfCancelled(options.signal, `Adding "${fileName}"`);
  const stored = await originals.put([bytes], { name: fileName, ...(options.signal ? { signal: options.signal } : {}) });
  const pages = extracted.format === 'pdf' ? pageCount(extracted.text) : undefined;
  const file: SourceFile = {
    sha256: stored.sha256,
    name: fileName,
    mediaType,
    size: stored.size,
    addedAt: (options.now ?? (() => new Date()))().toISOString(),
    ...(options.addedBy ? { addedBy: options.addedBy } : {}),
    ...(request.capturedFrom ? { capturedFrom: request.capturedFrom } : {}),
    ...(request.capturedAt ? { capturedAt: request.capturedAt } : {}),
    textBy: 'embedded',
    ...(pages ? { pages } : {}),
  };
  return { ...extracted, file };
}
