import { useTranslation } from 'react-i18next';
import { api, isElectron } from '../../api';
import type { AppInfo } from '../../../shared/contract';
import type { z } from 'zod';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';

export type Info = z.infer<typeof AppInfo>;

export function QuarantineList({ info }: { info: Info }) {
  const { t } = useTranslation();
  if (info.quarantined.length === 0) return null;
  return (
    <div className="banner banner-error quarantine" role="alert">
      <p className="banner-title">{t('about.quarantinedTitle', { n: info.quarantined.length })}</p>
      <p>{t('about.quarantinedText')}</p>
      <ul>
        {info.quarantined.map((q) => (
          <li key={q.file}>
            <code>{q.file}</code> — {q.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What the store's open found changed outside the app (audit/tamper): a case put
 * back to an older version, deleted, or altered, with the last good version. An
 * error banner: unlike a crash, nothing the app did explains it.
 */
export function TamperedList({ info }: { info: Info }) {
  const { t } = useTranslation();
  if (info.tampered.length === 0) return null;
  return (
    <div className="banner banner-error tampered" role="alert">
      <p className="banner-title">{t('about.tamperedTitle', { n: info.tampered.length })}</p>
      <p>{t('about.tamperedText')}</p>
      <ul>
        {info.tampered.map((f) => (
          <li key={`${f.file}/${f.verdict}/${f.message}`}>
            <strong>{t(`about.verdict.${f.verdict}`)}</strong>: <code>{f.file}</code>
            {f.lastGoodRev !== undefined && <> — {t('about.tamperedLastGood', { rev: f.lastGoodRev })}</>}
            {f.snapshot && <>, {t('about.tamperedSnapshot', { name: f.snapshot })}</>}
            <br />
            <small>{f.message}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Saves the disk did not confirm: the case is saved, but may not survive a power cut until saved again. */
export function UnconfirmedSaves({ info }: { info: Info }) {
  const { t } = useTranslation();
  if (info.unconfirmedSaves.length === 0) return null;
  return (
    <div className="banner banner-warning unconfirmed-saves" role="alert">
      <p className="banner-title">{t('about.unconfirmedTitle', { n: info.unconfirmedSaves.length })}</p>
      <p>{t('about.unconfirmedText')}</p>
      <ul>
        {info.unconfirmedSaves.map((u) => (
          <li key={`${u.id}/${u.rev}`}>
            <a href={`#/case/${u.id}`}>
              <code>{u.file}</code>
            </a>{' '}
            — {t('about.unconfirmedRev', { rev: u.rev })} ({u.reason})
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  // Read each time the dialog opens: the counts and the quarantine change while it is closed.
  const { value: info, error } = useOperation(() => api['app.info']({}), [open], { enabled: open });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('about.title')}
      footer={
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      {error && <p className="field-error">{errorOf(error)}</p>}
      {info && (
        <>
          <QuarantineList info={info} />
          <TamperedList info={info} />
          <UnconfirmedSaves info={info} />
          <dl className="about-list">
            <dt>{t('about.version')}</dt>
            <dd>
              {info.name} {info.version}
            </dd>
            <dt>{t('about.mode')}</dt>
            <dd>{isElectron ? t('about.modeDesktop') : t('about.modeBrowser')}</dd>
            <dt>{t('about.dataDir')}</dt>
            <dd>
              <code className="break">{info.dataDir}</code>
            </dd>
            <dt>{t('about.cases')}</dt>
            <dd>{t('about.caseCounts', { cases: info.caseCount, trash: info.trashCount })}</dd>
            <dt>{t('about.schema')}</dt>
            <dd>{info.schemaVersion}</dd>
            <dt>{t('about.quarantined')}</dt>
            <dd>{info.quarantined.length === 0 ? t('about.noneQuarantined') : info.quarantined.length}</dd>
          </dl>
        </>
      )}
    </Dialog>
  );
}
