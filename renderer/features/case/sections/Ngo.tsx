import { useTranslation } from 'react-i18next';
import { MeasureStatus, MeasureType, type NgoCase } from '../../../../shared/model';
import { DateField, NumberField, opt, SelectField, TextField } from '../../../components/fields';
import { ChipInput } from '../../../components/ChipInput';
import { FieldGrid, MoneyFields } from '../parts';
import { Section } from '../../../components/Section';
import { DaysSinceNote } from './DaysSinceNote';
import { MeasureFacts } from '../../agenda/TimeFacts';
import { enumOptions } from '../../../lib/enumLabels';
import { type EditNgo } from '../../../lib/edit';
import { OtherCasesLink } from '../../people/OtherCasesLink';

type Props = { c: NgoCase; edit: EditNgo };

export function OrganizationSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const o = c.organization;
  const set = (patch: Partial<NgoCase['organization']>) => edit((d) => ({ ...d, organization: { ...d.organization, ...patch } }));
  return (
    <Section id="organization" title={t('section.organization')}>
      <FieldGrid>
        <TextField label={t('field.orgName')} path="organization.name" value={o.name} required onChange={(name) => set({ name })} />
        <TextField label={t('prisoner.ngo.legalForm')} path="organization.legalForm" value={o.legalForm} hint={t('prisoner.ngo.legalFormHint')} onChange={(v) => set({ legalForm: opt(v) })} />
        <TextField label={t('field.registrationNumber')} path="organization.registrationNumber" value={o.registrationNumber} onChange={(v) => set({ registrationNumber: opt(v) })} />
        <DateField label={t('prisoner.ngo.founded')} path="organization.founded" value={o.founded} onChange={(v) => set({ founded: opt(v) })} />
        <NumberField label={t('prisoner.ngo.members')} path="organization.members" value={o.members} min={0} integer hint={t('prisoner.ngo.membersHint')} onChange={(members) => set({ members })} />
        <TextField label={t('field.focus')} path="organization.focus" value={o.focus} onChange={(v) => set({ focus: opt(v) })} />
        <TextField label={t('field.city')} path="organization.city" value={o.city} onChange={(v) => set({ city: opt(v) })} />
        <ChipInput
          label={t('field.aliases')}
          path="organization.aliases"
          kind="alias"
          values={o.aliases}
          update={(change) => edit((d) => ({ ...d, organization: { ...d.organization, aliases: change(d.organization.aliases) } }))}
          addLabel={t('field.addAlias')}
          hint={t('field.aliasesHint')}
        />
      </FieldGrid>
    </Section>
  );
}

export function MeasureSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const m = c.measure;
  const set = (patch: Partial<NgoCase['measure']>) => edit((d) => ({ ...d, measure: { ...d.measure, ...patch } }));
  const a = c.appeal;
  const setAppeal = (patch: Partial<NonNullable<NgoCase['appeal']>>) => edit((d) => ({ ...d, appeal: { ...d.appeal, ...patch } }));
  return (
    <Section id="measure" title={t('section.measure')}>
      <MeasureFacts c={c} />
      <FieldGrid>
        <SelectField label={t('field.measureType')} value={m.type} options={enumOptions(t, 'measure', MeasureType.options)} onChange={(type) => type && set({ type })} />
        <SelectField label={t('field.measureStatus')} value={m.status} options={enumOptions(t, 'measureStatus', MeasureStatus.options)} onChange={(status) => status && set({ status })} />
        <TextField label={t('field.authority')} path="measure.authority" value={m.authority} required hint={m.authority.trim() ? <OtherCasesLink spelling={m.authority} which="measure" /> : undefined} onChange={(authority) => set({ authority })} />
        <TextField label={t('field.legalBasis')} path="measure.legalBasis" value={m.legalBasis} onChange={(v) => set({ legalBasis: opt(v) })} />
        <TextField label={t('prisoner.ngo.aimClaimed')} path="measure.aimClaimed" value={m.aimClaimed} hint={t('prisoner.ngo.aimClaimedHint')} onChange={(v) => set({ aimClaimed: opt(v) })} />
        <DateField label={t('field.measureStart')} path="measure.start" value={m.start} hint={<DaysSinceNote since={m.start} />} onChange={(v) => set({ start: opt(v) })} />
        <DateField label={t('field.measureEnd')} path="measure.end" value={m.end} onChange={(v) => set({ end: opt(v) })} />
        <NumberField label={t('field.durationMonths')} path="measure.durationMonths" value={m.durationMonths} min={0} onChange={(durationMonths) => set({ durationMonths })} />
        <MoneyFields label={t('field.fine')} addLabel={t('prisoner.fine.add')} removeLabel={t('prisoner.fine.remove')} path="measure.fine" value={m.fine} onChange={(fine) => set({ fine })} />
        <TextField
          label={t('prisoner.ngo.impact')}
          path="impact"
          value={c.impact}
          multiline
          rows={4}
          hint={t('prisoner.ngo.impactHint')}
          onChange={(v) => edit((d) => ({ ...d, impact: opt(v) }))}
        />
      </FieldGrid>
      <h3 className="subsection-title">{t('section.appeal')}</h3>
      {a ? (
        <FieldGrid>
          <TextField label={t('field.court')} path="appeal.court" value={a.court} onChange={(v) => setAppeal({ court: opt(v) })} />
          <DateField label={t('field.appealFiled')} path="appeal.filed" value={a.filed} onChange={(v) => setAppeal({ filed: opt(v) })} />
          <TextField label={t('field.appealOutcome')} path="appeal.outcome" value={a.outcome} wide onChange={(v) => setAppeal({ outcome: opt(v) })} />
          <div className="field field-wide">
            <button type="button" className="btn btn-small btn-danger-quiet" onClick={() => edit((d) => ({ ...d, appeal: undefined }))}>
              {t('case.removeAppeal')}
            </button>
          </div>
        </FieldGrid>
      ) : (
        <button type="button" className="btn btn-add" onClick={() => edit((d) => ({ ...d, appeal: {} }))}>
          + {t('case.addAppeal')}
        </button>
      )}
    </Section>
  );
}
