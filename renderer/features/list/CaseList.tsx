import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { CaseKind, CaseStatus, Priority } from '../../../shared/model';
import { localToday } from '../../../shared/text/dates';
import { hasCaseFilter } from '../../../shared/model/listFilter';
import { useFormat } from '../../i18n/format';
import { situationText } from './situation';
import { navigate } from '../../lib/router';
import { enumLabel, enumOptions } from '../../lib/enumLabels';
import { compileQuery, searchFold } from './search';
import { allTags, filterRows, sortRows, toRows, type CaseRow, type ListFilters, type Sort, type SortKey } from './listModel';
import { BriefDialog } from '../briefs/BriefDialog';
import { useExportHistory } from '../bundles/exportBundle';
import { TablesActions } from '../tables/TablesActions';
import { FullTextResults, FullTextSearchField, useFullTextSearch } from '../search/FullTextSearch';
import { NoMatch } from '../welcome/NoMatch';
import { Welcome } from '../welcome/Welcome';
import { CaseRowCells } from './CaseRowCells';
import { FilterSelect } from './FilterSelect';
import './list.css';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';

export type ListUiState = {
  filters: ListFilters;
  sort: Sort;
  selected: ReadonlySet<string>;
  activeId: string | null;
};

export const initialListUi: ListUiState = {
  filters: { text: '' },
  sort: { key: 'updated', dir: 'desc' },
  selected: new Set(),
  activeId: null,
};

type Props = {
  ui: ListUiState;
  setUi: (update: (ui: ListUiState) => ListUiState) => void;
  filterRef: RefObject<HTMLInputElement | null>;
  version: number;
  onNewCase: () => void;
  onImport: () => void;
  onExport: (ids?: string[]) => void;
};

const ROW_HEIGHT = 46;
const HEADER_HEIGHT = 34;

const COLUMNS: { key: SortKey; className: string }[] = [
  { key: 'name', className: 'col-name' },
  { key: 'kind', className: 'col-kind' },
  { key: 'status', className: 'col-status' },
  { key: 'priority', className: 'col-priority' },
  { key: 'region', className: 'col-region' },
  { key: 'situation', className: 'col-situation' },
  { key: 'days', className: 'col-days' },
  { key: 'updated', className: 'col-updated' },
];

