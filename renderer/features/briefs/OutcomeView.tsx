import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatPath, type ApiError } from '../../../shared/errors';
import type { RenderedBrief } from '../../../shared/contract';
import type { BriefLang, BriefMode } from '../../../shared/model/brief';
import { useFormat } from '../../i18n/format';
import type { Delivery } from '../../lib/download';
import { useErrorText } from '../../lib/errors';
import { LANG_NAMES, templateName } from './briefNames';
import { OriginalsSent } from './OriginalsChoice';

export type Outcome =
  | { kind: 'done'; brief: RenderedBrief; mode: BriefMode; lang: BriefLang; delivery: Delivery }
  | { kind: 'refused'; error: ApiError; mode: BriefMode }
  | { kind: 'failed'; error: ApiError }
  /** The case view could not save first, or the dialog's own fields were not saved. */
  | { kind: 'unsaved'; message?: string };

/** What became of the last request: the file made (and where it went), or why none was. */
export function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  switch (outcome.kind) {
    case 'done':
      return <Done outcome={outcome} />;
    case 'refused': {
      const issues = outcome.error.issues ?? [];
      return (
        <div className="brief-outcome brief-refused" role="alert">
          <p className="brief-headline">{outcome.mode === 'submission' ? t('briefs14.refusedSubmission') : t('briefs.refused.title')}</p>
          <p>{t('briefs.refused.intro', { n: issues.length })}</p>
          <ul className="brief-issues">
            {issues.map((issue, i) => {
              const where = whereLabel(t, issue.path);
              return (
                <li key={i}>
                  {where && <strong className="brief-issue-where">{where}</strong>}
                  <code className="brief-issue-path">{formatPath(issue.path)}</code>
                  <span className="brief-issue-message">{issue.message}</span>
                </li>
              );
            })}
          </ul>
          <p className="brief-advice">{t('briefs.refused.advice')}</p>
          <details className="brief-details">
            <summary>{t('briefs.refused.fullMessage')}</summary>
            <p>{outcome.error.message}</p>
          </details>
        </div>
      );
    }
    case 'failed':
      return (
        <div className="brief-outcome brief-refused" role="alert">
          <p className="brief-headline">{t('briefs.failed.title')}</p>
          <p>{errorOf(outcome.error)}</p>
          {(outcome.error.issues ?? []).length > 0 && (
            <ul className="brief-issues">
              {outcome.error.issues!.map((issue, i) => (
                <li key={i}>
                  <code className="brief-issue-path">{formatPath(issue.path)}</code>
                  <span className="brief-issue-message">{issue.message}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'unsaved':
      return (
        <div className="brief-outcome brief-refused" role="alert">
          <p className="brief-headline">{t('briefs.failed.title')}</p>
          <p>{outcome.message ?? t('briefs.unsaved')}</p>
        </div>
      );
  }
}

function Done({ outcome }: { outcome: Extract<Outcome, { kind: 'done' }> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { brief, mode, lang } = outcome;
  const checked = mode === 'submission' ? t('briefs14.done.checkedSubmission') : brief.format === 'docx' ? t('briefs14.done.checkedDocx') : t('briefs.done.checked');
  return (
    <div className={`brief-outcome brief-done${mode === 'internal' ? ' is-internal' : ''}`} role="status">
      <p className="brief-headline">{t(`briefs14.done.title.${brief.format}`)}</p>
      <dl className="brief-facts">
        <dt>{t('briefs.done.file')}</dt>
        <dd className="break">{brief.fileName}</dd>
        <dt>{t('briefs.done.template')}</dt>
        <dd>{templateName(t, brief.template)}</dd>
        <dt>{t('briefs.done.pages')}</dt>
        <dd>{format.number(brief.pages)}</dd>
        <dt>{t('briefs.done.size')}</dt>
        <dd>{t('briefs.done.kb', { n: format.number(Math.max(1, Math.round(brief.bytes / 1024))) })}</dd>
        <dt>{t('briefs.done.lang')}</dt>
        <dd>{LANG_NAMES[lang]}</dd>
        <dt>{t('briefs.done.mode')}</dt>
        <dd>{mode === 'public' ? t('briefs.done.modePublic') : mode === 'submission' ? t('briefs14.done.modeSubmission') : t('briefs.done.modeInternal')}</dd>
        <dt>{t('briefs14.done.format')}</dt>
        <dd>{t(`briefs14.format.${brief.format}.name`)}</dd>
      </dl>
      {mode === 'internal' ? (
        <p className="brief-warning">
          <span aria-hidden="true">⚠ </span>
          {t('briefs.done.internalWarning')}
        </p>
      ) : (
        <p className="brief-check">
          <span aria-hidden="true">✓ </span>
          {checked}
        </p>
      )}
      {brief.annotationsLeftOut > 0 && (
        <p className="brief-left-out">
          <span aria-hidden="true">⚠ </span>
          {t('briefs.annotationsLeftOut', { n: brief.annotationsLeftOut })}
        </p>
      )}
      <OriginalsSent brief={brief} />
      <DeliveryLine delivery={outcome.delivery} docx={brief.format === 'docx'} />
    </div>
  );
}

/** Where the file went: saved where the user chose, handed to the browser, or not saved (and why). */
function DeliveryLine({ delivery, docx }: { delivery: Delivery; docx: boolean }) {
  const { t } = useTranslation();
  switch (delivery.kind) {
    case 'saved':
      return <p className="brief-saved break">{t('briefs.done.savedTo', { path: delivery.path })}</p>;
    case 'downloaded':
      return <p className="muted">{docx ? t('briefs14.done.downloadedDocx') : t('briefs.done.downloaded')}</p>;
    case 'cancelled':
      return <p className="brief-warning">{t('briefs.done.notSaved')}</p>;
    case 'failed':
      return (
        <p className="brief-warning" role="alert">
          {t('briefs.done.saveFailed', { message: delivery.error })}
        </p>
      );
  }
}

/** The confidential field an issue names, in the interface's words (the service's message is in English). */
function whereLabel(t: TFunction, path: readonly (string | number)[]): string | null {
  const rest = (path[0] === 'cases' || path[0] === 'related') && typeof path[1] === 'number' ? path.slice(2) : path;
  const n = typeof rest[1] === 'number' ? rest[1] + 1 : 0;
  if (rest[0] === 'lawyer') return t('briefs.where.lawyer');
  if (rest[0] === 'person' && rest[1] === 'contact') return t('briefs.where.contact');
  if (rest[0] === 'events' && n) return t('briefs.where.event', { n });
  if (rest[0] === 'sources' && n) return t('briefs.where.source', { n });
  if (rest[0] === 'annotations' && n) return t('briefs.where.annotation', { n });
  return null;
}
