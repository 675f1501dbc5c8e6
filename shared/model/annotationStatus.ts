import { z } from 'zod';
import { anchor, updateTarget } from '../text/anchor';
import type { CaseDraft } from './case';
import type { Annotation, Source } from './parts';
import { Id } from './scalars';

/**
 * Where each annotation stands against its source's current text. Derived on
 * demand, never stored: the quote is the truth, so the status is whatever
 * anchoring the quote in today's text says.
 */
export const AnnotationState = z.strictObject({
  id: Id,
  sourceId: Id.optional(),
  sourceTitle: z.string().optional(),
  status: z.enum(['note', 'anchored', 'orphaned']),
  /** Where the quote is now (UTF-16 offsets into the source text), when anchored. */
  start: z.int().optional(),
  end: z.int().optional(),
  method: z.enum(['position', 'quote', 'fuzzy']).optional(),
  reason: z.string().optional(),
  quote: z.string().optional(),
  body: z.string(),
  tags: z.array(z.string()),
  confidential: z.boolean(),
});
export type AnnotationState = z.infer<typeof AnnotationState>;

type WithAnnotations = Pick<CaseDraft, 'sources' | 'annotations'>;

export function annotationStates(c: { sources: Source[]; annotations: Annotation[] }): AnnotationState[] {
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  return c.annotations.map((a) => {
    const base = { id: a.id, body: a.body, tags: a.tags, confidential: a.confidential };
    const source = a.sourceId === undefined ? undefined : sources.get(a.sourceId);
    if (!a.target || !source) return { ...base, sourceId: a.sourceId, sourceTitle: source?.title, status: 'note' as const, quote: a.target?.quote.exact };
    const found = anchor(source.text, a.target);
    const where = { ...base, sourceId: a.sourceId, sourceTitle: source.title, quote: a.target.quote.exact };
    return found.status === 'anchored'
      ? { ...where, status: 'anchored' as const, start: found.start, end: found.end, method: found.method }
      : { ...where, status: 'orphaned' as const, reason: found.reason };
  });
}

/**
 * Re-anchors every annotation against its source's current text and refreshes
 * the position and context of those that were found. An orphan keeps its target
 * exactly as it was — never moved, never dropped — so it can be re-anchored by
 * hand or heal if the text comes back. Quote-only targets (from an import) gain
 * their position here.
 */
export function reanchorCase<C extends WithAnnotations>(c: C): C {
  const sources = new Map(c.sources.map((s) => [s.id, s.text]));
  let changed = false;
  const annotations = c.annotations.map((a) => {
    const text = a.sourceId === undefined ? undefined : sources.get(a.sourceId);
    if (!a.target || text === undefined) return a;
    const found = anchor(text, a.target);
    if (found.status !== 'anchored') return a;
    const target = updateTarget(text, a.target, found);
    if (JSON.stringify(target) === JSON.stringify(a.target)) return a;
    changed = true;
    return { ...a, target };
  });
  return changed ? { ...c, annotations } : c;
}
