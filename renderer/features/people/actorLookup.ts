import type { ActorSummary } from '../../../shared/people';

/** A spelling as the index may have kept it: spaces collapsed, case ignored. */
const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/**
 * The entry of the index a field's text belongs to, from what people.list found for that
 * text: the one that has the spelling itself (spaces and case aside), else the only one
 * found; null when the text names none, or several and none exactly.
 */
export function actorForSpelling(found: readonly ActorSummary[], spelling: string): ActorSummary | null {
  const want = fold(spelling);
  if (!want) return null;
  const exact = found.find((a) => a.spellings.some((s) => fold(s) === want));
  if (exact) return exact;
  return found.length === 1 ? found[0]! : null;
}
