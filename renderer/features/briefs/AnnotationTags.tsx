import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../shared/model';
import type { BriefMode } from '../../../shared/model/brief';
import type { TagCount } from './briefModel';

type Props = {
  c: CaseFile;
  mode: BriefMode;
  tagCounts: readonly TagCount[];
  chosen: ReadonlySet<string>;
  onToggle: (tag: string) => void;
  disabled: boolean;
  quotes: boolean;
  counts: { printed: number; leftOut: number };
};

/** Which annotations the brief quotes, by tag, and how many it cannot quote (their passage changed). */
export function AnnotationTags({ c, mode, tagCounts, chosen, onToggle, disabled, quotes, counts }: Props) {
  const { t } = useTranslation();
  const hintId = useId();
  const leftOut = quotes ? counts.leftOut : 0;
  return (
    <fieldset className="brief-group" aria-describedby={hintId}>
      <legend className="field-label">{t('briefs.annotations')}</legend>
      {tagCounts.length === 0 ? (
        <p className="field-hint" id={hintId}>
          {c.annotations.length === 0 ? t('briefs.annotationsNone') : t('briefs.annotationsUntagged', { n: c.annotations.length })}
        </p>
      ) : (
        <>
          <div className="brief-tags">
            {tagCounts.map((tc) => (
              <label key={tc.tag} className="checkbox brief-tag">
                <input type="checkbox" checked={chosen.has(tc.tag)} disabled={disabled} onChange={() => onToggle(tc.tag)} />
                <span>
                  {tc.tag} <span className="muted">({tc.total})</span>
                  {tc.confidential > 0 && <span className="brief-tag-conf"> · {t('briefs.tagConfidential', { n: tc.confidential })}</span>}
                </span>
              </label>
            ))}
          </div>
          <p className="field-hint" id={hintId}>
            {quotes ? t('briefs.annotationsPrinted', { n: counts.printed, total: c.annotations.length }) : t('briefs.annotationsNotInTemplate')}{' '}
            {mode !== 'internal' ? t('briefs.annotationsPublicHint') : ''} {t('briefs.annotationsUntaggedHint')}
          </p>
        </>
      )}
      {leftOut > 0 && (
        <p className="brief-left-out" role="note">
          <span aria-hidden="true">⚠ </span>
          {t('briefs.annotationsLeftOut', { n: leftOut })}
        </p>
      )}
    </fieldset>
  );
}
