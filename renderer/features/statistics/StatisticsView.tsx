import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { CaseKind, CaseStatus, Priority } from '../../../shared/model';
import { localToday } from '../../../shared/text/dates';
import { useFormat } from '../../i18n/format';
import { enumOptions } from '../../lib/enumLabels';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';
import { FilterSelect } from '../list/FilterSelect';
import { allTags, filterRows, toRows, type ListFilters } from '../list/listModel';
import { compileQuery, searchFold } from '../list/search';
import { ChartCard } from './ChartCard';
import { articleChart, countryChart, penaltyChart, regionChart, statusChart, timeChart } from '../../../shared/stats/chartOptions';
import { chartText, type Period } from './charts';
import './statistics.css';

type Props = {
  /** The list's own filters: changing them here changes the list, and back. */
  filters: ListFilters;
  setFilters: (patch: Partial<ListFilters>) => void;
  version: number;
};

/**
 * The caseload as charts. The numbers are the core's (stats.caseload, over whole cases);
 * the list's text filter is applied as the list applies it, and passed on as the ids it lets through.
 */
export function StatisticsView({ filters, setFilters, version }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorOf = useErrorText();
  const ids = { filter: useId(), kind: useId(), status: useId(), priority: useId(), tag: useId(), period: useId() };
  const [period, setPeriod] = useState<Period>('year');
  const list = useOperation(() => api['cases.list']({}), [version]);
  const shownIds = useMemo(() => {
    if (!filters.text.trim() || !list.value) return undefined;
    return filterRows(toRows(list.value, localToday(), searchFold), filters, compileQuery).map((r) => r.summary.id);
  }, [list.value, filters]);
  const textPending = filters.text.trim() !== '' && !list.value;
  const { kind, status, priority, tag } = filters;
  const stats = useOperation(
    () => api['stats.caseload']({ kind, status, priority, tag, ids: shownIds }),
    [version, kind, status, priority, tag, shownIds],
    { enabled: !textPending },
  );
  const tags = useMemo(() => (list.value ? allTags(list.value, format.compare) : []), [list.value, format.compare]);

  const charts = useMemo(() => {
    const s = stats.value;
    if (!s) return [];
    const x = chartText(t, format.lang, format.country);
    const out = [timeChart(x, s, period), regionChart(x, s)];
    if (s.countries.some((c) => c.key !== 'KZ')) out.push(countryChart(x, s));
    out.push(articleChart(x, s), penaltyChart(x, s), statusChart(x, s));
    return out;
  }, [stats.value, t, period, format]);

  return (
    <div className="stats-view">
      <h1>{t('statistics.title')}</h1>
      <div className="list-toolbar stats-toolbar" role="search">
        <div className="toolbar-field toolbar-search">
          <label htmlFor={ids.filter}>{t('list.filter')}</label>
          <input id={ids.filter} type="search" value={filters.text} placeholder={t('list.filterPlaceholder')} onChange={(e) => setFilters({ text: e.target.value })} />
        </div>
        <FilterSelect id={ids.kind} label={t('field.kind')} anyLabel={t('list.any')} value={kind} options={enumOptions(t, 'kind', CaseKind.options)} onChange={(v) => setFilters({ kind: v as ListFilters['kind'] })} />
        <FilterSelect id={ids.status} label={t('field.status')} anyLabel={t('list.any')} value={status} options={enumOptions(t, 'status', CaseStatus.options)} onChange={(v) => setFilters({ status: v as ListFilters['status'] })} />
        <FilterSelect id={ids.priority} label={t('field.priority')} anyLabel={t('list.any')} value={priority} options={enumOptions(t, 'priority', Priority.options)} onChange={(v) => setFilters({ priority: v as ListFilters['priority'] })} />
        <FilterSelect id={ids.tag} label={t('field.tag')} anyLabel={t('list.any')} value={tag} options={tags.map((x) => ({ value: x, label: x }))} onChange={(v) => setFilters({ tag: v })} />
        <div className="toolbar-field">
          <label htmlFor={ids.period}>{t('statistics.period')}</label>
          <select id={ids.period} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            <option value="year">{t('statistics.byYear')}</option>
            <option value="month">{t('statistics.byMonth')}</option>
          </select>
        </div>
      </div>
      {stats.error && (
        <div className="banner banner-error" role="alert">
          {t('statistics.loadFailed', { message: errorOf(stats.error) })}{' '}
          <button type="button" className="btn btn-small" onClick={() => void stats.refresh()}>
            {t('save.retry')}
          </button>
        </div>
      )}
      {stats.value && (
        <p className="stats-total" aria-live="polite">
          {stats.value.total === 0 ? t('statistics.empty') : t('statistics.intro', { n: stats.value.total })}
        </p>
      )}
      <div className="stats-grid">
        {charts.map((spec) => (
          <ChartCard key={spec.id} spec={spec} />
        ))}
      </div>
    </div>
  );
}
