// A paged original (a PDF, a multi-page scan) gives one text per page; Source.text
// holds them in order, joined by a form feed (U+000C) as pdftotext writes them, so
// an annotation's offsets say its page without a field the model does not have.
// Page n (from 1) starts after the (n-1)-th form feed. Text from an unpaged file
// (a .docx, a web page) holds no form feed: it is one page.

export const PAGE_BREAK = '\f';

/** One text per page, as the reader of the original found them, joined for Source.text. */
export function joinPages(pages: readonly string[]): string {
  return pages.map((p) => p.replaceAll(PAGE_BREAK, '\n')).join(PAGE_BREAK);
}

/** Where each page starts in `text` (UTF-16 offsets; the first is 0). */
export function pageStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf(PAGE_BREAK); at !== -1; at = text.indexOf(PAGE_BREAK, at + 1)) starts.push(at + 1);
  return starts;
}

/** The page (from 1) that holds the UTF-16 offset `offset` of `text`. */
export function pageAt(text: string, offset: number): number {
  let page = 1;
  for (let at = text.indexOf(PAGE_BREAK); at !== -1 && at < offset; at = text.indexOf(PAGE_BREAK, at + 1)) page++;
  return page;
}

/** How many pages `text` holds (1 for text without a form feed). */
export function pageCount(text: string): number {
  return pageStarts(text).length;
}
