import type { PrisonerCase } from '../../../../shared/model';
import { verifiedEvidence } from '../evidence';
import { formatPartialDate, join } from '../format';
import type { Cell, Run } from '../doc/model';
import { table } from '../doc/builder';
import { THEME } from '../doc/theme';
import { wgadLabels } from '../labels/wgad';
import { citeSources } from '../sourceNotes';
import { originalsAnnex } from '../originals/annex';
import {
  bornText, chargeText, confidentialMark, detentionText, eventList, evidence, expectedReleaseText, factsTable, nationalityText,
  penaltyText, sentenceText, sortedEvents, titleBlock, toBeCompleted, type Ctx,
} from '../sections';
import { decisionName, type FactRow } from '../caseText';
import { categoryPoints, isDeprived, claimedCategories, defenceRemedies, detentionSpan, detentionStart, remedyEventIds, type Remedy } from '../wgadFacts';

/** Events filed under II (the arrest) and III (transfers and release); remedies under V; the rest in IV's chronology. */
const ARREST_EVENTS: ReadonlySet<string> = new Set(['arrest', 'charge']);
const DETENTION_EVENTS: ReadonlySet<string> = new Set(['transfer', 'release']);
/** The ICCPR articles each category rests on, to show under it the rights the case records. */
const CATEGORY_ARTICLES: Record<string, readonly number[]> = { I: [9], II: [12, 18, 19, 21, 22, 25, 26, 27], III: [9, 14], IV: [9, 13], V: [2, 26] };
const articleOf = (right: string) => Number(/(\d+)/.exec(right)?.[1] ?? -1);
/** Points listed under one category; the rest are in the sections they come from. */
const POINTS_PER_CATEGORY = 6;

/**
 * A communication to the Working Group on Arbitrary Detention, section by section as
 * its model questionnaire asks (I identity, II arrest, III detention, IV why arbitrary,
 * V domestic remedies, VI submitter). Every event is printed once, in the section it
 * belongs to, footnoted to its sources. IV argues each claimed category from the facts
 * that support it (wgadFacts.ts); a claimed category with none is left to the
 * completeness check, not printed as an empty heading. What MODEL.md keeps for a
 * submission (identity document, address, profession, consent, the submitter's contact
 * details) is printed in submission and internal modes only; the view and ctx.org have
 * already dropped what the mode may not show.
 */
