import { annotationStates, isVerifiedForBrief, type Annotation, type CaseFile, type Source } from '../../../shared/model';

/** An annotation a brief may print: a note on the case, or a quote found in its source's current text. */
export type Verified = { annotation: Annotation; source?: Source; quote?: string };

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
    else items.push({ annotation, source: source!, quote: source!.text.slice(state.start, state.end).replace(/\s+/g, ' ').trim() });
  }
  return { items, leftOut };
}
