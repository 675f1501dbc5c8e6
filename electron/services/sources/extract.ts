// A file the user adds as a source, turned into the plain text that annotations point
// into (Source.text). Read by what its bytes are (formats.ts); everything that is not
// plain UTF-8 text read as written is reported in `warnings`, so the user knows what to check.

import type { ExtractedSource as ExtractedSourceShape } from '../../../shared/contract';
import type { CallContext } from '../callContext';
import { ServiceError } from '../errors';
import { assemble } from './assemble';
import { NO_TEXT_LAYER, pagesWithoutTextWarning } from './pdfText';
import { readOriginal, type ReadLimits } from './readOriginal';
import { readSource } from './readSource';

export type ExtractedSource = ExtractedSourceShape;
export type SourceFormat = ExtractedSource['format'];

function shape(r: { text: string; title?: string; format: SourceFormat; warnings: string[]; charset?: { declared: string; used: string } }): ExtractedSource {
  return { text: r.text, format: r.format, warnings: r.warnings, ...(r.title ? { title: r.title } : {}), ...(r.charset ? { charset: r.charset } : {}) };
}

/**
 * Reads a source file in this thread, without OCR: text, Markdown and HTML by their
 * extension, a PDF by its text layer (pages joined by form feeds), a Word .docx.
 * Throws ServiceError('bad_input') with a message the user can act on when the file cannot give text.
 */
export async function extractSourceText(fileName: string, bytes: Uint8Array, limits: ReadLimits = {}): Promise<ExtractedSource> {
  const reading = await readOriginal(fileName, bytes, limits);
  const warnings = [...reading.warnings];
  if (reading.kind === 'needs-ocr') {
    if (reading.format !== 'pdf' || reading.pages.every((p) => p.trim() === '')) {
      throw new ServiceError('bad_input', reading.format === 'pdf' ? NO_TEXT_LAYER : 'This is a photo or a scan: its text can only be read by OCR. Add it as an original to read it, or paste the text.');
    }
    warnings.push(pagesWithoutTextWarning(reading.pagesWithoutText, reading.pages.length));
  }
  return shape({ ...reading, text: assemble(reading.pages, reading.paged, undefined).text, warnings });
}

/** sources.extract as the app runs it: in a worker, with OCR for scans and photos when it is available; nothing is stored. */
export async function extractSource(fileName: string, bytes: Uint8Array, context: CallContext = {}): Promise<ExtractedSource> {
  return shape(await readSource(fileName, bytes, context));
}
