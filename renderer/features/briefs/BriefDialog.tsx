import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api';
import { formatPath, type ApiError } from '../../../shared/errors';
import type { CaseFile } from '../../../shared/model';
import { QUOTING_TEMPLATES, type BriefLang, type BriefMode, type BriefTemplate } from '../../../shared/model/brief';
import type { Progress, RenderedBrief } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useFormat } from '../../i18n/format';
import { NoRequestsNote } from './NoRequestsNote';
import { annotationCounts, annotationTagCounts, annotationTagsParam, confidentialParts, defaultBriefLang, templatesFor } from './briefModel';
import { deliverFile, type Delivery } from '../../lib/download';
import { useErrorText } from '../../lib/errors';
import { base64ToBytes } from './briefModel';
import { loadPreparedBy, savePreparedBy } from './preparedBy';
import './briefs.css';

// The PDF brief: template, language, public or internal, which annotations, who
// prepared it; then the service renders it (a public one is read back and refused if
// any confidential text shows) and the PDF goes where the user saves it (the desktop
// app's Save dialog) or to the browser's downloads.

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const deliverPdf = (brief: RenderedBrief) => deliverFile(brief.fileName, base64ToBytes(brief.dataBase64), 'pdf');

export type BriefSubject =
  /** One case, from its case view: the draft as shown (kind and annotation tags). */
  | { kind: 'case'; case: CaseFile }
  /** Several cases, from the list's selection. */
  | { kind: 'multi'; cases: { id: string; title: string }[] };

type Props = {
  open: boolean;
  onClose: () => void;
  subject: BriefSubject;
  /** Runs before the service is asked (the case view saves pending edits); false stops with a message. */
  prepare?: () => Promise<boolean>;
};

type Outcome =
  | { kind: 'done'; brief: RenderedBrief; mode: BriefMode; lang: BriefLang; delivery: Delivery }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'unsaved' };

