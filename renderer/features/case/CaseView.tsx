import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { CaseFile, NgoCase, PrisonerCase } from '../../../shared/model';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../i18n/format';
import { navigate } from '../../lib/router';
import { exportCases, exportHasOriginals, exportToast } from '../bundles/exportBundle';
import { ExportDialog } from '../bundles/ExportDialog';
import { useVault } from '../lock/vault';
import { BriefDialog } from '../briefs/BriefDialog';
import { saveThroughSession } from '../briefs/saveCase';
import { saveBeforeBrief } from '../briefs/briefModel';
import { ConflictView } from './ConflictView';
import { forgetSession, openSession, SessionContext, useSessionState, type CaseSession, type SessionState } from '../../lib/caseSession';
import { BasicsSection } from './sections/Basics';
import { AdvocacySection, AnalysisSection, DeadlinesSection, TimelineSection } from './sections/Common';
import { RequestsSection } from './sections/Requests';
import { ConsentSection } from './sections/Consent';
import { partsNavLabel, withRequestsAndConsent } from './sections/navParts';
import { SourcesSection } from '../sources/SourcesSection';
import { HistorySection } from '../history/HistorySection';
import { MeasureSection, OrganizationSection } from './sections/Ngo';
import { ChargesSection, DetentionSection, LawyerSection, RecognitionsSection } from './sections/Prisoner';
import { PersonSection } from './sections/Identity';
import { ArrestSection } from './sections/Arrest';
import { DecisionsSection } from './sections/Decisions';
import { enumLabel } from '../../lib/enumLabels';
import './case.css';
import { useSectionInView } from './useSectionInView';
import { useErrorText } from '../../lib/errors';
import { useSearchLanding } from '../search/useSearchLanding';
import { useCasesChanged } from '../../lib/events';
import { useOperation } from '../../lib/useOperation';

export function CaseView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  // Another case is another read: nothing of the previous one stays on screen while it loads.
  const { value: session, error } = useOperation(() => openSession(id), [id], { resetOnChange: true });

  // Saved elsewhere meanwhile (another window, another device): with nothing unsaved here, show the new version;
  // with unsaved edits, save them now, so that the conflict view shows both versions at once.
  useCasesChanged((changes) => {
    if (!session) return;
    const seen = session.getState().saved.rev;
    if (changes !== 'resync' && !changes.some((c) => c.id === id && c.rev !== undefined && c.rev > seen)) return;
    if (session.hasUnsaved()) void session.flush();
    else void openSession(id);
  });

  // Leaving the view saves at once what is pending (the session keeps it either way).
  useEffect(() => () => void session?.flush().then(onChanged), [session, onChanged]);

  if (error) {
    return (
      <div className="page-message" role="alert">
        <h1>{t('case.loadFailed')}</h1>
        <p>{errorOf(error)}</p>
        <p>
          <a href="#/">{t('nav.backToList')}</a> · <a href="#/trash">{t('nav.trash')}</a>
        </p>
      </div>
    );
  }
  if (!session) return <p className="page-loading">{t('common.loading')}</p>;
  return (
    <SessionContext.Provider value={session}>
      <CaseEditor session={session} onChanged={onChanged} />
    </SessionContext.Provider>
  );
}

const SECTIONS_PRISONER = ['basics', 'person', 'arrest', 'detention', 'charges', 'decisions', 'recognitions', 'analysis', 'timeline', 'deadlines', 'advocacy', 'lawyer', 'sources', 'annotations', 'history'] as const;
const SECTIONS_NGO = ['basics', 'organization', 'measure', 'analysis', 'timeline', 'deadlines', 'advocacy', 'sources', 'annotations', 'history'] as const;

