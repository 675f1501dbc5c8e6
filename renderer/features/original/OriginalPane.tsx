import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, AnnotationState, Source } from '../../../shared/model';
import { shorten } from '../../lib/annotationTags';
import { wordsInRect, type Rect } from './geometry';
import { marksAtPoint, selectedWords } from './pageSelection';
import { marksByPage, pendingByPage } from './pageMarks';
import { PageView } from './PageView';
import type { PagePick } from './types';
import { useOriginal } from './useOriginal';
import './original.css';

type Props = {
  caseId: string;
  source: Source;
  /** This source's annotations as anchored now, and as stored (for their areas). */
  states: readonly AnnotationState[];
  annotations: readonly Annotation[];
  activeId: string | null;
  pending: { start?: number; end?: number; page?: number; region?: Rect } | null;
  onPick: (pick: PagePick) => void;
  onOpen: (ids: string[]) => void;
};

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** The original beside its text: PDF pages or the image, with the annotations drawn on them. */
export function OriginalPane({ caseId, source, states, annotations, activeId, pending, onPick, onOpen }: Props) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const original = useOriginal(caseId, source, t('original.unreadable'), attempt);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(600);
  const [zoom, setZoom] = useState(2);
  const [drawing, setDrawing] = useState(false);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setFit(Math.max(200, el.clientWidth - 24)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [original.phase]);

  const ready = original.phase === 'ready' ? original : null;
  const count = ready?.sizes.length ?? 0;
  const titleOf = (s: AnnotationState) => shorten(s.body || s.quote || t('sources.reader.noComment'), 80);
  const marks = useMemo(() => (ready ? marksByPage(count, ready.layout, states, annotations, titleOf) : []), [ready, count, states, annotations]); // eslint-disable-line react-hooks/exhaustive-deps
  const pendingRects = useMemo(() => (ready ? pendingByPage(count, ready.layout, pending) : []), [ready, count, pending]);

  // An annotation made active in either view is brought into sight on the page.
  useEffect(() => {
    if (!activeId) return;
    scrollRef.current?.querySelector<HTMLElement>(`.page-mark[data-id="${CSS.escape(activeId)}"]`)?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [activeId, marks]);

  const zoomBy = (d: number) => setZoom((z) => Math.min(ZOOMS.length - 1, Math.max(0, z + d)));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === '+' || e.key === '=') zoomBy(1);
    else if (e.key === '-') zoomBy(-1);
    else if (e.key === '0') setZoom(2);
    else return;
    e.preventDefault();
  };
  const onMouseUp = () => {
    const root = scrollRef.current;
    if (!root || drawing) return;
    const picked = selectedWords(root, window.getSelection());
    if (picked) {
      window.getSelection()?.removeAllRanges();
      onPick(picked);
    }
  };
  const onClick = (e: MouseEvent) => {
    if (drawing || !window.getSelection()?.isCollapsed) return;
    const figure = (e.target as Element).closest<HTMLElement>('.original-page');
    if (!figure) return;
    const box = figure.getBoundingClientRect();
    const n = Number(figure.dataset.page);
    const ids = marksAtPoint(marks[n - 1] ?? [], (e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height);
    if (ids.length > 0) onOpen(ids);
  };

  return (
    <section className="original-pane" aria-label={t('original.paneLabel', { name: source.file?.name ?? source.title })}>
      <div className="original-tools" role="toolbar" aria-label={t('original.tools')}>
        <button type="button" className="btn btn-small" onClick={() => zoomBy(-1)} disabled={zoom === 0} aria-label={t('original.zoomOut')}>−</button>
        <button type="button" className="btn btn-small" onClick={() => setZoom(2)} aria-label={t('original.zoomFit')}>
          {Math.round(ZOOMS[zoom]! * 100)} %
        </button>
        <button type="button" className="btn btn-small" onClick={() => zoomBy(1)} disabled={zoom === ZOOMS.length - 1} aria-label={t('original.zoomIn')}>+</button>
        <button type="button" className="btn btn-small" aria-pressed={drawing} onClick={() => setDrawing((d) => !d)} disabled={!ready}>
          {t('original.markArea')}
        </button>
      </div>
      {drawing && <p className="original-note" role="status">{t('original.region.hint')}</p>}
      {ready?.stale && <p className="original-note is-warning" role="status">{t('original.stale')}</p>}
      {ready && !ready.stale && !ready.layout && <p className="original-note" role="status">{t('original.noWords')}</p>}
      <div ref={scrollRef} className="original-scroll" tabIndex={0} aria-label={t('original.pages', { count })} aria-keyshortcuts="+ - 0" onKeyDown={onKeyDown} onMouseUp={onMouseUp} onClick={onClick}>
        {(original.phase === 'loading' || original.phase === 'unsaved') && <p className="empty-note">{t(original.phase === 'loading' ? 'original.loading' : 'original.unsaved')}</p>}
        {original.phase === 'unshown' && <p className="empty-note">{t('original.unshown', { type: original.mediaType })}</p>}
        {original.phase === 'failed' && (
          <div className="file-error" role="alert">
            <p>{original.message}</p>
            <button type="button" className="btn btn-small" onClick={() => setAttempt((a) => a + 1)}>
              {t('original.retry')}
            </button>
          </div>
        )}
        {ready?.sizes.map((size, i) => (
          <PageView
            key={i}
            n={i + 1}
            count={count}
            size={size}
            cssWidth={Math.round(fit * ZOOMS[zoom]!)}
            doc={ready.doc}
            imageUrl={ready.imageUrl}
            words={ready.layout?.[i] ?? null}
            text={source.text}
            marks={marks[i] ?? []}
            pending={pendingRects[i] ?? []}
            activeId={activeId}
            drawing={drawing}
            firstToDraw={i === 0}
            onPick={(pick) => {
              setDrawing(false);
              const words = pick.region ? wordsInRect(ready.layout?.[i] ?? null, pick.region) : null;
              onPick(words ? { ...pick, ...words } : pick);
            }}
            onOpen={onOpen}
            onStopDrawing={() => {
              setDrawing(false);
              scrollRef.current?.focus();
            }}
          />
        ))}
      </div>
    </section>
  );
}
