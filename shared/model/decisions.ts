// What a case's decisions add up to. Pure: no node:, no DOM.
import type { Term } from './scalars';

type WithPenalty = { penalty?: { type: string; term?: Term | undefined } | undefined };

/**
 * The decision whose penalty is in force: the latest (decisions are kept oldest
 * first) that sets one. A later decision without a penalty ("early release denied")
 * leaves the earlier penalty in force.
 */
export function penaltyInForce<D extends WithPenalty>(decisions: readonly D[]): D | undefined {
  for (let i = decisions.length - 1; i >= 0; i--) if (decisions[i]!.penalty) return decisions[i];
  return undefined;
}

/** The penalty types that hold a person for a term. */
export const CUSTODIAL_PENALTIES: ReadonlySet<string> = new Set(['prison', 'administrative_arrest', 'restricted_freedom', 'forced_treatment']);
