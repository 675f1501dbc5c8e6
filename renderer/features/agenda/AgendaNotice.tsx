import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { routeHref } from '../../lib/router';
import { useAgenda } from './useAgenda';

/**
 * At start: if anything is overdue, due today, or may be due now (only its month or
 * year known, and that has begun), say so once, with a way to the
 * deadlines. Dismissed, it stays away for the rest of the session.
 */
export function AgendaNotice({ version, hidden }: { version: number; hidden?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { rows } = useAgenda(version);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || hidden || !rows) return null;
  const overdue = rows.filter((r) => r.overdue).length;
  const today = rows.filter((r) => !r.overdue && r.daysLeft === 0).length;
  const mayBeDue = rows.filter((r) => r.mayBeDue).length;
  if (overdue === 0 && today === 0 && mayBeDue === 0) return null;
  return (
    <div className="app-banner">
      <div className="banner banner-warning agenda-notice" role="status">
        <span className="banner-title">{t('agenda.notice.title')}</span>{' '}
        <span>{t('agenda.notice.text', { overdue: format.number(overdue), today: format.number(today) })}</span>{' '}
        {mayBeDue > 0 && <span>{t('agenda.notice.mayBeDue', { n: format.number(mayBeDue) })}</span>}{' '}
        <a className="btn btn-small" href={routeHref({ name: 'agenda' })} onClick={() => setDismissed(true)}>
          {t('agenda.notice.show')}
        </a>{' '}
        <button type="button" className="btn btn-small" onClick={() => setDismissed(true)}>
          {t('agenda.notice.dismiss')}
        </button>
      </div>
    </div>
  );
}
