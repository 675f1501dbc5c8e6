import { useTranslation } from 'react-i18next';
import type { BriefFormat, BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';
import { LANG_NAMES, templateHint, templateName } from './briefNames';

// The dialog's choices, each a group of radio buttons (arrow keys move within a group).

type Choice<T> = { value: T; onChange: (v: T) => void; disabled: boolean };

export function TemplateChoice({ templates, hint, value, onChange, disabled, hintId }: Choice<BriefTemplate> & { templates: readonly BriefTemplate[]; hint?: string; hintId: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="brief-group" aria-describedby={hint ? hintId : undefined}>
      <legend className="field-label">{t('briefs.template')}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <div className="brief-options">
        {templates.map((tpl) => (
          <label key={tpl} className={`kind-option brief-option${value === tpl ? ' is-checked' : ''}`}>
            <input type="radio" name="brief-template" value={tpl} checked={value === tpl} disabled={disabled} onChange={() => onChange(tpl)} />
            <span className="kind-option-text">
              <strong>{templateName(t, tpl)}</strong>
              <span className="muted">{templateHint(t, tpl)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function LangChoice({ value, onChange, disabled, hintId }: Choice<BriefLang> & { hintId: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="brief-group" aria-describedby={hintId}>
      <legend className="field-label">{t('briefs.lang')}</legend>
      <div className="brief-inline">
        {(['en', 'ru', 'kk'] as const).map((l) => (
          <label key={l} className="radio">
            <input type="radio" name="brief-lang" value={l} checked={value === l} disabled={disabled} onChange={() => onChange(l)} />
            <span lang={l}>{LANG_NAMES[l]}</span>
          </label>
        ))}
      </div>
      <p id={hintId} className="field-hint">
        {t('briefs.langHint')}
      </p>
    </fieldset>
  );
}

const MODES: readonly BriefMode[] = ['public', 'submission', 'internal'];

export function ModeChoice({ value, onChange, disabled, children }: Choice<BriefMode> & { children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset className="brief-group">
      <legend className="field-label">{t('briefs.mode')}</legend>
      <div className="brief-options brief-modes">
        {MODES.map((m) => (
          <label key={m} className={`kind-option brief-option brief-mode-${m}${value === m ? ' is-checked' : ''}`}>
            <input type="radio" name="brief-mode" value={m} checked={value === m} disabled={disabled} onChange={() => onChange(m)} />
            <span className="kind-option-text">
              <strong>
                {m === 'internal' && (
                  <>
                    <span className="brief-stamp" aria-hidden="true">
                      {t('briefs.internal.stamp')}
                    </span>{' '}
                  </>
                )}
                {t(`briefs14.modes.${m}.name`)}
              </strong>
              <span className="muted">{t(`briefs14.modes.${m}.hint`)}</span>
            </span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

export function FormatChoice({ value, onChange, disabled }: Choice<BriefFormat>) {
  const { t } = useTranslation();
  return (
    <fieldset className="brief-group">
      <legend className="field-label">{t('briefs14.format.legend')}</legend>
      <div className="brief-inline">
        {(['pdf', 'docx'] as const).map((f) => (
          <label key={f} className="radio">
            <input type="radio" name="brief-format" value={f} checked={value === f} disabled={disabled} onChange={() => onChange(f)} />
            <span>
              <strong>{t(`briefs14.format.${f}.name`)}</strong> <span className="muted">— {t(`briefs14.format.${f}.hint`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
