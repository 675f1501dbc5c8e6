import { useTranslation } from 'react-i18next';
import { AdvocacyKind, AdvocacyStatus, WgadCategory, type AdvocacyAction, type CaseFile, type Deadline } from '../../../../shared/model';
import { insertInOrder, redate } from '../../../../shared/model/chronology';
import { dateLanguage, formatPartialDate } from '../../../../shared/text/dateInput';
import { CheckboxField, DateField, opt, SelectField, StringListField, TextField } from '../../../components/fields';
import { useToast } from '../../../components/Toasts';
import { newId } from '../../../lib/ids';
import { OrderStatus } from '../order';
import { AddForm, FieldGrid, ItemCard } from '../parts';
import { Section } from '../../../components/Section';
import { useCurrentSession } from '../../../lib/caseSession';
import { enumLabel, enumOptions } from '../../../lib/enumLabels';
import { insertAt, type Edit } from '../../../lib/edit';
import { useMover } from './useMover';
import { Iccpr22Hint } from './Iccpr22Hint';

// The timeline lives in its own module; CaseView imports it from here.
export { TimelineSection } from './Timeline';

type Props = { c: CaseFile; edit: Edit };

function patchById<T extends { id: string }>(list: readonly T[], id: string, patch: Partial<T>): T[] {
  return list.map((item) => (item.id === id ? { ...item, ...patch } : item));
}

