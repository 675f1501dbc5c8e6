import { useTranslation } from 'react-i18next';
import { daysSince, localToday } from '../../../../shared/text/dates';
import { useFormat } from '../../../i18n/format';

/** "1,420 days ago" or, for a date known only to the month or year, "at least 1,420 days ago". */
export function DaysSinceNote({ since }: { since: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!since) return <>{t('field.dateHint')}</>;
  const d = daysSince(since, localToday());
  if (!d) return <>{t('field.dateHint')}</>;
  const days = format.number(d.days);
  return <>{d.approximate ? t('case.daysSinceApprox', { count: d.days, days }) : t('case.daysSince', { count: d.days, days })}</>;
}
