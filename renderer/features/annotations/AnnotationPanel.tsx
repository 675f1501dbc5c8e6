import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationState, CaseFile } from '../../../shared/model';
import { ConfidentialBadge } from '../../components/ConfidentialBadge';
import { ChangedWords } from './ChangedWords';
import { orphanReason } from './orphanReason';
import { shorten } from '../../lib/annotationTags';

type Filters = { tag: string; source: string; confidentiality: '' | 'confidential' | 'public' };
const NO_FILTERS: Filters = { tag: '', source: '', confidentiality: '' };
/** The source filter's value for "notes without a source". */
const NOTES_ONLY = '\u0000notes';

type Props = {
  c: CaseFile;
  states: readonly AnnotationState[];
  /** The annotation open in the reading view, if any. */
  activeId: string | null;
  onOpenInSource: (s: AnnotationState) => void;
  onEdit: (id: string) => void;
  onReattach: (s: AnnotationState) => void;
  /** A changed annotation: take the words now in its passage as its quote. */
  onAccept: (s: AnnotationState) => void;
  onAddNote: () => void;
};

/**
 * An annotation's tags, its confidential mark, and whether its comment may be printed
 * publicly (`publicIds`: the panel's states do not carry that choice).
 */
function Marks({ state, publicIds }: { state: AnnotationState; publicIds: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const isPublic = publicIds.has(state.id);
  return (
    <>
      {state.tags.length > 0 && (
        <span className="ann-tags">
          {state.tags.map((tag) => (
            <span key={tag} className="tag-chip">
              {tag}
            </span>
          ))}
        </span>
      )}
      {state.confidential && <ConfidentialBadge />}
      {isPublic && state.body !== '' && (
        <span className="public-comment-mark" title={t('parts.annotation.publicHintOn')}>
          {t('parts.annotation.publicMark')}
        </span>
      )}
    </>
  );
}

/** Opens the annotation's editor; named by its quote for screen readers, since every item has one. */
function EditButton({ state, onEdit }: { state: AnnotationState; onEdit: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn-small" onClick={() => onEdit(state.id)} aria-label={t('sources.panel.editNamed', { quote: shorten(state.quote ?? '', 40) })}>
      {t('sources.panel.edit')}
    </button>
  );
}

/**
 * Every annotation of the case: anchored highlights grouped by source, the case's
 * notes, the passages whose words changed a little since they were annotated (old and
 * new words side by side, to accept or re-select), and the orphans — whose words are
 * no longer in their source — with their quote and the reason. Nothing is ever left
 * out silently: a filter that hides some says how many and offers to clear itself.
 */
export function AnnotationPanel({ c, states, activeId, onOpenInSource, onEdit, onReattach, onAccept, onAddNote }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const tags = [...new Set(states.flatMap((s) => s.tags))].sort((a, b) => a.localeCompare(b));
  const publicIds = useMemo(() => new Set(c.annotations.filter((a) => a.publicComment === true).map((a) => a.id)), [c.annotations]);

  const shown = states.filter(
    (s) =>
      (filters.tag === '' || s.tags.includes(filters.tag)) &&
      (filters.source === '' || (filters.source === NOTES_ONLY ? s.status === 'note' && s.sourceId === undefined : s.sourceId === filters.source)) &&
      (filters.confidentiality === '' || (filters.confidentiality === 'confidential') === s.confidential),
  );
  const hidden = states.length - shown.length;
  const orphans = shown.filter((s) => s.status === 'orphaned');
  const changed = shown.filter((s) => s.status === 'changed');
  const notes = shown.filter((s) => s.status === 'note');
  const bySource = c.sources
    .map((src) => ({
      source: src,
      items: shown.filter((s) => s.status === 'anchored' && s.sourceId === src.id).sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0)),
    }))
    .filter((g) => g.items.length > 0);
  const filtered = filters.tag !== '' || filters.source !== '' || filters.confidentiality !== '';

  return (
    <aside className="ann-panel" aria-labelledby="section-annotations-title">
      <header className="ann-panel-header">
        <h3 id="section-annotations-title" tabIndex={-1}>
          {t('sources.panel.title')} <span className="count">{states.length}</span>
        </h3>
        <button type="button" className="btn btn-small" onClick={onAddNote}>
          + {t('sources.note.add')}
        </button>
      </header>
      {states.length > 0 && (
        <div className="ann-filters" role="group" aria-label={t('sources.panel.filters')}>
          <label htmlFor={`${id}-tag`}>{t('sources.panel.filterTag')}</label>
          <select id={`${id}-tag`} value={filters.tag} onChange={(e) => setFilters({ ...filters, tag: e.target.value })}>
            <option value="">{t('sources.panel.allTags')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-source`}>{t('sources.panel.filterSource')}</label>
          <select id={`${id}-source`} value={filters.source} onChange={(e) => setFilters({ ...filters, source: e.target.value })}>
            <option value="">{t('sources.panel.allSources')}</option>
            <option value={NOTES_ONLY}>{t('sources.panel.notesOnly')}</option>
            {c.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {shorten(s.title, 50)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-conf`}>{t('sources.panel.filterConfidential')}</label>
          <select
            id={`${id}-conf`}
            value={filters.confidentiality}
            onChange={(e) => setFilters({ ...filters, confidentiality: e.target.value as Filters['confidentiality'] })}
          >
            <option value="">{t('sources.panel.allMarks')}</option>
            <option value="confidential">{t('sources.panel.onlyConfidential')}</option>
            <option value="public">{t('sources.panel.onlyPublic')}</option>
          </select>
        </div>
      )}
      {filtered && (
        <p className="ann-filter-note" role="status">
          {t('sources.panel.hiddenByFilter', { n: hidden })}{' '}
          <button type="button" className="btn-link" onClick={() => setFilters(NO_FILTERS)}>
            {t('sources.panel.clearFilters')}
          </button>
        </p>
      )}
      {states.length === 0 && <p className="empty-note">{t('sources.panel.empty')}</p>}

      {changed.length > 0 && (
        <ReviewGroup id={`${id}-changed`} kind="changed" title={t('sources.panel.changed')} count={changed.length} note={t('sources.panel.changedNote')}>
          {changed.map((s) => (
            <li key={s.id} className={`ann-item is-changed${s.confidential ? ' is-confidential' : ''}${activeId === s.id ? ' is-active' : ''}`} data-annotation-id={s.id}>
              <p className="ann-item-source">{s.sourceTitle}</p>
              <ChangedWords was={s.quote ?? ''} now={s.currentText ?? ''} limit={200} />
              {s.body && (
                <p className="ann-body" dir="auto">
                  {shorten(s.body, 200)}
                </p>
              )}
              <div className="ann-item-meta">
                <Marks state={s} publicIds={publicIds} />
              </div>
              <div className="ann-item-actions">
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  onClick={() => onAccept(s)}
                  aria-label={t('sources.panel.acceptNamed', { quote: shorten(s.quote ?? '', 40) })}
                >
                  {t('sources.panel.accept')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => onReattach(s)}>
                  {t('sources.panel.reselect')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => onOpenInSource(s)}>
                  {t('sources.panel.openInSource')}
                </button>
                <EditButton state={s} onEdit={onEdit} />
              </div>
            </li>
          ))}
        </ReviewGroup>
      )}

      {orphans.length > 0 && (
        <ReviewGroup id={`${id}-orphaned`} kind="orphaned" title={t('sources.panel.orphaned')} count={orphans.length} note={t('sources.panel.orphanedNote')}>
          {orphans.map((s) => (
            <li key={s.id} className={`ann-item is-orphaned${s.confidential ? ' is-confidential' : ''}`} data-annotation-id={s.id}>
              <p className="ann-item-source">{s.sourceTitle}</p>
              <q className="ann-quote" dir="auto">
                {shorten(s.quote ?? '', 200)}
              </q>
              <p className="orphan-reason">{orphanReason(t, s)}</p>
              {s.body && (
                <p className="ann-body" dir="auto">
                  {shorten(s.body, 200)}
                </p>
              )}
              <div className="ann-item-meta">
                <Marks state={s} publicIds={publicIds} />
                <span className="spacer" />
                <button type="button" className="btn btn-small" onClick={() => onReattach(s)}>
                  {t('sources.panel.reattach')}
                </button>
                <EditButton state={s} onEdit={onEdit} />
              </div>
            </li>
          ))}
        </ReviewGroup>
      )}

      {bySource.map(({ source, items }) => (
        <section key={source.id} className="ann-group" aria-labelledby={`${id}-src-${source.id}`}>
          <h4 id={`${id}-src-${source.id}`}>
            <span className="ann-group-title">{source.title}</span> <span className="count">{items.length}</span>
            {source.confidential && <ConfidentialBadge />}
          </h4>
          <ul className="ann-list">
            {items.map((s) => (
              <li key={s.id} className={`ann-item${s.confidential ? ' is-confidential' : ''}${activeId === s.id ? ' is-active' : ''}`} data-annotation-id={s.id}>
                <button type="button" className="ann-item-open" onClick={() => onOpenInSource(s)} title={t('sources.panel.openInSource')}>
                  <q className="ann-quote" dir="auto">
                    {shorten(s.quote ?? '', 160)}
                  </q>
                  {s.body && (
                    <span className="ann-body" dir="auto">
                      {shorten(s.body, 200)}
                    </span>
                  )}
                </button>
                <div className="ann-item-meta">
                  <Marks state={s} publicIds={publicIds} />
                  <span className="spacer" />
                  <EditButton state={s} onEdit={onEdit} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}

      {notes.length > 0 && (
        <section className="ann-group ann-group-notes" aria-labelledby={`${id}-notes`}>
          <h4 id={`${id}-notes`}>
            {t('sources.panel.notes')} <span className="count">{notes.length}</span>
          </h4>
          <ul className="ann-list">
            {notes.map((s) => (
              <li key={s.id} className={`ann-item is-note${s.confidential ? ' is-confidential' : ''}`} data-annotation-id={s.id}>
                <button type="button" className="ann-item-open" onClick={() => onEdit(s.id)} title={t('sources.panel.edit')}>
                  {s.sourceTitle && <span className="ann-item-source">{t('sources.note.onSource', { title: s.sourceTitle })}</span>}
                  <span className="ann-body" dir="auto">
                    {s.body ? shorten(s.body, 240) : <em className="muted">{t('sources.note.empty')}</em>}
                  </span>
                </button>
                {(s.tags.length > 0 || s.confidential || publicIds.has(s.id)) && (
                  <div className="ann-item-meta">
                    <Marks state={s} publicIds={publicIds} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

/** A group of annotations that need the user: passages changed, or words gone. */
function ReviewGroup({ id, kind, title, count, note, children }: { id: string; kind: 'changed' | 'orphaned'; title: string; count: number; note: string; children: ReactNode }) {
  return (
    <section className={`ann-group ann-group-${kind}`} aria-labelledby={id}>
      <h4 id={id}>
        {title} <span className="count">{count}</span>
      </h4>
      <p className="ann-group-note">{note}</p>
      <ul className="ann-list">{children}</ul>
    </section>
  );
}
