import { useTranslation } from 'react-i18next';
import { DecisionStage, PenaltyType, penaltyInForce, type Penalty, type PrisonerCase } from '../../../../shared/model';
import { comparePartialDates } from '../../../../shared/text/partialDate';
import { CheckboxField, DateField, opt, SelectField, TextField } from '../../../components/fields';
import { useToast } from '../../../components/Toasts';
import { useFormat } from '../../../i18n/format';
import { newId } from '../../../lib/ids';
import { formatPartialDate } from '../../../lib/partialDates';
import { AddForm, ItemCard, MoneyFields } from '../parts';
import { Section } from '../../../components/Section';
import { useCurrentSession } from '../../../lib/caseSession';
import { enumLabel, enumOptions } from '../../../lib/enumLabels';
import { insertAt, type EditPrisoner } from '../../../lib/edit';
import { moveItem } from './reorder';
import { usePenaltyText } from '../../../lib/penaltyText';
import { TermField } from './TermField';
import { OtherCasesLink } from '../../people/OtherCasesLink';
import './prisoner.css';

type Props = { c: PrisonerCase; edit: EditPrisoner };
// The case type admits a decision without an id (the model types stored and draft
// decisions with one shape); a stored case always has ids, the fallback is only for the type.
type Decision = PrisonerCase['decisions'][number];
const idOf = (d: Decision, i: number): string => d.id ?? `at-${i}`;
type Stage = Decision['stage'];
type PenaltyKind = Penalty['type'];

/** Where a new dated decision goes so the list stays oldest first; undated ones go last. */
function chronologicalIndex(list: readonly Decision[], date: string | undefined): number {
  if (!date) return list.length;
  const i = list.findIndex((d) => d.date !== undefined && comparePartialDates(d.date, date) > 0);
  return i === -1 ? list.length : i;
}

type NewDecision = { stage: Stage; date: string; body: string; penaltyType: PenaltyKind | ''; term: Penalty['term']; fine: Penalty['fine']; outcome: string; confidential: boolean };

