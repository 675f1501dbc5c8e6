import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EventType, type CaseFile, type Event } from '../../../../shared/model';
import { inDateOrder, insertInOrder, orderProblems, redate } from '../../../../shared/model/chronology';
import { dateLanguage, formatPartialDate } from '../../../../shared/text/dateInput';
import { CheckboxField, DateField, opt, SelectField, TextField } from '../../../components/fields';
import { useToast } from '../../../components/Toasts';
import { newId } from '../../../lib/ids';
import { SourceCitations } from '../../sources/SourceCitations';
import { OrderStatus } from '../order';
import { AddForm, ItemCard } from '../parts';
import { Section } from '../../../components/Section';
import { useCurrentSession } from '../../../lib/caseSession';
import { enumLabel, enumOptions } from '../../../lib/enumLabels';
import { insertAt, type Edit } from '../../../lib/edit';
import { useMover } from './useMover';

type Props = { c: CaseFile; edit: Edit };

/** In the add form: where an undated event goes. '' is the end, START the top, else the id it follows. */
const START = '^start';
type EventForm = { date: string; after: string; type: Event['type']; title: string; description: string; confidential: boolean; sourceIds: string[] };

export function TimelineSection({ c, edit }: Props) {
  const { t, i18n } = useTranslation();
  const shown = (date: string | undefined) => (date ? formatPartialDate(date, dateLanguage(i18n.language)) : '');
  const toast = useToast();
  const session = useCurrentSession();
  const types = enumOptions(t, 'event', EventType.options);
  const mover = useMover({
    list: c.events,
    nameOf: (ev) => ev.title,
    apply: (update) => edit((d) => ({ ...d, events: update(d.events) })),
  });
  const setEvent = (id: string, patch: Partial<Event>) => edit((d) => ({ ...d, events: d.events.map((x) => (x.id === id ? { ...x, ...patch } : x)) }));
  // A new date may contradict the event's place: it moves to where that date belongs
  // (and stays put while its place still fits, so the user's order among equals holds).
  const setDate = (id: string, text: string) =>
    mover.reorderingEdit(
      id,
      () => edit((d) => ({ ...d, events: redate(d.events, d.events.findIndex((x) => x.id === id), opt(text)) })),
      () => session?.getState().draft.events ?? c.events,
    );
  const problems = useMemo(() => orderProblems(c.events), [c.events]);
  const placeOptions = [
    { value: START, label: t('parts.timeline.placeStart') },
    ...c.events.map((ev) => ({ value: ev.id, label: t('parts.timeline.placeAfter', { item: ev.date ? `${shown(ev.date)} — ${ev.title}` : ev.title }) })),
  ];

  return (
    <Section id="timeline" title={t('section.timeline')}>
      <p className="section-note">{t('parts.timeline.note')}</p>
      {c.events.length === 0 && <p className="empty-note">{t('case.noEvents')}</p>}
      {problems.length > 0 && (
        <div className="order-problems" role="group" aria-label={t('parts.timeline.problemsTitle')}>
          <strong>{t('parts.timeline.problemsTitle')}</strong>
          <ul>
            {problems.slice(0, 5).map((p) => (
              <li key={p.index}>
                {t('parts.timeline.problem', { item: c.events[p.index]!.title, date: shown(c.events[p.index]!.date), other: c.events[p.laterOne]!.title, otherDate: shown(c.events[p.laterOne]!.date) })}
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" onClick={() => edit((d) => ({ ...d, events: inDateOrder(d.events) }))}>
            {t('parts.timeline.putInOrder')}
          </button>
        </div>
      )}
      <ol className="item-list timeline">
        {c.events.map((ev, i) => (
          <ItemCard
            key={ev.id}
            heading={
              <>
                {ev.date ? <span className="timeline-date">{shown(ev.date)}</span> : <span className="timeline-date timeline-undated">{t('parts.timeline.undated')}</span>} {enumLabel(t, 'event', ev.type)} —{' '}
                <span className="item-card-title">{ev.title}</span>
              </>
            }
            confidential={ev.confidential === true}
            onConfidentialChange={(on) => setEvent(ev.id, { confidential: on })}
            order={mover.orderOf(ev, i)}
            removeLabel={t('common.remove')}
            onRemove={() => {
              session?.clearScratch(`field:events.${ev.id}.`);
              edit((d) => ({ ...d, events: d.events.filter((x) => x.id !== ev.id) }));
              toast({ message: t('case.removed', { item: ev.title }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, events: insertAt(d.events, i, ev) })) } });
            }}
          >
            <DateField label={t('field.date')} path={`events.${ev.id}.date`} value={ev.date} hint={t('parts.timeline.dateHint')} onChange={(date) => setDate(ev.id, date)} />
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
      <OrderStatus message={mover.status} />
      <AddForm<EventForm>
        name="events"
        initial={{ date: '', after: '', type: 'other', title: '', description: '', confidential: false, sourceIds: [] }}
        openLabel={t('case.addEvent')}
        title={t('case.newEvent')}
        isComplete={(v) => v.title.trim() !== ''}
        onAdd={(v) =>
          edit((d) => {
            const ev: Event = {
              id: newId(),
              ...(v.date !== '' ? { date: v.date } : {}),
              type: v.type,
              title: v.title,
              description: opt(v.description),
              sourceIds: v.sourceIds.length > 0 ? v.sourceIds : undefined,
              confidential: v.confidential || undefined,
            };
            const at = v.after === START ? 0 : v.after === '' ? undefined : d.events.findIndex((x) => x.id === v.after) + 1 || undefined;
            return { ...d, events: insertInOrder(d.events, ev, at) };
          })
        }
      >
        {(v, set, prefix) => (
          <>
            <DateField label={t('field.date')} path={`${prefix}.date`} value={v.date} autoFocus hint={t('parts.timeline.newDateHint')} onChange={(date) => set({ date })} />
            {v.date === '' && c.events.length > 0 && (
              <SelectField
                label={t('parts.timeline.place')}
                value={v.after === '' ? undefined : v.after}
                emptyLabel={t('parts.timeline.placeEnd')}
                options={placeOptions}
                hint={t('parts.timeline.placeHint')}
                onChange={(after) => set({ after: after ?? '' })}
              />
            )}
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