export function renderWgad(ctx: Ctx, c: PrisonerCase): void {
  const { w, l, mode } = ctx;
  const q = wgadLabels[ctx.lang];
  const sendable = mode !== 'internal';
  const forSubmission = mode !== 'public';
  const cite = (ids: readonly string[] | undefined) => citeSources(w, l, c.sources, ids);
  titleBlock(ctx, l.templateTitle.wgad, c.title);
  w.block([{ text: q.intro, style: 'italic', color: THEME.muted }], { gapAfter: 8 });
  const events = sortedEvents(c);
  const remedies = defenceRemedies(c);
  const inRemedies = remedyEventIds(remedies);

  // I. Identity
  w.heading(l.wgad.s1);
  const p = c.person;
  const id = p.idDocument;
  factsTable(w, [
    ...(p.familyName ? [[q.familyName, p.familyName], [q.firstNames, p.givenNames]] satisfies FactRow[] : [[q.fullName, p.name]] satisfies FactRow[]),
    [q.otherNames, [...(p.familyName ? [p.name] : []), ...p.aliases].join('; ')],
    [q.sex, p.gender && l.gender[p.gender]],
    [q.birth, bornText(c, l)],
    [q.nationality, nationalityText(c, l)],
    [q.idDocument, forSubmission && id ? join([id.type, id.number, id.issuedBy, formatPartialDate(id.issuedOn, l)]) : undefined],
    [q.profession, forSubmission ? join([p.occupation, p.affiliation], '; ') : undefined],
    [q.address, forSubmission ? p.address : undefined],
    [l.field.contact, forSubmission ? p.contact : undefined],
  ]);

  // II. Arrest
  w.heading(l.wgad.s2);
  const a = c.arrest;
  const arrestDate = a?.date ?? events.find((e) => e.type === 'arrest' && e.date)?.date;
  factsTable(w, [
    [q.arrestDate, formatPartialDate(arrestDate, l)],
    [q.arrestPlace, a?.place],
    [q.arrestBy, a?.by],
    [q.warrantShown, a?.warrantShown && l.facts.warrant[a.warrantShown]],
    [q.warrantIssuedBy, a?.warrantIssuedBy],
    [q.reasonsGiven, a?.reasonsGiven],
    [q.arrestLegalBasis, a?.legalBasis],
  ]);
  if (!sendable && (!arrestDate || !a?.place)) toBeCompleted(ctx, `${[!arrestDate && q.arrestDate, !a?.place && q.arrestPlace].filter(Boolean).join('; ')}.`);
  const atArrest = events.filter((e) => ARREST_EVENTS.has(e.type));
  // A section the questionnaire asks for is never left as a bare heading: say that nothing is known.
  if (!arrestDate && !a?.place && !a?.by && !a?.warrantIssuedBy && !a?.reasonsGiven && !a?.legalBasis && atArrest.length === 0) {
    w.block([{ text: l.wgad.noArrest, color: THEME.muted }]);
  }
  if (atArrest.length > 0) {
    w.heading(q.arrestEvents, 3);
    eventList(ctx, atArrest, c.sources);
  }

  // III. Detention
  w.heading(l.wgad.s3);
  const span = detentionSpan(c, ctx.today);
  const charges = c.charges.map((ch) => chargeText(ch, l));
  const penaltyDecisions = c.decisions.filter((d) => !remedies.some((r) => r.decision === d));
  const orderedBy = [...new Set(c.decisions.filter((d) => d.penalty && d.penalty.type !== 'none' && d.body).map((d) => d.body!))];
  factsTable(w, [
    [q.detentionDate, formatPartialDate(detentionStart(c), l)],
    [q.duration, span ? q.durationText(l.duration(span.years, span.months, span.days), span.approximate, span.releasedOn && formatPartialDate(span.releasedOn, l)) : undefined],
    // Exile or a restriction is dated from its own start, never passed off as the date of detention.
    [q.situation, c.detention.status === 'released' ? detentionText(c, l)
      : join([l.detentionStatus[c.detention.status], !isDeprived(c) && c.detention.since ? l.sinceDate(formatPartialDate(c.detention.since, l)) : undefined])],
    [q.heldBy, c.detention.heldBy],
    // A released person's last place is history; an exile's place is no place of detention.
    [q.places, isDeprived(c) && c.detention.status !== 'released' ? c.detention.place : undefined],
    [q.orderedBy, orderedBy.join('; ')],
    [q.reasons, c.charges.map((ch) => ch.summary).filter(Boolean).join('; ')],
    [q.legalBasis, charges.join('\n')],
    [l.wgad.expectedRelease, expectedReleaseText(c, l, ctx.today)],
    [l.facts.conditions, c.detention.conditions],
    [l.facts.health, forSubmission ? c.detention.health : undefined],
    [l.field.lawyer, forSubmission ? c.lawyer : undefined],
  ]);
  if (penaltyDecisions.length > 0) {
    w.heading(q.penaltyHistory, 3);
    table(
      w,
      [
        { header: l.facts.col.date, width: 0.15 }, { header: l.facts.col.stage, width: 0.17 }, { header: l.facts.col.body, width: 0.24 },
        { header: l.facts.col.penalty, width: 0.22 }, { header: l.facts.col.outcome, width: 0.22 },
      ],
      penaltyDecisions.map((d): Cell[] => [
        formatPartialDate(d.date, l), [{ text: decisionName(d, l) }, ...confidentialMark(l, d.confidential)], d.body ?? '', penaltyText(d.penalty, l), d.outcome ?? '',
      ]),
    );
    if (sentenceText(c, l)) factsTable(w, [[l.facts.penaltyInForce, sentenceText(c, l)]]);
  }
  if (remedies.length > 0) w.block([{ text: q.remediesInV, color: THEME.muted }], { size: THEME.small });
  const inDetention = events.filter((e) => DETENTION_EVENTS.has(e.type));
  if (inDetention.length > 0) {
    w.heading(q.transfers, 3);
    eventList(ctx, inDetention, c.sources);
  }

  // IV. Circumstances, and why the deprivation of liberty is arbitrary
  w.heading(l.wgad.s4);
  w.text(c.summary);
  const others = events.filter((e) => !ARREST_EVENTS.has(e.type) && !DETENTION_EVENTS.has(e.type) && !inRemedies.has(e.id));
  if (others.length > 0) {
    w.heading(q.chronology, 2);
    eventList(ctx, others, c.sources);
  }
  categories(ctx, c, cite);
  if (c.analysis.argument?.trim()) {
    w.heading(q.argument, 2);
    w.text(c.analysis.argument);
  } else if (!sendable) {
    toBeCompleted(ctx, l.noArgumentYet);
  }
  if (verifiedEvidence(c).items.length > 0) evidence(ctx, c, l.section.evidence, 2);

  // V. Domestic remedies
  w.heading(l.wgad.s5);
  remediesTable(ctx, remedies, cite);
  // A body counts as approached once the action is sent: drafts are the team's plans.
  const approached = c.advocacy.filter((x) => x.status !== 'draft');
  if (approached.length > 0) {
    // What the Working Group asks: which other procedures have the case; follow-up dates are the team's.
    w.heading(q.otherProcedures, 2);
    w.bullets(approached.map((x): Run[] => [
      { text: join([formatPartialDate(x.date, l), x.target], ' · '), style: 'bold' },
      { text: join([l.advocacyKind[x.kind], x.reference, x.status !== 'sent' && l.advocacyStatus[x.status]]) },
      ...(x.notes ? [{ text: x.notes }] : []),
      ...confidentialMark(l, x.confidential),
    ]));
  }
  submitter(ctx, c);
  originalsAnnex(ctx);
}

