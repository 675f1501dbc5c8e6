import type { PrisonerCase, WgadCategory } from '../../../shared/model';
import type { z } from 'zod';
import type { CalendarDate } from '../../../shared/text/dates';
import { periodOf } from '../../../shared/text/detention';
import { chargeText, decisionName, detentionText, nationalityText, recognitionText } from './caseText';
import { countryShort, formatPartialDate, join } from './format';
import type { Labels } from './labels';
import type { WgadLabels } from './labels/wgad';

// What a WGAD communication argues from, decided once for the template and for its
// completeness check: the facts that support each category, the remedies the defence
// pursued, and when the detention began. Pure: the case as the brief may show it in, facts out.

export type Category = z.infer<typeof WgadCategory>;
type Event = PrisonerCase['events'][number];
type Decision = PrisonerCase['decisions'][number];

/** One fact a category rests on, with the sources that record it (footnotes in the brief). */
export type FactPoint = { text: string; sourceIds: readonly string[] };

/** Statuses in which `detention.since` is the day the deprivation of liberty began. */
const DEPRIVED: ReadonlySet<string> = new Set(['pre_trial', 'house_arrest', 'administrative_arrest', 'imprisoned', 'forced_treatment', 'incommunicado', 'released']);

/** Words that say a court or authority decided for the detainee (release, acquittal, a granted petition). */
const GRANTED = /(grant|releas|acquit|quash|overturn|annul|удовлетвор|освобо|оправда|отмен|прекращ|босат|ақтал|күшін жой|қанағаттандыр)/iu;
/** Words that say it decided against (a denial outweighs a mention of release: "release denied"). */
const DENIED = /(den(y|ied|ial)|refus|reject|upheld|uphold|dismiss|revok|отказ|отклон|оставлен|оставил|без изменени|бас тарт|қабылданбад|өзгеріссіз|қанағаттандырусыз)/iu;
/** An appeal the prosecution brought: not a remedy of the detainee's. */
const PROSECUTION_APPEAL =
  /(prosecut\p{L}*['’]?s?\s+(appeal|protest|motion|submission|cassation))|((appeal|protest|motion|cassation)\p{L}*\s+(by|of)\s+the\s+prosecut)|(протест\p{L}*\s+прокурор)|((апелляц|представлен|жалоб|кассац)\p{L}*\s+прокурор)|(прокурор\p{L}*\s+(обжаловал|подал|внес|внёс|принес|принёс|опротестовал))|(прокурор\p{L}*\s+(наразылы|шағым|өтініш))/iu;

/** Stages that decide for the detainee whatever their wording. */
const FAVOURABLE_STAGES: ReadonlySet<string> = new Set(['early_release', 'pardon', 'amnesty', 'commutation', 'reduction']);
/** Stages that rule on the proceedings, arguable under category III when they went against the detainee. */
const TRIAL_STAGES: ReadonlySet<string> = new Set(['verdict', 'appeal', 'cassation', 'supervisory_review', 'early_release_denied']);
/** Stages that answer a remedy someone sought. */
const REMEDY_STAGES: ReadonlySet<string> = new Set(['appeal', 'cassation', 'supervisory_review', 'early_release', 'early_release_denied', 'pardon']);
const APPEAL_STAGES: ReadonlySet<string> = new Set(['appeal', 'cassation', 'supervisory_review']);

const eventWords = (e: Event) => `${e.title} ${e.description ?? ''}`;
const decisionWords = (d: Decision) => `${d.outcome ?? ''} ${d.body ?? ''}`;

/** Whether an event or decision text says release (or another petition) was granted and nothing was denied. */
export function granted(text: string): boolean {
  return GRANTED.test(text) && !DENIED.test(text);
}

/** The prosecution's own appeal, by the decision's or the event's words (the model records no appellant). */
export function byProsecution(text: string): boolean {
  return PROSECUTION_APPEAL.test(text);
}

/** Whether the present status is (or was, until release) a deprivation of liberty. */
export function isDeprived(c: PrisonerCase): boolean {
  return DEPRIVED.has(c.detention.status);
}

/** The day the deprivation of liberty began: never the day a person reached exile or a restriction began. */
export function detentionStart(c: PrisonerCase): string | undefined {
  const arrested = c.arrest?.date ?? c.events.find((e) => e.type === 'arrest' && e.date)?.date;
  return DEPRIVED.has(c.detention.status) ? (c.detention.since ?? arrested) : arrested;
}

export type Span = { years: number; months: number; days: number; approximate: boolean; releasedOn?: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * How long the person has been (or was) held: from the start of the detention to the
 * release, or to today. A partial date counts from the end of its period, so the span is
 * then a lower bound ("at least"). Null when the start is unknown or still ahead, or the
 * person was never deprived of liberty.
 */
export function detentionSpan(c: PrisonerCase, today: CalendarDate): Span | null {
  const start = detentionStart(c);
  const from = start ? periodOf(start) : null;
  if (!from) return null;
  const release = c.detention.releasedOn ? periodOf(c.detention.releasedOn) : null;
  if (!release && !DEPRIVED.has(c.detention.status)) return null;
  const to = release ? release.start : today;
  const s = from.precision === 'day' ? from.start : from.end;
  let years = to.year - s.year;
  let months = to.month - s.month;
  let days = to.day - s.day;
  if (days < 0) {
    months -= 1;
    days += daysInMonth(to.year, to.month - 1);
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  if (years < 0) return null;
  const approximate = from.precision !== 'day' || (release !== null && release.precision !== 'day');
  return { years, months, days, approximate, ...(release ? { releasedOn: release.date } : {}) };
}

/** A remedy the detained person or the defence pursued: the decision answering it or an appeal event, and the appeal events it covers. */
export type Remedy = { decision?: Decision; event?: Event; covers: Event[]; sourceIds: string[] };

/**
 * The defence's remedies with their results: decisions on appeals, cassation,
 * supervisory review, early release and pardon (not the prosecution's appeals), and
 * appeal events no such decision covers (a decision covers the appeal events of its date).
 */
export function defenceRemedies(c: PrisonerCase): Remedy[] {
  const decisions = c.decisions.filter((d) => REMEDY_STAGES.has(d.stage) && !(APPEAL_STAGES.has(d.stage) && byProsecution(decisionWords(d))));
  const appeals = c.events.filter((e) => e.type === 'appeal' && !byProsecution(eventWords(e)));
  const covered = new Set<string>();
  const out: Remedy[] = decisions.map((d) => {
    const covers = appeals.filter((e) => d.date !== undefined && e.date === d.date && APPEAL_STAGES.has(d.stage) && !covered.has(e.id));
    for (const e of covers) covered.add(e.id);
    return { decision: d, covers, sourceIds: [...new Set(covers.flatMap((e) => e.sourceIds ?? []))] };
  });
  for (const e of appeals) if (!covered.has(e.id)) out.push({ event: e, covers: [e], sourceIds: [...(e.sourceIds ?? [])] });
  return out;
}

/** The events the remedies section prints (so no other table prints them again). */
export function remedyEventIds(remedies: readonly Remedy[]): Set<string> {
  return new Set(remedies.flatMap((r) => r.covers.map((e) => e.id)));
}

function eventPoint(e: Event, l: Labels): FactPoint {
  const head = join([formatPartialDate(e.date, l), l.eventType[e.type]]);
  return { text: join([`${head}:`, e.title, e.description], ' '), sourceIds: e.sourceIds ?? [] };
}

function decisionPoint(d: Decision, l: Labels, sourceIds: readonly string[] = []): FactPoint {
  const head = join([formatPartialDate(d.date, l), decisionName(d, l), d.body]);
  return { text: d.outcome ? `${head}: ${d.outcome}.` : `${head}.`, sourceIds };
}

/**
 * The facts of this case that support one claimed category: I (no legal basis) the
 * arrest as recorded, II (exercise of rights) the charges, recognitions and the arrest and
 * charge events, III (fair trial) the decisions and hearings that went against the
 * detainee (never one that granted release), IV (migrants) a foreign national's
 * detention, V (discrimination) the group the person belongs to. Empty: nothing in the
 * file supports it yet, which the completeness check reports.
 */
export function categoryPoints(c: PrisonerCase, cat: Category, l: Labels, q: WgadLabels): FactPoint[] {
  const out: FactPoint[] = [];
  const a = c.arrest;
  if (cat === 'I') {
    if (a?.warrantShown === 'no') out.push({ text: q.warrantNotShown, sourceIds: [] });
    if (a?.reasonsGiven) out.push({ text: q.reasonsAtArrest(a.reasonsGiven), sourceIds: [] });
    if (a?.legalBasis) out.push({ text: q.arrestBasisInvoked(a.legalBasis), sourceIds: [] });
    for (const e of c.events.filter((e) => e.type === 'arrest')) out.push(eventPoint(e, l));
  }
  if (cat === 'II') {
    if (c.charges.length > 0) out.push({ text: q.charged(c.charges.map((ch) => chargeText(ch, l)).join('; ')), sourceIds: [] });
    for (const r of c.recognitions) out.push({ text: q.recognised(recognitionText(r, l)), sourceIds: [] });
    for (const e of c.events.filter((e) => e.type === 'arrest' || e.type === 'charge')) out.push(eventPoint(e, l));
  }
  if (cat === 'III') {
    const trialEvents = c.events.filter((e) => (e.type === 'hearing' || e.type === 'verdict' || e.type === 'appeal') && !granted(eventWords(e)));
    const used = new Set<string>();
    for (const d of c.decisions) {
      if (!TRIAL_STAGES.has(d.stage) || FAVOURABLE_STAGES.has(d.stage) || granted(decisionWords(d)) || d.penalty?.type === 'none') continue;
      const same = trialEvents.filter((e) => d.date !== undefined && e.date === d.date);
      for (const e of same) used.add(e.id);
      out.push(decisionPoint(d, l, [...new Set(same.flatMap((e) => e.sourceIds ?? []))]));
    }
    for (const e of trialEvents) if (!used.has(e.id)) out.push(eventPoint(e, l));
  }
  if (cat === 'IV') {
    const foreign = c.country !== undefined && c.person.nationality.length > 0 && !c.person.nationality.includes(c.country);
    if (foreign) {
      out.push({ text: q.foreignNational(nationalityText(c, l), countryShort(c.country, l)), sourceIds: [] });
      out.push({ text: q.heldIn(detentionText(c, l)), sourceIds: [] });
    }
  }
  if (cat === 'V' && c.person.affiliation) out.push({ text: q.affiliation(c.person.affiliation), sourceIds: [] });
  return out;
}

/** The categories claimed, each once, in order. */
export function claimedCategories(c: PrisonerCase): Category[] {
  return [...new Set(c.analysis.wgadCategories)].sort();
}