export function AnalysisSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const a = c.analysis;
  const toggle = (cat: (typeof WgadCategory.options)[number], on: boolean) =>
    edit((d) => {
      const set = new Set(d.analysis.wgadCategories);
      if (on) set.add(cat);
      else set.delete(cat);
      return { ...d, analysis: { ...d.analysis, wgadCategories: WgadCategory.options.filter((x) => set.has(x)) } };
    });
  return (
    <Section id="analysis" title={t('section.analysis')}>
      {c.kind === 'ngo_suspension' ? (
        <Iccpr22Hint />
      ) : (
        <fieldset className="wgad">
          <legend className="field-label">{t('field.wgad')}</legend>
          <ul className="wgad-list">
            {WgadCategory.options.map((cat) => (
              <li key={cat}>
                <CheckboxField
                  label={
                    <>
                      <strong className="wgad-cat">{t('case.wgadCategory', { cat })}</strong> <span className="wgad-desc">{enumLabel(t, 'wgad', cat)}</span>
                    </>
                  }
                  checked={a.wgadCategories.includes(cat)}
                  onChange={(on) => toggle(cat, on)}
                />
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <FieldGrid>
        <StringListField
          label={t('field.rightsViolated')}
          path="analysis.rightsViolated"
          values={a.rightsViolated}
          onChange={(rightsViolated) => edit((d) => ({ ...d, analysis: { ...d.analysis, rightsViolated } }))}
          itemLabel={(i) => t('field.rightN', { n: i + 1 })}
          addLabel={t('field.addRight')}
          placeholder={t('field.rightPlaceholder')}
        />
        <TextField
          label={t('field.argument')}
          path="analysis.argument"
          value={a.argument}
          multiline
          rows={6}
          onChange={(v) => edit((d) => ({ ...d, analysis: { ...d.analysis, argument: opt(v) } }))}
        />
      </FieldGrid>
    </Section>
  );
}

export function DeadlinesSection({ c, edit }: Props) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const setDeadline = (id: string, patch: Partial<Deadline>) => edit((d) => ({ ...d, deadlines: patchById(d.deadlines, id, patch) }));
  // Deadlines keep the timeline's order rules: date order, the user's where dates overlap ("2026-12" beside "2026-12-01").
  const mover = useMover({ list: c.deadlines, nameOf: (dl) => dl.title, apply: (update) => edit((d) => ({ ...d, deadlines: update(d.deadlines) })) });
  const setDate = (id: string, date: string) =>
    mover.reorderingEdit(
      id,
      () => edit((d) => ({ ...d, deadlines: redate(d.deadlines, d.deadlines.findIndex((x) => x.id === id), date) as Deadline[] })),
      () => session?.getState().draft.deadlines ?? c.deadlines,
    );
  return (
    <Section id="deadlines" title={t('section.deadlines')}>
      {c.deadlines.length === 0 && <p className="empty-note">{t('case.noDeadlines')}</p>}
      <ul className="item-list">
        {c.deadlines.map((dl, i) => (
          <ItemCard
            key={dl.id}
            heading={
              <>
                <span className="timeline-date">{formatPartialDate(dl.date, dateLanguage(i18n.language))}</span> <span className="item-card-title">{dl.title}</span> · {dl.done ? t('case.deadlineDone') : t('case.deadlineOpen')}
              </>
            }
            confidential={dl.confidential === true}
            onConfidentialChange={(on) => setDeadline(dl.id, { confidential: on })}
            order={mover.orderOf(dl, i)}
            removeLabel={t('common.remove')}
            onRemove={() => {
              session?.clearScratch(`field:deadlines.${dl.id}.`);
              edit((d) => ({ ...d, deadlines: d.deadlines.filter((x) => x.id !== dl.id) }));
              toast({ message: t('case.removed', { item: dl.title }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, deadlines: insertAt(d.deadlines, i, dl) })) } });
            }}
          >
            <DateField label={t('field.date')} path={`deadlines.${dl.id}.date`} value={dl.date} required onChange={(date) => setDate(dl.id, date)} />
            <TextField label={t('field.deadlineTitle')} path={`deadlines.${dl.id}.title`} value={dl.title} required span2 onChange={(title) => setDeadline(dl.id, { title })} />
            <div className="field field-check">
              <CheckboxField label={t('field.done')} checked={dl.done} onChange={(done) => setDeadline(dl.id, { done })} />
            </div>
          </ItemCard>
        ))}
      </ul>
      <OrderStatus message={mover.status} />
      <AddForm<{ date: string; title: string; confidential: boolean }>
        name="deadlines"
        initial={{ date: '', title: '', confidential: false }}
        openLabel={t('case.addDeadline')}
        title={t('case.newDeadline')}
        isComplete={(v) => v.date !== '' && v.title.trim() !== ''}
        onAdd={(v) =>
          edit((d) => ({ ...d, deadlines: insertInOrder(d.deadlines, { id: newId(), date: v.date, title: v.title, done: false, confidential: v.confidential || undefined }) }))
        }
      >
        {(v, set, prefix) => (
          <>
            <DateField label={t('field.date')} path={`${prefix}.date`} value={v.date} required autoFocus onChange={(date) => set({ date })} />
            <TextField label={t('field.deadlineTitle')} path={`${prefix}.title`} value={v.title} required span2 onChange={(title) => set({ title })} />
            <div className="field field-check">
              <CheckboxField label={t('confidential.toggle')} checked={v.confidential} onChange={(confidential) => set({ confidential })} />
            </div>
          </>
        )}
      </AddForm>
    </Section>
  );
}

type ActionForm = { target: string; kind: AdvocacyAction['kind']; status: AdvocacyAction['status']; date: string; reference: string; nextFollowUp: string; notes: string; confidential: boolean };

