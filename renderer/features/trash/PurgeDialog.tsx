import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Progress, TrashEntry } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';

// "Delete permanently…" from the Trash (trash.purge): says what goes and, as plainly,
// what may still hold copies — the snapshots (with the choice to clear them too),
// copies on other drives, a team's other computers, the disk itself — and asks the
// user to type a word before anything is deleted. Stop cancels the snapshot pass,
// which leaves each snapshot whole, old or new.

export type PurgeOutcome = { message: string; kind: 'success' | 'info' };

export function PurgeDialog({ entry, onClose, onPurged }: { entry: TrashEntry | null; onClose: () => void; onPurged: (outcome: PurgeOutcome) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorOf = useErrorText();
  const ids = { word: useId(), snapshots: useId(), hint: useId() };
  const [typed, setTyped] = useState('');
  const [alsoSnapshots, setAlsoSnapshots] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const stopping = useRef<AbortController | null>(null);
  const { value: snapshots } = useOperation(() => api['backups.list']({}), []);
  const count = snapshots?.length ?? 0;
  const word = t('purge.confirmWord');
  const confirmed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();

  const close = () => {
    if (busy) return;
    setTyped('');
    setAlsoSnapshots(false);
    setFailure(null);
    onClose();
  };

  const purge = async () => {
    if (!entry || !confirmed || busy) return;
    setBusy(true);
    setFailure(null);
    setProgress(null);
    const stop = new AbortController();
    stopping.current = stop;
    const r = await api['trash.purge']({ id: entry.id, ...(alsoSnapshots ? { snapshots: true } : {}) }, { onProgress: setProgress, signal: stop.signal });
    stopping.current = null;
    setBusy(false);
    if (!r.ok) {
      setFailure(t('purge.failed', { message: errorOf(r.error) }));
      return;
    }
    const s = r.value.snapshots;
    const title = entry.title;
    let outcome: PurgeOutcome;
    if (s?.cancelled) outcome = { kind: 'info', message: t('purge.stopped', { title, left: format.number(r.value.snapshotsUntouched), id: entry.id }) };
    else if (s) outcome = { kind: 'success', message: t('purge.doneSnapshots', { title, rewritten: format.number(s.rewritten) }) };
    else outcome = { kind: 'success', message: [t('purge.done', { title }), r.value.snapshotsUntouched > 0 ? t('purge.keptSnapshots', { n: format.number(r.value.snapshotsUntouched) }) : ''].filter(Boolean).join(' ') };
    setTyped('');
    setAlsoSnapshots(false);
    onPurged(outcome);
  };

  return (
    <Dialog
      open={entry !== null}
      onClose={close}
      title={entry ? t('purge.title', { title: entry.title }) : ''}
      footer={
        <>
          <button type="button" className="btn btn-danger" disabled={!confirmed || busy} aria-busy={busy || undefined} onClick={() => void purge()}>
            {busy ? t('purge.deleting') : t('purge.confirm')}
          </button>
          {busy ? (
            <button type="button" className="btn" onClick={() => stopping.current?.abort()}>
              {t('purge.stop')}
            </button>
          ) : (
            <button type="button" className="btn" onClick={close}>
              {t('common.cancel')}
            </button>
          )}
        </>
      }
    >
      <p className="dialog-intro">{t('purge.what')}</p>
      <h3 className="purge-remain-title">{t('purge.remainTitle')}</h3>
      <ul className="purge-remain" data-testid="purge-remain">
        <li>{count > 0 ? t('purge.remainSnapshots', { n: format.number(count) }) : t('purge.remainNoSnapshots')}</li>
        <li>{t('purge.remainDrives')}</li>
        <li>{t('purge.remainTeam')}</li>
        <li>{t('purge.remainDisk')}</li>
      </ul>
      {count > 0 && (
        <label className="checkbox" htmlFor={ids.snapshots}>
          <input id={ids.snapshots} type="checkbox" checked={alsoSnapshots} disabled={busy} onChange={(e) => setAlsoSnapshots(e.target.checked)} />
          <span>{t('purge.alsoSnapshots', { n: format.number(count) })}</span>
        </label>
      )}
      <div className="field">
        <label className="field-label" htmlFor={ids.word}>
          {t('purge.confirmLabel', { word })}
        </label>
        <input
          id={ids.word}
          type="text"
          value={typed}
          disabled={busy}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void purge();
          }}
        />
      </div>
      <div role="status" aria-live="polite" className="backups-busy">
        {busy && progress && (
          <>
            <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={t('purge.deleting')} />{' '}
            <span>{t('purge.progress', { done: format.number(progress.done), total: format.number(progress.total) })}</span>
          </>
        )}
      </div>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
