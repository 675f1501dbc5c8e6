import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseDraft } from '../../../shared/model';
import type { DuplicateChoice, TablePreview } from '../../../shared/tables';
import { DuplicateChoice as Choices } from '../../../shared/tables';
import { enumLabel } from '../../lib/enumLabels';

type Props = {
  preview: TablePreview;
  choices: ReadonlyMap<number, DuplicateChoice>;
  onChoose: (row: number, choice: DuplicateChoice) => void;
  disabled: boolean;
};

function details(c: CaseDraft, t: TFunction): string {
  if (c.kind === 'ngo_suspension') return `${enumLabel(t, 'measure', c.measure.type)} — ${c.measure.authority}`;
  return [enumLabel(t, 'detention', c.detention.status), ...c.charges.map((ch) => ch.article ?? ch.code)].join(' · ');
}

/** What the import will do: the refused cells first (nothing can be stored while any is left), the first cases, the duplicates to decide. */
export function PreviewPanel({ preview, choices, onChoose, disabled }: Props) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <>
      <p role="status">{t('tables.summary', { cases: preview.cases, rows: preview.rows })}</p>
      {preview.notes.length > 0 && (
        <section aria-labelledby={`${base}-notes`}>
          <h3 id={`${base}-notes`}>{t('tables.notes')}</h3>
          <ul className="tables-notes">
            {preview.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      {preview.refused.length > 0 && (
        <section className="import-result import-refused" role="alert" aria-labelledby={`${base}-refused`}>
          <h3 id={`${base}-refused`}>{t('tables.refusedTitle', { n: preview.refused.length })}</h3>
          <p>{t('tables.refusedHint')}</p>
          <ul className="fault-list">
            {preview.refused.slice(0, 200).map((r, k) => (
              <li key={k}>
                <code>{r.cell}</code>
                {r.header ? ` «${r.header}»` : ''}: {r.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.duplicates.length > 0 && (
        <section aria-labelledby={`${base}-dups`}>
          <h3 id={`${base}-dups`}>{t('tables.duplicatesTitle')}</h3>
          <p className="field-hint">{t('tables.duplicatesHint')}</p>
          {preview.duplicates.map((d) => (
            <div className="field" key={d.row}>
              <label className="field-label" htmlFor={`${base}-dup-${d.row}`}>
                {t('tables.duplicateLabel', { row: d.row, title: d.title, existing: d.existing[0]!.title })}
              </label>
              <select id={`${base}-dup-${d.row}`} value={choices.get(d.row) ?? 'skip'} disabled={disabled} onChange={(e) => onChoose(d.row, e.target.value as DuplicateChoice)}>
                {Choices.options.map((c) => (
                  <option key={c} value={c}>
                    {t(`tables.choice.${c}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </section>
      )}
      {preview.preview.length > 0 && (
        <section aria-labelledby={`${base}-preview`}>
          <h3 id={`${base}-preview`}>{t('tables.preview')}</h3>
          <table className="data-table" aria-labelledby={`${base}-preview`}>
            <thead>
              <tr>
                <th scope="col">{t('tables.previewRows')}</th>
                <th scope="col">{t('tables.previewTitle')}</th>
                <th scope="col">{t('tables.previewName')}</th>
                <th scope="col">{t('tables.previewKind')}</th>
                <th scope="col">{t('tables.previewDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.preview.map(({ rows, case: c }) => (
                <tr key={rows[0]}>
                  <td>{rows.join(', ')}</td>
                  <td>{c.title}</td>
                  <td>{c.kind === 'political_prisoner' ? [c.person.name, ...c.person.aliases].join(' / ') : [c.organization.name, ...c.organization.aliases].join(' / ')}</td>
                  <td>{enumLabel(t, 'kind', c.kind)}</td>
                  <td>{details(c, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
