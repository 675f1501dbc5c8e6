import { Fragment, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api';
import type { SearchField, SearchHit } from '../../../shared/model/search';
import { navigate } from '../../lib/router';
import { enumLabel } from '../../lib/enumLabels';
import type { CaseFilter } from '../../../shared/model/listFilter';
import { highlightPieces, searchableQuery } from './highlight';
import { requestLanding } from './landingStore';
import { useOperation } from '../../lib/useOperation';
import type { OperationState } from '../../lib/operationRunner';
import './search.css';

// Full-text search over every field of every case (`search.query`), beside the list's
// instant filter (which only narrows the loaded names and titles). It queries as the
// user types, ~150 ms after the last key, and shows only the answer to the latest
// query: an older answer arriving late is dropped. The list's kind, status, priority
// and tag filters narrow the search too.

const SEARCH_DEBOUNCE_MS = 150;
const LIMIT = 100;


type Answer =
  | { status: 'idle' }
  | { status: 'loading'; hits: SearchHit[]; shownFor: string }
  | { status: 'done'; hits: SearchHit[]; shownFor: string }
  | { status: 'error'; message: string; hits: SearchHit[]; shownFor: string };

export type FullTextSearch = {
  query: string;
  setQuery: (query: string) => void;
  /** True while the query has something to search for: the results replace the table. */
  active: boolean;
  answer: Answer;
  hits: SearchHit[];
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  listboxId: string;
  optionId: (index: number) => string;
  open: (index: number) => void;
  /** Enter before the latest answer arrived: open its first hit when it does. */
  openFirstWhenReady: () => void;
};

/** What the results panel shows: the last good hits stay while the next query loads; a failure shows none. */
function answerOf(q: string, search: OperationState<{ shownFor: string; hits: SearchHit[] }>): Answer {
  if (!q) return { status: 'idle' };
  const shownFor = search.value?.shownFor ?? q;
  if (search.loading) return { status: 'loading', hits: search.error ? [] : (search.value?.hits ?? []), shownFor };
  if (search.error) return { status: 'error', message: search.error.message, hits: [], shownFor };
  return { status: 'done', hits: search.value?.hits ?? [], shownFor };
}

/** Opens a hit's case, landing on the match (see useSearchLanding). */
function openHit(hit: SearchHit): void {
  requestLanding(hit);
  navigate({ name: 'case', id: hit.id });
}

// The query outlives the list view: back from a case, the same results show again.
let rememberedQuery = '';

export function useFullTextSearch(filters: CaseFilter): FullTextSearch {
  const [query, setQueryState] = useState(rememberedQuery);
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingOpen = useRef(false);
  const listboxId = useId();
  const q = searchableQuery(query);
  const { kind, status, priority, tag } = filters;

  const setQuery = useCallback((next: string) => {
    rememberedQuery = next;
    pendingOpen.current = false;
    setQueryState(next);
  }, []);

  // Only the answer to the latest query (and filters) is kept; an older one arriving late is dropped.
  const search = useOperation(
    async () => {
      const result = await api['search.query']({ query: q, limit: LIMIT, kind, status, priority, tag });
      if (!result.ok) return result;
      // One entry per case, best first (the service already gives one; this keeps it so).
      const seen = new Set<string>();
      return { ok: true as const, value: { shownFor: q, hits: result.value.filter((h) => !seen.has(h.id) && (seen.add(h.id), true)) } };
    },
    [q, kind, status, priority, tag],
    { enabled: q !== '', delayMs: SEARCH_DEBOUNCE_MS },
  );
  const { value, error, loading } = search;
  const answer = useMemo(() => answerOf(q, { value, error, loading }), [q, value, error, loading]);

  // A new answer: the first hit is active, and an Enter pressed before it came opens it.
  useEffect(() => {
    if (error) pendingOpen.current = false;
    if (!value) return;
    setActiveIndex(0);
    if (pendingOpen.current) {
      pendingOpen.current = false;
      if (value.hits[0]) openHit(value.hits[0]);
    }
  }, [value, error]);

  const hits = useMemo(() => (answer.status === 'idle' ? [] : answer.hits), [answer]);
  const open = useCallback(
    (index: number) => {
      const hit = hits[index];
      if (hit) openHit(hit);
    },
    [hits],
  );

  return {
    query,
    setQuery,
    active: q !== '',
    answer,
    hits,
    activeIndex: Math.min(activeIndex, Math.max(0, hits.length - 1)),
    setActiveIndex,
    listboxId,
    optionId: (index) => `${listboxId}-hit-${index}`,
    open,
    openFirstWhenReady: () => {
      pendingOpen.current = true;
    },
  };
}

/** The search box: a combobox whose list is the results panel; focus stays in it while arrows move through the results. */
export function FullTextSearchField({ search }: { search: FullTextSearch }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const inlineHintId = useId();
  const ref = useRef<HTMLInputElement>(null);
  const { hits, activeIndex, answer } = search;

  // Ctrl+Shift+F: straight to the full-text search (Ctrl+F stays the instant filter's).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey || e.key.toLowerCase() !== 'f') return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const page = 5;
    const move = (index: number) => {
      if (hits.length === 0) return;
      search.setActiveIndex(Math.max(0, Math.min(hits.length - 1, index)));
    };
    switch (e.key) {
      case 'ArrowDown':
        move(activeIndex + 1);
        break;
      case 'ArrowUp':
        move(activeIndex - 1);
        break;
      case 'PageDown':
        move(activeIndex + page);
        break;
      case 'PageUp':
        move(activeIndex - page);
        break;
      case 'Enter':
        if (!search.active) return;
        if (answer.status === 'done' && answer.shownFor === searchableQuery(search.query)) search.open(activeIndex);
        else search.openFirstWhenReady();
        break;
      case 'Escape':
        if (search.query === '') return;
        search.setQuery('');
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const showing = search.active && hits.length > 0;
  return (
    <div className="toolbar-field fts-field">
      <label htmlFor={id}>{t('search.label')}</label>
      <div className="fts-row">
        <input
          ref={ref}
          id={id}
          type="search"
          role="combobox"
          className="fts-input"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={search.active}
          aria-controls={search.active ? search.listboxId : undefined}
          aria-activedescendant={showing ? search.optionId(activeIndex) : undefined}
          aria-describedby={`${inlineHintId} ${hintId}`}
          title={t('search.shortcut')}
          value={search.query}
          placeholder={t('search.placeholder')}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <span id={inlineHintId} className="fts-inline-hint">
          {t('search.inlineHint')}
        </span>
      </div>
      <span id={hintId} className="visually-hidden">
        {t('search.keys')}
      </span>
    </div>
  );
}

/** The service marks a hit that quotes a confidential annotation, event or source. */
const isConfidential = (hit: SearchHit): boolean => hit.confidential === true;

function fieldLabel(t: TFunction, field: SearchField): string {
  switch (field) {
    case 'names':
      return t('search.field.names');
    case 'title':
      return t('search.field.title');
    case 'charges':
      return t('search.field.charges');
    case 'measure':
      return t('search.field.measure');
    case 'summary':
      return t('search.field.summary');
    case 'events':
      return t('search.field.events');
    case 'annotations':
      return t('search.field.annotations');
    case 'sources':
      return t('search.field.sources');
    case 'details':
      return t('search.field.details');
  }
}

/** The results, one entry per case, in place of the table while a search is on. */
export function FullTextResults({ search }: { search: FullTextSearch }) {
  const { t } = useTranslation();
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const { answer, hits, activeIndex } = search;
  const shownFor = answer.status === 'idle' ? '' : answer.shownFor;

  useEffect(() => {
    document.getElementById(search.optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, search]);

  let status: string;
  if (answer.status === 'error') status = t('search.failed', { message: answer.message });
  else if (answer.status === 'loading' && hits.length === 0) status = t('search.searching');
  else if (hits.length === 0) status = t('search.noResults', { query: shownFor });
  else status = t('search.resultsFor', { query: shownFor, n: hits.length });

  const pieces = useMemo(() => hits.map((h) => highlightPieces(h.snippet, h.highlights)), [hits]);

  return (
    <section className="fts-results" aria-labelledby={headingId} aria-busy={answer.status === 'loading'}>
      <header className="fts-head">
        <h2 id={headingId} className="fts-title">
          {t('search.results')}
        </h2>
        <p className={`fts-status${answer.status === 'error' ? ' is-error' : ''}`} role="status">
          {status}
          {answer.status === 'loading' && hits.length > 0 && <span className="fts-busy"> · {t('search.searching')}</span>}
        </p>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => search.setQuery('')}>
          {t('search.clear')}
        </button>
      </header>
      <p className="fts-note muted">{t('search.filtersApply')}</p>
      {answer.status !== 'loading' && answer.status !== 'error' && hits.length === 0 && (
        <div className="fts-empty">
          <p>{t('search.noResultsHint')}</p>
        </div>
      )}
      {hits.length > 0 && (
        <ul ref={listRef} id={search.listboxId} className="fts-list" role="listbox" aria-label={t('search.results')}>
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={search.optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={`fts-hit${i === activeIndex ? ' is-active' : ''}`}
              data-case-id={hit.id}
              onMouseMove={() => {
                if (i !== activeIndex) search.setActiveIndex(i);
              }}
              onClick={() => search.open(i)}
            >
              <div className="fts-hit-head">
                <span className="fts-hit-title">{hit.title}</span>
                <span className={`badge badge-kind kind-${hit.kind}`}>{enumLabel(t, 'kindShort', hit.kind)}</span>
                <span className="fts-hit-field">{t('search.matchedIn', { field: fieldLabel(t, hit.field) })}</span>
                {isConfidential(hit) && (
                  <span className="badge badge-confidential" title={t('search.confidentialHint')}>
                    {t('search.confidential')}
                  </span>
                )}
              </div>
              <p className="fts-snippet">
                {pieces[i]!.map((p, k) => (p.mark ? <mark key={k}>{p.text}</mark> : <Fragment key={k}>{p.text}</Fragment>))}
              </p>
            </li>
          ))}
        </ul>
      )}
      {hits.length >= LIMIT && <p className="fts-note muted">{t('search.more', { n: LIMIT })}</p>}
      {hits.length > 0 && <p className="fts-note muted" aria-hidden="true">{t('search.keys')}</p>}
    </section>
  );
}
