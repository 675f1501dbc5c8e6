import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { AuditCause, AuditEntry, CaseFile } from '../../../shared/model';
import { describeHistory } from '../../../shared/history/describe';
import type { HistoryLine } from '../../../shared/history/phrase';
import { lineText } from '../../../shared/history/phraseText';
import { useHistoryWriter } from './describe/useHistoryWriter';
import { useFormat } from '../../i18n/format';
import { Section } from '../../components/Section';
import { CHANGES_VISIBLE, describeChange, HISTORY_VISIBLE, newestFirst, type ChangeView } from './historyModel';
import './history.css';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';
import { useCoreEvent } from '../../lib/events';
import { useCustodyRecorded } from '../../lib/custodyEvents';

// The case's saved changes, newest first, each in sentences (shared/history names
// items as they were at that revision), the log's own record one click away under
// "Show the technical details". It is read again after every save of the case (the
// revision changes), so the edit just made shows at the top.

const CAUSE_KEYS: Record<AuditCause, string> = {
  create: 'history.cause.create',
  update: 'history.cause.update',
  import: 'history.cause.import',
  restore: 'history.cause.restore',
  trash: 'history.cause.trash',
  recover: 'history.cause.recover',
  'backup-restore': 'history.cause.backupRestore',
  migrate: 'history.cause.migrate',
  custody: 'history.cause.custody',
  'sync-conflict': 'history.cause.syncConflict',
};

export function HistorySection({ id, rev }: { id: string; rev: number }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  // The case as it is now: the history is walked back from it to name each item as it was.
  const { value: entries, error, refresh: retry } = useOperation(async () => {
    const [r, current] = await Promise.all([api['cases.history']({ id }), api['cases.get']({ id })]);
    return r.ok ? { ok: true as const, value: described(r.value, current.ok ? current.value : undefined) } : r;
  }, [id, rev]);
  // A custody line (an original taken out) makes no new revision: it is announced instead.
  useCustodyRecorded(id, retry);
  // Another device's saves reach its own history file, which may arrive after the case file.
  useCoreEvent('history.changed', (changed) => {
    if (changed.id === id) void retry();
  });
  const [showAll, setShowAll] = useState(false);

  const shown = entries && !showAll ? entries.slice(0, HISTORY_VISIBLE) : entries;

  return (
    <Section id="history" title={t('history.title')}>
      {error && (
        <p className="field-error" role="alert">
          {t('history.loadFailed', { message: errorOf(error) })}{' '}
          <button type="button" className="btn btn-small" onClick={() => void retry()}>
            {t('save.retry')}
          </button>
        </p>
      )}
      {entries === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty-note">{t('history.empty')}</p>
      ) : (
        <>
          <p className="muted history-intro">{t('history.intro', { n: entries.length })}</p>
          <ol className="history-list" aria-label={t('history.listLabel')}>
            {shown!.map(({ entry, lines }, i) => (
              <HistoryItem key={`${entry.rev}-${entry.at}-${i}`} entry={entry} lines={lines} />
            ))}
          </ol>
          {entries.length > HISTORY_VISIBLE && (
            <button type="button" className="btn btn-small history-more" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
              {showAll ? t('history.showLatest', { n: HISTORY_VISIBLE }) : t('history.showAll', { n: entries.length })}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

/** Each entry with its sentences, newest first. */
function described(log: AuditEntry[], current: CaseFile | undefined): Array<{ entry: AuditEntry; lines: HistoryLine[] }> {
  const lines = describeHistory(log, current);
  return newestFirst(log.map((entry, i) => ({ entry, lines: lines[i] ?? [] })));
}

function HistoryItem({ entry, lines }: { entry: AuditEntry; lines: HistoryLine[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const writer = useHistoryWriter();
  const [allLines, setAllLines] = useState(false);
  const sentences = useMemo(() => lines.map((line) => lineText(line, writer)), [lines, writer]);
  const shown = allLines ? sentences : sentences.slice(0, CHANGES_VISIBLE);
  const changes = entry.changes.map(describeChange);
  const tt = t as unknown as (key: string) => string;
  return (
    <li className="history-entry">
      <div className="history-entry-head">
        <time dateTime={entry.at} className="history-when">
          {format.dateTime(entry.at)}
        </time>
        <span className="history-cause">{tt(CAUSE_KEYS[entry.cause])}</span>
        <span className="muted history-rev">{t('history.rev', { rev: entry.rev })}</span>
        {entry.device && (
          <span className="muted history-device" title={t('historyDevice.title', { name: entry.device.name })}>
            {t('historyDevice.on', { name: entry.device.name })}
          </span>
        )}
        {entry.imported && <span className="badge history-imported">{t('history.imported')}</span>}
      </div>
      {sentences.length > 0 ? (
        <ul className="history-lines" aria-label={t('history.changesLabel')}>
          {shown.map((s, i) => (
            <li key={i} className="history-line">
              {s}
            </li>
          ))}
        </ul>
      ) : (
        changes.length > 0 && <p className="muted history-line">{t('history.nothingVisible')}</p>
      )}
      {sentences.length > CHANGES_VISIBLE && (
        <button type="button" className="btn btn-small" aria-expanded={allLines} onClick={() => setAllLines((v) => !v)}>
          {allLines ? t('history.fewerChanges') : t('history.allChanges', { n: sentences.length })}
        </button>
      )}
      {changes.length > 0 && (
        <details className="history-technical">
          <summary>{t('history.technical')}</summary>
          <ul className="history-changes" aria-label={t('history.technicalLabel')}>
            {changes.map((c, i) => (
              <ChangeLine key={`${c.path}-${i}`} change={c} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function ChangeLine({ change }: { change: ChangeView }) {
  const { t } = useTranslation();
  return (
    <li className={`history-change history-${change.kind}`}>
      <code className="history-path">{change.path}</code>
      {': '}
      {change.kind === 'changed' && (
        <>
          <Value className="history-old" text={change.old} />
          <span className="history-arrow"> → </span>
          <Value className="history-new" text={change.new} />
        </>
      )}
      {change.kind === 'added' && (
        <>
          <span className="history-tag">{t('history.added')}</span> <Value className="history-new" text={change.new} />
        </>
      )}
      {change.kind === 'removed' && (
        <>
          <span className="history-tag">{t('history.removed')}</span> <Value className="history-old" text={change.old} />
        </>
      )}
    </li>
  );
}

/** A value as text; empty text is named, not left as a gap. */
function Value({ text, className }: { text: string; className: string }) {
  const { t } = useTranslation();
  if (text === '') return <span className={`${className} history-empty`}>{t('history.emptyValue')}</span>;
  return <span className={className}>{text}</span>;
}