export function AdvocacySection({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const kinds = enumOptions(t, 'advocacyKind', AdvocacyKind.options);
  const statuses = enumOptions(t, 'advocacyStatus', AdvocacyStatus.options);
  const setAction = (id: string, patch: Partial<AdvocacyAction>) => edit((d) => ({ ...d, advocacy: patchById(d.advocacy, id, patch) }));
  return (
    <Section id="advocacy" title={t('section.advocacy')}>
      {c.advocacy.length === 0 && <p className="empty-note">{t('case.noAdvocacy')}</p>}
      <ul className="item-list">
        {c.advocacy.map((a, i) => (
          <ItemCard
            key={a.id}
            heading={
              <>
                {a.target} · {enumLabel(t, 'advocacyStatus', a.status)}
              </>
            }
            confidential={a.confidential === true}
            onConfidentialChange={(on) => setAction(a.id, { confidential: on })}
            removeLabel={t('common.remove')}
            onRemove={() => {
              session?.clearScratch(`field:advocacy.${a.id}.`);
              edit((d) => ({ ...d, advocacy: d.advocacy.filter((x) => x.id !== a.id) }));
              toast({ message: t('case.removed', { item: a.target }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, advocacy: insertAt(d.advocacy, i, a) })) } });
            }}
          >
            <TextField label={t('field.target')} path={`advocacy.${a.id}.target`} value={a.target} required hint={t('field.targetHint')} onChange={(target) => setAction(a.id, { target })} />
            <SelectField label={t('field.actionKind')} value={a.kind} options={kinds} onChange={(kind) => kind && setAction(a.id, { kind })} />
            <SelectField label={t('field.actionStatus')} value={a.status} options={statuses} onChange={(status) => status && setAction(a.id, { status })} />
            <DateField label={t('field.date')} path={`advocacy.${a.id}.date`} value={a.date} onChange={(v) => setAction(a.id, { date: opt(v) })} />
            <TextField label={t('field.reference')} path={`advocacy.${a.id}.reference`} value={a.reference} onChange={(v) => setAction(a.id, { reference: opt(v) })} />
            <DateField label={t('field.nextFollowUp')} path={`advocacy.${a.id}.nextFollowUp`} value={a.nextFollowUp} onChange={(v) => setAction(a.id, { nextFollowUp: opt(v) })} />
            <TextField
              label={t('parts.advocacy.notes')}
              path={`advocacy.${a.id}.notes`}
              value={a.notes}
              multiline
              rows={2}
              hint={t('parts.advocacy.notesHint')}
              onChange={(v) => setAction(a.id, { notes: opt(v) })}
            />
          </ItemCard>
        ))}
      </ul>
      <AddForm<ActionForm>
        name="advocacy"
        initial={{ target: '', kind: 'communication', status: 'draft', date: '', reference: '', nextFollowUp: '', notes: '', confidential: false }}
        openLabel={t('case.addAction')}
        title={t('case.newAction')}
        isComplete={(v) => v.target.trim() !== ''}
        onAdd={(v) =>
          edit((d) => ({
            ...d,
            advocacy: [
              ...d.advocacy,
              { id: newId(), target: v.target, kind: v.kind, status: v.status, date: opt(v.date), reference: opt(v.reference), nextFollowUp: opt(v.nextFollowUp), notes: opt(v.notes), confidential: v.confidential || undefined },
            ],
          }))
        }
      >
        {(v, set, prefix) => (
          <>
            <TextField label={t('field.target')} path={`${prefix}.target`} value={v.target} required autoFocus hint={t('field.targetHint')} onChange={(target) => set({ target })} />
            <SelectField label={t('field.actionKind')} value={v.kind} options={kinds} onChange={(kind) => kind && set({ kind })} />
            <SelectField label={t('field.actionStatus')} value={v.status} options={statuses} onChange={(status) => status && set({ status })} />
            <DateField label={t('field.date')} path={`${prefix}.date`} value={v.date} onChange={(date) => set({ date })} />
            <TextField label={t('field.reference')} path={`${prefix}.reference`} value={v.reference} onChange={(reference) => set({ reference })} />
            <DateField label={t('field.nextFollowUp')} path={`${prefix}.nextFollowUp`} value={v.nextFollowUp} onChange={(nextFollowUp) => set({ nextFollowUp })} />
            <TextField label={t('parts.advocacy.notes')} path={`${prefix}.notes`} value={v.notes} multiline rows={2} hint={t('parts.advocacy.notesHint')} onChange={(notes) => set({ notes })} />
            <div className="field field-check">
              <CheckboxField label={t('confidential.toggle')} checked={v.confidential} onChange={(confidential) => set({ confidential })} />
            </div>
          </>
        )}
      </AddForm>
    </Section>
  );
}
