import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BriefOriginals, type BriefFormat } from '../../../shared/model/brief';
import type { RenderedBrief } from '../../../shared/contract';

// What the brief does with the original files behind its sources: the annex lists them
// always; the select chooses whether they also go, attached to the PDF or in one ZIP with
// the brief. Word cannot hold attachments, so a Word brief offers the ZIP only.

type Props = { value: BriefOriginals; onChange: (v: BriefOriginals) => void; format: BriefFormat; disabled: boolean };

/** What the choice becomes when the file type changes: attachments need a PDF, so Word takes the ZIP instead. */
export function originalsFor(value: BriefOriginals, format: BriefFormat): BriefOriginals {
  return value === 'attach' && format === 'docx' ? 'zip' : value;
}

export function OriginalsChoice({ value, onChange, format, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="brief-group">
      <label className="field-label" htmlFor={`${id}-originals`}>
        {t('briefOriginals.label')}
      </label>
      <select id={`${id}-originals`} aria-describedby={`${id}-originals-hint`} value={value} disabled={disabled} onChange={(e) => onChange(BriefOriginals.parse(e.target.value))}>
        {BriefOriginals.options.map((o) => (
          <option key={o} value={o} disabled={o === 'attach' && format === 'docx'}>
            {t(`briefOriginals.options.${o}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-originals-hint`} className="field-hint">
        {format === 'docx' ? t('briefOriginals.hintDocx') : t('briefOriginals.hint')}
      </p>
    </div>
  );
}

/** The outcome's lines about the originals that went: how many, and any photo that keeps its location. */
export function OriginalsSent({ brief }: { brief: RenderedBrief }) {
  const { t } = useTranslation();
  if (brief.originalsSent === undefined && !brief.warnings?.length) return null;
  return (
    <>
      {brief.originalsSent !== undefined && <p className="brief-check">{t('briefOriginals.sent', { count: brief.originalsSent })}</p>}
      {brief.warnings?.map((w) => (
        <p key={w} className="brief-warning">
          <span aria-hidden="true">⚠ </span>
          {w}
        </p>
      ))}
    </>
  );
}
