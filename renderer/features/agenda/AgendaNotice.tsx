import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { routeHref } from '../../lib/router';
import { useAgenda } from './useAgenda';

/**
 * At start: if anything is overdue or due today, say so once, with a way to the
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
  if (overdue === 0 && today === 0) return null;
  return (
    <div className="app-banner">
      <div className="banner banner-warning agenda-notice" role="status">
        <span className="banner-title">{t('agenda.notice.title')}</span>{' '}
        <span>{t('agenda.notice.text', { overdue: format.number(overdue), today: format.number(today) })}</span>{' '}
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
