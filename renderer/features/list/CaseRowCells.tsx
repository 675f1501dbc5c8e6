import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { enumLabel } from '../../lib/enumLabels';
import type { CaseRow } from './listModel';

// The cells of one case in the list's grid, after the row itself (its keys, focus and
// click) which CaseList keeps: the selection box, then a column per sort key.

export function CaseRowCells({ row, selected, onToggle, situation }: { row: CaseRow; selected: boolean; onToggle: () => void; situation: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const s = row.summary;
  return (
    <>
      <div className="grid-cell col-select" role="gridcell" onClick={(e) => e.stopPropagation()}>
        <label className="select-box">
          <span className="visually-hidden">{t('list.selectRow', { name: row.name || s.title })}</span>
          <input type="checkbox" tabIndex={-1} checked={selected} onChange={onToggle} />
        </label>
      </div>
      <div className="grid-cell col-name" role="gridcell">
        <span className="row-name">{row.name}</span>
        <span className="row-title">{s.title}</span>
      </div>
      <div className="grid-cell col-kind" role="gridcell">
        <span className={`badge badge-kind kind-${s.kind}`}>{enumLabel(t, 'kindShort', s.kind)}</span>
      </div>
      <div className="grid-cell col-status" role="gridcell">
        <span className={`badge status-${s.status}`}>{enumLabel(t, 'status', s.status)}</span>
      </div>
      <div className="grid-cell col-priority" role="gridcell">
        <span className={`priority priority-${s.priority}`}>{enumLabel(t, 'priority', s.priority)}</span>
      </div>
      <div className="grid-cell col-region" role="gridcell">
        {[s.region, s.country].filter(Boolean).join(', ')}
      </div>
      <div className="grid-cell col-situation" role="gridcell">
        {situation}
      </div>
      <div className="grid-cell col-days" role="gridcell" title={row.over ? t('daysStop.listHint') : row.days?.approximate ? t('list.daysApproxHint', { since: s.since }) : s.since}>
        {row.days ? (row.days.approximate ? `≥ ${format.number(row.days.days)}` : format.number(row.days.days)) : row.over ? t('list.daysOver') : '—'}
      </div>
      <div className="grid-cell col-updated" role="gridcell">
        <time dateTime={s.updatedAt}>{format.date(s.updatedAt)}</time>
      </div>
    </>
  );
}
