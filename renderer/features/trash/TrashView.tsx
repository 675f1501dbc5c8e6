import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { TrashEntry } from '../../../shared/contract';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../i18n/format';
import { navigate } from '../../lib/router';
import { enumLabel } from '../../lib/enumLabels';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';
import { PurgeDialog } from './PurgeDialog';

export function TrashView({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const format = useFormat();
  const toast = useToast();
  const { value: entries, error, refresh: load } = useOperation(() => api['trash.list']({}), []);
  const [purging, setPurging] = useState<TrashEntry | null>(null);

  const restore = async (entry: TrashEntry) => {
    const result = await api['cases.restore']({ id: entry.id });
    if (!result.ok) {
      toast({ kind: 'error', message: t('trash.restoreFailed', { message: errorOf(result.error) }) });
      return;
    }
    onChanged();
    await load();
    toast({ kind: 'success', message: t('trash.restored', { title: entry.title }), action: { label: t('common.open'), run: () => navigate({ name: 'case', id: entry.id }) } });
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('trash.title')}</h1>
        <p className="muted">{t('trash.intro')}</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {t('trash.loadFailed', { message: errorOf(error) })}
        </div>
      )}
      {entries === null ? (
        <p className="page-loading">{t('common.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty-note">{t('trash.empty')}</p>
      ) : (
        <table className="data-table trash-table">
          <thead>
            <tr>
              <th scope="col">{t('list.col.name')}</th>
              <th scope="col">{t('field.title')}</th>
              <th scope="col">{t('list.col.kind')}</th>
              <th scope="col">{t('trash.trashedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('trash.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.names[0] ?? ''}</td>
                <td>{e.title}</td>
                <td>{enumLabel(t, 'kindShort', e.kind)}</td>
                <td>
                  <time dateTime={e.trashedAt}>{format.dateTime(e.trashedAt)}</time>
                </td>
                <td className="cell-actions">
                  <button type="button" className="btn btn-small" onClick={() => void restore(e)} aria-label={t('trash.restoreNamed', { title: e.title })}>
                    {t('trash.restore')}
                  </button>{' '}
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setPurging(e)} aria-label={t('purge.openNamed', { title: e.title })}>
                    {t('purge.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PurgeDialog
        entry={purging}
        onClose={() => setPurging(null)}
        onPurged={(outcome) => {
          setPurging(null);
          toast(outcome);
          void load();
        }}
      />
    </div>
  );
}
