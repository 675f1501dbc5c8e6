import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import { ConfidentialBadge } from '../../components/ConfidentialBadge';
import { openSource } from './readerStore';

type Props = {
  caseId: string;
  sources: readonly Source[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
};

/** The sources a timeline event cites: a checkbox per source of the case, and a jump to each cited one. */
export function SourceCitations({ caseId, sources, value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const toggle = (sourceId: string, on: boolean) => {
    const set = new Set(value);
    if (on) set.add(sourceId);
    else set.delete(sourceId);
    // Keep the case's order of sources.
    onChange(sources.map((s) => s.id).filter((x) => set.has(x)));
  };
  return (
    <fieldset className="field field-wide source-citations" aria-describedby={sources.length === 0 ? `${id}-none` : undefined}>
      <legend className="field-label">{t('sources.cite.legend')}</legend>
      {sources.length === 0 ? (
        <p className="field-hint" id={`${id}-none`}>
          {t('sources.cite.none')}
        </p>
      ) : (
        <ul className="citation-list">
          {sources.map((s) => {
            const cited = value.includes(s.id);
            return (
              <li key={s.id} className={cited ? 'is-cited' : undefined}>
                <label className="checkbox">
                  <input type="checkbox" checked={cited} onChange={(e) => toggle(s.id, e.target.checked)} />
                  <span dir="auto">{s.title}</span>
                </label>
                {s.confidential && <ConfidentialBadge />}
                {cited && (
                  <button
                    type="button"
                    className="btn-link citation-open"
                    onClick={() => {
                      openSource(caseId, s.id);
                    }}
                    aria-label={t('sources.cite.openNamed', { title: s.title })}
                  >
                    {t('sources.cite.open')} →
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
