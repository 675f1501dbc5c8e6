import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../shared/model';
import type { BriefLang } from '../../../shared/model/brief';
import { newId } from '../../lib/ids';
import { useErrorText } from '../../lib/errors';
import { suggestedRequests } from '../../lib/suggestRequests';
import { nameInLanguage, withRequests } from './briefing';
import type { SaveCase } from './saveCase';

type Props = {
  c: CaseFile;
  /** The brief's language: the suggestions are written in it, with the name in its script. */
  lang: BriefLang;
  save: SaveCase;
  disabled: boolean;
  /** True while suggestions are open and not saved: the dialog does not render then. */
  onPendingChange: (pending: boolean) => void;
  pendingId: string;
};

/**
 * Briefs print the case's own requests and never write any: a case without them is
 * offered suggestions computed from its facts, which the advocate edits here and saves
 * to the case before anything is rendered.
 */
export function SuggestedRequests({ c, lang, save, disabled, onPendingChange, pendingId }: Props) {
  const { t, i18n } = useTranslation();
  const errorOf = useErrorText();
  const headingId = useId();
  const [drafts, setDrafts] = useState<string[] | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => onPendingChange(drafts !== null), [drafts, onPendingChange]);

  if (c.requests.length > 0 && drafts === null) {
    return saved !== null ? (
      <p className="brief-check brief-requests-saved" role="status">
        <span aria-hidden="true">✓ </span>
        {t('briefs14.requests.saved', { n: saved })}
      </p>
    ) : null;
  }

  const open = () => {
    const texts = suggestedRequests(i18n.getFixedT(lang), c, nameInLanguage(c, lang));
    setDrafts(texts.length ? texts : ['']);
    setError(null);
    requestAnimationFrame(() => document.getElementById(`${headingId}-0`)?.focus());
  };

  const commit = async () => {
    if (!drafts) return;
    const texts = drafts.filter((d) => d.trim() !== '');
    if (texts.length === 0) {
      setError(t('briefs14.requests.blank'));
      return;
    }
    setSaving(true);
    setError(null);
    const result = await save((d) => withRequests(d, texts, newId));
    setSaving(false);
    if (!result.ok) {
      setError(t('briefs14.requests.saveFailed', { message: result.error ? errorOf(result.error) : '' }));
      return;
    }
    setSaved(texts.length);
    setDrafts(null);
  };

  if (drafts === null) {
    return (
      <div className="brief-group brief-no-requests" role="note">
        <p className="field-hint">{t('briefs14.requests.none')}</p>
        <button type="button" className="btn" disabled={disabled} onClick={open}>
          {t('briefs14.requests.suggest')}
        </button>
      </div>
    );
  }

  const lock = disabled || saving;
  return (
    <section className="brief-group brief-suggestions" aria-labelledby={headingId}>
      <h3 id={headingId} className="field-label">
        {t('briefs14.requests.title')}
      </h3>
      <p className="field-hint">{drafts.some((d) => d !== '') ? t('briefs14.requests.hint') : t('briefs14.requests.noneFit')}</p>
      <ol className="brief-suggestion-list">
        {drafts.map((text, i) => (
          <li key={i} className="field">
            <label className="field-label" htmlFor={`${headingId}-${i}`}>
              {t('briefs14.requests.label', { n: i + 1 })}
            </label>
            <div className="brief-suggestion-row">
              <textarea
                id={`${headingId}-${i}`}
                rows={2}
                lang={lang}
                value={text}
                maxLength={2000}
                disabled={lock}
                onChange={(e) => setDrafts((all) => all && all.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button type="button" className="btn btn-small" disabled={lock} onClick={() => setDrafts((all) => all && all.filter((_, j) => j !== i))}>
                {t('briefs14.requests.remove', { n: i + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="brief-inline">
        <button type="button" className="btn" disabled={lock} onClick={() => setDrafts((all) => [...(all ?? []), ''])}>
          {t('briefs14.requests.add')}
        </button>
        <button type="button" className="btn btn-primary" disabled={lock} onClick={() => void commit()}>
          {t('briefs14.requests.save')}
        </button>
        <button type="button" className="btn" disabled={lock} onClick={() => setDrafts(null)}>
          {t('briefs14.requests.discard')}
        </button>
      </div>
      <p id={pendingId} className="field-hint">
        {t('briefs14.requests.pending')}
      </p>
      {error && (
        <p className="brief-warning" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
