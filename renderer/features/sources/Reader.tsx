import { useLatest } from '../../lib/useLatest';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, AnnotationState, CaseFile, Source } from '../../../shared/model';
import { makeTarget } from '../../../shared/text/anchor';
import { useToast } from '../../components/Toasts';
import { newId } from '../../lib/ids';
import { type AnnotationForm } from '../annotations/AnnotationFields';
import { parseTags, shorten } from '../../lib/annotationTags';
import { AnnotationPopover } from './AnnotationPopover';
import { OriginalPane, pickTarget, type PagePick, type PickedPlace } from '../original';
import { type Edit } from '../../lib/edit';
import { rangeToOffsets } from './domOffsets';
import { stopReattach, takeFocusRequest, type ReaderState } from './readerStore';
import { layoutText, type Span } from './segments';
import { KEY_HINT_ID, useKeyboardSelection } from './useKeyboardSelection';
import { useLandOn } from './landOn';
import { ReaderHeader } from './ReaderHeader';
import { CustodyTrail } from './CustodyTrail';

const PENDING = '\u0000pending';
const FLASH_MS = 1800;
const EMPTY_FORM: AnnotationForm = { body: '', tags: '', confidential: false, publicComment: false };

/** A selection waiting for its form; `start === end` for an area of the original with no words in it. */
type Pending = PickedPlace & { top: number; left: number };

type Props = {
  c: CaseFile;
  edit: Edit;
  source: Source;
  states: readonly AnnotationState[];
  reader: ReaderState;
  activeId: string | null;
  /** A highlight was clicked (or Enter pressed on it): the innermost first, then the others covering that spot. */
  onOpenAnnotation: (ids: string[]) => void;
  onEditSource: () => void;
  onClose: () => void;
};

/** A well-formed language tag for the `lang` attribute (fonts, hyphenation), or nothing. */
function langAttr(language: string | undefined): string | undefined {
  const l = language?.trim();
  return l && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l) ? l : undefined;
}

/**
 * The reading view: the source's text with every highlight drawn in it. Selecting
 * words opens a small form beside them to annotate them (or, while an orphan is being
 * re-attached, to attach it there). Highlights are reachable with Tab; Enter opens one.
 */
