import { useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Progress } from '../../../shared/contract';
import type { SnapshotInfo } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { useFormat, type Format } from '../../i18n/format';
import { reloadApp } from '../../lib/reload';
import { flushAllAndWait } from '../../lib/caseSession';
import type { Info } from '../settings/AboutDialog';
import { useOperation } from '../../lib/useOperation';
import { backupErrorText } from './backupErrors';
import { CopyOutDialog } from './CopyOutDialog';
import { REASON_KEYS, sizeParts, sortSnapshots } from './backupsModel';
import './backups.css';

// Settings → Backups: the snapshots of the data folder (taken at start, daily, before
// any change to the whole folder, and on request), a restore of one of them, and the
// recovery of a damaged (quarantined) case file from the newest backup that holds it.

/** The translate function where the key is built from parts (checked by the locale tests). */
type T = (key: string, options?: Record<string, unknown>) => string;

function sizeText(t: unknown, format: Format, bytes: number): string {
  const { value, unit } = sizeParts(bytes);
  return (t as T)(`backups.size.${unit}`, { n: format.number(value) });
}

export function BackupsSection({
  info,
  onInfoChanged,
  onChanged,
  headingRef,
}: {
  info: Info | null;
  onInfoChanged: () => void;
  onChanged: () => void;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { value: listed, error, refresh: load } = useOperation(() => api['backups.list']({}), []);
  const snapshots = useMemo(() => listed && sortSnapshots(listed), [listed]);
  const [creating, setCreating] = useState(false);
  const [createProgress, setCreateProgress] = useState<Progress | null>(null);
  /** Aborts the backup on its way: the core removes its partial file. */
  const stopping = useRef<AbortController | null>(null);
  const [copying, setCopying] = useState(false);
  const [restoring, setRestoring] = useState<SnapshotInfo | null>(null);
  const tt = t as unknown as T;

  const backUpNow = async () => {
    setCreating(true);
    await flushAllAndWait();
    setCreateProgress(null);
    const stop = new AbortController();
    stopping.current = stop;
    const r = await api['backups.create']({}, { onProgress: setCreateProgress, signal: stop.signal });
    stopping.current = null;
    setCreating(false);
    if (!r.ok && r.error.code === 'cancelled') {
      toast({ kind: 'info', message: t('events16.backupStopped') });
    } else if (r.ok) {
      // Listed afresh: taking one may have rotated older ones out.
      await load();
      toast({ kind: 'success', message: t('backups.created', { cases: r.value.cases, size: sizeText(t, format, r.value.bytes) }) });
    } else {
      toast({ kind: 'error', message: t('backups.createFailed', { message: backupErrorText(t, 'create', r.error) }) });
    }
  };

  return (
    <section className="card backups-card" id="settings-backups" aria-labelledby="settings-backups-title">
      <h2 className="card-title" id="settings-backups-title" ref={headingRef} tabIndex={-1}>
        {t('backups.title')}
      </h2>
      <p className="muted backups-intro">{t('backups.intro')}</p>
      <p className="muted backups-intro">{t('backups.offsite')}</p>
      <div className="backups-actions">
        <button type="button" className="btn btn-primary" disabled={creating} aria-busy={creating || undefined} onClick={() => void backUpNow()}>
          {creating ? t('backups.creating') : t('backups.create')}
        </button>
        {creating && (
          <button type="button" className="btn" onClick={() => stopping.current?.abort()}>
            {t('common.cancel')}
          </button>
        )}
        <button type="button" className="btn" disabled={creating} onClick={() => setCopying(true)}>
          {t('backups.copyOut.open')}
        </button>
        <span role="status" aria-live="polite" className="backups-busy">
          {creating && createProgress && <FilesProgress progress={createProgress} label={t('backups.creating')} />}
        </span>
      </div>
      {snapshots !== null && (
        <p className="muted backups-newest" data-testid="backups-newest">
          {snapshots[0]
            ? t('snapshotsDay.newest', { when: format.dateTime(snapshots[0].createdAt), reason: tt(REASON_KEYS[snapshots[0].reason]) })
            : t('snapshotsDay.none')}
        </p>
      )}
      <CopyOutDialog open={copying} onClose={() => setCopying(false)} onCopied={() => void load()} />
      {error && (
        <p className="field-error" role="alert">
          {t('backups.loadFailed', { message: backupErrorText(t, 'list', error) })}{' '}
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            {t('save.retry')}
          </button>
        </p>
      )}
      {snapshots === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : snapshots.length === 0 ? (
        <p className="empty-note">{t('backups.empty')}</p>
      ) : (
        <div className="backups-table-wrap">
          <table className="data-table backups-table" aria-label={t('backups.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('backups.col.when')}</th>
                <th scope="col">{t('backups.col.why')}</th>
                <th scope="col" className="num">
                  {t('backups.col.cases')}
                </th>
                <th scope="col" className="num">
                  {t('backups.col.size')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('backups.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.name}>
                  <td>
                    <time dateTime={s.createdAt}>{format.dateTime(s.createdAt)}</time>
                  </td>
                  <td>
                    {tt(REASON_KEYS[s.reason]) || s.reason}
                    {s.problem !== undefined && (
                      <>
                        {' '}
                        <span className="backups-broken" title={s.problem}>
                          {t('backups.damagedSnapshot')}
                        </span>
                      </>
                    )}
                  </td>
                  <td className="num">{s.trashed > 0 ? t('backups.casesWithTrash', { cases: s.cases, trashed: s.trashed }) : s.cases}</td>
                  <td className="num">{sizeText(t, format, s.bytes)}</td>
                  <td className="cell-actions">
                    {s.problem !== undefined ? (
                      // A damaged snapshot cannot be restored: say why instead of offering it.
                      <span className="muted backups-broken-why">{t('backups.damagedSnapshotWhy', { problem: s.problem })}</span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-haspopup="dialog"
                        aria-label={t('backups.restoreNamed', { date: format.dateTime(s.createdAt) })}
                        onClick={() => setRestoring(s)}
                      >
                        {t('backups.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DamagedFiles
        info={info}
        snapshots={snapshots}
        onRecovered={() => {
          onInfoChanged();
          onChanged();
        }}
      />
      <RestoreDialog snapshot={restoring} onClose={() => setRestoring(null)} />
    </section>
  );
}

/** How far a snapshot or a restore has got, in files. */
function FilesProgress({ progress, label }: { progress: Progress; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={label} />{' '}
      <span>{t('backups.progress', { done: format.number(progress.done), total: format.number(progress.total) })}</span>
    </>
  );
}

function RestoreDialog({ snapshot, onClose }: { snapshot: SnapshotInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // Keep the last one shown while the dialog closes.
  const [shown, setShown] = useState<SnapshotInfo | null>(snapshot);
  if (snapshot && snapshot !== shown) {
    setShown(snapshot);
    setFailed(null);
  }
  const s = snapshot ?? shown;
  const date = s ? format.dateTime(s.createdAt) : '';

  const restore = async () => {
    if (!s || busy) return;
    setBusy(true);
    setFailed(null);
    await flushAllAndWait();
    setProgress(null);
    const r = await api['backups.restore']({ name: s.name }, { onProgress: setProgress });
    if (r.ok) {
      // Every case this page holds may have changed: read it all again.
      reloadApp({
        kind: 'success',
        message: t('backups.restored', { date: format.dateTime(r.value.restored.createdAt), safety: format.dateTime(r.value.safetySnapshot.createdAt) }),
      });
      return;
    }
    setBusy(false);
    const text = backupErrorText(t, 'restore', r.error);
    setFailed(text);
    toast({ kind: 'error', message: t('backups.restoreFailed', { message: text }) });
  };

  return (
    <Dialog
      open={snapshot !== null}
      onClose={() => {
        if (!busy) onClose();
      }}
      title={t('backups.restoreTitle')}
      footer={
        <>
          <button type="button" className="btn" data-autofocus disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} aria-busy={busy || undefined} onClick={() => void restore()}>
            {busy ? t('backups.restoring') : t('backups.restoreConfirm')}
          </button>
        </>
      }
    >
      {s && (
        <>
          <p className="dialog-intro">{t('backups.restoreText', { date, cases: s.cases })}</p>
          <p>{t('backups.restoreSafety')}</p>
          <p className="muted">{t('backups.restoreReload')}</p>
          <div role="status" aria-live="polite" className="backups-busy">
            {busy &&
              (progress ? (
                <FilesProgress progress={progress} label={t('backups.restoring')} />
              ) : (
                <>
                  <progress aria-label={t('backups.restoring')} /> <span>{t('backups.restoring')}</span>
                </>
              ))}
          </div>
          {failed && (
            <p className="field-error" role="alert">
              {failed}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

function DamagedFiles({ info, snapshots, onRecovered }: { info: Info | null; snapshots: SnapshotInfo[] | null; onRecovered: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const [busyFile, setBusyFile] = useState<string | null>(null);
  const files = info?.quarantined ?? [];

  const recover = async (file: string) => {
    setBusyFile(file);
    const r = await api['backups.recover']({ file });
    setBusyFile(null);
    if (r.ok) {
      const from = snapshots?.find((s) => s.name === r.value.snapshot);
      toast({
        kind: 'success',
        message: t('backups.recovered', { title: r.value.title, rev: r.value.rev, snapshot: from ? format.dateTime(from.createdAt) : r.value.snapshot }),
      });
      onRecovered();
    } else {
      toast({ kind: 'error', message: t('backups.recoverFailed', { file, message: backupErrorText(t, 'recover', r.error) }) });
    }
  };

  return (
    <div className="backups-damaged">
      <h3 className="backups-subtitle">{t('backups.damagedTitle')}</h3>
      {files.length === 0 ? (
        <p className="empty-note">{t('backups.damagedNone')}</p>
      ) : (
        <>
          <p className="muted">{t('backups.damagedText')}</p>
          <ul className="backups-damaged-list">
            {files.map((q) => (
              <li key={q.file}>
                <div className="backups-damaged-file">
                  <code className="break">{q.file}</code>
                  <span className="muted">{q.reason}</span>
                </div>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busyFile !== null}
                  aria-busy={busyFile === q.file || undefined}
                  aria-label={t('backups.recoverNamed', { file: q.file })}
                  onClick={() => void recover(q.file)}
                >
                  {busyFile === q.file ? t('backups.recovering') : t('backups.recover')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
