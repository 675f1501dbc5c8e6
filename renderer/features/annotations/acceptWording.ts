import type { CaseFile } from '../../../shared/model';
import { anchor, makeTarget } from '../../../shared/text/anchor';

type WithAnnotations = Pick<CaseFile, 'sources' | 'annotations'>;

/**
 * The user accepts that a changed annotation now stands on the words in its passage:
 * its target is taken afresh from them, the one place where the annotated words are
 * rewritten. The passage is looked up again in the draft the edit applies to (the text
 * may have changed since the list was drawn); if it is not `changed` there any more,
 * the draft is returned as it was and the caller says so.
 */
export function acceptNewWording<D extends WithAnnotations>(d: D, id: string, now: string): { draft: D; accepted: boolean } {
  const a = d.annotations.find((x) => x.id === id);
  const text = a?.sourceId === undefined ? undefined : d.sources.find((s) => s.id === a.sourceId)?.text;
  if (!a?.target || text === undefined) return { draft: d, accepted: false };
  const found = anchor(text, a.target);
  if (found.status !== 'changed') return { draft: d, accepted: false };
  const target = makeTarget(text, found.start, found.end);
  return { draft: { ...d, annotations: d.annotations.map((x) => (x.id === id ? { ...x, target, updatedAt: now } : x)) }, accepted: true };
}