function remediesTable(ctx: Ctx, remedies: readonly Remedy[], cite: (ids: readonly string[] | undefined) => number[]): void {
  const { w, l } = ctx;
  const q = wgadLabels[ctx.lang];
  if (remedies.length === 0) {
    if (ctx.mode === 'internal') toBeCompleted(ctx, q.remediesIntro);
    else w.block([{ text: q.noRemedies }]);
    return;
  }
  w.block([{ text: q.remediesIntro }]);
  // A list, not a table: each remedy's source notes print on the page of their marker.
  w.bullets(remedies.map((r): Run[] => {
    const notes = cite(r.sourceIds);
    const withNotes = (runs: Run[]): Run[] => (notes.length === 0 ? runs : [...runs.slice(0, -1), { ...runs.at(-1)!, notes }]);
    if (r.decision) {
      const d = r.decision;
      const result = join([d.outcome, penaltyText(d.penalty, l)], '; ');
      return withNotes([
        { text: join([formatPartialDate(d.date, l), decisionName(d, l)], ' · '), style: 'bold' },
        ...(d.body ? [{ text: d.body }] : []),
        ...(result ? [{ text: `${q.remedyCols.result}: ${result}` }] : []),
        ...confidentialMark(l, d.confidential),
      ]);
    }
    const e = r.event!;
    return withNotes([
      { text: join([formatPartialDate(e.date, l), l.eventType[e.type]], ' · '), style: 'bold' },
      { text: e.title },
      ...(e.description ? [{ text: e.description }] : []),
      ...confidentialMark(l, e.confidential),
    ]);
  }), { gapAfter: 6 });
}

/** VI: who submits (ctx.org as the mode may print it), the date, and in submission mode the consent. */
function submitter(ctx: Ctx, c: PrisonerCase): void {
  const { w, l, mode, org } = ctx;
  const q = wgadLabels[ctx.lang];
  w.heading(l.wgad.s6);
  const consent = c.consent;
  factsTable(w, [
    [q.submitter, org.name],
    [q.submitterPerson, join([org.responsiblePerson, org.responsibleRole])],
    [q.submitterAddress, org.address],
    [q.submitterEmail, org.email],
    [q.submitterPhone, org.phone],
    [q.date, ctx.date],
    [q.consent, mode !== 'public' && consent ? q.consentText(l.facts.consentStatus[consent.status], consent.by, formatPartialDate(consent.date, l)) : undefined],
  ]);
  if (mode === 'internal') {
    if (!org.name) toBeCompleted(ctx, q.submitter);
    if (!consent) toBeCompleted(ctx, q.consent);
    w.fillIn(q.signature);
  }
}

/** Each claimed category with its definition and the facts of this case that support it, footnoted to their sources. */
function categories(ctx: Ctx, c: PrisonerCase, cite: (ids: readonly string[] | undefined) => number[]): void {
  const { w, l } = ctx;
  const q = wgadLabels[ctx.lang];
  const argued = claimedCategories(c).map((cat) => ({ cat, points: categoryPoints(c, cat, l, q) }));
  const supported = argued.filter((x) => x.points.length > 0);
  if (supported.length === 0) {
    if (ctx.mode === 'internal') toBeCompleted(ctx, l.wgadNotClaimed);
    return;
  }
  w.heading(l.section.wgadCategories, 2);
  w.block([{ text: q.claimedIntro }]);
  for (const { cat, points } of argued) {
    if (points.length === 0) {
      if (ctx.mode === 'internal') toBeCompleted(ctx, `${l.wgadCategory(cat)}: ${l.noArgumentYet}`);
      continue;
    }
    w.heading(l.wgadCategory(cat), 3);
    w.block([{ text: l.wgadCategoryText[cat], style: 'italic', color: THEME.muted }], { size: THEME.small + 0.5 });
    const rights = c.analysis.rightsViolated.filter((r) => CATEGORY_ARTICLES[cat]!.includes(articleOf(r)));
    if (rights.length > 0) w.block([{ text: q.rightsEngaged(rights.join(', ')) }]);
    const shown = points.slice(0, POINTS_PER_CATEGORY);
    const items: Run[][] = shown.map((pt) => {
      const notes = cite(pt.sourceIds);
      return [{ text: pt.text, ...(notes.length > 0 ? { notes } : {}) }];
    });
    if (points.length > shown.length) items.push([{ text: q.morePoints(points.length - shown.length), color: THEME.muted }]);
    w.block([{ text: `${q.factsFor}:`, style: 'bold' }], { gapAfter: 1 });
    w.bullets(items);
  }
}
