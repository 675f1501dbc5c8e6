import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { AuditCustody, Source } from '../../../shared/model';
import { useFormat } from '../../i18n/format';
import { announceCustody } from '../../lib/custodyEvents';
import { downloadBlob } from '../../lib/download';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';
import './custody.css';
import { base64ToBytes } from '../../lib/fileBase64';

// A source's chain of custody, under its details: every time its original left
// Casefile (when, who, where to), read from the case's history, and "Save original…",
// which takes it out and so adds a line. The desktop app asks its own Save dialog for
// the path (the shell refuses any other); browser mode hands the bytes to the browser.

type Status = { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string } | null;


export function CustodyTrail({ caseId, rev, source }: { caseId: string; rev: number; source: Source & { file: NonNullable<Source['file']> } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorOf = useErrorText();
  const [status, setStatus] = useState<Status>(null);
  const [saves, setSaves] = useState(0);
  const { value: trail, error } = useOperation(async () => {
    const r = await api['cases.history']({ id: caseId });
    return r.ok ? { ok: true as const, value: r.value.filter((e) => e.custody?.sourceId === source.id).reverse() } : r;
  }, [caseId, rev, source.id, saves]);

  const who = (c: AuditCustody) => (c.byFrom === 'os' ? t('custody.systemUser', { name: c.by }) : c.by);

  const save = async () => {
    const shell = window.casefileShell;
    let to: string | undefined;
    if (shell) {
      const picked = await shell.chooseOriginalPath(source.file.name);
      if (picked === null) return; // cancelled
      to = picked;
    }
    setStatus({ kind: 'busy' });
    // The dialog already asked before replacing a file; browser mode names no path.
    const r = await api['sources.exportOriginal']({ caseId, sourceId: source.id, ...(to !== undefined ? { to, overwrite: true } : {}) });
    if (!r.ok) {
      setStatus({ kind: 'failed', text: t('custody.failed', { message: errorOf(r.error) }) });
      return;
    }
    if ('path' in r.value) setStatus({ kind: 'done', text: t('custody.savedTo', { path: r.value.path }) });
    else {
      downloadBlob(r.value.name, base64ToBytes(r.value.dataBase64), r.value.mediaType);
      setStatus({ kind: 'done', text: t('custody.downloadedAs', { name: r.value.name }) });
    }
    setSaves((n) => n + 1);
    announceCustody(caseId);
  };

  return (
    <section className="custody-trail" aria-labelledby={`custody-${source.id}`}>
      <div className="custody-head">
        <h4 id={`custody-${source.id}`}>{t('custody.trail.title')}</h4>
        <button type="button" className="btn btn-small" onClick={() => void save()} disabled={status?.kind === 'busy'}>
          {t('custody.save')}
        </button>
      </div>
      {status && (
        <p className={status.kind === 'failed' ? 'field-error' : 'muted'} role={status.kind === 'failed' ? 'alert' : 'status'}>
          {status.kind === 'busy' ? t('custody.saving') : status.text}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t('custody.trail.loadFailed', { message: errorOf(error) })}
        </p>
      )}
      {trail !== null &&
        (trail.length === 0 ? (
          <p className="muted">{t('custody.trail.empty')}</p>
        ) : (
          <ol className="custody-list" aria-label={t('custody.trail.listLabel')}>
            {trail.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={e.at}>{format.dateTime(e.at)}</time> · <span dir="auto">{who(e.custody!)}</span> ·{' '}
                {e.custody!.action === 'briefed' && e.custody!.to !== undefined ? (
                  <span className="break">{t('custody.trail.briefed', { to: e.custody!.to })}</span>
                ) : e.custody!.action === 'saved' && e.custody!.to !== undefined ? (
                  <span className="break">{t('custody.trail.savedTo', { to: e.custody!.to })}</span>
                ) : (
                  <span>{t('custody.trail.downloaded')}</span>
                )}
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
