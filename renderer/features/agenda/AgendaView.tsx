import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaRow } from '../../../shared/model';
import { parseIsoDay } from '../../../shared/model';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../i18n/format';
import { navigate, routeHref } from '../../lib/router';
import { openSession } from '../../lib/caseSession';
import { enumLabel } from '../../lib/enumLabels';
import { formatDay, formatPartialDate } from '../../lib/partialDates';
import { useAgenda } from './useAgenda';
import './agenda.css';
import { useErrorText } from '../../lib/errors';

type Props = { version: number; onChanged: () => void };

export function AgendaView({ version, onChanged }: Props) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const format = useFormat();
  const toast = useToast();
  const { rows, error, load } = useAgenda(version);
  const [busy, setBusy] = useState<string | null>(null);

  const due = (r: AgendaRow) => formatPartialDate(r.date, format.lang);
  const dueBy = (r: AgendaRow) => formatDay(parseIsoDay(r.dueBy)!, format.lang);
  const what = (r: AgendaRow) => (r.kind === 'followUp' ? t('agenda.followUpWith', { target: r.title }) : r.title);

  const when = (r: AgendaRow) => {
    if (r.overdue) return t('agenda.overdueSince', { date: dueBy(r) });
    if (r.daysLeft === 0) return t('agenda.today');
    if (r.mayBeDue) return t('agenda.mayBeDue', { date: dueBy(r) });
    if (r.daysLeft === 1) return t('agenda.tomorrow');
    return t('agenda.inDays', { count: r.daysLeft, days: format.number(r.daysLeft) });
  };

  // Through the case's editing session, so the save carries the rev the editor would
  // (and a case changed elsewhere becomes the editor's conflict, never an overwrite).
  const markDone = async (r: AgendaRow) => {
    const key = `${r.caseId}/${r.id}`;
    setBusy(key);
    try {
      const opened = await openSession(r.caseId);
      if (!opened.ok) {
        toast({ kind: 'error', message: t('agenda.markFailed', { message: errorOf(opened.error) }) });
        return;
      }
      const session = opened.value;
      session.edit((d) => ({ ...d, deadlines: d.deadlines.map((x) => (x.id === r.id ? { ...x, done: true } : x)) }));
      await session.flush();
      const state = session.getState();
      if (state.status === 'saved') {
        toast({ kind: 'success', message: t('agenda.markedDone', { title: r.title }) });
        onChanged();
      } else if (state.status === 'conflict') {
        toast({
          kind: 'error',
          message: t('agenda.markConflict', { case: r.caseTitle }),
          action: { label: t('agenda.openCase'), run: () => navigate({ name: 'case', id: r.caseId }) },
        });
      } else {
        toast({ kind: 'error', message: t('agenda.markFailed', { message: state.error?.message ?? state.status }) });
      }
    } finally {
      setBusy(null);
      await load();
    }
  };

  const overdue = rows?.filter((r) => r.overdue).length ?? 0;

  return (
    <div className="page agenda-page">
      <header className="page-header">
        <h1>{t('agenda.title')}</h1>
        <p className="muted">{t('agenda.intro')}</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {t('agenda.loadFailed', { message: errorOf(error) })}
        </div>
      )}
      {rows === null ? (
        !error && <p className="page-loading">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty-note">{t('agenda.empty')}</p>
      ) : (
        <>
          <p className="agenda-count muted">{t('agenda.summary', { total: format.number(rows.length), overdue: format.number(overdue) })}</p>
          <table className="data-table agenda-table" aria-label={t('agenda.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('agenda.col.due')}</th>
                <th scope="col">{t('agenda.col.when')}</th>
                <th scope="col">{t('agenda.col.kind')}</th>
                <th scope="col">{t('agenda.col.what')}</th>
                <th scope="col">{t('agenda.col.case')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('trash.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.caseId}/${r.kind}/${r.id}`} className={r.overdue ? 'is-overdue' : r.daysLeft === 0 || r.mayBeDue ? 'is-today' : undefined}>
                  <td>
                    <time dateTime={r.date}>{due(r)}</time>
                    {r.date.length < 10 && <div className="agenda-dueby muted">{t('agenda.dueByEnd', { date: dueBy(r) })}</div>}
                  </td>
                  <td>{r.overdue ? <span className="agenda-overdue">{when(r)}</span> : when(r)}</td>
                  <td>{t(`agenda.kind.${r.kind}`)}</td>
                  <td className="agenda-what">{what(r)}</td>
                  <td>
                    <a href={routeHref({ name: 'case', id: r.caseId })}>{r.caseTitle}</a>
                    <div className="muted agenda-casekind">{enumLabel(t, 'kindShort', r.caseKind)}</div>
                  </td>
                  <td className="cell-actions">
                    {r.kind === 'deadline' && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy !== null}
                        aria-label={t('agenda.markDoneNamed', { title: r.title })}
                        onClick={() => void markDone(r)}
                      >
                        {t('agenda.markDone')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
