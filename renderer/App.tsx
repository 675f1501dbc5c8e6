import { useLatest } from './lib/useLatest';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handover, type Handover } from './api';
import type { ShellCommand } from './env';
import { ToastProvider, useToast } from './components/Toasts';
import { ImportDialog } from './features/bundles/ImportDialog';
import { exportCases, exportHasOriginals, exportToast } from './features/bundles/exportBundle';
import { ExportDialog } from './features/bundles/ExportDialog';
import { CaseView } from './features/case/CaseView';
import { anyUnsaved, flushAll, openSession } from './lib/caseSession';
import { LockScreen } from './features/lock/LockScreen';
import { PassphraseChangedPrompt } from './features/lock/PassphraseChangedPrompt';
import { PLAIN_FOLDER, useIdleLock, useLockNow, useVault, VaultContext } from './features/lock/vault';
import { CaseList, initialListUi, type ListUiState } from './features/list/CaseList';
import { NewCaseDialog } from './features/newCase/NewCaseDialog';
import { AboutDialog, QuarantineList, TamperedList, UnconfirmedSaves, type Info } from './features/settings/AboutDialog';
import { SettingsView } from './features/settings/SettingsView';
import { TrashView } from './features/trash/TrashView';
import { AgendaNotice } from './features/agenda/AgendaNotice';
import { AgendaView } from './features/agenda/AgendaView';
import { ConflictsNav } from './features/conflicts/ConflictsNav';
import { ConflictsView } from './features/conflicts/ConflictsView';
import { PeopleView } from './features/people/PeopleView';
import { ActorPage } from './features/people/ActorPage';
import { LinkRefused } from './features/session/LinkRefused';
import { SyncIndicator } from './features/team/SyncIndicator';
import { OpenProgress } from './features/openProgress/OpenProgress';
import { isReloading, takeReloadNotice } from './lib/reload';
import { useCasesChanged } from './lib/events';
import { navigate, routeHref, useRoute, type Route } from './lib/router';
import { useErrorText } from './lib/errors';
import type { VaultStatus } from '../shared/model';
import './styles/base.css';

// ECharts and the region map load only when the Statistics view is first opened.
const StatisticsView = lazy(() => import('./features/statistics/StatisticsView').then((m) => ({ default: m.StatisticsView })));

export function App() {
  return (
    <ToastProvider>
      <VaultGate />
    </ToastProvider>
  );
}

/**
 * Asks first whether the data folder is encrypted and locked. While it is, only the lock
 * screen is mounted: nothing of the app asks for case data before the passphrase opens it.
 */
function VaultGate() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [refused, setRefused] = useState<Exclude<Handover, 'ready'> | null>(null);
  useEffect(() => {
    let live = true;
    void handover().then((state) => {
      if (state !== 'ready') return live && setRefused(state);
      void api['vault.status']({}).then((r) => {
        // A failed answer (the server gone, an older one) is not a lock: the app says what went wrong itself.
        if (live) setStatus(r.ok ? r.value : PLAIN_FOLDER);
      });
    });
    return () => {
      live = false;
    };
  }, []);
  const vault = useMemo(() => (status ? { status, setStatus } : null), [status]);
  if (refused) return <LinkRefused why={refused} />;
  if (!vault) return <p className="page-loading">{t('common.loading')}</p>;
  if (vault.status.locked) return <LockScreen onUnlocked={setStatus} changedElsewhere={vault.status.passphraseChanged === true} />;
  return (
    <VaultContext.Provider value={vault}>
      <Shell />
    </VaultContext.Provider>
  );
}

type DialogName = 'new' | 'import' | 'about' | null;

