import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { countryOptions } from './countries';

type Props = { values: readonly string[]; onChange: (values: string[]) => void };

/**
 * Nationality as ISO 3166-1 codes: the chosen countries by name, each removable, and a
 * list of every country (named in the interface language, searchable by typing its
 * first letters) with an Add button. Only codes from the list can be added.
 */
export function NationalityField({ values, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [choice, setChoice] = useState('');
  const options = useMemo(() => countryOptions(format.country, format.compare, values), [format, values]);
  const name = (code: string) => format.country(code) ?? code;
  const add = () => {
    if (choice === '' || values.includes(choice)) return;
    onChange([...values, choice]);
    setChoice('');
  };
  return (
    <fieldset className="field field-wide nationality">
      <legend className="field-label">{t('prisoner.person.nationality')}</legend>
      {values.length > 0 ? (
        <ul className="nationality-list" aria-label={t('prisoner.person.nationality')}>
          {values.map((code) => (
            <li key={code}>
              <span lang={format.lang}>{name(code)}</span> <span className="muted">({code})</span>
              <button
                type="button"
                className="btn btn-icon"
                aria-label={t('prisoner.person.nationalityRemove', { country: name(code) })}
                title={t('common.remove')}
                onClick={() => onChange(values.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">{t('prisoner.person.nationalityNone')}</p>
      )}
      <div className="nationality-add">
        <label className="visually-hidden" htmlFor={`${id}-choice`}>
          {t('prisoner.person.nationalityChoose')}
        </label>
        <select
          id={`${id}-choice`}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && choice !== '') {
              e.preventDefault();
              add();
            }
          }}
        >
          <option value="">{t('prisoner.person.nationalityPick')}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name === o.code ? o.code : `${o.name} (${o.code})`}
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={choice === ''} onClick={add}>
          {t('prisoner.person.nationalityAdd')}
        </button>
      </div>
    </fieldset>
  );
}
