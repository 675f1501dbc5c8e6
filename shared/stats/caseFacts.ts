import { z } from 'zod';
import { penaltyInForce } from '../model/decisions';
import { CaseKind, CaseStatus, PenaltyType, Priority, type CaseFile } from '../model/case';
import { Id } from '../model/scalars';
import { normalizeText } from '../text/normalize';
import { drawnRegion, matchKzRegion } from './kzRegions';

// What the caseload counts of one case, computed once per revision of it: the core keeps
// these (people/caseFacts.ts) so the Statistics view never reads whole cases. The costly
// derivations (the region matched, the articles normalised, the penalty in force) are made
// here, once; `caseload` only counts. Bump CASE_FACTS_VERSION whenever what is derived
// changes: facts kept on disk under an older version are then computed again.

export const CASE_FACTS_VERSION = 1;

export const NO_PENALTY_YET = 'none_yet';
export const PenaltyKey = z.union([PenaltyType, z.literal(NO_PENALTY_YET)]);

export const CaseFacts = z.strictObject({
  id: Id,
  kind: CaseKind,
  status: CaseStatus,
  priority: Priority,
  tags: z.array(z.string()),
  /** ISO code; '' when none is recorded. */
  country: z.string(),
  /** Kazakhstan only: the region drawn on the map, '' when the case's region names none. */
  kzRegion: z.string().optional(),
  /** The arrest's date, else the detention's `since` (prisoners). */
  detainedOn: z.string().optional(),
  releasedOn: z.string().optional(),
  /** Prisoners: the penalty in force. */
  penalty: PenaltyKey.optional(),
  /** Prisoners: each charge once, by its normalised article and code ('' = no article), with the label first written. */
  charges: z.array(z.strictObject({ key: z.string(), label: z.string() })),
  /** NGO cases: when the measure began. */
  measureStart: z.string().optional(),
});
export type CaseFacts = z.infer<typeof CaseFacts>;

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The facts `caseload` counts, from a whole case. Pure. */
export function caseFacts(c: CaseFile): CaseFacts {
  const country = c.country ?? '';
  const kzRegion = country === 'KZ' ? (() => {
    const region = c.region ? matchKzRegion(c.region) : null;
    return region ? drawnRegion(region) : '';
  })() : undefined;
  const base = { id: c.id, kind: c.kind, status: c.status, priority: c.priority, tags: [...c.tags], country, kzRegion };
  if (c.kind !== 'political_prisoner') return defined({ ...base, charges: [], measureStart: c.measure.start });
  const charges: CaseFacts['charges'] = [];
  const seen = new Set<string>();
  for (const ch of c.charges) {
    const article = ch.article?.trim() ?? '';
    const key = article ? normalizeText(`${article} ${ch.code}`) : '';
    if (seen.has(key)) continue;
    seen.add(key);
    charges.push({ key, label: article ? `${article} (${ch.code})` : '' });
  }
  return defined({
    ...base,
    // The arrest is when the detention began; `since` stands in when the arrest is not dated.
    detainedOn: c.arrest?.date ?? c.detention.since,
    releasedOn: c.detention.releasedOn,
    penalty: penaltyInForce(c.decisions)?.penalty?.type ?? NO_PENALTY_YET,
    charges,
  });
}
