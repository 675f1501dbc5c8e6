import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ImportReport, OnConflict } from '../../../shared/contract';
import type { BundleInput } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { enumLabel } from '../case/sections/common';
import { bundleFaults } from './importIssues';
import { useErrorText } from '../../lib/errors';

type Outcome =
  | { kind: 'refused'; reason: string; faults: string[] }
  | { kind: 'done'; report: ImportReport };

const CHOICES: OnConflict[] = ['fail', 'newer', 'keep-both'];

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
  useEffect(() => {
    if (givenFile) {
      setFile(givenFile);
      setOutcome(null);
    }
  }, [givenFile]);
  const [onConflict, setOnConflict] = useState<OnConflict>('fail');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const close = () => {
    setFile(null);
    setOutcome(null);
    setBusy(false);
    onClose();
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      setBusy(false);
      setOutcome({ kind: 'refused', reason: t('bundle.notJson', { message: (err as Error).message }), faults: [] });
      return;
    }
    const result = await api['bundle.import']({ bundle: parsed as BundleInput, onConflict });
    setBusy(false);
    if (result.ok) {
      setOutcome({ kind: 'done', report: result.value });
      onImported();
      return;
    }
    const faults = bundleFaults(result.error.issues ?? []);
    const reason = result.error.code === 'conflict' ? t('bundle.conflictRefused') : result.error.code === 'bad_input' ? t('bundle.invalidRefused') : errorOf(result.error);
    setOutcome({ kind: 'refused', reason, faults });
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
          <button type="button" className="btn" onClick={close}>
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
          accept=".json,application/json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        {file && file === givenFile && <p className="field-hint">{t('bundle.givenFile', { name: file.name })}</p>}
      </div>
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
              <p>{t('bundle.faultCount', { n: outcome.faults.length })}</p>
              <ul className="fault-list">
                {outcome.faults.map((f, i) => (
                  <li key={i}>
                    <code>{f}</code>
                  </li>
                ))}
              </ul>
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
