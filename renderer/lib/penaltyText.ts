import { useTranslation } from 'react-i18next';
import type { Penalty } from '../../shared/model';
import { useFormat } from '../i18n/format';
import { enumLabel } from './enumLabels';
import { termText, unitWordsFrom } from './term';

/** The penalty in words: "Administrative arrest, 10 days", "Fine" — the decisions and the people pages say it alike. */
export function usePenaltyText(): (p: Penalty) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const words = unitWordsFrom((key, values) => t(key, values));
  return (p: Penalty) => {
    const type = enumLabel(t, 'penalty', p.type);
    return p.term ? t('prisoner.decisions.penaltyWithTerm', { type, term: termText(p.term, format.lang, words, format.number) }) : type;
  };
}
