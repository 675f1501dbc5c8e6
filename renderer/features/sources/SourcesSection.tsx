import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationState, CaseFile } from '../../../shared/model';
import { ConfidentialBadge } from '../../components/ConfidentialBadge';
import { useToast } from '../../components/Toasts';
import { acceptNewWording } from '../annotations/acceptWording';
import { AnnotationDialog } from '../annotations/AnnotationDialog';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { Section } from '../../components/Section';
import { useCurrentSession, useSessionState, type CaseSession } from '../../lib/caseSession';
import { enumLabel } from '../../lib/enumLabels';
import { type Edit } from '../../lib/edit';
import { closeReader, openSource, startReattach, useAnnotationStates, useReader } from './readerStore';
import { Reader } from './Reader';
import { RemoveSourceDialog } from './RemoveSourceDialog';
import { SourceDialog } from './SourceDialog';
import { useAnnotationRequest } from '../search/landingStore';
import './sources.css';

type Open =
  | { kind: 'add' }
  | { kind: 'edit'; id: string }
  | { kind: 'remove'; id: string }
  | { kind: 'annotation'; id: string; alsoHere: string[] }
  | { kind: 'note' }
  | null;

/** Sources of the case, the reading view with its highlights, and the list of every annotation and note. */
export function SourcesSection({ c, edit }: { c: CaseFile; edit: Edit }) {
  const session = useCurrentSession();
  if (!session) return null;
  return <SourcesSectionIn session={session} c={c} edit={edit} />;
}

