import { useTranslation } from 'react-i18next';
import {
  AdvocacyKind, AdvocacyStatus, EventType, WgadCategory,
  type AdvocacyAction, type CaseFile, type Deadline, type Event,
} from '../../../../shared/model';
import { comparePartialDates } from '../../../../shared/text/partialDate';
import { CheckboxField, DateField, opt, SelectField, StringListField, TextField } from '../../../components/fields';
import { useToast } from '../../../components/Toasts';
import { newId } from '../../../lib/ids';
import { SourceCitations } from '../../sources/SourceCitations';
import { AddForm, FieldGrid, ItemCard, Section } from '../parts';
import { useCurrentSession } from '../session';
import { enumLabel, enumOptions, insertAt, type Edit } from './common';

type Props = { c: CaseFile; edit: Edit };

function patchById<T extends { id: string }>(list: readonly T[], id: string, patch: Partial<T>): T[] {
  return list.map((item) => (item.id === id ? { ...item, ...patch } : item));
}

/** Where a new dated item goes so the list stays in date order (after its equals). */
function chronologicalIndex(list: readonly { date?: string | undefined }[], date: string): number {
  const i = list.findIndex((item) => item.date !== undefined && comparePartialDates(item.date, date) > 0);
  return i === -1 ? list.length : i;
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

type EventForm = { date: string; type: Event['type']; title: string; description: string; confidential: boolean; sourceIds: string[] };

export function TimelineSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const types = enumOptions(t, 'event', EventType.options);
  const setEvent = (id: string, patch: Partial<Event>) => edit((d) => ({ ...d, events: patchById(d.events, id, patch) }));
  return (
    <Section id="timeline" title={t('section.timeline')}>
      {c.events.length === 0 && <p className="empty-note">{t('case.noEvents')}</p>}
      <ol className="item-list timeline">
        {c.events.map((ev, i) => (
          <ItemCard
            key={ev.id}
            heading={
              <>
                <span className="timeline-date">{ev.date}</span> {enumLabel(t, 'event', ev.type)} — <span className="item-card-title">{ev.title}</span>
              </>
            }
            confidential={ev.confidential === true}
            onConfidentialChange={(on) => setEvent(ev.id, { confidential: on })}
            removeLabel={t('common.remove')}
            onRemove={() => {
              session?.clearScratch(`field:events.${ev.id}.`);
              edit((d) => ({ ...d, events: d.events.filter((x) => x.id !== ev.id) }));
              toast({ message: t('case.removed', { item: ev.title }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, events: insertAt(d.events, i, ev) })) } });
            }}
          >
            <DateField label={t('field.date')} path={`events.${ev.id}.date`} value={ev.date} required onChange={(date) => setEvent(ev.id, { date })} />
            <SelectField label={t('field.eventType')} value={ev.type} options={types} onChange={(type) => type && setEvent(ev.id, { type })} />
            <TextField label={t('field.eventTitle')} path={`events.${ev.id}.title`} value={ev.title} required span2 onChange={(title) => setEvent(ev.id, { title })} />
            <TextField
              label={t('field.description')}
              path={`events.${ev.id}.description`}
              value={ev.description}
              multiline
              rows={2}
              onChange={(v) => setEvent(ev.id, { description: opt(v) })}
            />
            <SourceCitations caseId={c.id} sources={c.sources} value={ev.sourceIds ?? []} onChange={(ids) => setEvent(ev.id, { sourceIds: ids.length > 0 ? ids : undefined })} />
          </ItemCard>
        ))}
      </ol>
      <AddForm<EventForm>
        name="events"
        initial={{ date: '', type: 'other', title: '', description: '', confidential: false, sourceIds: [] }}
        openLabel={t('case.addEvent')}
        title={t('case.newEvent')}
        isComplete={(v) => v.date !== '' && v.title.trim() !== ''}
        onAdd={(v) =>
          edit((d) => {
            const ev: Event = { id: newId(), date: v.date, type: v.type, title: v.title, description: opt(v.description), sourceIds: v.sourceIds.length > 0 ? v.sourceIds : undefined, confidential: v.confidential || undefined };
            return { ...d, events: insertAt(d.events, chronologicalIndex(d.events, v.date), ev) };
          })
        }
      >
        {(v, set, prefix) => (
          <>
            <DateField label={t('field.date')} path={`${prefix}.date`} value={v.date} required autoFocus hint={t('field.dateHint')} onChange={(date) => set({ date })} />
            <SelectField label={t('field.eventType')} value={v.type} options={types} onChange={(type) => type && set({ type })} />
            <TextField label={t('field.eventTitle')} path={`${prefix}.title`} value={v.title} required span2 onChange={(title) => set({ title })} />
            <TextField label={t('field.description')} path={`${prefix}.description`} value={v.description} multiline rows={2} onChange={(description) => set({ description })} />
            <SourceCitations caseId={c.id} sources={c.sources} value={v.sourceIds} onChange={(sourceIds) => set({ sourceIds })} />
            <div className="field field-check">
              <CheckboxField label={t('confidential.toggle')} checked={v.confidential} onChange={(confidential) => set({ confidential })} />
            </div>
          </>
        )}
      </AddForm>
    </Section>
  );
}

