import type { CaseFile, NgoCase } from '../../../../shared/model';
import { verifiedEvidence } from '../evidence';
import { bodyKeyOf, EMPTY_CURATION, type PeopleFile } from '../../people';
import { originalsAnnex } from '../originals/annex';
import { formatPartialDate, join } from '../format';
import { table } from '../doc/builder';
import { THEME } from '../doc/theme';
import { ngoLabels } from '../labels/ngo';
import {
  appealText, argument, eventTable, evidence, factsTable, REMEDY_EVENTS, requests, sinceOf, stateText, summary, titleBlock, toBeCompleted, type Ctx,
} from '../sections';
import { issuer } from './parts/issuer';
import { furtherMeasures, iccpr22Tests, measuresSection, organisationFacts, otherMechanisms } from './parts/ngoMeasures';

export type Related = { case: CaseFile; sameAuthority: boolean; sharedTags: string[] };

/**
 * The cases that show a pattern with this one: the same authority imposing a
 * measure, or a tag in common. Closest first: same authority, then most tags shared.
 */
function relatedTo(c: NgoCase, candidates: readonly CaseFile[], people: PeopleFile = EMPTY_CURATION): Related[] {
  // The same body across spellings, scripts and the team's merges (the people index's matching).
  const bodyKey = bodyKeyOf(people);
  const authority = bodyKey(c.measure.authority);
  const tags = new Set(c.tags);
  return candidates
    .filter((o) => o.id !== c.id)
    .map((o) => ({
      case: o,
      sameAuthority: o.kind === 'ngo_suspension' && authority !== null && bodyKey(o.measure.authority) === authority,
      sharedTags: o.tags.filter((t) => tags.has(t)),
    }))
    .filter((r) => r.sameAuthority || r.sharedTags.length > 0)
    .sort((a, b) => Number(b.sameAuthority) - Number(a.sameAuthority) || b.sharedTags.length - a.sharedTags.length);
}

/**
 * For the UN Special Rapporteur on the rights to freedom of peaceful assembly and of
 * association, in the order the mandate asks: the organisation, each measure with its
 * authority, date, place and legal basis, the ICCPR 22(2) tests with the case's own
 * material, remedies and their outcome, other mechanisms seized, impact, pattern, the
 * submitter and (in a submission) what must stay confidential, and what the SR is asked
 * to do, in the case's own words.
 */
export function renderNgo(ctx: Ctx, c: NgoCase, related: readonly CaseFile[]): void {
  const { w, l } = ctx;
  const t = l.ngoT;
  const n = ngoLabels[ctx.lang];
  titleBlock(ctx, l.templateTitle.ngo, c.title);
  summary(ctx, c);

  w.heading(t.organisation);
  factsTable(w, organisationFacts(ctx, c));

  measuresSection(ctx, c);
  iccpr22Tests(ctx, c);
  argument(ctx, c, 2);

  remediesSection(ctx, c);
  otherMechanisms(ctx, c);

  if (c.impact?.trim()) {
    w.heading(t.impact);
    w.text(c.impact);
  }
  // Measures and remedies are printed above; the rest of the chronology once, here.
  const shown = new Set([...furtherMeasures(c), ...remedyEvents(c)]);
  const own = c.events.filter((e) => e.type === c.measure.type && e.date === c.measure.start);
  const others = c.events.filter((e) => !shown.has(e) && !own.includes(e));
  if (others.length > 0) {
    w.heading(n.otherEvents, 2);
    eventTable(ctx, others);
  }
  if (verifiedEvidence(c).items.length > 0) evidence(ctx, c, l.section.evidence, 2);

  pattern(ctx, c, related);

  if (c.requests.length > 0) requests(ctx, c, n.asks);
  else if (ctx.mode === 'internal') {
    w.heading(n.asks);
    toBeCompleted(ctx, n.missing.requests);
  }

  if (ctx.org.name || ctx.mode === 'internal') w.heading(n.submittedBy);
  issuer(ctx, l.field.organisation, { phone: n.phone, email: n.email, responsible: n.responsible, missing: n.missing.submitter });
  if (ctx.mode !== 'public') confidentiality(ctx, c);
  originalsAnnex(ctx);
}

function remedyEvents(c: NgoCase): CaseFile['events'] {
  return c.events.filter((e) => REMEDY_EVENTS.has(e.type));
}

/** The appeal and the hearings and decisions on it, with their outcome; nothing claimed where the file records none. */
function remediesSection(ctx: Ctx, c: NgoCase): void {
  const { w, l } = ctx;
  const appeal = appealText(c, l);
  const events = remedyEvents(c);
  if (!appeal && events.length === 0) {
    if (ctx.mode === 'internal') {
      w.heading(l.ngoT.remedies);
      toBeCompleted(ctx, ngoLabels[ctx.lang].missing.remedies);
    }
    return;
  }
  w.heading(l.ngoT.remedies);
  if (appeal) factsTable(w, [[l.field.appeal, appeal]]);
  if (events.length > 0) eventTable(ctx, events);
}

/** Related cases: the same authority, or a tag in common; the tags themselves are working labels, for the team's copy only. */
function pattern(ctx: Ctx, c: NgoCase, related: readonly CaseFile[]): void {
  const { w, l } = ctx;
  const t = l.ngoT;
  const links = relatedTo(c, related, ctx.people);
  if (links.length === 0) return;
  const internal = ctx.mode === 'internal';
  w.heading(t.pattern);
  w.block([{ text: t.relatedIntro(links.length) }]);
  table(
    w,
    [
      { header: l.table.caseTitle, width: internal ? 0.34 : 0.4 }, { header: l.table.authority, width: internal ? 0.22 : 0.26 }, { header: l.table.state, width: 0.2 },
      { header: l.table.since, width: 0.14 }, ...(internal ? [{ header: t.sharedTags, width: 0.1 }] : []),
    ],
    links.map((r) => [
      [{ text: r.case.title, style: 'bold' as const }, { text: l.kind[r.case.kind], color: THEME.muted }],
      r.case.kind === 'ngo_suspension' ? join([r.case.measure.authority, r.sameAuthority && `(${t.sameAuthority})`], ' ') : '',
      stateText(r.case, l),
      formatPartialDate(sinceOf(r.case), l),
      ...(internal ? [r.sharedTags.join(', ')] : []),
    ]),
  );
}

/** A submission says what the SR must keep confidential: the consent the case records, and lines for the advocate to fill. */
function confidentiality(ctx: Ctx, c: NgoCase): void {
  const { w, l } = ctx;
  const n = ngoLabels[ctx.lang];
  w.heading(n.confidentiality, 2);
  if (c.consent) {
    factsTable(w, [[l.facts.consent, join([l.facts.consentStatus[c.consent.status], c.consent.by, formatPartialDate(c.consent.date, l), c.consent.scope])]]);
  }
  w.fillIn(n.keepConfidential, 2);
}
