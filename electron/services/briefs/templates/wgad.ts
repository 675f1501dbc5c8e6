import type { PrisonerCase, WgadCategory } from '../../../../shared/model';
import type { z } from 'zod';
import { verifiedEvidence } from '../evidence';
import { formatPartialDate, join } from '../format';
import type { Run } from '../doc/model';
import { THEME } from '../doc/theme';
import {
  advocacy, argument, arrestFacts, chargeText, decisions, domesticRemedies, eventTable, evidence, expectedReleaseText, factsTable, nationalityText, place,
  REMEDY_EVENTS, sentenceText, sortedEvents, bornText, titleBlock, toBeCompleted, type Ctx,
} from '../sections';

type Category = z.infer<typeof WgadCategory>;
type Event = PrisonerCase['events'][number];

/** Where each kind of event belongs in the questionnaire; the rest go to IV's chronology. */
const ARREST_EVENTS: ReadonlySet<string> = new Set(['arrest', 'charge']);
const DETENTION_EVENTS: ReadonlySet<string> = new Set(['transfer', 'release']);

/** The ICCPR articles whose violation each category rests on, to tie the case's rights to its categories. */
const CATEGORY_ARTICLES: Record<Category, readonly number[]> = {
  I: [9],
  II: [12, 18, 19, 21, 22, 25, 26, 27],
  III: [9, 14],
  IV: [9, 13],
  V: [2, 26],
};

/** Events listed under one category; the rest are counted and referred to their section. */
const FACTS_PER_CATEGORY = 4;

function articleNumber(right: string): number | undefined {
  const m = /(\d+)/.exec(right);
  return m ? Number(m[1]) : undefined;
}

/** What the case file holds for one claimed category: the rights recorded under it and the facts it turns on. */
function categoryMaterial(ctx: Ctx, c: PrisonerCase, cat: Category): Run[][] {
  const { l } = ctx;
  const q = l.wgad;
  const rights = c.analysis.rightsViolated.filter((r) => CATEGORY_ARTICLES[cat].includes(articleNumber(r) ?? -1));
  const out: Run[][] = [];
  if (rights.length > 0) out.push([{ text: `${l.field.rightsViolated}: ${rights.join(', ')}.` }]);
  const charges = c.charges.map((ch) => chargeText(ch, l)).join('; ');
  if (cat === 'I' || cat === 'II') out.push([{ text: charges ? q.chargesOnRecord(charges) : q.noChargeOnRecord }]);
  const dated = (e: Event) => [{ text: join([formatPartialDate(e.date, l), l.eventType[e.type]], ', ') + ': ', style: 'bold' as const }, { text: e.title }];
  // The facts a category turns on, the latest few: the full list is in its section (II or V).
  const latest = (events: Event[], section: string) => {
    for (const e of events.slice(-FACTS_PER_CATEGORY)) out.push(dated(e));
    if (events.length > FACTS_PER_CATEGORY) out.push([{ text: q.moreInSection(events.length - FACTS_PER_CATEGORY, section), color: THEME.muted }]);
  };
  if (cat === 'I') latest(sortedEvents(c).filter((e) => e.type === 'arrest'), 'II');
  if (cat === 'III') latest(sortedEvents(c).filter((e) => REMEDY_EVENTS.has(e.type)), 'V');
  if (cat === 'IV') out.push([{ text: join([l.detentionStatus[c.detention.status], c.detention.place, c.detention.since && l.sinceDate(formatPartialDate(c.detention.since, l))]) }]);
  return out;
}

/**
 * The Working Group's model questionnaire (sections I–VI), filled from the case.
 * Every event the brief may show is placed: arrest and charge under II, transfers
 * and release under III, hearings, verdicts and appeals under V, the rest in a
 * chronology under IV. Section IV argues the case category by category from the
 * case's own rights, facts and argument. The submitter block stays blank unless
 * a submitter is named: who signs is decided when it is sent.
 */
