import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefLang } from '../../../shared/model/brief';
import { DateField } from '../../components/writtenFields';
import type { UrgentActionInput } from './briefing';

/** The urgent action's own fields, remembered per case (saved with it when the brief is made). */
export function UrgentActionFields({ value, onChange, disabled }: { value: UrgentActionInput; onChange: (v: UrgentActionInput) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<UrgentActionInput>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="brief-group brief-ua" aria-describedby={`${id}-hint`} disabled={disabled}>
      <legend className="field-label">{t('briefs14.ua.legend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('briefs14.ua.hint')}
      </p>
      <div className="brief-ua-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-number`}>
            {t('briefs14.ua.number')}
          </label>
          <input id={`${id}-number`} type="text" maxLength={60} value={value.number} aria-describedby={`${id}-number-hint`} onChange={(e) => set({ number: e.target.value })} />
          <p id={`${id}-number-hint`} className="field-hint">
            {t('briefs14.ua.numberHint')}
          </p>
        </div>
        <DateField label={t('briefs14.ua.issuedOn')} value={value.issuedOn} onChange={(issuedOn) => set({ issuedOn })} />
        <DateField label={t('briefs14.ua.sendBefore')} value={value.sendBefore} onChange={(sendBefore) => set({ sendBefore })} />
        <div className="field">
          <label className="field-label" htmlFor={`${id}-writeIn`}>
            {t('briefs14.ua.writeIn')}
          </label>
          <input id={`${id}-writeIn`} type="text" maxLength={200} value={value.writeIn} aria-describedby={`${id}-writeIn-hint`} onChange={(e) => set({ writeIn: e.target.value })} />
          <p id={`${id}-writeIn-hint`} className="field-hint">
            {t('briefs14.ua.writeInHint')}
          </p>
        </div>
      </div>
    </fieldset>
  );
}

/** The case's summary in the brief's language, where the case's own is written in another. */
export function SummaryField({ lang, value, onChange, disabled }: { lang: BriefLang; value: string; onChange: (v: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field brief-summary">
      <label className="field-label" htmlFor={id}>
        {t(`briefs14.summary.label.${lang}`)}
      </label>
      <textarea id={id} rows={4} lang={lang} value={value} disabled={disabled} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
      <p id={`${id}-hint`} className="field-hint">
        {t('briefs14.summary.hint')}
      </p>
    </div>
  );
}