export function DeadlinesSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const setDeadline = (id: string, patch: Partial<Deadline>) => edit((d) => ({ ...d, deadlines: patchById(d.deadlines, id, patch) }));
  return (
    <Section id="deadlines" title={t('section.deadlines')}>
      {c.deadlines.length === 0 && <p className="empty-note">{t('case.noDeadlines')}</p>}
      <ul className="item-list">
        {c.deadlines.map((dl, i) => (
          <ItemCard
            key={dl.id}
            heading={
              <>
                <span className="timeline-date">{dl.date}</span> <span className="item-card-title">{dl.title}</span> · {dl.done ? t('case.deadlineDone') : t('case.deadlineOpen')}
              </>
            }
            removeLabel={t('common.remove')}
            onRemove={() => {
              session?.clearScratch(`field:deadlines.${dl.id}.`);
              edit((d) => ({ ...d, deadlines: d.deadlines.filter((x) => x.id !== dl.id) }));
              toast({ message: t('case.removed', { item: dl.title }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, deadlines: insertAt(d.deadlines, i, dl) })) } });
            }}
          >
            <DateField label={t('field.date')} path={`deadlines.${dl.id}.date`} value={dl.date} required onChange={(date) => setDeadline(dl.id, { date })} />
            <TextField label={t('field.deadlineTitle')} path={`deadlines.${dl.id}.title`} value={dl.title} required span2 onChange={(title) => setDeadline(dl.id, { title })} />
            <div className="field field-check">
              <CheckboxField label={t('field.done')} checked={dl.done} onChange={(done) => setDeadline(dl.id, { done })} />
            </div>
          </ItemCard>
        ))}
      </ul>
      <AddForm<{ date: string; title: string }>
        name="deadlines"
        initial={{ date: '', title: '' }}
        openLabel={t('case.addDeadline')}
        title={t('case.newDeadline')}
        isComplete={(v) => v.date !== '' && v.title.trim() !== ''}
        onAdd={(v) =>
          edit((d) => ({ ...d, deadlines: insertAt(d.deadlines, chronologicalIndex(d.deadlines, v.date), { id: newId(), date: v.date, title: v.title, done: false }) }))
        }
      >
        {(v, set, prefix) => (
          <>
            <DateField label={t('field.date')} path={`${prefix}.date`} value={v.date} required autoFocus onChange={(date) => set({ date })} />
            <TextField label={t('field.deadlineTitle')} path={`${prefix}.title`} value={v.title} required span2 onChange={(title) => set({ title })} />
          </>
        )}
      </AddForm>
    </Section>
  );
}

type ActionForm = { target: string; kind: AdvocacyAction['kind']; status: AdvocacyAction['status']; date: string; reference: string; nextFollowUp: string; notes: string };

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
            <TextField label={t('field.notes')} path={`advocacy.${a.id}.notes`} value={a.notes} multiline rows={2} onChange={(v) => setAction(a.id, { notes: opt(v) })} />
          </ItemCard>
        ))}
      </ul>
      <AddForm<ActionForm>
        name="advocacy"
        initial={{ target: '', kind: 'communication', status: 'draft', date: '', reference: '', nextFollowUp: '', notes: '' }}
        openLabel={t('case.addAction')}
        title={t('case.newAction')}
        isComplete={(v) => v.target.trim() !== ''}
        onAdd={(v) =>
          edit((d) => ({
            ...d,
            advocacy: [
              ...d.advocacy,
              { id: newId(), target: v.target, kind: v.kind, status: v.status, date: opt(v.date), reference: opt(v.reference), nextFollowUp: opt(v.nextFollowUp), notes: opt(v.notes) },
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
            <TextField label={t('field.notes')} path={`${prefix}.notes`} value={v.notes} multiline rows={2} onChange={(notes) => set({ notes })} />
          </>
        )}
      </AddForm>
    </Section>
  );
}
