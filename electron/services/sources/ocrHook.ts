// Where intake and re-reading find OCR: the services that build the app register the
// runner (electron/services/ocr/, on this floor, not imported from here), so reading a
// text file never loads tesseract.js, and a build without OCR says so.

import type { OcrLang } from '../../../shared/contract';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import type { CallContext } from '../callContext';

export type OcrRunner = (
  bytes: Uint8Array,
  req: { format: 'image' | 'pdf'; mediaType: string; langs: OcrLang[]; pages: number[] },
  ctx: CallContext,
) => Promise<{ pages: string[]; layout: LayoutPage[]; warnings: string[] }>;

let runner: OcrRunner | null = null;

export function setOcrRunner(r: OcrRunner | null): void {
  runner = r;
}

export function getOcrRunner(): OcrRunner | null {
  return runner;
}
