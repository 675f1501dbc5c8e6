import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { CaseFile } from '../../../shared/model';
import { ORIGINALS_TEMPLATES, QUOTING_TEMPLATES, type BriefFormat, type BriefLang, type BriefMode, type BriefOriginals, type BriefTemplate } from '../../../shared/model/brief';
import type { Progress, RenderedBrief } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../i18n/format';
import { deliverFile } from '../../lib/download';
import { useErrorText } from '../../lib/errors';
import { AnnotationTags } from './AnnotationTags';
import { annotationCounts, annotationTagCounts, annotationTagsParam, defaultBriefLang, templatesFor } from './briefModel';
import { briefLangOf, EMPTY_UA, offersSummary, uaInputOf, withBriefing, type UrgentActionInput } from './briefing';
import { SummaryField, UrgentActionFields } from './BriefingFields';
import { FormatChoice, LangChoice, ModeChoice, TemplateChoice } from './Choices';
import { OriginalsChoice, originalsFor } from './OriginalsChoice';
import { ChartsChoice } from './ChartsChoice';
import { Completeness } from './Completeness';
import { ConfidentialLine } from './ConfidentialLine';
import { OutcomeView, type Outcome } from './OutcomeView';
import { loadPreparedBy, savePreparedBy } from './preparedBy';
import type { SaveCase } from './saveCase';
import { SuggestedRequests } from './SuggestedRequests';
import { refusalOf, useBriefCheck } from './useBriefCheck';
import './briefs.css';
import { base64ToBytes } from '../../lib/fileBase64';

// The brief: template, language, mode (public, submission, internal), PDF or Word,
// which annotations, who prepared it. Before anything is made, the service says whether
// the template fits and what the case lacks; a case without requests is offered
// suggestions the advocate edits and saves first. The service renders the file (a
// public or submission one is read back and refused if anything it leaves out shows),
// and it goes where the user saves it (the desktop app's Save dialog) or to the
// browser's downloads.

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// A brief packed with its originals is a ZIP, whatever the brief inside it is.
const deliver = (brief: RenderedBrief) => deliverFile(brief.fileName, base64ToBytes(brief.dataBase64), /\.zip$/i.test(brief.fileName) ? 'briefZip' : brief.format);

export type BriefSubject =
  /** One case, from its case view: the draft as shown, and how the dialog saves into it (the view's session). */
  | { kind: 'case'; case: CaseFile; save: SaveCase }
  /** Several cases, from the list's selection. */
  | { kind: 'multi'; cases: { id: string; title: string }[] };

type Props = {
  open: boolean;
  onClose: () => void;
  subject: BriefSubject;
  /** Runs before the service is asked (the case view saves pending edits); false stops with a message. */
  prepare?: () => Promise<boolean>;
};

