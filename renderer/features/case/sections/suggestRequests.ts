import type { TFunction } from 'i18next';
import type { CaseFile } from '../../../../shared/model';

// Starting points for the requests, in the interface language, from what the case
// says: the advocate edits them into their own words (briefs print only those).

/** Detention statuses in which the person is held, or may be (unknown is the default of a new case). */
const HELD = new Set(['pre_trial', 'house_arrest', 'administrative_arrest', 'imprisoned', 'forced_treatment', 'incommunicado', 'unknown']);

export function suggestedRequests(t: TFunction, c: CaseFile): string[] {
  if (c.kind === 'ngo_suspension') {
    const name = c.organization.name;
    return [t('parts.suggest.liftMeasure', { name }), t('parts.suggest.association', { name })];
  }
  const name = c.person.name;
  const status = c.detention.status;
  if (!HELD.has(status)) return [t('parts.suggest.rehabilitate', { name }), t('parts.suggest.remedy', { name })];
  const out: string[] = [];
  if (status === 'incommunicado') out.push(t('parts.suggest.whereabouts', { name }));
  out.push(t('parts.suggest.release', { name }), t('parts.suggest.access', { name }), t('parts.suggest.treatment', { name }));
  return out;
}