function Shell() {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const toast = useToast();
  const route = useRoute();
  const [dialog, setDialog] = useState<DialogName>(null);
  const [listVersion, bumpList] = useReducer((n: number) => n + 1, 0);
  const [listUi, setListUiState] = useState<ListUiState>(initialListUi);
  const setListUi = useCallback((update: (ui: ListUiState) => ListUiState) => setListUiState(update), []);
  const filterRef = useRef<HTMLInputElement>(null);
  const [info, setInfo] = useState<Info | null>(null);
  const [givenBundle, setGivenBundle] = useState<File | null>(null);
  const onChanged = useCallback(() => bumpList(), []);
  // Saves from anywhere (another window, the command line's server, an import) refresh the list and the agenda.
  useCasesChanged(onChanged);
  const { status: vault } = useVault();
  const lockNow = useLockNow();
  useIdleLock(vault.encrypted);

  // Cases that failed to load are moved aside; say so at once, not only in the About box.
  const refreshInfo = useCallback(() => {
    void api['app.info']({}).then((r) => {
      if (r.ok) setInfo(r.value);
    });
  }, []);
  // Again after every change: a save the disk would not confirm must be seen at once.
  useEffect(() => refreshInfo(), [refreshInfo, listVersion]);

  // What the page before a reload had to say (a restore from a backup).
  useEffect(() => {
    const notice = takeReloadNotice();
    if (notice) toast({ kind: notice.kind, message: notice.message, timeoutMs: 12_000 });
  }, [toast]);

  // Never lose typed text: warn before the page goes while anything is unsaved.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      // Reloading to the lock screen: the folder is locked, nothing more can be saved.
      if (isReloading() || !anyUnsaved()) return;
      flushAll(); // if the user stays, the save completes
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  // An encrypted folder asks first (seal, or say what a plain file would hold); so does an export carrying originals (include them or not).
  const [exporting, setExporting] = useState<{ ids: string[] | undefined } | null>(null);
  const exportBundle = useCallback(
    async (ids?: string[]) => {
      if (vault.encrypted || (await exportHasOriginals(ids))) return setExporting({ ids });
      const result = await exportCases(ids);
      const n = ids?.length ?? t('bundle.allCases');
      const message = exportToast(t, errorOf, result, n);
      if (message) toast(message);
    },
    [t, errorOf, toast, vault.encrypted],
  );

  const focusFilter = useCallback(() => {
    if (route.name !== 'list') navigate({ name: 'list' });
    // The list may need a frame to mount after navigating.
    const tryFocus = (attempts: number) => {
      if (filterRef.current) {
        filterRef.current.focus();
        filterRef.current.select();
      } else if (attempts > 0) requestAnimationFrame(() => tryFocus(attempts - 1));
    };
    tryFocus(10);
  }, [route.name]);

  // A dialog's native close event lands a task after Escape; a menu command may already have
  // asked for another dialog by then (not yet rendered), so close only the one that is shown.
  const closeDialog = useCallback((name: Exclude<DialogName, null>) => setDialog((d) => (d === name ? null : d)), []);

  const runCommand = useCallback(
    (cmd: ShellCommand) => {
      switch (cmd) {
        case 'new-case':
          setDialog('new');
          break;
        case 'import':
          setDialog('import');
          break;
        case 'export':
          void exportBundle(listUi.selected.size > 0 ? [...listUi.selected] : undefined);
          break;
        case 'about':
          setDialog('about');
          break;
        case 'settings':
          navigate({ name: 'settings' });
          break;
        case 'lock':
          if (vault.encrypted) void lockNow();
          break;
      }
    },
    [exportBundle, listUi.selected, vault.encrypted, lockNow],
  );

  // Bundles the desktop app was asked to open (a double-clicked .casefile.json): each opens the import dialog, checked like any other.
  useEffect(() => {
    const shell = window.casefileShell;
    if (!shell) return;
    const take = () =>
      void shell.takeOpenedBundle().then((bundle) => {
        if (!bundle) return;
        if ('error' in bundle) {
          toast({ kind: 'error', message: t('bundle.openFailed', { name: bundle.name, message: bundle.error }) });
          return;
        }
        setGivenBundle(new File([bundle.text], bundle.name, { type: 'application/json' }));
        setDialog('import');
      });
    take();
    return shell.onBundleOpened(take);
  }, [t, toast]);

  // The Electron menu's commands (absent in browser mode).
  const commandRef = useLatest(runCommand);
  useEffect(() => {
    const off = window.casefileShell?.onCommand((cmd) => commandRef.current(cmd));
    return typeof off === 'function' ? off : undefined;
  }, [commandRef]);

  // A layout effect: the shortcuts work from the moment the window shows, not a frame later.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'n' && !e.shiftKey) {
        e.preventDefault();
        if (dialog === null) setDialog('new');
      } else if (key === 'f' && !e.shiftKey) {
        if (dialog !== null) return;
        e.preventDefault();
        focusFilter();
      } else if (key === 'l' && !e.shiftKey) {
        if (!vault.encrypted) return;
        e.preventDefault();
        void lockNow();
      } else if (key === 's') {
        e.preventDefault();
        if (route.name === 'case') void openSession(route.id).then((r) => (r.ok ? r.value.flush() : undefined));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, focusFilter, route, vault.encrypted, lockNow]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="brand-name">Casefile</span>
        </div>
        <nav className="app-nav" aria-label={t('nav.main')}>
          <NavLink route={{ name: 'list' }} current={route} label={t('nav.cases')} />
          <NavLink route={{ name: 'agenda' }} current={route} label={t('agenda.nav')} />
          <NavLink route={{ name: 'statistics' }} current={route} label={t('statistics.nav')} />
          <NavLink route={{ name: 'people' }} current={route} label={t('people.nav')} />
          <NavLink route={{ name: 'trash' }} current={route} label={t('nav.trash')} />
          <NavLink route={{ name: 'settings' }} current={route} label={t('nav.settings')} />
          <ConflictsNav current={route} version={listVersion} />
        </nav>
        <span className="spacer" />
        <OpenProgress />
        <SyncIndicator />
        <div className="app-actions">
          <button type="button" className="btn btn-primary" onClick={() => setDialog('new')} title={t('nav.newCaseShortcut')}>
            {t('nav.newCase')}
          </button>
          <button type="button" className="btn btn-header" onClick={() => setDialog('import')}>
            {t('nav.import')}
          </button>
          <button type="button" className="btn btn-header" onClick={() => void exportBundle()}>
            {t('nav.exportAll')}
          </button>
          <button type="button" className="btn btn-header" onClick={() => setDialog('about')}>
            {t('nav.about')}
          </button>
          {vault.encrypted && (
            <button type="button" className="btn btn-header" onClick={() => void lockNow()} title={t('lock.lockHint')} aria-keyshortcuts="Control+L Meta+L">
              {t('lock.lockNow')}
            </button>
          )}
        </div>
      </header>
      {info && (info.quarantined.length > 0 || info.tampered.length > 0) && (
        <div className="app-banner">
          <QuarantineList info={info} />
          <TamperedList info={info} />
          <UnconfirmedSaves info={info} />
        </div>
      )}
      <AgendaNotice version={listVersion} hidden={route.name === 'agenda'} />
      <main id="main" className="app-main" tabIndex={-1}>
        {route.name === 'list' && (
          <CaseList
            ui={listUi}
            setUi={setListUi}
            filterRef={filterRef}
            version={listVersion}
            onNewCase={() => setDialog('new')}
            onImport={() => setDialog('import')}
            onExport={(ids) => void exportBundle(ids)}
          />
        )}
        {route.name === 'case' && <CaseView key={route.id} id={route.id} onChanged={onChanged} />}
        {route.name === 'trash' && <TrashView onChanged={onChanged} />}
        {route.name === 'agenda' && <AgendaView version={listVersion} onChanged={onChanged} />}
        {route.name === 'conflicts' && <ConflictsView onChanged={onChanged} />}
        {route.name === 'statistics' && (
          <Suspense fallback={<p className="page-loading">{t('common.loading')}</p>}>
            <StatisticsView filters={listUi.filters} setFilters={(patch) => setListUi((u) => ({ ...u, filters: { ...u.filters, ...patch } }))} version={listVersion} />
          </Suspense>
        )}
        {route.name === 'people' && <PeopleView />}
        {route.name === 'actor' && <ActorPage key={route.key} actorKey={route.key} />}
        {route.name === 'settings' && (
          <SettingsView onAbout={() => setDialog('about')} section={route.section} info={info} onInfoChanged={refreshInfo} onChanged={onChanged} />
        )}
      </main>
      <NewCaseDialog open={dialog === 'new'} onClose={() => closeDialog('new')} onCreated={onChanged} />
      <ImportDialog
        open={dialog === 'import'}
        onClose={() => {
          setGivenBundle(null);
          closeDialog('import');
        }}
        onImported={onChanged}
        givenFile={givenBundle}
      />
      <AboutDialog open={dialog === 'about'} onClose={() => closeDialog('about')} />
      {exporting && <ExportDialog ids={exporting.ids} onClose={() => setExporting(null)} />}
      <PassphraseChangedPrompt />
    </div>
  );
}

function NavLink({ route, current, label }: { route: Route; current: Route; label: string }) {
  const active = route.name === current.name || (route.name === 'list' && current.name === 'case') || (route.name === 'people' && current.name === 'actor');
  return (
    <a className={`nav-link${active ? ' is-active' : ''}`} href={routeHref(route)} aria-current={route.name === current.name ? 'page' : undefined}>
      {label}
    </a>
  );
}
