// Where OCR plugs into intake. Reading a photo, a scan or a PDF page without a text layer
// needs OCR (electron/services/ocr/, registered by whoever composes the app); sources/
// only asks for it through this registry, so it does not depend on how or where OCR runs.

import type { OcrLang } from '../../../shared/contract';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import type { CallContext } from '../callContext';

export type OcrRequest = {
  format: 'image' | 'pdf';
  mediaType: string;
  langs: OcrLang[];
  /** The pages to read, from 1, in order. */
  pages: number[];
};

/**
 * One text per requested page, in the order of `req.pages`, and one LayoutPage per requested
 * page whose box offsets are relative to that page's text. Throws ServiceError when it cannot.
 */
export type OcrResult = { pages: string[]; layout: LayoutPage[]; warnings: string[] };

export type OcrRunner = (bytes: Uint8Array, req: OcrRequest, ctx: CallContext) => Promise<OcrResult>;

let runner: OcrRunner | undefined;

/** Registers the OCR reader (undefined removes it). */
export function setOcrRunner(next: OcrRunner | undefined): void {
  runner = next;
}

export function getOcrRunner(): OcrRunner | undefined {
  return runner;
}

/** OCR reads Kazakh, Russian and English unless the user narrowed it. */
export const ALL_OCR_LANGS: readonly OcrLang[] = ['kk', 'ru', 'en'];
