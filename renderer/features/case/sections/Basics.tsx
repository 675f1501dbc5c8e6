import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseStatus, Priority, type CaseFile } from '../../../../shared/model';
import { opt, SelectField, TextField } from '../../../components/fields';
import { ChipInput } from '../../../components/ChipInput';
import { useFormat } from '../../../i18n/format';
import { FieldGrid } from '../parts';
import { Section } from '../../../components/Section';
import { enumOptions } from '../../../lib/enumLabels';
import { type Edit } from '../../../lib/edit';

const COUNTRIES = ['KZ', 'KG', 'UZ', 'TJ', 'TM', 'RU', 'BY', 'AZ', 'CN', 'MN', 'AF', 'GE', 'AM', 'TR', 'UA'];

export function BasicsSection({ c, edit }: { c: CaseFile; edit: Edit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryList = useId();
  const countryName = format.country(c.country);
  return (
    <Section id="basics" title={t('section.basics')}>
      <FieldGrid>
        <TextField
          label={t('field.title')}
          path="title"
          value={c.title}
          required
          wide
          maxLength={300}
          onChange={(title) => edit((d) => ({ ...d, title }))}
        />
        <SelectField label={t('field.status')} value={c.status} options={enumOptions(t, 'status', CaseStatus.options)} onChange={(status) => status && edit((d) => ({ ...d, status }))} />
        <SelectField
          label={t('field.priority')}
          value={c.priority}
          options={enumOptions(t, 'priority', Priority.options)}
          onChange={(priority) => priority && edit((d) => ({ ...d, priority }))}
        />
        <TextField
          label={t('field.country')}
          path="country"
          value={c.country}
          list={countryList}
          hint={countryName ?? t('field.countryHint')}
          validate={(text) => (/^[A-Za-z]{2}$/.test(text.trim()) ? null : t('validation.country'))}
          transform={(text) => text.trim().toUpperCase()}
          onChange={(country) => edit((d) => ({ ...d, country: opt(country) }))}
          inputClassName="input-code"
        />
        <datalist id={countryList}>
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {format.country(code) ?? code}
            </option>
          ))}
        </datalist>
        <TextField label={t('field.region')} path="region" value={c.region} onChange={(region) => edit((d) => ({ ...d, region: opt(region) }))} />
        <ChipInput
          label={t('field.tags')}
          path="tags"
          kind="tag"
          commaAdds
          values={c.tags}
          update={(change) => edit((d) => ({ ...d, tags: change(d.tags) }))}
          addLabel={t('field.addTag')}
          placeholder={t('field.tagPlaceholder')}
        />
        <TextField
          label={t('field.summary')}
          path="summary"
          value={c.summary}
          multiline
          rows={6}
          hint={t('field.summaryHint')}
          onChange={(summary) => edit((d) => ({ ...d, summary }))}
        />
      </FieldGrid>
    </Section>
  );
}
