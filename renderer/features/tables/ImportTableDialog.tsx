import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { fileToBase64 } from '../../lib/fileBase64';
import { useErrorText } from '../../lib/errors';
import type { DuplicateChoice, TableImportReport, TableMapping, TablePreview } from '../../../shared/tables';
import { MappingTable } from './MappingTable';
import { PreviewPanel } from './PreviewPanel';

/** What the services accept (shared/tables.ts, TableUpload); larger is refused before it is sent. */
const MAX_TABLE_BYTES = 64 * 1024 * 1024;

type Upload = { fileName: string; dataBase64: string };
type Props = { open: boolean; onClose: () => void; onImported: () => void };

/**
 * Import from a spreadsheet: the file, its sheet, the mapping (suggested, saved or the
 * user's), the preview of the first cases with every refused cell and every duplicate,
 * then Import — all or nothing, stoppable until it writes.
 */
export function ImportTableDialog({ open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const ids = { file: useId(), sheet: useId() };
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<TablePreview | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [choices, setChoices] = useState<Map<number, DuplicateChoice>>(new Map());
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<TableImportReport | null>(null);
  const [step, setStep] = useState<{ done: number; total: number } | null>(null);
  const stopping = useRef<AbortController | null>(null);

  const reset = () => {
    setUpload(null);
    setPreview(null);
    setSheet(undefined);
    setChoices(new Map());
    setError(null);
    setReport(null);
    setBusy(null);
  };
  const close = () => {
    stopping.current?.abort();
    reset();
    onClose();
  };

  const read = async (file: Upload, options: { sheet?: string | undefined; mapping?: TableMapping }) => {
    setBusy('reading');
    setError(null);
    setReport(null);
    const r = await api['tables.preview']({ file, ...(options.sheet ? { sheet: options.sheet } : {}), ...(options.mapping ? { mapping: options.mapping } : {}) });
    setBusy(null);
    if (!r.ok) {
      setPreview(null);
      setError(errorOf(r.error));
      return;
    }
    setPreview(r.value);
    setSheet(r.value.sheet);
  };

  const choose = async (file: File | null) => {
    reset();
    if (!file) return;
    if (file.size > MAX_TABLE_BYTES) return setError(t('tables.tooLarge'));
    const next = { fileName: file.name, dataBase64: await fileToBase64(file) };
    setUpload(next);
    await read(next, {});
  };

  const run = async () => {
    if (!upload || !preview) return;
    setBusy('importing');
    setError(null);
    const stop = new AbortController();
    stopping.current = stop;
    const r = await api['tables.import'](
      { file: upload, sheet: preview.sheet, mapping: preview.mapping, duplicates: [...choices].map(([row, choice]) => ({ row, choice })), onDuplicate: 'skip' },
      { signal: stop.signal, onProgress: (p) => setStep(p) },
    );
    stopping.current = null;
    setStep(null);
    setBusy(null);
    if (!r.ok) return setError(r.error.code === 'cancelled' ? t('tables.stopped') : errorOf(r.error));
    setReport(r.value);
    setPreview(null);
    onImported();
  };

  const stored = report?.results.filter((r) => r.action !== 'skipped').length ?? 0;
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('tables.importTitle')}
      wide
      footer={
        <>
          <button type="button" className="btn btn-primary" disabled={!preview || busy !== null || preview.refused.length > 0 || preview.cases === 0} onClick={() => void run()}>
            {busy === 'importing' ? t('tables.importing') : t('tables.import')}
          </button>
          <button type="button" className="btn" onClick={() => (stopping.current ? stopping.current.abort() : close())}>
            {report ? t('common.close') : t('common.cancel')}
          </button>
        </>
      }
    >
      <p className="dialog-intro">{t('tables.importIntro')}</p>
      <div className="field">
        <label className="field-label" htmlFor={ids.file}>
          {t('tables.file')}
        </label>
        <input id={ids.file} type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy !== null} onChange={(e) => void choose(e.target.files?.[0] ?? null)} />
      </div>
      {busy && (
        <p role="status" aria-busy="true">
          {busy === 'reading' ? t('tables.reading') : t('tables.importing')}
          {busy === 'importing' && step && <progress className="tables-progress" max={step.total} value={step.done} aria-label={t('tables.progress')} />}
        </p>
      )}
      {error && (
        <div className="import-result import-refused" role="alert">
          <p>{error}</p>
        </div>
      )}
      {preview && upload && preview.sheets.length > 1 && (
        <div className="field">
          <label className="field-label" htmlFor={ids.sheet}>
            {t('tables.sheet')}
          </label>
          <select id={ids.sheet} value={sheet} disabled={busy !== null} onChange={(e) => void read(upload, { sheet: e.target.value })}>
            {preview.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.hidden ? t('tables.hiddenSheet', { name: s.name }) : s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {preview && upload && (
        <>
          <MappingTable preview={preview} mapping={preview.mapping} disabled={busy !== null} onChange={(mapping) => void read(upload, { sheet: preview.sheet, mapping })} />
          <PreviewPanel preview={preview} choices={choices} disabled={busy !== null} onChoose={(row, choice) => setChoices((m) => new Map(m).set(row, choice))} />
        </>
      )}
      {report && (
        <div className="import-result import-done" role="status">
          <p className="import-headline">{t('tables.imported', { n: stored })}</p>
          <ul>
            {report.results.map((r) => (
              <li key={r.row}>
                {r.id ? (
                  <a href={`#/case/${r.id}`} onClick={close}>
                    {r.title}
                  </a>
                ) : (
                  r.title
                )}{' '}
                — {t(`tables.action.${r.action}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
