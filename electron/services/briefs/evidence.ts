import { annotationStates, isVerifiedForBrief, type Annotation, type CaseFile, type Source } from '../../../shared/model';
import { PAGE_BREAK, pageAt } from '../../../shared/text/pages';

/** The pages of the original a quote lies on (from 1); `last` differs when it runs over a page break. */
export type QuotePages = { first: number; last: number };

/**
 * An annotation a brief may print: a note on the case, or a quote found in its source's current text,
 * with the pages it lies on when the source's text has pages (shared/text/pages).
 */
export type Verified = { annotation: Annotation; source?: Source; quote?: string; pages?: QuotePages };

/**
 * Whether a source's text is paged: it holds a page break, or its original is a file of pages
 * (a one-page PDF or scan has no break, yet its quotes are on page 1).
 */
function paged(source: Source): boolean {
  return source.text.includes(PAGE_BREAK) || (source.file?.pages ?? 0) >= 1;
}

/** The pages of the quote at [start, end) of a paged source's text. */
function quotePages(source: Source, start: number, end: number): QuotePages | undefined {
  if (!paged(source)) return undefined;
  // The quote prints trimmed: a range that starts or ends on the break between two pages is on the page of its words.
  const text = source.text;
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { first: pageAt(text, from), last: pageAt(text, Math.max(from, to - 1)) };
}

/**
 * The annotations a brief prints, and how many it leaves out. A brief quotes only
 * words its source still holds: an annotation whose derived status is `anchored`
 * is printed with the words at the anchored range of today's text (a fuzzy anchor
 * may differ from the stored quote by a few characters; the source is what the
 * footnote cites). A note without a quote is printed as a note. Every other status
 * (orphaned, or a passage changed since and awaiting review) is not verified and
 * is left out — as is a quote whose source is gone.
 */
export function verifiedEvidence(c: Pick<CaseFile, 'annotations' | 'sources'>): { items: Verified[]; leftOut: number } {
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  const byId = new Map(c.annotations.map((a) => [a.id, a]));
  const items: Verified[] = [];
  let leftOut = 0;
  for (const state of annotationStates(c)) {
    const annotation = byId.get(state.id)!;
    const source = annotation.sourceId === undefined ? undefined : sources.get(annotation.sourceId);
    if (!isVerifiedForBrief(state)) leftOut++;
    else if (state.status === 'note') items.push(source ? { annotation, source } : { annotation });
    else {
      // \s takes the form feed between two pages too: a quote over a page break prints a space there, never the control character.
      const { start = 0, end = source!.text.length } = state;
      const quote = source!.text.slice(start, end).replace(/\s+/g, ' ').trim();
      const pages = quotePages(source!, start, end);
      items.push({ annotation, source: source!, quote, ...(pages ? { pages } : {}) });
    }
  }
  return { items, leftOut };
}
