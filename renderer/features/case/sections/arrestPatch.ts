import type { PrisonerCase } from '../../../../shared/model';

export type Arrest = NonNullable<PrisonerCase['arrest']>;

/**
 * The arrest with a patch applied. An arrest whose every field was emptied is no arrest
 * recorded (absent, not `{}`), so a case the user only looked at stays as it was.
 */
export function withArrestPatch(arrest: Arrest | undefined, patch: Partial<Arrest>): Arrest | undefined {
  const next: Arrest = { ...arrest, ...patch };
  for (const k of Object.keys(next) as (keyof Arrest)[]) if (next[k] === undefined) delete next[k];
  return Object.keys(next).length > 0 ? next : undefined;
}
