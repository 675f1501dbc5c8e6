import type { TFunction } from 'i18next';
import type { CaseSummary } from '../../../shared/model';
import type { Format } from '../../i18n/format';
import { formatPartialDate } from '../../lib/partialDates';
import { termText } from '../../lib/termText';
import { enumLabel } from '../../lib/enumLabels';
import { prisonerSituation } from './listModel';

/**
 * The situation column's text: "Administrative arrest · Administrative arrest, 10 days",
 * "Released · 18 Feb 2021", "Suspension · in force".
 */
export function situationText(t: TFunction, f: Format, s: CaseSummary): string {
  const p = prisonerSituation(s);
  if (p) {
    const detention = p.detention ? enumLabel(t, 'detention', p.detention) : '';
    const term = p.penalty?.term;
    const penaltyLabel = p.penalty ? enumLabel(t, 'penalty', p.penalty.type) : '';
    // "Administrative arrest · 10 days", not the same words twice.
    const penalty = p.penalty && [
      penaltyLabel === detention ? '' : penaltyLabel,
      term && termText(t, f, (term.years ?? 0) * 12 + (term.months ?? 0), term.days ?? 0),
    ].filter(Boolean).join(', ');
    return [
      detention,
      // "Released · 18 Feb 2021"; a release recorded under another status says what it is.
      p.releasedOn ? (p.detention === 'released' ? formatPartialDate(p.releasedOn, f.lang) : t('caseList.releasedOn', { date: formatPartialDate(p.releasedOn, f.lang) })) : '',
      penalty ?? '',
    ].filter(Boolean).join(' · ');
  }
  const parts = [s.measureType ? enumLabel(t, 'measure', s.measureType) : '', s.measureStatus ? enumLabel(t, 'measureStatus', s.measureStatus) : ''];
  return parts.filter(Boolean).join(' · ');
}
