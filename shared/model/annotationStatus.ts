import { z } from 'zod';
import { anchor, ORPHAN_CAUSES, updateTarget } from '../text/anchor';
import type { CaseDraft } from './case';
import type { Annotation, Source } from './parts';
import { Id } from './scalars';

/**
 * Where each annotation stands against its source's current text. Derived on
 * demand, never stored: the quote is the truth, so the status is whatever
 * anchoring the quote in today's text says.
 *
 * - `anchored`: the annotated words are in the text (up to whitespace);
 * - `changed`: the passage is probably still there but its words changed a little
 *   (a typo fixed, a letter corrected); the user must review it, and until they
 *   accept the new wording it stays `changed` and is quoted nowhere;
 * - `orphaned`: the words cannot be found with confidence;
 * - `note`: a note on the case or on a source as a whole, with nothing to anchor.
 */
export const AnnotationState = z.strictObject({
  id: Id,
  sourceId: Id.optional(),
  sourceTitle: z.string().optional(),
  status: z.enum(['note', 'anchored', 'changed', 'orphaned']),
  /** Where the passage is now (UTF-16 offsets into the source text), when anchored or changed. */
  start: z.int().optional(),
  end: z.int().optional(),
  method: z.enum(['position', 'quote', 'fuzzy']).optional(),
  reason: z.string().optional(),
  /** Why it is orphaned, as a code a caller can word in its own language. */
  cause: z.enum(ORPHAN_CAUSES).optional(),
  /** When orphaned because its numbers changed: the quote's numbers, and those in the passage found. */
  numbers: z.strictObject({ was: z.array(z.string()), now: z.array(z.string()) }).optional(),
  /** The words the annotation was made on (the stored quote). */
  quote: z.string().optional(),
  /** When changed: the words now at start..end, to show beside the quote. */
  currentText: z.string().optional(),
  body: z.string(),
  tags: z.array(z.string()),
  confidential: z.boolean(),
});
export type AnnotationState = z.infer<typeof AnnotationState>;

/**
 * Whether a brief may print this annotation: a quote still found, word for word, in
 * its source's current text, or a note that quotes nothing. Everything else
 * (orphaned, or a passage changed and awaiting review) is left out and counted.
 */
export function isVerifiedForBrief(state: Pick<AnnotationState, 'status' | 'quote'>): boolean {
  return state.status === 'anchored' || (state.status === 'note' && state.quote === undefined);
}

type WithAnnotations = Pick<CaseDraft, 'sources' | 'annotations'>;

export function annotationStates(c: { sources: Source[]; annotations: Annotation[] }): AnnotationState[] {
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  return c.annotations.map((a) => {
    const base = { id: a.id, body: a.body, tags: a.tags, confidential: a.confidential };
    const source = a.sourceId === undefined ? undefined : sources.get(a.sourceId);
    if (!a.target || !source) return { ...base, sourceId: a.sourceId, sourceTitle: source?.title, status: 'note' as const, quote: a.target?.quote.exact };
    const found = anchor(source.text, a.target);
    const where = { ...base, sourceId: a.sourceId, sourceTitle: source.title, quote: a.target.quote.exact };
    switch (found.status) {
      case 'anchored':
        return { ...where, status: 'anchored' as const, start: found.start, end: found.end, method: found.method };
      case 'changed':
        return { ...where, status: 'changed' as const, start: found.start, end: found.end, method: 'fuzzy' as const, currentText: source.text.slice(found.start, found.end) };
      case 'orphaned':
        // An area marked on a photo or a scan with no words in it quotes what it is ("Area of page 2"):
        // it is placed by its rectangle, not by the text, so it is a note on the page, not a lost quote.
        if (a.target.region && !a.target.position && found.cause === 'gone') return { ...where, status: 'note' as const };
        return { ...where, status: 'orphaned' as const, reason: found.reason, cause: found.cause, ...(found.numbers ? { numbers: found.numbers } : {}) };
    }
  });
}

/**
 * Re-anchors every annotation against its source's current text and refreshes
 * the stored target as updateTarget says: an anchored one afresh (its words are the
 * same up to whitespace), a changed one only in its position — the quoted words stay
 * the ones the user annotated until the user accepts the new wording — and an orphan
 * not at all: never moved, never dropped, so it can be re-attached by hand or heal if
 * the text comes back. Quote-only targets (from an import) gain their position here.
 */
export function reanchorCase<C extends WithAnnotations>(c: C): C {
  const sources = new Map(c.sources.map((s) => [s.id, s.text]));
  let changed = false;
  const annotations = c.annotations.map((a) => {
    const text = a.sourceId === undefined ? undefined : sources.get(a.sourceId);
    if (!a.target || text === undefined) return a;
    const target = updateTarget(text, a.target, anchor(text, a.target));
    if (JSON.stringify(target) === JSON.stringify(a.target)) return a;
    changed = true;
    return { ...a, target };
  });
  return changed ? { ...c, annotations } : c;
}
