import { useTranslation } from 'react-i18next';
import { DetentionStatus, isPlaceholderArticle, type PrisonerCase } from '../../../../shared/model';
import { ChargeOutcome, Recognition } from '../../../../shared/model/case';
import { DateField, opt, SelectField, TextField } from '../../../components/fields';
import { useToast } from '../../../components/Toasts';
import { AddForm, FieldGrid, ItemCard, patchAt } from '../parts';
import { Section } from '../../../components/Section';
import { useCurrentSession } from '../../../lib/caseSession';
import { DaysSinceNote } from './DaysSinceNote';
import { DetentionFacts } from '../../agenda/TimeFacts';
import { enumOptions } from '../../../lib/enumLabels';
import { insertAt, type EditPrisoner } from '../../../lib/edit';

type Props = { c: PrisonerCase; edit: EditPrisoner };

const OUTCOMES = ChargeOutcome.options;
const RECOGNITION_LABELS = Recognition.shape.label.options;

export function DetentionSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const det = c.detention;
  const setDet = (patch: Partial<PrisonerCase['detention']>) => edit((d) => ({ ...d, detention: { ...d.detention, ...patch } }));
  return (
    <Section id="detention" title={t('section.detention')}>
      <DetentionFacts c={c} />
      <FieldGrid>
        <SelectField
          label={t('field.detentionStatus')}
          value={det.status}
          options={enumOptions(t, 'detention', DetentionStatus.options)}
          onChange={(status) => status && setDet({ status })}
        />
        <TextField label={t('field.place')} path="detention.place" value={det.place} onChange={(v) => setDet({ place: opt(v) })} />
        <DateField label={t('field.since')} path="detention.since" value={det.since} hint={<DaysSinceNote since={det.since} />} onChange={(v) => setDet({ since: opt(v) })} />
        <TextField label={t('prisoner.detention.heldBy')} path="detention.heldBy" value={det.heldBy} hint={t('prisoner.detention.heldByHint')} onChange={(v) => setDet({ heldBy: opt(v) })} />
        <DateField label={t('field.expectedRelease')} path="detention.expectedRelease" value={det.expectedRelease} onChange={(v) => setDet({ expectedRelease: opt(v) })} />
        <DateField label={t('prisoner.detention.releasedOn')} path="detention.releasedOn" value={det.releasedOn} onChange={(v) => setDet({ releasedOn: opt(v) })} />
        <TextField
          label={t('prisoner.detention.conditions')}
          path="detention.conditions"
          value={det.conditions}
          multiline
          rows={3}
          hint={t('prisoner.detention.conditionsHint')}
          onChange={(v) => setDet({ conditions: opt(v) })}
        />
        <TextField
          label={t('prisoner.detention.health')}
          path="detention.health"
          value={det.health}
          confidential
          multiline
          rows={3}
          hint={t('prisoner.detention.healthHint')}
          onChange={(v) => setDet({ health: opt(v) })}
        />
      </FieldGrid>
    </Section>
  );
}

export function ChargesSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const outcomes = enumOptions(t, 'chargeOutcome', OUTCOMES);
  // "unknown", "не указана", "—" would print in every brief as if they were an article.
  const placeholder = (text: string) => (isPlaceholderArticle(text) ? t('prisoner.charges.articlePlaceholder') : null);
  return (
    <Section id="charges" title={t('section.charges')}>
      {c.charges.length === 0 && <p className="empty-note">{t('case.noCharges')}</p>}
      <ul className="item-list">
        {c.charges.map((ch, i) => (
          <ItemCard
            key={i}
            heading={t('case.chargeN', { n: i + 1 })}
            removeLabel={t('common.remove')}
            onRemove={() => {
              session?.clearScratch('field:charges.');
              edit((d) => ({ ...d, charges: d.charges.filter((_, j) => j !== i) }));
              toast({ message: t('case.removed', { item: ch.article ? `${ch.article} ${ch.code}` : ch.code }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, charges: insertAt(d.charges, i, ch) })) } });
            }}
          >
            <TextField
              label={t('field.article')}
              path={`charges.${i}.article`}
              value={ch.article}
              hint={t('prisoner.charges.articleHint')}
              validate={placeholder}
              onChange={(v) => edit((d) => ({ ...d, charges: patchAt(d.charges, i, { article: opt(v) }) }))}
            />
            <TextField label={t('field.code')} path={`charges.${i}.code`} value={ch.code} required onChange={(code) => edit((d) => ({ ...d, charges: patchAt(d.charges, i, { code }) }))} />
            <TextField
              label={t('field.chargeSummary')}
              path={`charges.${i}.summary`}
              value={ch.summary}
              wide
              onChange={(v) => edit((d) => ({ ...d, charges: patchAt(d.charges, i, { summary: opt(v) }) }))}
            />
            <SelectField
              label={t('prisoner.charges.outcome')}
              value={ch.outcome}
              emptyLabel={t('common.notStated')}
              options={outcomes}
              onChange={(outcome) => edit((d) => ({ ...d, charges: patchAt(d.charges, i, { outcome }) }))}
            />
          </ItemCard>
        ))}
      </ul>
      <AddForm<{ article: string; code: string; summary: string; outcome: ChargeOutcomeValue | '' }>
        name="charges"
        initial={{ article: '', code: '', summary: '', outcome: '' }}
        openLabel={t('case.addCharge')}
        title={t('case.newCharge')}
        isComplete={(v) => v.code.trim() !== ''}
        onAdd={(v) => edit((d) => ({ ...d, charges: [...d.charges, { article: opt(v.article.trim()), code: v.code, summary: opt(v.summary), outcome: v.outcome || undefined }] }))}
      >
        {(v, set, prefix) => (
          <>
            <TextField label={t('field.article')} path={`${prefix}.article`} value={v.article} autoFocus hint={t('prisoner.charges.articleHint')} validate={placeholder} onChange={(article) => set({ article })} />
            <TextField label={t('field.code')} path={`${prefix}.code`} value={v.code} required hint={t('field.codeHint')} onChange={(code) => set({ code })} />
            <TextField label={t('field.chargeSummary')} path={`${prefix}.summary`} value={v.summary} wide onChange={(summary) => set({ summary })} />
            <SelectField label={t('prisoner.charges.outcome')} value={v.outcome || undefined} emptyLabel={t('common.notStated')} options={outcomes} onChange={(outcome) => set({ outcome: outcome ?? '' })} />
          </>
        )}
      </AddForm>
    </Section>
  );
}

