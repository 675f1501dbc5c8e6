import { useTranslation } from 'react-i18next';
import { WarrantShown, type PrisonerCase } from '../../../../shared/model';
import { DateField, opt, SelectField, TextField } from '../../../components/fields';
import { FieldGrid } from '../parts';
import { Section } from '../../../components/Section';
import { withArrestPatch, type Arrest } from './arrestPatch';
import { enumOptions } from '../../../lib/enumLabels';
import { type EditPrisoner } from '../../../lib/edit';
import { OtherCasesLink } from '../../people/OtherCasesLink';

type Props = { c: PrisonerCase; edit: EditPrisoner };

/** The arrest itself: what the UN Working Group's questionnaire asks first. */
export function ArrestSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const a = c.arrest ?? {};
  const set = (patch: Partial<Arrest>) => edit((d) => ({ ...d, arrest: withArrestPatch(d.arrest, patch) }));
  return (
    <Section id="arrest" title={t('prisoner.section.arrest')}>
      <FieldGrid>
        <DateField label={t('prisoner.arrest.date')} path="arrest.date" value={a.date} onChange={(v) => set({ date: opt(v) })} />
        <TextField label={t('prisoner.arrest.place')} path="arrest.place" value={a.place} hint={t('prisoner.arrest.placeHint')} onChange={(v) => set({ place: opt(v) })} />
        <TextField label={t('prisoner.arrest.by')} path="arrest.by" value={a.by} hint={<>{t('prisoner.arrest.byHint')} <OtherCasesLink spelling={a.by} which="arrest" /></>} onChange={(v) => set({ by: opt(v) })} />
        <SelectField
          label={t('prisoner.arrest.warrantShown')}
          value={a.warrantShown}
          emptyLabel={t('common.notStated')}
          options={enumOptions(t, 'warrantShown', WarrantShown.options)}
          onChange={(warrantShown) => set({ warrantShown })}
        />
        <TextField label={t('prisoner.arrest.warrantIssuedBy')} path="arrest.warrantIssuedBy" value={a.warrantIssuedBy} hint={t('prisoner.arrest.warrantIssuedByHint')} onChange={(v) => set({ warrantIssuedBy: opt(v) })} />
        <TextField label={t('prisoner.arrest.legalBasis')} path="arrest.legalBasis" value={a.legalBasis} hint={t('prisoner.arrest.legalBasisHint')} onChange={(v) => set({ legalBasis: opt(v) })} />
        <TextField
          label={t('prisoner.arrest.reasonsGiven')}
          path="arrest.reasonsGiven"
          value={a.reasonsGiven}
          multiline
          rows={3}
          hint={t('prisoner.arrest.reasonsGivenHint')}
          onChange={(v) => set({ reasonsGiven: opt(v) })}
        />
      </FieldGrid>
    </Section>
  );
}
