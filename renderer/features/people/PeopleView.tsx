import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ActorRole, ActorType, type ActorSummary } from '../../../shared/people';
import { ConfidentialBadge } from '../../components/ConfidentialBadge';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../lib/errors';
import { useCasesChanged } from '../../lib/events';
import { routeHref } from '../../lib/router';
import { useOperation } from '../../lib/useOperation';
import { FilterSelect } from '../list/FilterSelect';
import { MergeDialog } from './MergeDialog';
import { otherSpellings, SHOWN_MAX, shownActors } from './peopleModel';
import { useRoleLabel } from './roleLabel';
import './people.css';

// The people and bodies the cases name, matched across spellings and scripts by the core
// (people.list): filter, open one's page, or select two or more and merge them by hand.

export function PeopleView() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorOf = useErrorText();
  const roleLabel = useRoleLabel();
  const ids = { text: useId(), role: useId(), type: useId() };
  const [text, setText] = useState('');
  const [role, setRole] = useState<ActorRole | undefined>(undefined);
  const [type, setType] = useState<ActorType | undefined>(undefined);
  const [recurring, setRecurring] = useState(false);
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [merging, setMerging] = useState(false);
  const query = text.trim().slice(0, 200);
  const list = useOperation(
    () => api['people.list']({ ...(query ? { text: query } : {}), role, type, ...(recurring ? { minCases: 2 } : {}), includeConfidential, limit: SHOWN_MAX + 1 }),
    [query, role, type, recurring, includeConfidential],
    { delayMs: query ? 200 : 0 },
  );
  useCasesChanged(() => void list.refresh());
  const shown = useMemo(() => (list.value ? shownActors(list.value, format.compare) : null), [list.value, format.compare]);
  const rows = shown?.rows ?? null;
  // Selected rows no longer listed (filtered out, merged elsewhere) are not merged unseen.
  const chosen = useMemo(() => (rows ?? []).filter((a) => selected.has(a.key)), [rows, selected]);

  const toggle = (key: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <div className="page people-page">
      <header className="page-header">
        <h1>{t('people.title')}</h1>
        <p className="muted">{t('people.intro')}</p>
      </header>
      <div className="list-toolbar people-toolbar" role="search" aria-label={t('people.filters')}>
        <div className="toolbar-field toolbar-search">
          <label htmlFor={ids.text}>{t('people.filterText')}</label>
          <input id={ids.text} type="search" value={text} maxLength={200} placeholder={t('people.filterPlaceholder')} onChange={(e) => setText(e.target.value)} />
        </div>
        <FilterSelect id={ids.role} label={t('people.role')} anyLabel={t('people.any')} value={role} options={ActorRole.options.map((r) => ({ value: r, label: roleLabel(r) }))} onChange={(v) => setRole(v as ActorRole | undefined)} />
        <FilterSelect id={ids.type} label={t('people.type')} anyLabel={t('people.any')} value={type} options={ActorType.options.map((v) => ({ value: v, label: t(`people.types.${v}`) }))} onChange={(v) => setType(v as ActorType | undefined)} />
        <label className="toolbar-check">
          <input type="checkbox" checked={recurring} onChange={(e) => setRecurring(e.target.checked)} />
          {t('people.recurringOnly')}
        </label>
        <label className="toolbar-check">
          <input type="checkbox" checked={includeConfidential} onChange={(e) => setIncludeConfidential(e.target.checked)} />
          {t('people.includeConfidential')}
        </label>
      </div>
      <div className="people-actions">
        <span role="status" aria-live="polite">
          {shown && (shown.more ? t('people.countMore', { count: SHOWN_MAX }) : t('people.count', { count: shown.rows.length }))}
          {chosen.length > 0 && <> · {t('people.selectedCount', { count: chosen.length })}</>}
        </span>
        <button type="button" className="btn" disabled={chosen.length < 2} onClick={() => setMerging(true)} title={chosen.length < 2 ? t('people.mergeHint') : undefined}>
          {t('people.merge')}
        </button>
        {chosen.length > 0 && (
          <button type="button" className="btn btn-small" onClick={() => setSelected(new Set())}>
            {t('people.clearSelection')}
          </button>
        )}
      </div>
      {list.error && (
        <div className="banner banner-error" role="alert">
          {t('people.loadFailed', { message: errorOf(list.error) })}{' '}
          <button type="button" className="btn btn-small" onClick={() => void list.refresh()}>
            {t('save.retry')}
          </button>
        </div>
      )}
      {rows === null ? (
        !list.error && <p className="page-loading">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty-note">{query || role || type || recurring ? t('people.noneMatch') : t('people.empty')}</p>
      ) : (
        <ActorTable rows={rows} selected={selected} toggle={toggle} />
      )}
      {merging && (
        <MergeDialog
          actors={chosen}
          onClose={() => setMerging(false)}
          onMerged={() => {
            setMerging(false);
            setSelected(new Set());
            void list.refresh();
          }}
        />
      )}
    </div>
  );
}

function ActorTable({ rows, selected, toggle }: { rows: ActorSummary[]; selected: ReadonlySet<string>; toggle: (key: string, on: boolean) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roleLabel = useRoleLabel();
  return (
    <table className="data-table people-table" aria-label={t('people.tableLabel')}>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('people.col.select')}</span>
          </th>
          <th scope="col">{t('people.col.name')}</th>
          <th scope="col">{t('people.col.spellings')}</th>
          <th scope="col">{t('people.col.roles')}</th>
          <th scope="col">{t('people.col.cases')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const others = otherSpellings(a);
          return (
            <tr key={a.key} className={a.confidentialOnly ? 'is-confidential' : undefined} data-actor-key={a.key}>
              <td>
                <input type="checkbox" checked={selected.has(a.key)} aria-label={t('people.select', { name: a.name })} onChange={(e) => toggle(a.key, e.target.checked)} />
              </td>
              <th scope="row">
                <a href={routeHref({ name: 'actor', key: a.key })}>{a.name}</a>
                {a.type === 'person' && <span className="muted"> · {t('people.types.person')}</span>}
                {a.curated && <span className="badge" title={t('people.curatedHint')}>{t('people.curated')}</span>}
                {a.confidentialOnly && <ConfidentialBadge />}
              </th>
              <td>{others.length > 0 ? others.join('; ') : <span className="muted">—</span>}</td>
              <td>{a.roles.map((r) => roleLabel(r)).join(', ')}</td>
              <td className="num">{format.number(a.caseCount)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