export function renderWgad(ctx: Ctx, c: PrisonerCase): void {
  const { w, l } = ctx;
  const q = l.wgad;
  titleBlock(ctx, l.templateTitle.wgad, c.title);
  w.block([{ text: q.intro, style: 'italic', color: THEME.muted }], { gapAfter: 8 });
  const events = sortedEvents(c);

  w.heading(q.s1);
  factsTable(w, [
    [q.familyName, c.person.name],
    [q.otherNames, c.person.aliases.join('; ')],
    [q.sex, c.person.gender && l.gender[c.person.gender]],
    [q.birthYear, bornText(c, l)],
    [l.facts.nationality, nationalityText(c, l)],
    [q.profession, c.person.occupation],
    [q.affiliation, c.person.affiliation],
    [q.country, place(c, l)],
    // Internal only: a public brief's view holds none of these.
    [l.field.contact, c.person.contact],
    [l.facts.address, c.person.address],
    [l.facts.idDocument, c.person.idDocument && [c.person.idDocument.type, c.person.idDocument.number, c.person.idDocument.issuedBy].filter(Boolean).join(', ')],
  ]);

  w.heading(q.s2);
  // The arrest as recorded; its date from the first arrest event when the case records no arrest.
  const arrests = events.filter((e) => e.type === 'arrest');
  const arrestRows = arrestFacts(c, l);
  factsTable(w, arrestRows.map(([label, value], i) => (i === 0 ? [q.arrestDate, value || l.notRecorded] : [label, value])));
  const atArrest = events.filter((e) => ARREST_EVENTS.has(e.type));
  if (arrests.length === 0 && !c.arrest) w.block([{ text: q.noArrest, color: THEME.muted }]);
  if (atArrest.length > 0) eventTable(ctx, atArrest);

  w.heading(q.s3);
  factsTable(w, [
    [q.detentionSince, formatPartialDate(c.detention.since, l)],
    [q.detentionStatus, l.detentionStatus[c.detention.status]],
    [q.detentionPlace, c.detention.place],
    [l.facts.heldBy, c.detention.heldBy],
    [l.facts.releasedOn, formatPartialDate(c.detention.releasedOn, l)],
    [q.expectedRelease, expectedReleaseText(c, l, ctx.today)],
    [l.facts.conditions, c.detention.conditions],
    [l.facts.health, c.detention.health],
    [q.legalBasis, c.charges.length > 0 ? c.charges.map((ch) => chargeText(ch, l)).join('\n') : l.notRecorded],
    [l.facts.penaltyInForce, sentenceText(c, l)],
    [l.field.lawyer, c.lawyer],
  ]);
  decisions(ctx, c, 2);
  const inDetention = events.filter((e) => DETENTION_EVENTS.has(e.type));
  if (inDetention.length > 0) {
    w.heading(q.detentionEvents, 3);
    eventTable(ctx, inDetention);
  }

  w.heading(q.s4);
  w.text(c.summary);
  const others = events.filter((e) => !ARREST_EVENTS.has(e.type) && !DETENTION_EVENTS.has(e.type) && !REMEDY_EVENTS.has(e.type));
  if (others.length > 0) {
    w.heading(q.otherEvents, 2);
    eventTable(ctx, others);
  }
  categories(ctx, c);
  argument(ctx, c, 2, q.argumentFor);
  if (verifiedEvidence(c).items.length > 0) evidence(ctx, c, l.section.evidence, 2);

  w.heading(q.s5);
  domesticRemedies(ctx, c, null);
  advocacy(ctx, c, 2);

  w.heading(q.s6);
  for (const label of [q.submitterName, q.submitterOrganisation, q.submitterAddress]) w.fillIn(label, label === q.submitterAddress ? 2 : 1);
  for (const label of [q.submitterPhone, q.submitterEmail, q.consent, q.submitterDate, q.submitterSignature]) w.fillIn(label);
}

/** Each claimed category: its definition, then what this case holds for it. */
function categories(ctx: Ctx, c: PrisonerCase): void {
  const { w, l } = ctx;
  const q = l.wgad;
  w.heading(l.section.wgadCategories, 2);
  const claimed = [...new Set(c.analysis.wgadCategories)].sort();
  if (claimed.length === 0) {
    if (ctx.mode === 'internal') toBeCompleted(ctx, l.wgadNotClaimed);
    return;
  }
  w.block([{ text: q.claimedIntro }]);
  for (const cat of claimed) {
    w.heading(l.wgadCategory(cat), 3);
    w.block([{ text: l.wgadCategoryText[cat], style: 'italic', color: THEME.muted }], { size: THEME.small + 0.5 });
    const material = categoryMaterial(ctx, c, cat);
    if (c.analysis.argument?.trim()) material.push([{ text: q.seeArgument }]);
    if (material.length > 0) {
      w.block([{ text: `${q.inThisCase}:`, style: 'bold' }], { gapAfter: 1 });
      w.bullets(material);
    } else if (ctx.mode === 'internal') toBeCompleted(ctx, l.noArgumentYet);
  }
  const unmatched = c.analysis.rightsViolated.filter((r) => !claimed.some((cat) => CATEGORY_ARTICLES[cat].includes(articleNumber(r) ?? -1)));
  if (unmatched.length > 0) w.block([{ text: `${q.rights}: ${unmatched.join(', ')}`, style: 'bold' }]);
}
