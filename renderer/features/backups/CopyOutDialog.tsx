import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { CopyOutReport, Progress } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useFormat } from '../../i18n/format';
import { backupErrorText } from './backupErrors';

// A backup that outlives the disk: a snapshot taken now and copied, with an
// encrypted folder's key file, to a folder the user names (a USB drive). In the
// desktop app the folder comes from the system's folder picker only (the main process
// refuses any other); in browser mode the user types its full path (the server runs
// on this same computer).

type Outcome = { kind: 'done'; report: CopyOutReport } | { kind: 'failed'; text: string };

export function CopyOutDialog({ open, onClose, onCopied }: { open: boolean; onClose: () => void; onCopied: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = { dir: useId(), hint: useId() };
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const shell = window.casefileShell;

  const close = () => {
    if (busy) return;
    setOutcome(null);
    onClose();
  };

  const choose = async () => {
    const picked = await shell?.chooseFolder();
    if (picked) setDir(picked);
  };

  const copy = async () => {
    const target = dir.trim();
    if (!target || busy) return;
    setBusy(true);
    setOutcome(null);
    setProgress(null);
    const r = await api['backups.copyOut']({ dir: target }, { onProgress: setProgress });
    setBusy(false);
    if (r.ok) {
      setOutcome({ kind: 'done', report: r.value });
      onCopied(); // a snapshot was taken for the copy
    } else {
      setOutcome({ kind: 'failed', text: backupErrorText(t, 'copy', r.error) });
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('backups.copyOut.title')}
      footer={
        <>
          <button type="button" className="btn btn-primary" disabled={busy || dir.trim() === ''} aria-busy={busy || undefined} onClick={() => void copy()}>
            {busy ? t('backups.copyOut.copying') : t('backups.copyOut.copy')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={close}>
            {outcome?.kind === 'done' ? t('common.close') : t('common.cancel')}
          </button>
        </>
      }
    >
      <p className="dialog-intro">{t('backups.copyOut.intro')}</p>
      <div className="field">
        <label className="field-label" htmlFor={ids.dir}>
          {t('backups.copyOut.folder')}
        </label>
        <div className="copy-out-folder">
          <input
            id={ids.dir}
            type="text"
            value={dir}
            disabled={busy}
            readOnly={!!shell}
            spellCheck={false}
            aria-describedby={ids.hint}
            placeholder={t('backups.copyOut.placeholder')}
            onChange={(e) => setDir(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void copy();
            }}
          />
          {shell && (
            <button type="button" className="btn" disabled={busy} onClick={() => void choose()}>
              {t('backups.copyOut.choose')}
            </button>
          )}
        </div>
        <p id={ids.hint} className="field-hint">
          {t('backups.copyOut.hint')}
        </p>
      </div>
      <div role="status" aria-live="polite" className="backups-busy">
        {busy && progress && (
          <>
            <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={t('backups.copyOut.copying')} />{' '}
            <span>{t('backups.progress', { done: format.number(progress.done), total: format.number(progress.total) })}</span>
          </>
        )}
        {outcome?.kind === 'done' && (
          <div className="copy-out-done">
            <p>
              <strong>{t('backups.copyOut.done')}</strong> <code className="break">{outcome.report.folder}</code>
            </p>
            <p className="muted">{t('backups.copyOut.files', { files: outcome.report.files.join(', ') })}</p>
            <p className={outcome.report.encrypted ? 'brief-warning' : 'muted'}>
              {outcome.report.encrypted ? t('backups.copyOut.encryptedNote') : t('backups.copyOut.plainNote')}
            </p>
          </div>
        )}
      </div>
      {outcome?.kind === 'failed' && (
        <p className="field-error" role="alert">
          {outcome.text}
        </p>
      )}
    </Dialog>
  );
}
