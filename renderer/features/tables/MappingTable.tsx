import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseKind } from '../../../shared/model/case';
import { TableField, type TableMapping, type TablePreview } from '../../../shared/tables';
import { enumLabel } from '../../lib/enumLabels';

type Props = { preview: TablePreview; mapping: TableMapping; onChange: (mapping: TableMapping) => void; disabled: boolean };

/** Each column of the sheet with the field it fills, one labelled select per column; the grouping and the default kind above. */
export function MappingTable({ preview, mapping, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const ids = { kind: useId(), group: useId(), base: useId() };
  const fieldOf = (column: string) => mapping.columns.find((c) => c.column === column)?.field ?? null;
  const setField = (column: string, field: TableField | null) =>
    onChange({ ...mapping, columns: preview.headers.map((h) => ({ column: h, field: h === column ? field : fieldOf(h) })) });
  return (
    <section className="tables-mapping" aria-labelledby={`${ids.base}-title`}>
      <h3 id={`${ids.base}-title`}>{t('tables.mapping')}</h3>
      <p className="field-hint">
        {t('tables.mappingHint')} {t(`tables.mappingFrom.${preview.mappingFrom}`)}
      </p>
      <div className="tables-mapping-options">
        <div className="field">
          <label className="field-label" htmlFor={ids.kind}>
            {t('tables.kind')}
          </label>
          <select id={ids.kind} value={mapping.kind} disabled={disabled} onChange={(e) => onChange({ ...mapping, kind: e.target.value as TableMapping['kind'] })}>
            {CaseKind.options.map((k) => (
              <option key={k} value={k}>
                {enumLabel(t, 'kind', k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.group}>
            {t('tables.groupBy')}
          </label>
          <select
            id={ids.group}
            value={mapping.groupBy ?? ''}
            disabled={disabled}
            onChange={(e) => {
              const { groupBy: _old, ...rest } = mapping;
              onChange(e.target.value === '' ? rest : { ...rest, groupBy: e.target.value });
            }}
          >
            <option value="">{t('tables.eachRow')}</option>
            {preview.headers.map((h) => (
              <option key={h} value={h}>
                {t('tables.sameValue', { column: h })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="tables-columns">
        {preview.headers.map((h, k) => (
          <div className="field tables-column" key={h}>
            <label className="field-label" htmlFor={`${ids.base}-${k}`}>
              {t('tables.columnLabel', { column: h })}
            </label>
            <select id={`${ids.base}-${k}`} value={fieldOf(h) ?? ''} disabled={disabled} onChange={(e) => setField(h, e.target.value === '' ? null : (e.target.value as TableField))}>
              <option value="">{t('tables.notImported')}</option>
              {TableField.options.map((f) => (
                <option key={f} value={f}>
                  {t(`tables.field.${f}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </section>
  );
}
