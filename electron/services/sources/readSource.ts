// An original's text as the app reads it: by its bytes, in a worker (isolation/), then by
// OCR for what has no text (ocrHook.ts), then its pages joined into Source.text with the
// layout of its words. Nothing is stored here; intake stores after this succeeds.

import type { OcrLang, OriginalMetadata } from '../../../shared/contract';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import { throwIfCancelled, type CallContext } from '../callContext';
import { ServiceError } from '../errors';
import { readOriginalIsolated } from '../isolation/extractSource';
import { assemble, withOcr } from './assemble';
import { shown } from './formats';
import { ALL_OCR_LANGS, getOcrRunner } from './ocrHook';
import { NO_TEXT_LAYER, pagesWithoutTextWarning } from './pdfText';
import type { OriginalReading, ReadFormat } from './readOriginal';

export type SourceReading = {
  text: string;
  title?: string;
  format: ReadFormat;
  warnings: string[];
  charset?: { declared: string; used: string };
  mediaType: string;
  textBy: 'embedded' | 'ocr';
  /** Pages of a PDF or image (Source.file.pages). */
  pages?: number;
  /** Box offsets into `text`. */
  layout?: LayoutPage[];
  metadata?: OriginalMetadata;
};

function noOcr(fileName: string, reading: OriginalReading & { kind: 'needs-ocr' }): ServiceError {
  if (reading.format === 'pdf') return new ServiceError('bad_input', `${shown(fileName)}: ${NO_TEXT_LAYER} OCR is not available in this copy of Casefile.`);
  return new ServiceError('bad_input', `${shown(fileName)} is a photo or a scan: its text can only be read by OCR, which is not available in this copy of Casefile. Paste the text instead, or add a PDF with a text layer.`);
}

export async function readSource(fileName: string, bytes: Uint8Array, options: CallContext & { ocrLangs?: OcrLang[] } = {}): Promise<SourceReading> {
  const reading = await readOriginalIsolated(fileName, bytes, options.signal);
  throwIfCancelled(options.signal, `Reading ${shown(fileName)}`);
  let pages = reading.pages;
  let layout = reading.layout;
  const warnings = [...reading.warnings];
  let textBy: 'embedded' | 'ocr' = 'embedded';
  if (reading.kind === 'needs-ocr') {
    const runner = getOcrRunner();
    const someText = pages.some((p) => p.trim() !== '');
    if (runner) {
      const ocr = await runner(bytes, { format: reading.format, mediaType: reading.mediaType, langs: options.ocrLangs ?? [...ALL_OCR_LANGS], pages: reading.pagesWithoutText }, options);
      throwIfCancelled(options.signal, `Reading ${shown(fileName)}`);
      ({ pages, layout } = withOcr(reading, ocr));
      warnings.push(...ocr.warnings);
      textBy = 'ocr';
      if (pages.every((p) => p.trim() === '')) {
        warnings.push(`No text was recognised in ${shown(fileName)}; the source's text is empty. That is expected for a photo without writing; if it shows a document, check the OCR languages or type the text in.`);
      }
    } else if (reading.format === 'pdf' && someText) {
      warnings.push(pagesWithoutTextWarning(reading.pagesWithoutText, pages.length));
    } else {
      throw noOcr(fileName, reading);
    }
  }
  const joined = assemble(pages, reading.paged, layout);
  return {
    text: joined.text,
    format: reading.format,
    warnings,
    mediaType: reading.mediaType,
    textBy,
    ...(reading.title ? { title: reading.title } : {}),
    ...(reading.charset ? { charset: reading.charset } : {}),
    ...(reading.paged ? { pages: pages.length } : {}),
    ...(joined.layout ? { layout: joined.layout } : {}),
    ...(reading.metadata ? { metadata: reading.metadata } : {}),
  };
}