function CaseEditor({ session, onChanged }: { session: CaseSession; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const toast = useToast();
  const format = useFormat();
  const state = useSessionState(session);
  const c = state.draft;
  const [busy, setBusy] = useState(false);
  const [briefOpen, setBriefOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { status: vault } = useVault();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLElement>(null);

  // A keyboard user lands on the case's heading; Tab goes on from there.
  useEffect(() => {
    if (!document.querySelector('dialog[open]')) headingRef.current?.focus({ preventScroll: true });
  }, []);
  useSearchLanding(c);

  useEffect(() => {
    document.title = `${c.title} — Casefile`;
    return () => {
      document.title = 'Casefile';
    };
  }, [c.title]);

  const edit = session.edit.bind(session) as (update: (d: CaseFile) => CaseFile) => void;
  const editPrisoner = (update: (d: PrisonerCase) => PrisonerCase) => session.edit((d) => (d.kind === 'political_prisoner' ? update(d) : d));
  const editNgo = (update: (d: NgoCase) => NgoCase) => session.edit((d) => (d.kind === 'ngo_suspension' ? update(d) : d));

  const trash = async () => {
    setBusy(true);
    await session.flush();
    if (session.getState().status !== 'saved') {
      setBusy(false);
      toast({ kind: 'error', message: t('case.trashUnsaved') });
      return;
    }
    const result = await api['cases.trash']({ id: c.id });
    setBusy(false);
    if (!result.ok) {
      toast({ kind: 'error', message: t('case.trashFailed', { message: errorOf(result.error) }) });
      return;
    }
    forgetSession(c.id);
    onChanged();
    navigate({ name: 'list' });
    const { id, title } = result.value;
    toast({
      message: t('trash.moved', { title }),
      action: {
        label: t('common.undo'),
        run: () =>
          void api['cases.restore']({ id }).then((r) => {
            if (r.ok) {
              onChanged();
              toast({ kind: 'success', message: t('trash.restored', { title }) });
              navigate({ name: 'case', id });
            } else {
              toast({ kind: 'error', message: t('trash.restoreFailed', { message: errorOf(r.error) }) });
            }
          }),
      },
    });
  };

  const exportThis = async () => {
    await session.flush();
    if (vault.encrypted || (await exportHasOriginals([c.id]))) return setExporting(true);
    const result = await exportCases([c.id], undefined, c.kind === 'political_prisoner' ? c.person.name : c.organization.name);
    const message = exportToast(t, errorOf, result, 1);
    if (message) toast(message);
  };

  const sections = withRequestsAndConsent(c.kind === 'political_prisoner' ? SECTIONS_PRISONER : SECTIONS_NGO);
  const name = c.kind === 'political_prisoner' ? c.person.name : c.organization.name;
  const { current: inView, jumpTo } = useSectionInView(sections, viewRef, headerRef);

  return (
    <div className="case-view" ref={viewRef}>
      <header className="case-header" ref={headerRef}>
        <div className="case-header-main">
          <div className="case-header-meta">
            <span className={`badge badge-kind kind-${c.kind}`}>{enumLabel(t, 'kind', c.kind)}</span>
            <span className="case-name">{name}</span>
            <span className="muted">{t('case.revision', { rev: state.saved.rev, date: format.dateTime(state.saved.updatedAt) })}</span>
          </div>
          <h1 className="case-title" ref={headingRef} tabIndex={-1}>
            {c.title}
          </h1>
        </div>
        <div className="case-header-actions">
          <SaveIndicator session={session} state={state} />
          <button type="button" className="btn" onClick={() => void exportThis()}>
            {t('case.exportThis')}
          </button>
          <button type="button" className="btn" aria-haspopup="dialog" title={t('briefs.openHint')} onClick={() => setBriefOpen(true)}>
            {t('briefs.open')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void trash()}>
            {t('case.trash')}
          </button>
        </div>
      </header>
      {state.status === 'conflict' && state.conflict ? (
        <ConflictView session={session} mine={state.draft} theirs={state.conflict} />
      ) : (
        <div className="case-body">
          <nav className="case-nav" aria-label={t('case.sectionsNav')}>
            <ul>
              {sections.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    className={`case-nav-link${inView === s ? ' is-current' : ''}`}
                    aria-current={inView === s ? 'location' : undefined}
                    onClick={() => jumpTo(s)}
                  >
                    {partsNavLabel(t, s) ??
                      (s === 'annotations' ? t('sources.nav.annotations')
                      : s === 'history' ? t('history.title')
                      : s === 'arrest' || s === 'decisions' ? t(`prisoner.section.${s}`)
                      : (t as unknown as (k: string) => string)(`section.${s}`))}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="case-sections">
            <BasicsSection c={c} edit={edit} />
            {c.kind === 'political_prisoner' ? (
              <>
                <PersonSection c={c} edit={editPrisoner} />
                <ArrestSection c={c} edit={editPrisoner} />
                <DetentionSection c={c} edit={editPrisoner} />
                <ChargesSection c={c} edit={editPrisoner} />
                <DecisionsSection c={c} edit={editPrisoner} />
                <RecognitionsSection c={c} edit={editPrisoner} />
              </>
            ) : (
              <>
                <OrganizationSection c={c} edit={editNgo} />
                <MeasureSection c={c} edit={editNgo} />
              </>
            )}
            <AnalysisSection c={c} edit={edit} />
            <TimelineSection c={c} edit={edit} />
            <DeadlinesSection c={c} edit={edit} />
            <AdvocacySection c={c} edit={edit} />
            <RequestsSection c={c} edit={edit} />
            <ConsentSection c={c} edit={edit} />
            {c.kind === 'political_prisoner' && <LawyerSection c={c} edit={editPrisoner} />}
            <SourcesSection c={c} edit={edit} />
            <HistorySection id={c.id} rev={state.saved.rev} />
          </div>
        </div>
      )}
      {exporting && <ExportDialog ids={[c.id]} subject={c.kind === 'political_prisoner' ? c.person.name : c.organization.name} onClose={() => setExporting(false)} />}
      <BriefDialog open={briefOpen} onClose={() => setBriefOpen(false)} subject={{ kind: 'case', case: c, save: saveThroughSession(session) }} prepare={() => saveBeforeBrief(session)} />
    </div>
  );
}

function SaveIndicator({ session, state }: { session: CaseSession; state: SessionState }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const invalid = session.invalidCount();
  let body;
  switch (state.status) {
    case 'saving':
      body = <span className="save-state save-saving">{t('save.saving')}</span>;
      break;
    case 'pending':
      body = <span className="save-state save-pending">{t('save.pending')}</span>;
      break;
    case 'error':
      body = (
        <>
          <span className="save-state save-error" title={state.error?.message}>
            {t('save.error')}
          </span>
          <button type="button" className="btn btn-small" onClick={() => void session.flush()}>
            {t('save.retry')}
          </button>
        </>
      );
      break;
    case 'conflict':
      body = <span className="save-state save-error">{t('save.conflict')}</span>;
      break;
    default:
      body = <span className="save-state save-saved">{t('save.saved')}</span>;
  }
  return (
    <div className="save-indicator">
      <div role="status" aria-live="polite" className="save-status">
        {body}
      </div>
      {state.status === 'error' && state.error && <p className="save-error-message">{errorOf(state.error)}</p>}
      {invalid > 0 && (
        <button
          type="button"
          className="btn btn-small btn-warning"
          onClick={() => {
            const first = document.querySelector<HTMLElement>('.case-sections [aria-invalid="true"]');
            first?.scrollIntoView({ block: 'center' });
            first?.focus();
          }}
        >
          {t('save.invalid', { n: invalid })}
        </button>
      )}
    </div>
  );
}
