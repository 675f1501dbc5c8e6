import type { TFunction } from 'i18next';
import type { CaseFile } from '../../shared/model';

// Starting points for the requests, from what the case records and nothing more: the
// advocate edits them into their own words (briefs print only those). Each rule asks
// only for what a recorded fact supports — release only for a person held, "quash the
// conviction" once there is one and "drop the charges" only before, a ban lifted only
// when a decision imposed it — so no suggestion states something the file does not.

type Prisoner = Extract<CaseFile, { kind: 'political_prisoner' }>;
type Ngo = Extract<CaseFile, { kind: 'ngo_suspension' }>;

/** Statuses in which the person is known to be held ("unknown" is not: nothing says they are). */
const HELD = new Set(['pre_trial', 'house_arrest', 'administrative_arrest', 'imprisoned', 'forced_treatment', 'incommunicado']);

/** Measures still weighing on the organisation; an overturned or expired one is not lifted, it is redressed. */
const MEASURE_STANDS = new Set(['in_force', 'appealed', 'upheld']);

/** Which suggestion fits, in the order a brief would ask: keys under `parts.suggest` or `briefs14.suggest`. */
export type SuggestionKey =
  | 'whereabouts' | 'release' | 'access' | 'treatment' | 'quash' | 'dropCharges' | 'liftActivityBan' | 'liftTravelBan'
  | 'liftRestriction' | 'remedy' | 'liftMeasure' | 'redressMeasure' | 'association';

/** A conviction is recorded: a charge ended in one, or a verdict imposed a penalty. */
function isConvicted(c: Prisoner): boolean {
  return c.charges.some((ch) => ch.outcome === 'convicted') || c.decisions.some((d) => d.stage === 'verdict' && d.penalty !== undefined && d.penalty.type !== 'none');
}

/** Charges are recorded that no outcome has closed yet (and nothing says the person was convicted). */
function chargesOpen(c: Prisoner): boolean {
  return !isConvicted(c) && c.charges.some((ch) => ch.outcome === undefined || ch.outcome === 'pending');
}

function prisonerKeys(c: Prisoner): SuggestionKey[] {
  const status = c.detention.status;
  const held = HELD.has(status);
  const penalties = new Set(c.decisions.map((d) => d.penalty?.type));
  const out: SuggestionKey[] = [];
  if (status === 'incommunicado') out.push('whereabouts');
  if (held) out.push('release');
  if (isConvicted(c)) out.push('quash');
  else if (chargesOpen(c)) out.push('dropCharges');
  if (penalties.has('activity_ban')) out.push('liftActivityBan');
  if (penalties.has('travel_ban')) out.push('liftTravelBan');
  if (status === 'restricted_freedom') out.push('liftRestriction');
  if (held) out.push('access', 'treatment');
  // Redress is owed for what was done: only when the file records an arrest, a charge or a decision.
  const persecuted = c.arrest !== undefined || c.charges.length > 0 || c.decisions.length > 0 || (status !== 'unknown' && !held);
  if (!held && persecuted) out.push('remedy');
  return out;
}

function ngoKeys(c: Ngo): SuggestionKey[] {
  return [MEASURE_STANDS.has(c.measure.status) ? 'liftMeasure' : 'redressMeasure', 'association'];
}

/** The suggestions that fit the case, as keys (tested without a translation). */
export function suggestionKeys(c: CaseFile): SuggestionKey[] {
  return c.kind === 'ngo_suspension' ? ngoKeys(c) : prisonerKeys(c);
}

/** Keys the earlier version shipped under `parts.suggest` (translated there); the rest live in `briefs14.suggest`. */
const PARTS_KEYS = new Set<SuggestionKey>(['whereabouts', 'release', 'access', 'treatment', 'remedy', 'liftMeasure', 'association']);

/**
 * The suggestions in the language of `t`, each naming the person or organisation as
 * `name` gives it (the brief's script where the case has an alias in it).
 */
export function suggestedRequests(t: TFunction, c: CaseFile, name: string = c.kind === 'ngo_suspension' ? c.organization.name : c.person.name): string[] {
  const tr = t as unknown as (key: string, options: Record<string, string>) => string;
  return suggestionKeys(c).map((key) => tr(PARTS_KEYS.has(key) ? `parts.suggest.${key}` : `briefs14.suggest.${key}`, { name }));
}
