import { useId } from 'react';
import { useTranslation } from 'react-i18next';

// Whether the multi-case brief carries its "Caseload" section: the Statistics view's charts
// of the chosen cases, each with its numbers as a table. On unless the user turns it off.

type Props = { value: boolean; onChange: (v: boolean) => void; disabled: boolean };

export function ChartsChoice({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="brief-group">
      <label className="checkbox">
        <input type="checkbox" checked={value} disabled={disabled} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.checked)} />
        {t('briefCharts.label')}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {t('briefCharts.hint')}
      </p>
    </div>
  );
}
