// OCR's pages turned into a source's text and its page layout: the pages joined by
// form feeds (shared/text/pages), and each word box's offsets moved from its page's
// text into the joined text, tied to that text by its SHA-256.

import type { PageLayout } from '../../../shared/model/pageLayout';
import { joinPages, pageStarts } from '../../../shared/text/pages';
import { sha256Hex } from '../cases/finalize';
import type { OcrResult } from './ocrOriginal';

export function ocrSourceText(result: OcrResult): { text: string; layout: PageLayout } {
  const text = joinPages(result.pages);
  const starts = pageStarts(text);
  const pages = result.layout.map((page, i) => {
    const at = starts[i] ?? 0;
    return { ...page, boxes: page.boxes.map(([s, e, x, y, w, h]): [number, number, number, number, number, number] => [s + at, e + at, x, y, w, h]) };
  });
  return { text, layout: { textSha256: sha256Hex(text), pages } };
}