export function BriefDialog({ open, onClose, subject, prepare }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const ids = { template: useId(), lang: useId(), mode: useId(), tags: useId(), status: useId(), preparedBy: useId(), preparedByHint: useId() };
  const single = subject.kind === 'case' ? subject.case : null;
  const templates: BriefTemplate[] = single ? templatesFor(single.kind) : ['multi'];
  const tagCounts = useMemo(() => (single ? annotationTagCounts(single.annotations, format.compare) : []), [single, format.compare]);
  const allTags = useMemo(() => tagCounts.map((c) => c.tag), [tagCounts]);

  const [template, setTemplate] = useState<BriefTemplate>(templates[0]!);
  const [lang, setLang] = useState<BriefLang>(defaultBriefLang(i18n.language));
  const [mode, setMode] = useState<BriefMode>('public');
  const [chosenTags, setChosenTags] = useState<ReadonlySet<string>>(new Set(allTags));
  const [preparedBy, setPreparedBy] = useState('');
  // What the folder holds: a render stores the name typed only when it differs.
  const storedPreparedBy = useRef('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [last, setLast] = useState<RenderedBrief | null>(null);
  const generation = useRef(0);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // Every opening starts from the defaults: all annotations, public, the interface's language.
  useEffect(() => {
    if (!open) return;
    setTemplate(templates[0]!);
    setLang(defaultBriefLang(i18n.language));
    setMode('public');
    setChosenTags(new Set(allTags));
    setPreparedBy('');
    storedPreparedBy.current = '';
    let live = true;
    void loadPreparedBy({ api, storage: browserStorage() }).then((name) => {
      if (!live) return;
      storedPreparedBy.current = name;
      // Only if the user has not begun typing meanwhile.
      setPreparedBy((typed) => (typed === '' ? name : typed));
    });
    setBusy(false);
    setProgress(null);
    setOutcome(null);
    setLast(null);
    return () => {
      live = false;
    };
  }, [open]); // only on opening

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const close = () => {
    generation.current++; // an answer still on its way is dropped: no download after closing
    setBusy(false);
    setOutcome(null);
    setLast(null);
    onClose();
  };

  const annotationTags = single ? annotationTagsParam(allTags, chosenTags) : undefined;
  const counts = single ? annotationCounts(single, annotationTags, mode) : { printed: 0, leftOut: 0 };
  const quotes = QUOTING_TEMPLATES.includes(template);
  // Before rendering, the dialog derives the count from the case as saved (the service's rule, shared);
  // after, it shows the count the service reports.
  const leftOut = quotes ? counts.leftOut : 0;

  const create = async () => {
    const mine = ++generation.current;
    setBusy(true);
    setOutcome(null);
    if (prepare && !(await prepare())) {
      if (mine !== generation.current) return;
      setBusy(false);
      setOutcome({ kind: 'unsaved' });
      return;
    }
    const caseIds = subject.kind === 'case' ? [subject.case.id] : subject.cases.map((c) => c.id);
    const by = preparedBy.replace(/\s+/g, ' ').trim();
    // Kept in the data folder (sealed when it is encrypted); a refusal costs only retyping it next time.
    void savePreparedBy({ api }, by, storedPreparedBy.current).then((saved) => {
      if (saved) storedPreparedBy.current = by;
    });
    setProgress(null);
    const result = await api['briefs.render'](
      { ids: caseIds, template, lang, mode, ...(annotationTags ? { annotationTags } : {}), ...(by ? { preparedBy: by } : {}) },
      { onProgress: (p) => mine === generation.current && setProgress(p) },
    );
    if (mine !== generation.current) return;
    setProgress(null);
    if (result.ok) {
      setLast(result.value);
      const delivery = await deliverPdf(result.value);
      if (mine !== generation.current) return;
      setBusy(false);
      setOutcome({ kind: 'done', brief: result.value, mode, lang, delivery });
      return;
    }
    setBusy(false);
    if (result.error.code === 'bad_input' && mode === 'public' && (result.error.issues ?? []).some((i) => /confidential/i.test(i.message))) {
      setOutcome({ kind: 'refused', error: result.error });
    } else {
      setOutcome({ kind: 'failed', error: result.error });
    }
  };

  const title = subject.kind === 'case' ? t('briefs.title') : t('briefs.titleMulti', { n: subject.cases.length });

  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      wide
      className="brief-dialog"
      footer={
        <>
          <button type="button" className="btn btn-primary" disabled={busy} aria-describedby={ids.status} onClick={() => void create()}>
            {busy ? t('briefs.creating') : t('briefs.create')}
          </button>
          {last && !busy && outcome?.kind === 'done' && (
            <button
              type="button"
              className="btn"
              onClick={() => void deliverPdf(last).then((delivery) => setOutcome((o) => (o?.kind === 'done' ? { ...o, delivery } : o)))}
            >
              {window.casefileShell ? t('briefs.saveAgain') : t('briefs.downloadAgain')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="btn" onClick={close}>
            {outcome?.kind === 'done' ? t('common.close') : t('common.cancel')}
          </button>
        </>
      }
    >
      <div className="brief-form" aria-busy={busy}>
        {subject.kind === 'case' ? (
          <p className="dialog-intro">{t('briefs.intro', { title: subject.case.title })}</p>
        ) : (
          <>
            <p className="dialog-intro">{t('briefs.introMulti')}</p>
            <ul className="brief-case-list" aria-label={t('briefs.selectedCases')}>
              {subject.cases.map((c) => (
                <li key={c.id}>{c.title}</li>
              ))}
            </ul>
          </>
        )}

        <fieldset className="brief-group" aria-describedby={subject.kind === 'case' ? ids.template : undefined}>
          <legend className="field-label">{t('briefs.template')}</legend>
          {subject.kind === 'case' && (
            <p id={ids.template} className="field-hint">
              {single!.kind === 'political_prisoner' ? t('briefs.templateFitPrisoner') : t('briefs.templateFitNgo')}
            </p>
          )}
          <div className="brief-options">
            {templates.map((tpl) => (
              <label key={tpl} className={`kind-option brief-option${template === tpl ? ' is-checked' : ''}`}>
                <input type="radio" name="brief-template" value={tpl} checked={template === tpl} disabled={busy} onChange={() => setTemplate(tpl)} />
                <span className="kind-option-text">
                  <strong>{templateName(t, tpl)}</strong>
                  <span className="muted">{templateHint(t, tpl)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="brief-group" aria-describedby={ids.lang}>
          <legend className="field-label">{t('briefs.lang')}</legend>
          <div className="brief-inline">
            {(['en', 'ru'] as const).map((l) => (
              <label key={l} className="radio">
                <input type="radio" name="brief-lang" value={l} checked={lang === l} disabled={busy} onChange={() => setLang(l)} />
                <span lang={l}>{l === 'en' ? 'English' : 'Русский'}</span>
              </label>
            ))}
          </div>
          <p id={ids.lang} className="field-hint">
            {t('briefs.langHint')}
          </p>
        </fieldset>

        <fieldset className="brief-group">
          <legend className="field-label">{t('briefs.mode')}</legend>
          <div className="brief-options brief-modes">
            <label className={`kind-option brief-option brief-mode-public${mode === 'public' ? ' is-checked' : ''}`}>
              <input type="radio" name="brief-mode" value="public" checked={mode === 'public'} disabled={busy} onChange={() => setMode('public')} />
              <span className="kind-option-text">
                <strong>{t('briefs.public.name')}</strong>
                <span className="muted">{t('briefs.public.hint')}</span>
              </span>
            </label>
            <label className={`kind-option brief-option brief-mode-internal${mode === 'internal' ? ' is-checked' : ''}`}>
              <input type="radio" name="brief-mode" value="internal" checked={mode === 'internal'} disabled={busy} onChange={() => setMode('internal')} />
              <span className="kind-option-text">
                <strong>
                  <span className="brief-stamp" aria-hidden="true">
                    {t('briefs.internal.stamp')}
                  </span>{' '}
                  {t('briefs.internal.name')}
                </strong>
                <span className="muted">{t('briefs.internal.hint')}</span>
              </span>
            </label>
          </div>
          {single && <ConfidentialLine c={single} mode={mode} />}
        </fieldset>

        {single && (
          <fieldset className="brief-group" aria-describedby={ids.tags}>
            <legend className="field-label">{t('briefs.annotations')}</legend>
            {tagCounts.length === 0 ? (
              <p className="field-hint" id={ids.tags}>
                {single.annotations.length === 0 ? t('briefs.annotationsNone') : t('briefs.annotationsUntagged', { n: single.annotations.length })}
              </p>
            ) : (
              <>
                <div className="brief-tags">
                  {tagCounts.map((c) => (
                    <label key={c.tag} className="checkbox brief-tag">
                      <input
                        type="checkbox"
                        checked={chosenTags.has(c.tag)}
                        disabled={busy}
                        onChange={() =>
                          setChosenTags((prev) => {
                            const next = new Set(prev);
                            if (next.has(c.tag)) next.delete(c.tag);
                            else next.add(c.tag);
                            return next;
                          })
                        }
                      />
                      <span>
                        {c.tag} <span className="muted">({c.total})</span>
                        {c.confidential > 0 && <span className="brief-tag-conf"> · {t('briefs.tagConfidential', { n: c.confidential })}</span>}
                      </span>
                    </label>
                  ))}
                </div>
                <p className="field-hint" id={ids.tags}>
                  {quotes ? t('briefs.annotationsPrinted', { n: counts.printed, total: single.annotations.length }) : t('briefs.annotationsNotInTemplate')}{' '}
                  {mode === 'public' ? t('briefs.annotationsPublicHint') : ''} {t('briefs.annotationsUntaggedHint')}
                </p>
              </>
            )}
            {leftOut > 0 && (
              <p className="brief-left-out" role="note">
                <span aria-hidden="true">⚠ </span>
                {t('briefs.annotationsLeftOut', { n: leftOut })}
              </p>
            )}
          </fieldset>
        )}

        <NoRequestsNote c={single ?? null} />

        <div className="field brief-prepared-by">
          <label className="field-label" htmlFor={ids.preparedBy}>
            {t('briefs.preparedBy')}
          </label>
          <input
            id={ids.preparedBy}
            type="text"
            value={preparedBy}
            maxLength={200}
            disabled={busy}
            aria-describedby={ids.preparedByHint}
            onChange={(e) => setPreparedBy(e.target.value)}
          />
          <p id={ids.preparedByHint} className="field-hint">
            {t('briefs.preparedByHint')}
          </p>
        </div>

        <div id={ids.status} className="brief-busy" role="status">
          {busy ? (mode === 'public' ? t('briefs.creatingPublic') : t('briefs.creatingInternal')) : ''}
          {busy && progress && progress.total > 1 && (
            <div className="brief-progress">
              <progress value={progress.done} max={progress.total} aria-label={t('briefs.progressLabel')} />{' '}
              <span>{t('briefs.progress', { done: format.number(progress.done), total: format.number(progress.total) })}</span>
            </div>
          )}
        </div>

        {outcome && (
          <div ref={outcomeRef} tabIndex={-1} className="brief-outcome-wrap">
            <OutcomeView outcome={outcome} />
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** What of this case the chosen mode leaves out (public) or shows (internal). */
function ConfidentialLine({ c, mode }: { c: CaseFile; mode: BriefMode }) {
  const { t } = useTranslation();
  const parts = confidentialParts(c);
  const items = [
    parts.contact ? t('briefs.parts.contact') : '',
    parts.lawyer ? t('briefs.parts.lawyer') : '',
    parts.events ? t('briefs.parts.events', { n: parts.events }) : '',
    parts.sources ? t('briefs.parts.sources', { n: parts.sources }) : '',
    parts.annotations ? t('briefs.parts.annotations', { n: parts.annotations }) : '',
    parts.identity ? t('briefs.parts.identity') : '',
    parts.workingNotes ? t('briefs.parts.workingNotes', { n: parts.workingNotes }) : '',
    parts.otherItems ? t('briefs.parts.otherItems', { n: parts.otherItems }) : '',
  ].filter(Boolean);
  if (items.length === 0) return <p className="field-hint brief-parts">{t('briefs.parts.none')}</p>;
  return (
    <p className={`brief-parts${mode === 'internal' ? ' is-internal' : ''}`}>
      <strong>{mode === 'public' ? t('briefs.parts.leftOut') : t('briefs.parts.included')}</strong> {items.join('; ')}
    </p>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorOf = useErrorText();
  switch (outcome.kind) {
    case 'done': {
      const { brief, mode, lang } = outcome;
      return (
        <div className={`brief-outcome brief-done${mode === 'internal' ? ' is-internal' : ''}`} role="status">
          <p className="brief-headline">{t('briefs.done.title')}</p>
          <dl className="brief-facts">
            <dt>{t('briefs.done.file')}</dt>
            <dd className="break">{brief.fileName}</dd>
            <dt>{t('briefs.done.template')}</dt>
            <dd>{templateName(t, brief.template)}</dd>
            <dt>{t('briefs.done.pages')}</dt>
            <dd>{format.number(brief.pages)}</dd>
            <dt>{t('briefs.done.size')}</dt>
            <dd>{t('briefs.done.kb', { n: format.number(Math.max(1, Math.round(brief.bytes / 1024))) })}</dd>
            <dt>{t('briefs.done.lang')}</dt>
            <dd>{lang === 'en' ? 'English' : 'Русский'}</dd>
            <dt>{t('briefs.done.mode')}</dt>
            <dd>{mode === 'public' ? t('briefs.done.modePublic') : t('briefs.done.modeInternal')}</dd>
          </dl>
          {mode === 'public' ? (
            <p className="brief-check">
              <span aria-hidden="true">✓ </span>
              {t('briefs.done.checked')}
            </p>
          ) : (
            <p className="brief-warning">
              <span aria-hidden="true">⚠ </span>
              {t('briefs.done.internalWarning')}
            </p>
          )}
          {brief.annotationsLeftOut > 0 && (
            <p className="brief-left-out">
              <span aria-hidden="true">⚠ </span>
              {t('briefs.annotationsLeftOut', { n: brief.annotationsLeftOut })}
            </p>
          )}
          <DeliveryLine delivery={outcome.delivery} />
        </div>
      );
    }
    case 'refused': {
      const issues = outcome.error.issues ?? [];
      return (
        <div className="brief-outcome brief-refused" role="alert">
          <p className="brief-headline">{t('briefs.refused.title')}</p>
          <p>{t('briefs.refused.intro', { n: issues.length })}</p>
          <ul className="brief-issues">
            {issues.map((issue, i) => {
              const where = whereLabel(t, issue.path);
              return (
                <li key={i}>
                  {where && <strong className="brief-issue-where">{where}</strong>}
                  <code className="brief-issue-path">{formatPath(issue.path)}</code>
                  <span className="brief-issue-message">{issue.message}</span>
                </li>
              );
            })}
          </ul>
          <p className="brief-advice">{t('briefs.refused.advice')}</p>
          <details className="brief-details">
            <summary>{t('briefs.refused.fullMessage')}</summary>
            <p>{outcome.error.message}</p>
          </details>
        </div>
      );
    }
    case 'failed':
      return (
        <div className="brief-outcome brief-refused" role="alert">
          <p className="brief-headline">{t('briefs.failed.title')}</p>
          <p>{errorOf(outcome.error)}</p>
          {(outcome.error.issues ?? []).length > 0 && (
            <ul className="brief-issues">
              {outcome.error.issues!.map((issue, i) => (
                <li key={i}>
                  <code className="brief-issue-path">{formatPath(issue.path)}</code>
                  <span className="brief-issue-message">{issue.message}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'unsaved':
      return (
        <div className="brief-outcome brief-refused" role="alert">
          <p className="brief-headline">{t('briefs.failed.title')}</p>
          <p>{t('briefs.unsaved')}</p>
        </div>
      );
  }
}

/** Where the PDF went: saved where the user chose, handed to the browser, or not saved (and why). */
function DeliveryLine({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  switch (delivery.kind) {
    case 'saved':
      return <p className="brief-saved break">{t('briefs.done.savedTo', { path: delivery.path })}</p>;
    case 'downloaded':
      return <p className="muted">{t('briefs.done.downloaded')}</p>;
    case 'cancelled':
      return <p className="brief-warning">{t('briefs.done.notSaved')}</p>;
    case 'failed':
      return (
        <p className="brief-warning" role="alert">
          {t('briefs.done.saveFailed', { message: delivery.error })}
        </p>
      );
  }
}

/** The confidential field an issue names, in the interface's words (the service's message is in English). */
function whereLabel(t: TFunction, path: readonly (string | number)[]): string | null {
  const rest = (path[0] === 'cases' || path[0] === 'related') && typeof path[1] === 'number' ? path.slice(2) : path;
  const n = typeof rest[1] === 'number' ? rest[1] + 1 : 0;
  if (rest[0] === 'lawyer') return t('briefs.where.lawyer');
  if (rest[0] === 'person' && rest[1] === 'contact') return t('briefs.where.contact');
  if (rest[0] === 'events' && n) return t('briefs.where.event', { n });
  if (rest[0] === 'sources' && n) return t('briefs.where.source', { n });
  if (rest[0] === 'annotations' && n) return t('briefs.where.annotation', { n });
  return null;
}

function templateName(t: TFunction, template: BriefTemplate): string {
  switch (template) {
    case 'case':
      return t('briefs.templates.case.name');
    case 'wgad':
      return t('briefs.templates.wgad.name');
    case 'urgent-action':
      return t('briefs.templates.urgentAction.name');
    case 'ngo':
      return t('briefs.templates.ngo.name');
    case 'multi':
      return t('briefs.templates.multi.name');
  }
}

function templateHint(t: TFunction, template: BriefTemplate): string {
  switch (template) {
    case 'case':
      return t('briefs.templates.case.hint');
    case 'wgad':
      return t('briefs.templates.wgad.hint');
    case 'urgent-action':
      return t('briefs.templates.urgentAction.hint');
    case 'ngo':
      return t('briefs.templates.ngo.hint');
    case 'multi':
      return t('briefs.templates.multi.hint');
  }
}
