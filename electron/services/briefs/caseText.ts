// A case's facts in a brief's words: names, penalties, the arrest, detention, measures.
// Pure text (no layout), shared by every template through sections.ts.
import { penaltyInForce, type CaseFile, type Decision, type NgoCase, type PrisonerCase } from '../../../shared/model';
import type { CalendarDate } from '../../../shared/text/dates';
import { expectedRelease } from '../../../shared/text/detention';
import type { Labels } from './labels';
import { countryShort, formatMoney, formatPartialDate, formatTerm, join } from './format';

export type FactRow = [string, string | undefined];

/** "174 part 1, Criminal Code — summary (convicted)"; a charge without an article names its code alone, never a placeholder. */
export function chargeText(ch: PrisonerCase['charges'][number], l?: Labels): string {
  const text = join([join([ch.article, ch.code], ', '), ch.summary], ' — ');
  return l && ch.outcome ? `${text} (${l.facts.chargeOutcome[ch.outcome]})` : text;
}

type Penalty = NonNullable<PrisonerCase['decisions'][number]['penalty']>;

/** A penalty in the court's own units: "Administrative arrest, 10 days", "Imprisonment, 6 years 4 months". */
export function penaltyText(p: Penalty | undefined, l: Labels): string {
  return p ? join([l.penaltyType[p.type], formatTerm(p.term, l, p.type), formatMoney(p.fine, l)]) : '';
}

/** The nationalities by their country names ("Kazakhstan; China"). */
export function nationalityText(c: PrisonerCase, l: Labels): string {
  return c.person.nationality.map((code) => countryShort(code, l)).join('; ');
}

/** The expected release: as recorded, else computed from the penalty in force; nothing once released. */
export function expectedReleaseText(c: PrisonerCase, l: Labels, today: CalendarDate): string {
  const r = expectedRelease(c.detention, c.decisions, today);
  if (!r) return '';
  if (r.precision !== 'range') return formatPartialDate(r.date, l);
  const day = (d: CalendarDate) => formatPartialDate(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`, l);
  return `${day(r.earliest)} – ${day(r.latest)}`;
}

/** The arrest as the case records it (`arrest`); the first arrest event's date when no arrest is recorded. */
export function arrestFacts(c: PrisonerCase, l: Labels): FactRow[] {
  const f = l.facts;
  const a = c.arrest;
  const date = a?.date ?? c.events.find((e) => e.type === 'arrest')?.date;
  return [
    [f.arrestDate, formatPartialDate(date, l)],
    [f.arrestPlace, a?.place],
    [f.arrestBy, a?.by],
    [f.warrantShown, a?.warrantShown && f.warrant[a.warrantShown]],
    [f.warrantIssuedBy, a?.warrantIssuedBy],
    [f.reasonsGiven, a?.reasonsGiven],
    [f.arrestLegalBasis, a?.legalBasis],
  ];
}

/** Identity details a public brief never holds (the view has already dropped them there). */
export function confidentialIdentity(c: PrisonerCase, l: Labels): FactRow[] {
  const f = l.facts;
  const id = c.person.idDocument;
  return [
    [f.address, c.person.address],
    [f.idDocument, id && join([id.type, id.number, id.issuedBy, formatPartialDate(id.issuedOn, l)])],
    [f.consent, c.consent && join([f.consentStatus[c.consent.status], c.consent.by, formatPartialDate(c.consent.date, l), c.consent.scope])],
  ];
}

/** The penalty in force (the latest decision that sets one), in words. */
export function sentenceText(c: PrisonerCase, l: Labels): string {
  const p = penaltyInForce(c.decisions)?.penalty;
  if (!p) return '';
  return join([l.penaltyType[p.type], formatTerm(p.term, l, p.type), formatMoney(p.fine, l)]);
}

/**
 * What a decision is called. Kazakhstan's Administrative Offences Code has the court issue a
 * «постановление» / «қаулы», never a «приговор» / «үкім»: calling a 10-day arrest a verdict
 * would be a wrong statement in a brief.
 */
export function decisionName(d: Pick<Decision, 'stage' | 'penalty'>, l: Labels): string {
  return d.stage === 'verdict' && d.penalty?.type === 'administrative_arrest' ? l.facts.administrativeRuling : l.facts.stage[d.stage];
}

/** The decision whose penalty is in force: its stage (a reduction is not a verdict), date and court or authority. */
export function verdictText(c: PrisonerCase, l: Labels): string | undefined {
  const d = penaltyInForce(c.decisions);
  return d && join([decisionName(d, l), formatPartialDate(d.date, l), d.body]);
}

/** A birth date as known: "c. 1967" when approximate. */
export function bornText(c: PrisonerCase, l: Labels): string | undefined {
  const b = c.person.born;
  return b && `${b.approximate ? l.circa : ''}${formatPartialDate(b.date, l)}`;
}

/** "Administrative arrest, ИВС Алматы"; a released person with the day of release, never "released, since 2016". */
export function detentionText(c: PrisonerCase, l: Labels): string {
  const d = c.detention;
  return join([l.detentionStatus[d.status], d.status === 'released' ? formatPartialDate(d.releasedOn, l) : d.place]);
}

/** The day the detention or the measure began, unless the person is already released. */
function detainedSince(c: PrisonerCase): string | undefined {
  return c.detention.status === 'released' ? undefined : c.detention.since;
}

export function measureText(c: NgoCase, l: Labels): string {
  return `${l.measureType[c.measure.type]} (${l.measureStatus[c.measure.status]})`;
}

export function recognitionText(r: PrisonerCase['recognitions'][number], l: Labels): string {
  return join([l.recognition[r.label], join([r.by, formatPartialDate(r.date, l)])], ' — ');
}

export function appealText(c: NgoCase, l: Labels): string {
  const a = c.appeal;
  if (!a) return '';
  return join([a.court, a.filed && `${l.field.filed}: ${formatPartialDate(a.filed, l)}`, a.outcome && `${l.field.outcome}: ${a.outcome}`], '; ');
}

/** The state of the case in a few words, for tables of many cases. */
export function stateText(c: CaseFile, l: Labels): string {
  return c.kind === 'political_prisoner' ? l.detentionStatus[c.detention.status] : measureText(c, l);
}

export function sinceOf(c: CaseFile): string | undefined {
  return c.kind === 'political_prisoner' ? detainedSince(c) : c.measure.start;
}
