import { useTranslation } from 'react-i18next';
import { ConsentStatus, type CaseFile, type Consent } from '../../../../shared/model';
import { DateField, opt, SelectField, TextField } from '../../../components/fields';
import { useToast } from '../../../components/Toasts';
import { FieldGrid } from '../parts';
import { Section } from '../../../components/Section';
import { useCurrentSession } from '../../../lib/caseSession';
import { enumOptions } from '../../../lib/enumLabels';
import { type Edit } from '../../../lib/edit';

type Props = { c: CaseFile; edit: Edit };

/** The detainee's or family's consent to act on their behalf: always confidential (never in a public brief). */
export function ConsentSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const consent = c.consent;
  const set = (patch: Partial<Consent>) => edit((d) => (d.consent ? { ...d, consent: { ...d.consent, ...patch } } : d));
  return (
    <Section id="consent" title={t('parts.section.consent')} confidential>
      <p className="section-note">{t('parts.consent.note')}</p>
      {!consent ? (
        <button type="button" className="btn btn-add" onClick={() => edit((d) => ({ ...d, consent: { status: 'pending' } }))}>
          + {t('parts.consent.add')}
        </button>
      ) : (
        <FieldGrid>
          <SelectField
            label={t('parts.consent.status')}
            value={consent.status}
            options={enumOptions(t, 'consent', ConsentStatus.options)}
            onChange={(status) => status && set({ status })}
          />
          <TextField label={t('parts.consent.by')} path="consent.by" value={consent.by} confidential span2 hint={t('parts.consent.byHint')} onChange={(v) => set({ by: opt(v) })} />
          <DateField label={t('parts.consent.date')} path="consent.date" value={consent.date} onChange={(v) => set({ date: opt(v) })} />
          <TextField
            label={t('parts.consent.scope')}
            path="consent.scope"
            value={consent.scope}
            confidential
            multiline
            rows={2}
            hint={t('parts.consent.scopeHint')}
            onChange={(v) => set({ scope: opt(v) })}
          />
          <div className="field field-actions">
            <button
              type="button"
              className="btn btn-small btn-danger-quiet"
              onClick={() => {
                session?.clearScratch('field:consent.');
                edit((d) => {
                  const { consent: _gone, ...rest } = d;
                  return rest as CaseFile;
                });
                toast({ message: t('parts.consent.removed'), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, consent })) } });
              }}
            >
              {t('parts.consent.remove')}
            </button>
          </div>
        </FieldGrid>
      )}
    </Section>
  );
}