export function BriefDialog({ open, onClose, subject, prepare }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorOf = useErrorText();
  const ids = { template: useId(), lang: useId(), status: useId(), preparedBy: useId(), preparedByHint: useId(), refusal: useId(), pending: useId() };
  const single = subject.kind === 'case' ? subject.case : null;
  const templates: BriefTemplate[] = single ? templatesFor(single.kind) : ['multi'];
  const caseIds = useMemo(() => (subject.kind === 'case' ? [subject.case.id] : subject.cases.map((c) => c.id)), [subject]);
  const tagCounts = useMemo(() => (single ? annotationTagCounts(single.annotations, format.compare) : []), [single, format.compare]);
  const allTags = useMemo(() => tagCounts.map((c) => c.tag), [tagCounts]);

  const [template, setTemplate] = useState<BriefTemplate>(templates[0]!);
  const [lang, setLang] = useState<BriefLang>(defaultBriefLang(i18n.language));
  const [mode, setMode] = useState<BriefMode>('public');
  const [fileFormat, setFileFormat] = useState<BriefFormat>('pdf');
  const [originals, setOriginals] = useState<BriefOriginals>('none');
  const [charts, setCharts] = useState(true);
  const [chosenTags, setChosenTags] = useState<ReadonlySet<string>>(new Set(allTags));
  const [ua, setUa] = useState<UrgentActionInput>(EMPTY_UA);
  const [summaries, setSummaries] = useState<Partial<Record<BriefLang, string>>>({});
  const [suggesting, setSuggesting] = useState(false);
  const [preparedBy, setPreparedBy] = useState('');
  // What the folder holds: a render stores the name typed only when it differs.
  const storedPreparedBy = useRef('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [last, setLast] = useState<RenderedBrief | null>(null);
  const generation = useRef(0);
  /** Aborts the render on its way: the core stops it and writes nothing. */
  const stopping = useRef<AbortController | null>(null);
  const toast = useToast();
  const outcomeRef = useRef<HTMLDivElement>(null);

  const check = useBriefCheck(open, caseIds, template, mode, briefLangOf(i18n.language), lang, single?.rev ?? 0);
  const refused = refusalOf(check);

  // Every opening starts from the defaults (all annotations, public, PDF, the interface's language) and the case's remembered fields.
  useEffect(() => {
    if (!open) return;
    setTemplate(templates[0]!);
    setLang(defaultBriefLang(i18n.language));
    setMode('public');
    setFileFormat('pdf');
    setOriginals('none');
    setCharts(true);
    setChosenTags(new Set(allTags));
    setUa(single ? uaInputOf(single) : EMPTY_UA);
    setSummaries({ ...single?.briefing?.summaries });
    setSuggesting(false);
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
    // Only on opening: the case changing under an open dialog must not reset what the user chose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const onPendingChange = useCallback((pending: boolean) => setSuggesting(pending), []);

  const close = () => {
    generation.current++; // an answer still on its way is dropped: no download after closing
    stopping.current?.abort();
    setBusy(false);
    setOutcome(null);
    setLast(null);
    onClose();
  };

  const annotationTags = single ? annotationTagsParam(allTags, chosenTags) : undefined;
  const counts = single ? annotationCounts(single, annotationTags, mode) : { printed: 0, leftOut: 0 };
  const quotes = QUOTING_TEMPLATES.includes(template);
  // Only the templates with an annex of originals can carry them (one case: the multi-case list has none).
  const carriesOriginals = single !== null && ORIGINALS_TEMPLATES.includes(template);
  const showSummary = single !== null && offersSummary(single, lang);

  /** The urgent-action fields and the summary as typed, into the case (only what changed is saved). */
  const saveBriefing = async (): Promise<string | null> => {
    if (subject.kind !== 'case') return null;
    const update = (c: CaseFile) => withBriefing(c, template === 'urgent-action' ? ua : undefined, lang, showSummary ? (summaries[lang] ?? '') : undefined);
    if (update(subject.case) === subject.case) return null;
    const saved = await subject.save(update);
    return saved.ok ? null : t('briefs14.briefingFailed', { message: saved.error ? errorOf(saved.error) : t('briefs.unsaved') });
  };

  const create = async () => {
    const mine = ++generation.current;
    setBusy(true);
    setOutcome(null);
    const notSaved = await saveBriefing();
    if (notSaved !== null || (prepare && !(await prepare()))) {
      if (mine !== generation.current) return;
      setBusy(false);
      setOutcome({ kind: 'unsaved', ...(notSaved !== null ? { message: notSaved } : {}) });
      return;
    }
    const by = preparedBy.replace(/\s+/g, ' ').trim();
    // Kept in the data folder (sealed when it is encrypted); a refusal costs only retyping it next time.
    void savePreparedBy({ api }, by, storedPreparedBy.current).then((saved) => {
      if (saved) storedPreparedBy.current = by;
    });
    setProgress(null);
    const stop = new AbortController();
    stopping.current = stop;
    const result = await api['briefs.render'](
      { ids: caseIds, template, lang, mode, format: fileFormat, ...(carriesOriginals ? { originals: originalsFor(originals, fileFormat) } : {}), ...(template === 'multi' ? { charts } : {}), ...(annotationTags ? { annotationTags } : {}), ...(by ? { preparedBy: by } : {}) },
      { onProgress: (p) => mine === generation.current && setProgress(p), signal: stop.signal },
    );
    if (stopping.current === stop) stopping.current = null;
    if (mine !== generation.current) return;
    setProgress(null);
    if (!result.ok && result.error.code === 'cancelled') {
      setBusy(false);
      toast({ kind: 'info', message: t('events16.briefStopped') });
      return;
    }
    if (result.ok) {
      setLast(result.value);
      const delivery = await deliver(result.value);
      if (mine !== generation.current) return;
      setBusy(false);
      setOutcome({ kind: 'done', brief: result.value, mode, lang, delivery });
      return;
    }
    setBusy(false);
    const leak = result.error.code === 'bad_input' && mode !== 'internal' && (result.error.issues ?? []).some((i) => /confidential/i.test(i.message));
    setOutcome(leak ? { kind: 'refused', error: result.error, mode } : { kind: 'failed', error: result.error });
  };

  const title = subject.kind === 'case' ? t('briefs14.title') : t('briefs.titleMulti', { n: subject.cases.length });
  const blocked = refused !== undefined || suggesting;
  const describedBy = [ids.status, refused !== undefined ? ids.refusal : suggesting ? ids.pending : ''].filter(Boolean).join(' ');

  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      wide
      className="brief-dialog"
      footer={
        <>
          <button type="button" className="btn btn-primary" disabled={busy || blocked} aria-describedby={describedBy} onClick={() => void create()}>
            {busy ? t('briefs.creating') : t(`briefs14.create.${fileFormat}`)}
          </button>
          {last && !busy && outcome?.kind === 'done' && (
            <button type="button" className="btn" onClick={() => void deliver(last).then((delivery) => setOutcome((o) => (o?.kind === 'done' ? { ...o, delivery } : o)))}>
              {window.casefileShell ? t('briefs.saveAgain') : t('briefs.downloadAgain')}
            </button>
          )}
          <span className="spacer" />
          {/* While a render runs, Cancel stops it (the core writes nothing) and the dialog stays open to try again. */}
          <button type="button" className="btn" onClick={() => (stopping.current ? stopping.current.abort() : close())}>
            {outcome?.kind === 'done' ? t('common.close') : t('common.cancel')}
          </button>
        </>
      }
    >
      <div className="brief-form" aria-busy={busy}>
        {subject.kind === 'case' ? (
          <p className="dialog-intro">{t('briefs14.intro', { title: subject.case.title })}</p>
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

        <TemplateChoice templates={templates} value={template} onChange={setTemplate} disabled={busy} hint={single ? t('briefs14.templatesHint') : undefined} hintId={ids.template} />
        <Completeness state={check} refusalId={ids.refusal} />
        <LangChoice value={lang} onChange={setLang} disabled={busy} hintId={ids.lang} />
        <ModeChoice value={mode} onChange={setMode} disabled={busy}>
          {single && <ConfidentialLine c={single} mode={mode} />}
        </ModeChoice>
        <FormatChoice value={fileFormat} onChange={(f) => { setFileFormat(f); setOriginals((o) => originalsFor(o, f)); }} disabled={busy} />
        {carriesOriginals && <OriginalsChoice value={originals} onChange={setOriginals} format={fileFormat} disabled={busy} />}
        {template === 'multi' && <ChartsChoice value={charts} onChange={setCharts} disabled={busy} />}

        {single && template === 'urgent-action' && <UrgentActionFields value={ua} onChange={setUa} disabled={busy} />}
        {showSummary && (
          <SummaryField lang={lang} value={summaries[lang] ?? ''} onChange={(v) => setSummaries((s) => ({ ...s, [lang]: v }))} disabled={busy} />
        )}

        {single && (
          <AnnotationTags
            c={single}
            mode={mode}
            tagCounts={tagCounts}
            chosen={chosenTags}
            disabled={busy}
            quotes={quotes}
            counts={counts}
            onToggle={(tag) =>
              setChosenTags((prev) => {
                const next = new Set(prev);
                if (next.has(tag)) next.delete(tag);
                else next.add(tag);
                return next;
              })
            }
          />
        )}

        {subject.kind === 'case' && (
          <SuggestedRequests c={subject.case} lang={lang} save={subject.save} disabled={busy} onPendingChange={onPendingChange} pendingId={ids.pending} />
        )}

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
          {busy ? (mode === 'internal' ? t('briefs14.busy.internal') : t('briefs14.busy.checked')) : ''}
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