function SourcesSectionIn({ session, c, edit }: { session: CaseSession; c: CaseFile; edit: Edit }) {
  const { t } = useTranslation();
  const toast = useToast();
  const state = useSessionState(session);
  const states = useAnnotationStates(state);
  const reader = useReader(c.id);
  const [open, setOpen] = useState<Open>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  useAnnotationRequest(c.id, setActiveId);

  const readingSource = reader.sourceId ? c.sources.find((s) => s.id === reader.sourceId) : undefined;
  const stateById = new Map(states.map((s) => [s.id, s]));

  const openAnnotation = (ids: string[]) => {
    const [first, ...rest] = ids;
    if (!first) return;
    setActiveId(first);
    setOpen({ kind: 'annotation', id: first, alsoHere: rest });
  };
  const showInSource = (s: AnnotationState) => {
    if (!s.sourceId) return;
    setActiveId(s.id);
    openSource(c.id, s.sourceId, s.id);
  };
  const reattach = (s: AnnotationState) => {
    if (!s.sourceId) return;
    setOpen(null);
    startReattach(c.id, s.id, s.sourceId);
  };
  const accept = (s: AnnotationState) => {
    let accepted = false;
    edit((d) => {
      const r = acceptNewWording(d, s.id, new Date().toISOString());
      accepted = r.accepted;
      return r.draft;
    });
    setOpen((o) => (o?.kind === 'annotation' && o.id === s.id ? null : o));
    toast(accepted ? { kind: 'success', message: t('sources.changed.accepted') } : { kind: 'error', message: t('sources.changed.notAccepted') });
  };

  const dialogAnnotation = open?.kind === 'annotation' ? c.annotations.find((a) => a.id === open.id) : undefined;
  const dialogSource = open?.kind === 'edit' || open?.kind === 'remove' ? c.sources.find((s) => s.id === open.id) : undefined;

  return (
    <Section id="sources" title={t('section.sources')}>
      <div className="src-layout">
        <div className="src-main">
          {c.sources.length === 0 ? (
            <p className="empty-note">{t('sources.list.empty')}</p>
          ) : (
            <ul className="source-list" aria-label={t('sources.list.label')}>
              {c.sources.map((s) => {
                const mine = states.filter((x) => x.sourceId === s.id);
                const anchoredCount = mine.filter((x) => x.status === 'anchored').length;
                const orphanCount = mine.filter((x) => x.status === 'orphaned').length;
                const changedCount = mine.filter((x) => x.status === 'changed').length;
                const isOpen = readingSource?.id === s.id;
                const meta = [enumLabel(t, 'source', s.kind), s.publisher, s.publishedOn, s.language].filter(Boolean).join(' · ');
                return (
                  <li key={s.id} className={`source-card${s.confidential ? ' is-confidential' : ''}${isOpen ? ' is-open' : ''}`} data-source-id={s.id}>
                    <div className="source-card-main">
                      <h3 className="source-card-title" dir="auto">
                        {s.title} {s.confidential && <ConfidentialBadge />}
                      </h3>
                      <p className="source-card-meta">{meta}</p>
                      <p className="source-card-meta">
                        <span>{t('sources.sha.label')}</span>{' '}
                        <code className="sha" title={s.sha256}>
                          {s.sha256.slice(0, 12)}
                        </code>{' '}
                        · {t('sources.list.length', { n: s.text.length })} · {t('sources.list.highlights', { n: anchoredCount })}
                        {changedCount > 0 && (
                          <>
                            {' '}
                            · <span className="changed-count">{t('sources.reader.changedCount', { n: changedCount })}</span>
                          </>
                        )}
                        {orphanCount > 0 && (
                          <>
                            {' '}
                            · <span className="orphan-count">{t('sources.reader.orphanCount', { n: orphanCount })}</span>
                          </>
                        )}
                      </p>
                    </div>
                    <div className="source-card-actions">
                      <button
                        type="button"
                        className={`btn btn-small${isOpen ? ' btn-primary' : ''}`}
                        aria-label={t('sources.list.readNamed', { title: s.title })}
                        aria-pressed={isOpen}
                        onClick={() => (isOpen ? closeReader() : openSource(c.id, s.id))}
                      >
                        {t('sources.list.read')}
                      </button>
                      <button type="button" className="btn btn-small" aria-label={t('sources.list.editNamed', { title: s.title })} onClick={() => setOpen({ kind: 'edit', id: s.id })}>
                        {t('sources.list.edit')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-danger-quiet"
                        aria-label={t('sources.list.removeNamed', { title: s.title })}
                        onClick={() => setOpen({ kind: 'remove', id: s.id })}
                      >
                        {t('common.remove')}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <button type="button" className="btn btn-add" onClick={() => setOpen({ kind: 'add' })}>
            + {t('sources.list.add')}
          </button>

          {readingSource && (
            <Reader
              c={c}
              edit={edit}
              source={readingSource}
              states={states}
              reader={reader}
              activeId={activeId}
              onOpenAnnotation={openAnnotation}
              onEditSource={() => setOpen({ kind: 'edit', id: readingSource.id })}
              onClose={() => {
                closeReader();
                document.getElementById('section-sources-title')?.focus();
              }}
            />
          )}
        </div>

        <AnnotationPanel
          c={c}
          states={states}
          activeId={activeId}
          onOpenInSource={showInSource}
          onEdit={(id) => setOpen({ kind: 'annotation', id, alsoHere: [] })}
          onReattach={reattach}
          onAccept={accept}
          onAddNote={() => setOpen({ kind: 'note' })}
        />
      </div>

      {open?.kind === 'add' && <SourceDialog c={c} edit={edit} source={null} onClose={() => setOpen(null)} onAdded={(id) => openSource(c.id, id)} />}
      {open?.kind === 'edit' && dialogSource && <SourceDialog key={dialogSource.id} c={c} edit={edit} source={dialogSource} onClose={() => setOpen(null)} />}
      {open?.kind === 'remove' && dialogSource && (
        <RemoveSourceDialog
          c={c}
          edit={edit}
          source={dialogSource}
          onClose={() => setOpen(null)}
          onRemoved={() => {
            if (reader.sourceId === dialogSource.id) closeReader();
            setOpen(null);
          }}
        />
      )}
      {open?.kind === 'annotation' && dialogAnnotation && (
        <AnnotationDialog
          key={dialogAnnotation.id}
          c={c}
          edit={edit}
          annotation={dialogAnnotation}
          state={stateById.get(dialogAnnotation.id)}
          alsoHere={open.alsoHere.map((id) => stateById.get(id)).filter((s): s is AnnotationState => s !== undefined)}
          onSwitch={(id) => {
            setActiveId(id);
            setOpen({ kind: 'annotation', id, alsoHere: [open.id, ...open.alsoHere.filter((x) => x !== id)] });
          }}
          onReattach={(id) => {
            const s = stateById.get(id);
            if (s) reattach(s);
          }}
          onAccept={(id) => {
            const s = stateById.get(id);
            if (s) accept(s);
          }}
          onClose={() => setOpen((o) => (o?.kind === 'annotation' ? null : o))}
        />
      )}
      {open?.kind === 'note' && <AnnotationDialog c={c} edit={edit} annotation={null} onClose={() => setOpen(null)} />}
    </Section>
  );
}
