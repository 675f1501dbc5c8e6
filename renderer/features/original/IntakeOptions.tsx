import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OcrLang } from '../../../shared/contract';
import { CheckboxField } from '../../components/fields';

export type IntakeChoices = { ocrLangs: OcrLang[]; capturedFrom: string; capturedAt: string };

export const DEFAULT_CHOICES: IntakeChoices = { ocrLangs: [...OcrLang.options], capturedFrom: '', capturedAt: '' };

/** `datetime-local`'s value (the user's local time) as the model's DateTime, or nothing. */
export function capturedAtIso(value: string): string | undefined {
  if (value === '') return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

type Props = { value: IntakeChoices; onChange: (v: IntakeChoices) => void; disabled: boolean };

/** What the file's intake needs before it is read: the languages of OCR, and where and when the file was obtained. */
export function IntakeOptions({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const toggle = (lang: OcrLang, on: boolean) => {
    const ocrLangs = OcrLang.options.filter((l) => (l === lang ? on : value.ocrLangs.includes(l)));
    onChange({ ...value, ocrLangs });
  };
  return (
    <div className="intake-options">
      <fieldset className="intake-langs" disabled={disabled}>
        <legend className="field-label">{t('original.intake.ocrLangs')}</legend>
        {OcrLang.options.map((lang) => (
          <CheckboxField key={lang} label={t(`original.intake.lang.${lang}`)} checked={value.ocrLangs.includes(lang)} onChange={(on) => toggle(lang, on)} />
        ))}
        {value.ocrLangs.length === 0 && (
          <p className="field-error" role="alert">
            {t('original.intake.ocrNeedsOne')}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-from`}>
          {t('original.intake.capturedFrom')}
        </label>
        <input
          id={`${id}-from`}
          type="text"
          maxLength={2000}
          disabled={disabled}
          value={value.capturedFrom}
          aria-describedby={`${id}-from-hint`}
          onChange={(e) => onChange({ ...value, capturedFrom: e.target.value })}
        />
        <p className="field-hint" id={`${id}-from-hint`}>
          {t('original.intake.capturedFromHint')}
        </p>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-at`}>
          {t('original.intake.capturedAt')}
        </label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          disabled={disabled}
          value={value.capturedAt}
          aria-describedby={`${id}-at-hint`}
          onChange={(e) => onChange({ ...value, capturedAt: e.target.value })}
        />
        <p className="field-hint" id={`${id}-at-hint`}>
          {t('original.intake.capturedAtHint')}
        </p>
      </div>
    </div>
  );
}
