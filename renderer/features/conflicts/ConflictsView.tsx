import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ConflictDetail, ConflictKeep, ConflictSummary } from '../../../shared/conflicts';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../lib/errors';
import { useConflictsChanged } from '../../lib/events';
import { useOperation } from '../../lib/useOperation';
import { fieldLabel, shownValue, sideValue } from './conflictFields';
import './conflicts.css';

// Syncthing's conflict copies, one at a time: both versions side by side, field by
// field, and the four ways to settle it. The service keeps the version not chosen in
// the case's history and removes the copy only once the choice is saved.

export function ConflictsView({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const { value: list, error, refresh } = useOperation(() => api['conflicts.list']({}), []);
  useConflictsChanged(() => void refresh());
  const [open, setOpen] = useState<string | null>(null);
  const shown = list?.find((c) => c.file === open) ?? null;

  return (
    <div className="page conflicts-page">
      <header className="page-header">
        <h1>{t('conflicts.title')}</h1>
        <p className="muted">{t('conflicts.intro')}</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {t('conflicts.loadFailed', { message: errorOf(error) })}
        </div>
      )}
      {list === null ? (
        <p className="page-loading">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="empty-note">{t('conflicts.empty')}</p>
      ) : (
        <ul className="conflicts-list" aria-label={t('conflicts.listLabel')}>
          {list.map((c) => (
            <li key={c.file} className={c.file === open ? 'is-open' : undefined}>
              <ConflictRow conflict={c} />
              <button type="button" className="btn btn-small" aria-expanded={c.file === open} onClick={() => setOpen(c.file === open ? null : c.file)}>
                {t('conflicts.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <ConflictCompare
          key={shown.file}
          conflict={shown}
          onSettled={() => {
            setOpen(null);
            onChanged();
            void refresh();
          }}
        />
      )}
    </div>
  );
}

function ConflictRow({ conflict: c }: { conflict: ConflictSummary }) {
  const { t } = useTranslation();
  return (
    <span className="conflict-row">
      <strong>{t(`conflicts.kind.${c.kind}`)}</strong>
      {c.title !== undefined && <span> {c.title}</span>}
      {c.where === 'trash' && <span className="muted"> ({t('conflicts.inTrash')})</span>}
      {!c.valid && <span className="conflict-invalid"> {t('conflicts.invalid', { problem: c.problem ?? '' })}</span>}
    </span>
  );
}

function SideHeading({ which, side, device }: { which: 'current' | 'copy'; side: ConflictSummary['current']; device?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {which === 'current' ? t('conflicts.current') : t('conflicts.copy', { device: device ?? '?' })}
      {side.rev !== undefined && <span className="muted"> · {t('conflicts.rev', { rev: side.rev })}</span>}
      {side.savedAt && <span className="muted"> · {t('conflicts.savedAt', { date: format.dateTime(side.savedAt) })}</span>}
    </>
  );
}

function ConflictCompare({ conflict, onSettled }: { conflict: ConflictSummary; onSettled: () => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const toast = useToast();
  const { value: detail, error } = useOperation(() => api['conflicts.get']({ file: conflict.file }), [conflict.file]);
  const [picks, setPicks] = useState<Record<string, 'current' | 'copy'>>({});
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setPicks({}), [detail]);

  const settle = async (keep: ConflictKeep) => {
    setBusy(true);
    const title = typeof (detail?.copy as { title?: unknown } | null)?.title === 'string' ? (detail!.copy as { title: string }).title : '';
    const result = await api['conflicts.resolve']({
      file: conflict.file,
      keep,
      ...(keep === 'merge' ? { picks } : {}),
      ...(keep === 'both' ? { copyTitle: t('conflicts.copyTitle', { title, device: conflict.copy.device ?? '?' }).slice(0, 300) } : {}),
      ...(conflict.kind === 'vault' && keep === 'copy' && passphrase ? { passphrase } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      toast({ kind: 'error', message: t('conflicts.failed', { message: errorOf(result.error) }) });
      return;
    }
    toast({ kind: 'success', message: conflict.kind === 'case' ? t('conflicts.settled') : t('conflicts.settledFile') });
    onSettled();
  };

  if (error) return <div className="banner banner-error" role="alert">{t('conflicts.loadFailed', { message: errorOf(error) })}</div>;
  if (!detail) return <p className="page-loading">{t('common.loading')}</p>;
  const isCase = conflict.kind === 'case';
  const canCopy = conflict.valid && conflict.where !== 'trash';
  return (
    <section className="conflict-compare" aria-label={conflict.title ?? t(`conflicts.kind.${conflict.kind}`)}>
      <CompareTable detail={detail} conflict={conflict} picks={picks} setPicks={setPicks} pickable={isCase && canCopy} />
      {conflict.kind === 'vault' && (
        <div className="conflict-vault">
          <p className="muted">{t('conflicts.vaultHint')}</p>
          <label>
            {t('conflicts.vaultPassphrase')}
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
          </label>
        </div>
      )}
      <div className="conflict-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void settle('current')}>
          {t('conflicts.keepCurrent')}
        </button>
        {canCopy && (
          <button type="button" className="btn" disabled={busy} onClick={() => void settle('copy')}>
            {t('conflicts.keepCopy')}
          </button>
        )}
        {isCase && conflict.valid && (
          <button type="button" className="btn" disabled={busy} onClick={() => void settle('both')}>
            {t('conflicts.keepBoth')}
          </button>
        )}
        {isCase && canCopy && detail.changes.length > 0 && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void settle('merge')}>
            {t('conflicts.merge')}
          </button>
        )}
      </div>
    </section>
  );
}

type CompareProps = { detail: ConflictDetail; conflict: ConflictSummary; picks: Record<string, 'current' | 'copy'>; setPicks: (f: (p: Record<string, 'current' | 'copy'>) => Record<string, 'current' | 'copy'>) => void; pickable: boolean };

function CompareTable({ detail, conflict, picks, setPicks, pickable }: CompareProps) {
  const { t } = useTranslation();
  if (detail.changes.length === 0) return <p className="empty-note">{t('conflicts.noChanges')}</p>;
  const cell = (v: unknown) => shownValue(v) ?? <span className="muted">{t('conflicts.noValue')}</span>;
  return (
    <table className="data-table conflict-table">
      <thead>
        <tr>
          <th scope="col">{t('conflicts.field')}</th>
          <th scope="col"><SideHeading which="current" side={conflict.current} /></th>
          <th scope="col"><SideHeading which="copy" side={conflict.copy} device={conflict.copy.device} /></th>
          {pickable && <th scope="col">{t('conflicts.keepColumn')}</th>}
        </tr>
      </thead>
      <tbody>
        {detail.changes.map((ch) => {
          const label = fieldLabel(t, ch.path, detail.current, detail.copy);
          const choice = picks[ch.path] ?? 'current';
          return (
            <tr key={ch.path}>
              <th scope="row">{label}</th>
              <td className={`conflict-value${choice === 'current' ? ' is-chosen' : ''}`}>{cell(sideValue(detail.current, ch.path))}</td>
              <td className={`conflict-value${choice === 'copy' ? ' is-chosen' : ''}`}>{cell(sideValue(detail.copy, ch.path))}</td>
              {pickable && (
                <td>
                  <fieldset className="conflict-pick">
                    <legend className="visually-hidden">{t('conflicts.take', { field: label })}</legend>
                    {(['current', 'copy'] as const).map((side) => (
                      <label key={side}>
                        <input type="radio" name={`pick-${ch.path}`} checked={choice === side} onChange={() => setPicks((p) => ({ ...p, [ch.path]: side }))} />
                        {side === 'current' ? t('conflicts.takeCurrent') : t('conflicts.takeCopy')}
                      </label>
                    ))}
                  </fieldset>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
