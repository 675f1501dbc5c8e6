import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../components/Toasts';
import { api } from '../../api';
import type { ImportReport, OnConflict } from '../../../shared/contract';
import { isCapNote, leftOut } from '../../../shared/issueCap';
import { fileToBase64 } from '../../lib/fileBase64';
import { Dialog } from '../../components/Dialog';
import { enumLabel } from '../../lib/enumLabels';
import { bundleFaults } from './importIssues';
import { useErrorText } from '../../lib/errors';

type Outcome =
  | { kind: 'refused'; reason: string; faults: string[]; more: number }
  | { kind: 'done'; report: ImportReport };

const CHOICES: OnConflict[] = ['fail', 'newer', 'keep-both'];

/** What the services accept (shared/contract.ts, bundle.import's `file`); larger is refused before it is read. */
const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

type Props = {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
  /** A bundle the app was asked to open (the desktop shell's file association), chosen for the user. */
  givenFile?: File | null;
};

export function ImportDialog({ open, onClose, onImported, givenFile = null }: Props) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [onConflict, setOnConflict] = useState<OnConflict>('fail');
  const [busy, setBusy] = useState(false);
  /** Aborts the import on its way: the core stops before it writes anything. */
  const stopping = useRef<AbortController | null>(null);
  const toast = useToast();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A sealed bundle asks for its passphrase once the services say it is sealed with one (issue 18).
  const [passphrase, setPassphrase] = useState<string | null>(null);
  // A bundle the shell hands over replaces whatever was chosen, and its outcome starts afresh.
  const [taken, setTaken] = useState<File | null>(null);
  if (givenFile && givenFile !== taken) {
    setTaken(givenFile);
    setFile(givenFile);
    setOutcome(null);
  }

  const close = () => {
    setFile(null);
    setPassphrase(null);
    setOutcome(null);
    setBusy(false);
    onClose();
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    if (file.size > MAX_BUNDLE_BYTES) {
      setBusy(false);
      setOutcome({ kind: 'refused', reason: t('bundle.tooLarge'), faults: [], more: 0 });
      return;
    }
    let dataBase64: string;
    try {
      dataBase64 = await fileToBase64(file);
    } catch {
      setBusy(false);
      setOutcome({ kind: 'refused', reason: t('bundle.unreadable'), faults: [], more: 0 });
      return;
    }
    // The bytes go as they are: the services decode, parse and check them in a worker, with limits.
    const stop = new AbortController();
    stopping.current = stop;
    const given = passphrase ? { passphrase } : {};
    const result = await api['bundle.import']({ file: { fileName: file.name, dataBase64 }, onConflict, ...given }, { signal: stop.signal });
    stopping.current = null;
    setBusy(false);
    if (!result.ok && result.error.code === 'cancelled') {
      toast({ kind: 'info', message: t('events16.importStopped') });
      return;
    }
    if (result.ok) {
      setOutcome({ kind: 'done', report: result.value });
      onImported();
      return;
    }
    const issues = result.error.issues ?? [];
    if (issues.some((issue) => issue.path[0] === 'passphrase')) {
      setOutcome({ kind: 'refused', reason: t(passphrase ? 'sealed.wrongPassphrase' : 'sealed.needPassphrase'), faults: [], more: 0 });
      setPassphrase((p) => p ?? '');
      return;
    }
    const faults = bundleFaults(issues.filter((issue) => !isCapNote(issue)));
    const more = leftOut(issues);
    const reason =
      result.error.code === 'conflict' ? t('bundle.conflictRefused') : result.error.code === 'bad_input' && issues.length > 0 ? t('bundle.invalidRefused') : errorOf(result.error);
    setOutcome({ kind: 'refused', reason, faults, more });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('bundle.importTitle')}
      wide
      footer={
        <>
          <button type="button" className="btn btn-primary" disabled={!file || busy} onClick={() => void run()}>
            {busy ? t('bundle.importing') : t('bundle.importAction')}
          </button>
          {/* While the import runs, Cancel stops it (nothing is stored) and the dialog stays open. */}
          <button type="button" className="btn" onClick={() => (stopping.current ? stopping.current.abort() : close())}>
            {outcome?.kind === 'done' ? t('common.close') : t('common.cancel')}
          </button>
        </>
      }
    >
      <p className="dialog-intro">{t('bundle.importIntro')}</p>
      <div className="field">
        <label className="field-label" htmlFor={fileId}>
          {t('bundle.file')}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".json,.zip,.age,application/json,application/zip"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPassphrase(null);
            setOutcome(null);
          }}
        />
        {file && file === givenFile && <p className="field-hint">{t('bundle.givenFile', { name: file.name })}</p>}
      </div>
      {passphrase !== null && (
        <div className="field">
          <label className="field-label" htmlFor={`${fileId}-pass`}>
            {t('sealed.importPassphrase')}
          </label>
          <input id={`${fileId}-pass`} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </div>
      )}
      <fieldset className="field radio-group">
        <legend className="field-label">{t('bundle.onConflict')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice} className="radio">
            <input type="radio" name="onConflict" value={choice} checked={onConflict === choice} onChange={() => setOnConflict(choice)} />
            <span>
              <strong>{enumLabel(t, 'onConflict', choice)}</strong> — {enumLabel(t, 'onConflictHint', choice)}
            </span>
          </label>
        ))}
      </fieldset>
      {outcome?.kind === 'refused' && (
        <div className="import-result import-refused" role="alert">
          <p className="import-headline">{t('bundle.nothingStored')}</p>
          <p>{outcome.reason}</p>
          {outcome.faults.length > 0 && (
            <>
              <p>{t('bundle.faultCount', { n: outcome.faults.length + outcome.more })}</p>
              <ul className="fault-list">
                {outcome.faults.map((f, i) => (
                  <li key={i}>
                    <code>{f}</code>
                  </li>
                ))}
              </ul>
              {outcome.more > 0 && <p>{t('bundle.moreFaults', { shown: outcome.faults.length, n: outcome.more })}</p>}
            </>
          )}
        </div>
      )}
      {outcome?.kind === 'done' && (
        <div className="import-result import-done" role="status">
          <p className="import-headline">{t('bundle.imported', { n: outcome.report.results.length })}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('bundle.caseTitle')}</th>
                <th scope="col">{t('bundle.action')}</th>
                <th scope="col">{t('bundle.note')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.report.results.map((r) => (
                <tr key={`${r.index}-${r.id}`}>
                  <td>{r.index + 1}</td>
                  <td>
                    <a href={`#/case/${r.id}`} onClick={close}>
                      {r.title}
                    </a>
                  </td>
                  <td>{enumLabel(t, 'importAction', r.action)}</td>
                  <td>{r.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