export function Reader({ c, edit, source, states, reader, activeId, onOpenAnnotation, onEditSource, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const regionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const popRef = useRef<HTMLDivElement>(null);
  const justSelected = useRef(false);
  const focusAfterSave = useRef<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [form, setForm] = useState<AnnotationForm>(EMPTY_FORM);
  const [flash, setFlash] = useState<{ id: string; n: number } | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  const text = source.text;

  const mine = useMemo(() => states.filter((s) => s.sourceId === source.id), [states, source.id]);
  const anchored = mine.filter((s) => s.status === 'anchored');
  const changed = mine.filter((s) => s.status === 'changed');
  // An area of a photo with no words in it is placed by the area, not by words in the text.
  const regionAnnotations = useMemo(() => c.annotations.filter((a) => a.sourceId === source.id && a.target?.region), [c.annotations, source.id]);
  const orphanCount = mine.filter((s) => s.status === 'orphaned' && !regionAnnotations.some((a) => a.id === s.id)).length;
  const byId = useMemo(() => new Map(states.map((s) => [s.id, s])), [states]);
  const reattaching = reader.reattach ? byId.get(reader.reattach) : undefined;

  const spans = useMemo(() => {
    const list: Span[] = [];
    for (const s of mine) {
      if ((s.status === 'anchored' || s.status === 'changed') && s.start !== undefined && s.end !== undefined) list.push({ id: s.id, start: s.start, end: s.end });
    }
    if (pending && pending.end > pending.start) list.push({ id: PENDING, start: pending.start, end: pending.end });
    return list;
  }, [mine, pending]);
  const paragraphs = useMemo(() => layoutText(text, spans), [text, spans]);
  useLandOn(c.id, source.id, textRef, scrollRef, t('section.sources'));

  // A different source, or text changed under an open form: the selection no longer holds.
  useEffect(() => {
    setPending(null);
  }, [source.id, text]);

  // Asked to show this source (from the list, a timeline event, a re-attach): bring it into view.
  const focusNonce = reader.focus?.nonce;
  const focusAnnotation = reader.focus?.annotationId ?? null;
  useEffect(() => {
    if (focusNonce === undefined || !takeFocusRequest(focusNonce)) return;
    const mark = focusAnnotation ? textRef.current?.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(focusAnnotation)}"]`) : null;
    if (mark) {
      mark.scrollIntoView({ block: 'center' });
      mark.focus({ preventScroll: true });
      // Off, then on in the next frame, so asking again restarts the flash.
      setFlash(null);
      const frame = requestAnimationFrame(() => setFlash({ id: focusAnnotation!, n: focusNonce }));
      return () => cancelAnimationFrame(frame);
    }
    regionRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
    return undefined;
    // Only a new request moves the view, not every re-render.
  }, [focusNonce]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  // After a new annotation is saved into the draft, move focus to its highlight.
  useEffect(() => {
    const id = focusAfterSave.current;
    if (!id) return;
    const mark = textRef.current?.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(id)}"]`);
    if (mark) {
      focusAfterSave.current = null;
      mark.focus({ preventScroll: true });
    }
  }, [paragraphs]);

  // Place the form just under the end of the selection (it may reach past the reader's bottom).
  useLayoutEffect(() => {
    const pop = popRef.current;
    const box = regionRef.current;
    if (!pop || !box || !pending) return;
    const maxLeft = Math.max(0, box.clientWidth - pop.offsetWidth - 8);
    pop.style.top = `${Math.round(pending.top)}px`;
    pop.style.left = `${Math.round(Math.min(Math.max(0, pending.left), maxLeft))}px`;
    pop.scrollIntoView({ block: 'nearest' });
  }, [pending]);

  const closePopover = (refocus: boolean) => {
    setPending(null);
    setForm(EMPTY_FORM);
    if (refocus) scrollRef.current?.focus({ preventScroll: true });
  };

  const takeSelection = (): boolean => {
    const root = textRef.current;
    const box = regionRef.current;
    const sel = window.getSelection();
    if (!root || !box || !sel || sel.rangeCount === 0 || sel.isCollapsed) return false;
    const range = sel.getRangeAt(0);
    const off = rangeToOffsets(root, range, text);
    if (!off) return false;
    const rects = range.getClientRects();
    const last = rects.length > 0 ? rects[rects.length - 1]! : range.getBoundingClientRect();
    const boxRect = box.getBoundingClientRect();
    setPending({ ...off, top: last.bottom - boxRect.top + 6, left: last.left - boxRect.left - 12 });
    sel.removeAllRanges();
    return true;
  };

  // A drag that starts in the text may end anywhere (below the box, over the side list).
  const downInside = useRef(false);
  const onMouseDown = () => {
    downInside.current = true;
    justSelected.current = false;
  };
  const takeRef = useLatest(takeSelection);
  useEffect(() => {
    const onUp = () => {
      if (!downInside.current) return;
      downInside.current = false;
      if (takeRef.current()) justSelected.current = true;
    };
    document.addEventListener('mouseup', onUp);
    return () => document.removeEventListener('mouseup', onUp);
  }, [takeRef]);
  const marksAt = (el: Element | null): string[] | null => {
    const mark = el?.closest('mark[data-ids]');
    if (!mark || !textRef.current?.contains(mark)) return null;
    return (mark.getAttribute('data-ids') ?? '').split(' ').filter((x) => x && x !== PENDING);
  };
  const onClick = (e: MouseEvent) => {
    if (justSelected.current) {
      justSelected.current = false;
      return;
    }
    const ids = marksAt(e.target as Element);
    if (ids && ids.length > 0) {
      onOpenAnnotation(ids);
      return;
    }
    if (pending && form.body.trim() === '' && form.tags.trim() === '') closePopover(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      const ids = marksAt(e.target as Element);
      if (ids && ids.length > 0) {
        e.preventDefault();
        onOpenAnnotation(ids);
      }
    }
  };
  const pickOnPage = (pick: PagePick) => {
    const box = regionRef.current;
    if (!box) return;
    const b = box.getBoundingClientRect();
    const words = pick.start !== undefined && pick.end !== undefined ? { start: pick.start, end: pick.end } : { start: 0, end: 0 };
    setPending({ ...words, page: pick.page, ...(pick.region ? { region: pick.region } : {}), top: pick.anchor.bottom - b.top + 6, left: pick.anchor.left - b.left - 12 });
  };
  const keyboard = useKeyboardSelection({ scrollRef, textRef, text, open: () => takeRef.current() });

  const create = () => {
    if (!pending) return;
    const now = new Date().toISOString();
    const a: Annotation = {
      id: newId(),
      sourceId: source.id,
      target: pickTarget(text, pending, t('original.region.quote', { page: pending.page ?? 1 })),
      body: form.body,
      tags: parseTags(form.tags),
      confidential: form.confidential,
      ...(form.publicComment ? { publicComment: true } : {}),
      createdAt: now,
      updatedAt: now,
    };
    edit((d) => ({ ...d, annotations: [...d.annotations, a] }));
    focusAfterSave.current = a.id;
    setPending(null);
    setForm(EMPTY_FORM);
  };

  const attach = () => {
    if (!pending || !reattaching || pending.end <= pending.start) return;
    const target = makeTarget(text, pending.start, pending.end);
    const id = reattaching.id;
    const now = new Date().toISOString();
    edit((d) => ({ ...d, annotations: d.annotations.map((a) => (a.id === id ? { ...a, sourceId: source.id, target, updatedAt: now } : a)) }));
    stopReattach();
    focusAfterSave.current = id;
    setPending(null);
    toast({ kind: 'success', message: t('sources.reader.reattached') });
  };

  const confidentialIds = new Set([...anchored, ...changed].filter((s) => s.confidential).map((s) => s.id));
  const changedIds = new Set(changed.map((s) => s.id));
  const titleOf = (ids: readonly string[]) =>
    ids
      .map((id) => byId.get(id))
      .map((s) => (s ? shorten(s.body || t('sources.reader.noComment'), 80) : ''))
      .filter(Boolean)
      .join(' · ');

  return (
    <section ref={regionRef} className={`reader${source.confidential ? ' is-confidential' : ''}`} aria-labelledby="reader-title" data-source-id={source.id}>
      <ReaderHeader source={source} headingRef={headingRef} onEditSource={onEditSource} onClose={onClose} />
      {source.file && <CustodyTrail caseId={c.id} rev={c.rev} source={{ ...source, file: source.file }} />}

      {reattaching && (
        <div className="reattach-banner" role="status">
          <p>
            {reattaching.status === 'changed' ? t('sources.reader.reselectBanner') : t('sources.reader.reattachBanner')}{' '}
            <q dir="auto">{shorten(reattaching.quote ?? '', 120)}</q>
          </p>
          <button type="button" className="btn btn-small" onClick={() => stopReattach()}>
            {t('sources.reader.reattachCancel')}
          </button>
        </div>
      )}

      <p className="reader-hint" id="reader-hint">
        {t('sources.reader.hint')}{' '}
        <span className="reader-counts">
          {t('sources.reader.counts', { n: anchored.length })}
          {changed.length > 0 && <> · <span className="changed-count">{t('sources.reader.changedCount', { n: changed.length })}</span></>}
          {orphanCount > 0 && <> · <span className="orphan-count">{t('sources.reader.orphanCount', { n: orphanCount })}</span></>}
        </span>
      </p>
      {keyboard.hint}
      {source.file && (
        <div className="reader-view-toggle">
          <button type="button" className="btn btn-small" aria-pressed={showOriginal} onClick={() => setShowOriginal((v) => !v)}>
            {t('original.toggle')}
          </button>
        </div>
      )}

      <div className={`reader-split${showOriginal && source.file ? ' has-original' : ''}`}>
        <div
          className="reader-scroll"
          ref={scrollRef}
          tabIndex={0}
          role="document"
          aria-label={t('sources.reader.textLabel', { title: source.title })}
          aria-describedby={`reader-hint ${KEY_HINT_ID}`}
          {...keyboard.scrollProps}
        >
          {keyboard.overlay}
          {text === '' ? (
            <p className="empty-note">{t('sources.reader.noText')}</p>
          ) : (
            <div
              className="reader-text"
              ref={textRef}
              lang={langAttr(source.language)}
              onMouseDown={onMouseDown}
              onClick={onClick}
              onKeyDown={onKeyDown}
            >
              {paragraphs.map((p) => (
                <div key={p.start} className={`src-para${p.start === p.end ? ' is-empty' : ''}`} dir="auto" data-start={p.start} data-end={p.end}>
                  {p.segments.map((seg) => {
                    const chunk = text.slice(seg.start, seg.end);
                    if (seg.ids.length === 0) {
                      return (
                        <span key={seg.start} data-start={seg.start} data-end={seg.end}>
                          {chunk}
                        </span>
                      );
                    }
                    const real = seg.ids.filter((id) => id !== PENDING);
                    const isChanged = real.some((id) => changedIds.has(id));
                    const cls = [
                      'hl',
                      real.length > 0 ? `depth-${Math.min(real.length, 3)}` : '',
                      seg.ids.includes(PENDING) ? 'hl-pending' : '',
                      real.some((id) => confidentialIds.has(id)) ? 'is-confidential' : '',
                      isChanged ? 'is-changed' : '',
                      activeId !== null && real.includes(activeId) ? 'is-active' : '',
                      flash !== null && real.includes(flash.id) ? 'is-flashing' : '',
                    ]
                      .filter(Boolean)
                      .join(' ');
                    return (
                      <mark
                        key={seg.start}
                        className={cls}
                        data-start={seg.start}
                        data-end={seg.end}
                        data-ids={seg.ids.join(' ')}
                        tabIndex={real.length > 0 ? 0 : undefined}
                        title={real.length > 0 ? (isChanged ? `${t('sources.reader.changedMark')} — ${titleOf(real)}` : titleOf(real)) : undefined}
                        // The words themselves, then what a sighted user reads from the dashed outline.
                        aria-label={isChanged ? `${chunk} (${t('sources.reader.changedMark')})` : undefined}
                      >
                        {chunk}
                      </mark>
                    );
                  })}
                </div>
              ))}
            </div>
          )}
        </div>
        {showOriginal && source.file && (
          <OriginalPane caseId={c.id} source={source} states={mine} annotations={regionAnnotations} activeId={activeId} pending={pending} onPick={pickOnPage} onOpen={onOpenAnnotation} />
        )}
      </div>

      {pending && (
        <AnnotationPopover
          popRef={popRef}
          c={c}
          quote={pending.end > pending.start ? text.slice(pending.start, pending.end) : t('original.region.quote', { page: pending.page ?? 1 })}
          reattaching={reattaching}
          form={form}
          setForm={setForm}
          onCreate={create}
          onAttach={attach}
          onCancel={() => closePopover(true)}
        />
      )}
    </section>
  );
}
