// An original's pages made into Source.text (joined by form feeds, shared/text/pages)
// and its layout's offsets moved from each page's text to the joined text; OCR's pages
// put in the place of the pages that had no text.

import type { LayoutBox, LayoutPage } from '../../../shared/model/pageLayout';
import { joinPages, pageStarts } from '../../../shared/text/pages';
import type { OcrResult } from './ocrHook';
import type { OriginalReading } from './readOriginal';
import { tidy } from './textFormats';

export type Assembled = { text: string; layout?: LayoutPage[] };

/** A page's boxes that lie inside its text, in order of their offsets; boxes are dropped when the text had to be tidied (their offsets would be wrong). */
function fitPage(text: string, page: LayoutPage | undefined): { text: string; page?: LayoutPage; changed: boolean } {
  const tidied = tidy(text);
  if (!page) return { text: tidied, changed: tidied !== text };
  if (tidied !== text) return { text: tidied, page: { ...page, boxes: [] }, changed: true };
  const boxes = page.boxes.filter(([s, e]) => s < e && e <= text.length);
  return { text, page: { ...page, boxes }, changed: false };
}

/** The reading with OCR's text and boxes in the place of the pages it read. */
export function withOcr(reading: OriginalReading & { kind: 'needs-ocr' }, ocr: OcrResult): { pages: string[]; layout: LayoutPage[]; warnings: string[] } {
  const pages = [...reading.pages];
  const layout: LayoutPage[] = reading.layout ? [...reading.layout] : pages.map(() => ({ width: 1, height: 1, boxes: [] }));
  const warnings = [...ocr.warnings];
  let untidy = 0;
  reading.pagesWithoutText.forEach((n, i) => {
    const fitted = fitPage(ocr.pages[i] ?? '', ocr.layout[i]);
    if (fitted.changed) untidy++;
    pages[n - 1] = fitted.text;
    if (fitted.page) layout[n - 1] = fitted.page;
  });
  if (untidy > 0) warnings.push(`OCR gave text that had to be tidied on ${untidy} page${untidy > 1 ? 's' : ''}; words there cannot be shown on the page.`);
  return { pages, layout, warnings };
}

export function assemble(pages: string[], paged: boolean, layout: LayoutPage[] | undefined): Assembled {
  const text = paged ? joinPages(pages) : (pages[0] ?? '');
  if (!layout) return { text };
  const starts = pageStarts(text);
  const shifted = layout.map((page, i) => ({
    ...page,
    boxes: page.boxes.map(([s, e, x, y, w, h]): LayoutBox => [s + starts[i]!, e + starts[i]!, x, y, w, h]),
  }));
  return { text, layout: shifted };
}