export function CaseList({ ui, setUi, filterRef, version, onNewCase, onImport, onExport }: Props) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const format = useFormat();
  const { value: cases, error, refresh: load } = useOperation(() => api['cases.list']({}), [version]);
  const ids = { filter: useId(), kind: useId(), status: useId(), priority: useId(), tag: useId() };
  const fullText = useFullTextSearch(ui.filters);
  const [briefOpen, setBriefOpen] = useState(false);
  const [withHistory, setWithHistory] = useExportHistory();

  // No re-read on focus: the core's events (lib/events.ts) bump `version` on every save, from any door.

  const situation = useCallback(
    (row: CaseRow) => situationText(t, format, row.summary),
    [t, format],
  );

  const allRows = useMemo(() => (cases ? toRows(cases, localToday(), searchFold) : []), [cases]);
  const rows = useMemo(
    () =>
      sortRows(filterRows(allRows, ui.filters, compileQuery), ui.sort, {
        kind: (r) => enumLabel(t, 'kind', r.summary.kind),
        situation,
        compare: format.compare,
      }),
    [allRows, ui.filters, ui.sort, t, situation, format.compare],
  );
  const tags = useMemo(() => (cases ? allTags(cases, format.compare) : []), [cases, format.compare]);

  const activeIndex = Math.max(
    0,
    rows.findIndex((r) => r.summary.id === ui.activeId),
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);

  const rangeExtractor = useCallback(
    (range: Range) => {
      // The focusable row stays rendered even when scrolled away, so Tab always finds it.
      const list = defaultRangeExtractor(range);
      if (rows.length > 0 && !list.includes(activeIndex)) return [...list, activeIndex].sort((a, b) => a - b);
      return list;
    },
    [activeIndex, rows.length],
  );

  // The React Compiler cannot memoise around TanStack Virtual; Casefile does not use the compiler.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    getItemKey: (i) => rows[i]?.summary.id ?? i,
  });

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (el) {
      wantFocus.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const setFilters = (patch: Partial<ListFilters>) => setUi((u) => ({ ...u, filters: { ...u.filters, ...patch } }));

  const moveTo = (index: number) => {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    wantFocus.current = true;
    setUi((u) => ({ ...u, activeId: rows[i]!.summary.id }));
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const toggleSelected = (id: string) =>
    setUi((u) => {
      const selected = new Set(u.selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      return { ...u, selected };
    });

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, index: number, id: string) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'PageDown':
        moveTo(index + page);
        break;
      case 'PageUp':
        moveTo(index - page);
        break;
      case 'Enter':
        navigate({ name: 'case', id });
        break;
      case ' ':
        toggleSelected(id);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const sortBy = (key: SortKey) =>
    setUi((u) => ({ ...u, sort: u.sort.key === key ? { key, dir: u.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'updated' || key === 'days' ? 'desc' : 'asc' } }));

  const selectedVisible = rows.filter((r) => ui.selected.has(r.summary.id)).length;
  const allVisibleSelected = rows.length > 0 && selectedVisible === rows.length;
  const filtersActive = ui.filters.text !== '' || hasCaseFilter(ui.filters);

  return (
    <div className="list-view">
      <div className="list-toolbar" role="search">
        <FullTextSearchField search={fullText} />
        <div className="toolbar-field toolbar-search">
          <label htmlFor={ids.filter}>{t('list.filter')}</label>
          <input
            ref={filterRef}
            id={ids.filter}
            type="search"
            value={ui.filters.text}
            placeholder={t('list.filterPlaceholder')}
            onChange={(e) => setFilters({ text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && rows.length > 0) {
                e.preventDefault();
                moveTo(activeIndex);
              }
            }}
          />
        </div>
        <FilterSelect id={ids.kind} label={t('field.kind')} anyLabel={t('list.any')} value={ui.filters.kind} options={enumOptions(t, 'kind', CaseKind.options)} onChange={(kind) => setFilters({ kind: kind as ListFilters['kind'] })} />
        <FilterSelect id={ids.status} label={t('field.status')} anyLabel={t('list.any')} value={ui.filters.status} options={enumOptions(t, 'status', CaseStatus.options)} onChange={(status) => setFilters({ status: status as ListFilters['status'] })} />
        <FilterSelect id={ids.priority} label={t('field.priority')} anyLabel={t('list.any')} value={ui.filters.priority} options={enumOptions(t, 'priority', Priority.options)} onChange={(priority) => setFilters({ priority: priority as ListFilters['priority'] })} />
        <div className="toolbar-field">
          <label htmlFor={ids.tag}>{t('field.tag')}</label>
          <select id={ids.tag} value={ui.filters.tag ?? ''} onChange={(e) => setFilters({ tag: e.target.value || undefined })}>
            <option value="">{t('list.any')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        {filtersActive && (
          <button type="button" className="btn btn-small toolbar-clear" onClick={() => setUi((u) => ({ ...u, filters: { text: '' } }))}>
            {t('list.clearFilters')}
          </button>
        )}
        <span className="spacer" />
        <p className="list-count" aria-live="polite">
          {cases ? t('list.count', { shown: rows.length, total: cases.length }) : ''}
          {ui.selected.size > 0 && <> · {t('list.selectedCount', { n: ui.selected.size })}</>}
        </p>
        <TablesActions shownIds={rows.map((r) => r.summary.id)} filters={ui.filters} onImported={() => void load()} />
        {ui.selected.size > 0 && (
          <>
            <button type="button" className="btn btn-small" onClick={() => onExport([...ui.selected])}>
              {t('list.exportSelected', { n: ui.selected.size })}
            </button>
            <label className="checkbox toolbar-check" title={t('history.exportHint')}>
              <input type="checkbox" checked={withHistory} onChange={(e) => setWithHistory(e.target.checked)} />
              <span>{t('history.withHistory')}</span>
            </label>
            <button type="button" className="btn btn-small" aria-haspopup="dialog" title={t('briefs.openSelectedHint')} onClick={() => setBriefOpen(true)}>
              {t('briefs.openSelected', { n: ui.selected.size })}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setUi((u) => ({ ...u, selected: new Set() }))}>
              {t('list.clearSelection')}
            </button>
          </>
        )}
      </div>

      {error && (
        <div className="banner banner-error" role="alert">
          {t('list.loadFailed', { message: errorOf(error) })}{' '}
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            {t('save.retry')}
          </button>
        </div>
      )}

      {fullText.active ? (
        <FullTextResults search={fullText} />
      ) : cases && cases.length === 0 ? (
        <div className="empty-state">
          <h1>{t('list.emptyTitle')}</h1>
          <p>{t('list.emptyText')}</p>
          <Welcome onImported={() => void load()} />
          <div className="empty-actions">
            <button type="button" className="btn btn-primary" onClick={onNewCase}>
              {t('nav.newCase')}
            </button>
            <button type="button" className="btn" onClick={onImport}>
              {t('nav.import')}
            </button>
          </div>
        </div>
      ) : (
        <div
          className="case-grid"
          ref={scrollRef}
          role="grid"
          aria-label={t('list.tableLabel')}
          aria-rowcount={rows.length + 1}
          aria-multiselectable="true"
          aria-busy={cases === null ? true : undefined}
        >
          <div className="grid-row grid-header" role="row" aria-rowindex={1}>
            <div className="grid-cell col-select" role="columnheader">
              <label className="select-box">
                <span className="visually-hidden">{t('list.selectAll')}</span>
                <input
                  type="checkbox"
                  checked={allVisibleSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = selectedVisible > 0 && !allVisibleSelected;
                  }}
                  onChange={() =>
                    setUi((u) => {
                      const selected = new Set(u.selected);
                      for (const r of rows) {
                        if (allVisibleSelected) selected.delete(r.summary.id);
                        else selected.add(r.summary.id);
                      }
                      return { ...u, selected };
                    })
                  }
                />
              </label>
            </div>
            {COLUMNS.map((col) => {
              const sorted = ui.sort.key === col.key;
              return (
                <div
                  key={col.key}
                  className={`grid-cell ${col.className}`}
                  role="columnheader"
                  aria-sort={sorted ? (ui.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => sortBy(col.key)}>
                    {(t as unknown as (k: string) => string)(`list.col.${col.key}`)}
                    <span className="sort-mark" aria-hidden="true">
                      {sorted ? (ui.sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
          {cases && rows.length === 0 && (
            <div className="grid-empty" role="row">
              <div role="gridcell">
                <NoMatch total={cases.length} onClear={() => setUi((u) => ({ ...u, filters: { text: '' } }))} />
              </div>
            </div>
          )}
          <div className="grid-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              const s = row.summary;
              const selected = ui.selected.has(s.id);
              const active = item.index === activeIndex;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  data-case-id={s.id}
                  className={`grid-row case-row${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  tabIndex={active ? 0 : -1}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onKeyDown={(e) => {
                    if (e.target === e.currentTarget) onRowKey(e, item.index, s.id);
                  }}
                  onFocus={() => {
                    if (!active) setUi((u) => ({ ...u, activeId: s.id }));
                  }}
                  onClick={() => navigate({ name: 'case', id: s.id })}
                >
                  <CaseRowCells row={row} selected={selected} onToggle={() => toggleSelected(s.id)} situation={situation(row)} />
                </div>
              );
            })}
          </div>
        </div>
      )}
      <BriefDialog
        open={briefOpen}
        onClose={() => setBriefOpen(false)}
        subject={{ kind: 'multi', cases: (cases ?? []).filter((c) => ui.selected.has(c.id)).map((c) => ({ id: c.id, title: c.title })) }}
      />
    </div>
  );
}
