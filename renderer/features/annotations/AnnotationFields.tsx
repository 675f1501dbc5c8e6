import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTags } from '../../lib/annotationTags';

/** `publicComment` absent: the form does not offer the choice (the comment stays a working note). */
export type AnnotationForm = { body: string; tags: string; confidential: boolean; publicComment?: boolean };

type Props = {
  value: AnnotationForm;
  onChange: (value: AnnotationForm) => void;
  /** Tags already used in the case, offered as one-click additions. */
  knownTags: readonly string[];
  bodyLabel: string;
  autoFocus?: boolean;
  compact?: boolean;
};

/** Comment, tags and the confidential mark: the same fields for a highlight and a note. */
export function AnnotationFields({ value, onChange, knownTags, bodyLabel, autoFocus, compact }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const current = parseTags(value.tags);
  const offered = knownTags.filter((tag) => !current.includes(tag)).slice(0, 12);
  return (
    <div className={`ann-fields${compact ? ' is-compact' : ''}`}>
      <div className="field field-wide">
        <label className="field-label" htmlFor={`${id}-body`}>
          {bodyLabel}
        </label>
        <textarea
          id={`${id}-body`}
          dir="auto"
          rows={compact ? 3 : 5}
          value={value.body}
          autoFocus={autoFocus}
          data-autofocus={autoFocus ? true : undefined}
          onChange={(e) => onChange({ ...value, body: e.target.value })}
        />
      </div>
      <div className="field field-wide">
        <label className="field-label" htmlFor={`${id}-tags`}>
          {t('sources.annotation.tags')}
        </label>
        <input
          id={`${id}-tags`}
          type="text"
          value={value.tags}
          placeholder={t('sources.annotation.tagsPlaceholder')}
          aria-describedby={`${id}-tags-hint`}
          onChange={(e) => onChange({ ...value, tags: e.target.value })}
        />
        <p className="field-hint" id={`${id}-tags-hint`}>
          {t('sources.annotation.tagsHint')}
        </p>
        {offered.length > 0 && (
          <div className="tag-offers" role="group" aria-label={t('sources.annotation.knownTags')}>
            {offered.map((tag) => (
              <button
                key={tag}
                type="button"
                className="tag-chip tag-chip-button"
                aria-label={t('sources.annotation.addTag', { tag })}
                onClick={() => onChange({ ...value, tags: [...current, tag].join(', ') })}
              >
                + {tag}
              </button>
            ))}
          </div>
        )}
      </div>
      {value.publicComment !== undefined && (
        // The legend names what the box is about; the box's own name stays short (and
        // does not contain "Comment", the label of the text above).
        <fieldset className="field field-wide public-comment-choice">
          <legend className="field-label">{t('parts.annotation.publicLegend')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={value.publicComment}
              aria-describedby={`${id}-public-hint`}
              onChange={(e) => onChange({ ...value, publicComment: e.target.checked })}
            />
            <span>{t('parts.annotation.publicComment')}</span>
          </label>
          <p className="field-hint" id={`${id}-public-hint`}>
            {value.publicComment ? t('parts.annotation.publicHintOn') : t('parts.annotation.publicHintOff')}
          </p>
        </fieldset>
      )}
      <label className="checkbox confidential-toggle">
        <input type="checkbox" checked={value.confidential} onChange={(e) => onChange({ ...value, confidential: e.target.checked })} />
        <span>{t('confidential.toggle')}</span>
      </label>
    </div>
  );
}
