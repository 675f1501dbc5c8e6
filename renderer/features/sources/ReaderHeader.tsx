import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import { ConfidentialBadge } from '../../components/ConfidentialBadge';
import { useToast } from '../../components/Toasts';
import { enumLabel } from '../../lib/enumLabels';

/**
 * The head of the reading view: the source's title (focused when the reader opens, through
 * `headingRef`), what it is, where it came from, the fingerprint to copy, and the actions.
 */
export function ReaderHeader({ source, headingRef, onEditSource, onClose }: { source: Source; headingRef: RefObject<HTMLHeadingElement | null>; onEditSource: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const copySha = () => {
    void navigator.clipboard
      ?.writeText(source.sha256)
      .then(() => toast({ kind: 'success', message: t('sources.sha.copied') }))
      .catch(() => toast({ kind: 'error', message: t('sources.sha.copyFailed') }));
  };

  const meta = [enumLabel(t, 'source', source.kind), source.publisher, source.publishedOn, source.language].filter(Boolean).join(' · ');

  return (
    <header className="reader-header">
      <div className="reader-heading">
        <p className="reader-kicker">{t('sources.reader.kicker')}</p>
        <h3 id="reader-title" ref={headingRef} tabIndex={-1} dir="auto">
          {source.title}
        </h3>
        <p className="reader-meta">
          {meta}
          {source.confidential && (
            <>
              {' '}
              <ConfidentialBadge />
            </>
          )}
        </p>
        {source.url && (
          <p className="reader-meta reader-url">
            <span className="visually-hidden">{t('sources.field.url')}: </span>
            <code className="break">{source.url}</code>
          </p>
        )}
        <p className="reader-meta">
          <span>{t('sources.sha.label')}</span> <code title={source.sha256}>{source.sha256.slice(0, 12)}</code>{' '}
          <button type="button" className="btn-link" onClick={copySha} aria-label={t('sources.sha.copyLabel')}>
            {t('sources.sha.copy')}
          </button>
        </p>
      </div>
      <div className="reader-actions">
        <button type="button" className="btn btn-small" onClick={onEditSource}>
          {t('sources.reader.editSource')}
        </button>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('sources.reader.close')}
        </button>
      </div>
    </header>
  );
}
