import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../shared/model';
import type { BriefMode } from '../../../shared/model/brief';
import { confidentialParts } from './briefModel';

/**
 * What of this case the chosen mode leaves out (public: all of it; submission: what is
 * marked confidential and the working notes) or shows (internal).
 */
export function ConfidentialLine({ c, mode }: { c: CaseFile; mode: BriefMode }) {
  const { t } = useTranslation();
  const parts = confidentialParts(c);
  // A submission carries who submits and for whom (MODEL.md, Confidentiality): those parts are not "left out".
  const carried = mode === 'submission';
  const items = [
    parts.contact && !carried ? t('briefs.parts.contact') : '',
    parts.lawyer && !carried ? t('briefs.parts.lawyer') : '',
    parts.events ? t('briefs.parts.events', { n: parts.events }) : '',
    parts.sources ? t('briefs.parts.sources', { n: parts.sources }) : '',
    parts.annotations ? t('briefs.parts.annotations', { n: parts.annotations }) : '',
    parts.identity && !carried ? t('briefs.parts.identity') : '',
    parts.workingNotes ? t('briefs.parts.workingNotes', { n: parts.workingNotes }) : '',
    parts.otherItems ? t('briefs.parts.otherItems', { n: parts.otherItems }) : '',
  ].filter(Boolean);
  if (items.length === 0) return <p className="field-hint brief-parts">{t('briefs.parts.none')}</p>;
  const lead = mode === 'public' ? t('briefs.parts.leftOut') : mode === 'submission' ? t('briefs14.leftOutSubmission') : t('briefs.parts.included');
  return (
    <p className={`brief-parts${mode === 'internal' ? ' is-internal' : ''}`}>
      <strong>{lead}</strong> {items.join('; ')}
    </p>
  );
}