type ChargeOutcomeValue = (typeof OUTCOMES)[number];
type RecognitionLabel = (typeof RECOGNITION_LABELS)[number];

export function RecognitionsSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const labels = enumOptions(t, 'recognition', RECOGNITION_LABELS);
  return (
    <Section id="recognitions" title={t('section.recognitions')}>
      {c.recognitions.length === 0 && <p className="empty-note">{t('case.noRecognitions')}</p>}
      <ul className="item-list">
        {c.recognitions.map((r, i) => (
          <ItemCard
            key={i}
            heading={t('case.recognitionN', { n: i + 1 })}
            removeLabel={t('common.remove')}
            onRemove={() => {
              session?.clearScratch('field:recognitions.');
              edit((d) => ({ ...d, recognitions: d.recognitions.filter((_, j) => j !== i) }));
              toast({ message: t('case.removed', { item: r.by }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, recognitions: insertAt(d.recognitions, i, r) })) } });
            }}
          >
            <TextField label={t('field.recognizedBy')} path={`recognitions.${i}.by`} value={r.by} required onChange={(by) => edit((d) => ({ ...d, recognitions: patchAt(d.recognitions, i, { by }) }))} />
            <SelectField label={t('field.recognitionLabel')} value={r.label} options={labels} onChange={(label) => label && edit((d) => ({ ...d, recognitions: patchAt(d.recognitions, i, { label }) }))} />
            <DateField label={t('field.date')} path={`recognitions.${i}.date`} value={r.date} onChange={(v) => edit((d) => ({ ...d, recognitions: patchAt(d.recognitions, i, { date: opt(v) }) }))} />
          </ItemCard>
        ))}
      </ul>
      <AddForm<{ by: string; label: RecognitionLabel; date: string }>
        name="recognitions"
        initial={{ by: '', label: 'political_prisoner', date: '' }}
        openLabel={t('case.addRecognition')}
        title={t('case.newRecognition')}
        isComplete={(v) => v.by.trim() !== ''}
        onAdd={(v) => edit((d) => ({ ...d, recognitions: [...d.recognitions, { by: v.by, label: v.label, date: opt(v.date) }] }))}
      >
        {(v, set, prefix) => (
          <>
            <TextField label={t('field.recognizedBy')} path={`${prefix}.by`} value={v.by} required autoFocus onChange={(by) => set({ by })} />
            <SelectField label={t('field.recognitionLabel')} value={v.label} options={labels} onChange={(label) => label && set({ label })} />
            <DateField label={t('field.date')} path={`${prefix}.date`} value={v.date} onChange={(date) => set({ date })} />
          </>
        )}
      </AddForm>
    </Section>
  );
}

export function LawyerSection({ c, edit }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="lawyer" title={t('section.lawyer')} confidential>
      <FieldGrid>
        <TextField
          label={t('field.lawyer')}
          path="lawyer"
          value={c.lawyer}
          confidential
          wide
          hint={t('confidential.alwaysHint')}
          onChange={(v) => edit((d) => ({ ...d, lawyer: opt(v) }))}
        />
      </FieldGrid>
    </Section>
  );
}
