import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { LayoutBox, LayoutPage } from '../../../shared/model/pageLayout';
import { pageStarts } from '../../../shared/text/pages';

// When the data folder holds no layout for a PDF (an original added before layouts
// were made), the window finds its words itself: each word of the PDF's text layer
// is looked for in order in its page of Source.text, and a word not found there is
// left out rather than guessed. Only used while the text is still the PDF's own.

/** How far past the last word found the next one may be looked for (skipped headers, hyphenation). */
const LOOKAHEAD = 400;

export async function layoutFromPdf(doc: PDFDocumentProxy, text: string): Promise<LayoutPage[]> {
  // Text read page by page holds a form feed between pages, which bounds each page's
  // search; text read before that holds none, and its words are looked for in order.
  const starts = pageStarts(text);
  const paged = starts.length === doc.numPages;
  const pages: LayoutPage[] = [];
  let cursor = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const boxes: LayoutBox[] = [];
    if (paged) cursor = starts[n - 1]!;
    const to = paged && n < starts.length ? starts[n]! - 1 : text.length;
    const content = await page.getTextContent();
    for (const item of content.items as TextItem[]) {
      if (typeof item.str !== 'string' || item.str.trim() === '') continue;
      const [, , c, d, e, f] = item.transform as number[];
      const [x, baseline] = viewport.convertToViewportPoint(e!, f!) as [number, number];
      const size = Math.hypot(c!, d!);
      const top = baseline - size * 0.9;
      const height = size * 1.2;
      for (const word of item.str.matchAll(/\S+/g)) {
        const at = text.indexOf(word[0], cursor);
        if (at === -1 || at + word[0].length > to || at - cursor > LOOKAHEAD) continue;
        cursor = at + word[0].length;
        // A word's share of its run's width, by characters: close enough to select and highlight.
        const left = x + (item.width * word.index) / item.str.length;
        const width = (item.width * word[0].length) / item.str.length;
        boxes.push([at, cursor, fraction(left, viewport.width), fraction(top, viewport.height), fraction(width, viewport.width), fraction(height, viewport.height)]);
      }
    }
    pages.push({ width: viewport.width, height: viewport.height, boxes });
  }
  return pages;
}

function fraction(v: number, of: number): number {
  return Math.min(1, Math.max(0, v / of));
}