export function DecisionsSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const format = useFormat();
  const penaltyText = usePenaltyText();
  const stages = enumOptions(t, 'decisionStage', DecisionStage.options);
  const penalties = enumOptions(t, 'penalty', PenaltyType.options);
  const inForce = penaltyInForce(c.decisions);
  const setDecision = (id: string, update: (d: Decision) => Decision) => edit((d) => ({ ...d, decisions: d.decisions.map((x, j) => (idOf(x, j) === id ? update(x) : x)) }));
  const nameOf = (d: Decision, i: number) => t('prisoner.decisions.heading', { n: i + 1, stage: enumLabel(t, 'decisionStage', d.stage) });

  const move = (id: string, delta: number) => {
    edit((d) => {
      const i = d.decisions.findIndex((x, j) => idOf(x, j) === id);
      return i === -1 ? d : { ...d, decisions: moveItem(d.decisions, i, delta) };
    });
    // The card moved in the DOM: keep the keyboard on its button (or the other one at an end).
    requestAnimationFrame(() => {
      const want = document.getElementById(`decision-${id}-${delta < 0 ? 'up' : 'down'}`) as HTMLButtonElement | null;
      const other = document.getElementById(`decision-${id}-${delta < 0 ? 'down' : 'up'}`) as HTMLButtonElement | null;
      (want && !want.disabled ? want : other)?.focus();
    });
  };

  return (
    <Section id="decisions" title={t('prisoner.section.decisions')}>
      <p className="section-note">{t('prisoner.decisions.intro')}</p>
      <p className="decisions-in-force" role="status">
        {inForce?.penalty
          ? t('prisoner.decisions.inForceSummary', {
              penalty: penaltyText(inForce.penalty),
              decision: nameOf(inForce, c.decisions.indexOf(inForce)),
            })
          : t('prisoner.decisions.noneInForce')}
      </p>
      {c.decisions.length === 0 && <p className="empty-note">{t('prisoner.decisions.none')}</p>}
      <ol className="item-list decisions">
        {c.decisions.map((dec, i) => {
          const id = idOf(dec, i);
          const name = nameOf(dec, i);
          const p = dec.penalty;
          const setPenalty = (penalty: Decision['penalty']) => setDecision(id, (x) => ({ ...x, penalty }));
          return (
            <ItemCard
              key={id}
              heading={
                <>
                  <span className="decision-order" role="group" aria-label={t('prisoner.decisions.order', { item: name })}>
                    <button
                      type="button"
                      id={`decision-${id}-up`}
                      className="btn btn-icon btn-small"
                      disabled={i === 0}
                      aria-label={t('prisoner.decisions.moveUp', { item: name })}
                      title={t('prisoner.decisions.moveUp', { item: name })}
                      onClick={() => move(id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      id={`decision-${id}-down`}
                      className="btn btn-icon btn-small"
                      disabled={i === c.decisions.length - 1}
                      aria-label={t('prisoner.decisions.moveDown', { item: name })}
                      title={t('prisoner.decisions.moveDown', { item: name })}
                      onClick={() => move(id, 1)}
                    >
                      ↓
                    </button>
                  </span>{' '}
                  <span className="item-card-title">{name}</span>
                  {dec.date && <span className="timeline-date"> · {formatPartialDate(dec.date, format.lang)}</span>}
                  {p && <span> · {penaltyText(p)}</span>}
                  {inForce === dec && <span className="badge badge-in-force">{t('prisoner.decisions.inForce')}</span>}
                </>
              }
              confidential={dec.confidential === true}
              onConfidentialChange={(on) => setDecision(id, (x) => ({ ...x, confidential: on }))}
              removeLabel={t('common.remove')}
              onRemove={() => {
                session?.clearScratch(`field:decisions.${id}.`);
                edit((d) => ({ ...d, decisions: d.decisions.filter((x, j) => idOf(x, j) !== id) }));
                toast({ message: t('case.removed', { item: name }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, decisions: insertAt(d.decisions, i, dec) })) } });
              }}
            >
              <SelectField label={t('prisoner.decisions.stage')} value={dec.stage} options={stages} onChange={(stage) => stage && setDecision(id, (x) => ({ ...x, stage }))} />
              <DateField label={t('prisoner.decisions.date')} path={`decisions.${id}.date`} value={dec.date} onChange={(v) => setDecision(id, (x) => ({ ...x, date: opt(v) }))} />
              <TextField label={t('prisoner.decisions.body')} path={`decisions.${id}.body`} value={dec.body} hint={<>{t('prisoner.decisions.bodyHint')} <OtherCasesLink spelling={dec.body} which="decision" /></>} onChange={(v) => setDecision(id, (x) => ({ ...x, body: opt(v) }))} />
              <SelectField
                label={t('prisoner.decisions.penalty')}
                value={p?.type}
                options={penalties}
                emptyLabel={t('prisoner.decisions.noPenalty')}
                hint={t('prisoner.decisions.penaltyHint')}
                onChange={(type) => {
                  if (type) return setPenalty({ ...p, type });
                  if (!p) return;
                  session?.clearScratch(`field:decisions.${id}.penalty.`);
                  setPenalty(undefined);
                  // A removed penalty may carry a term and a fine: one click brings them back.
                  toast({ message: t('prisoner.decisions.penaltyRemoved', { item: name }), action: { label: t('common.undo'), run: () => setDecision(id, (x) => ({ ...x, penalty: p })) } });
                }}
              />
              {p && (
                <>
                  <TermField path={`decisions.${id}.penalty.term`} value={p.term} onChange={(term) => setPenalty({ ...p, term })} />
                  <MoneyFields label={t('prisoner.decisions.fine')} addLabel={t('prisoner.fine.add')} removeLabel={t('prisoner.fine.remove')} path={`decisions.${id}.penalty.fine`} value={p.fine} onChange={(fine) => setPenalty({ ...p, fine })} />
                </>
              )}
              <TextField
                label={t('prisoner.decisions.outcome')}
                path={`decisions.${id}.outcome`}
                value={dec.outcome}
                multiline
                rows={2}
                hint={t('prisoner.decisions.outcomeHint')}
                onChange={(v) => setDecision(id, (x) => ({ ...x, outcome: opt(v) }))}
              />
            </ItemCard>
          );
        })}
      </ol>
      <AddForm<NewDecision>
        name="decisions"
        initial={{ stage: c.decisions.length === 0 ? 'verdict' : 'appeal', date: '', body: '', penaltyType: '', term: undefined, fine: undefined, outcome: '', confidential: false }}
        openLabel={t('prisoner.decisions.add')}
        title={t('prisoner.decisions.new')}
        isComplete={() => true}
        onAdd={(v) =>
          edit((d) => {
            const penalty: Decision['penalty'] = v.penaltyType === '' ? undefined : { type: v.penaltyType, term: v.term, fine: v.fine };
            const dec: Decision = { id: newId(), stage: v.stage, date: opt(v.date), body: opt(v.body), penalty, outcome: opt(v.outcome), confidential: v.confidential || undefined };
            return { ...d, decisions: insertAt(d.decisions, chronologicalIndex(d.decisions, dec.date), dec) };
          })
        }
      >
        {(v, set, prefix) => (
          <>
            <SelectField label={t('prisoner.decisions.stage')} value={v.stage} options={stages} autoFocus onChange={(stage) => stage && set({ stage })} />
            <DateField label={t('prisoner.decisions.date')} path={`${prefix}.date`} value={v.date} onChange={(date) => set({ date })} />
            <TextField label={t('prisoner.decisions.body')} path={`${prefix}.body`} value={v.body} hint={t('prisoner.decisions.bodyHint')} onChange={(body) => set({ body })} />
            <SelectField
              label={t('prisoner.decisions.penalty')}
              value={v.penaltyType === '' ? undefined : v.penaltyType}
              options={penalties}
              emptyLabel={t('prisoner.decisions.noPenalty')}
              hint={t('prisoner.decisions.penaltyHint')}
              onChange={(type) => {
                if (!type) session?.clearScratch(`field:${prefix}.penalty.`);
                set(type ? { penaltyType: type } : { penaltyType: '', term: undefined, fine: undefined });
              }}
            />
            {v.penaltyType !== '' && (
              <>
                <TermField path={`${prefix}.penalty.term`} value={v.term} onChange={(term) => set({ term })} />
                <MoneyFields label={t('prisoner.decisions.fine')} addLabel={t('prisoner.fine.add')} removeLabel={t('prisoner.fine.remove')} path={`${prefix}.penalty.fine`} value={v.fine} onChange={(fine) => set({ fine })} />
              </>
            )}
            <TextField label={t('prisoner.decisions.outcome')} path={`${prefix}.outcome`} value={v.outcome} multiline rows={2} hint={t('prisoner.decisions.outcomeHint')} onChange={(outcome) => set({ outcome })} />
            <div className="field field-check">
              <CheckboxField label={t('confidential.toggle')} checked={v.confidential} onChange={(confidential) => set({ confidential })} />
            </div>
          </>
        )}
      </AddForm>
    </Section>
  );
}
