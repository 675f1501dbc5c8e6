import type { Annotation, CaseFile, NgoCase, PrisonerCase, Source } from '../../../shared/model';
import { comparePartialDates } from '../../../shared/text/partialDate';
import type { BriefMode } from '../../../shared/model/brief';
import type { Iccpr22Test, Labels } from './labels';
import { countryShort, formatMoney, formatMonths, formatPartialDate, join } from './format';
import { table, type Cell } from './layout/table';
import { THEME, type Run } from './layout/text';
import type { Writer } from './layout/writer';

// The pieces several templates share. Each takes the case as the brief may show
// it (already filtered for the mode), so none of them decides about confidentiality.

export type Ctx = { w: Writer; l: Labels; mode: BriefMode; generated: string };

// --- facts as text -------------------------------------------------------------

export function subjectName(c: CaseFile): string {
  return c.kind === 'political_prisoner' ? c.person.name : c.organization.name;
}

export function otherNames(c: CaseFile): string[] {
  return c.kind === 'political_prisoner' ? c.person.aliases : c.organization.aliases;
}

export function place(c: CaseFile, l: Labels): string {
  return join([countryShort(c.country, l), c.region]);
}

export function chargeText(ch: PrisonerCase['charges'][number]): string {
  return join([join([ch.article, ch.code], ', '), ch.summary], ' — ');
}

export function sentenceText(c: PrisonerCase, l: Labels): string {
  const s = c.sentence;
  if (!s) return '';
  return join([l.sentenceType[s.type], formatMonths(s.months, l), formatMoney(s.fine, l)]);
}

export function detentionText(c: PrisonerCase, l: Labels): string {
  return join([l.detentionStatus[c.detention.status], c.detention.place]);
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
  return c.kind === 'political_prisoner' ? c.detention.since : c.measure.start;
}

/** Marks, in an internal brief, an item that a public one leaves out (none reach a public brief). */
export function confidentialMark(l: Labels, flagged: boolean | undefined): Run[] {
  return flagged ? [{ text: l.confidentialItem, style: 'bold', color: THEME.stamp, size: THEME.small }] : [];
}

function eventCell(e: CaseFile['events'][number], l: Labels): Cell {
  return [{ text: e.title, style: 'bold' }, ...(e.description ? [{ text: e.description }] : []), ...confidentialMark(l, e.confidential)];
}

export function sortedEvents(c: CaseFile): CaseFile['events'] {
  return [...c.events].sort((a, b) => comparePartialDates(a.date, b.date));
}

// --- blocks -------------------------------------------------------------------

export function titleBlock(ctx: Ctx, kicker: string, title: string): void {
  const { w, l, mode } = ctx;
  w.block([{ text: kicker, style: 'bold', color: THEME.muted }], { size: THEME.small + 1, gapAfter: 2 });
  w.block([{ text: title, style: 'bold', color: THEME.accent }], { size: 17, tag: 'Title', gapAfter: 4 });
  w.block([{ text: ctx.generated, color: THEME.muted }], { size: THEME.small, gapAfter: 6 });
  w.callout([{ text: mode === 'internal' ? l.markingInternal : l.markingPublic, style: 'bold' }], mode === 'internal'
    ? { color: THEME.stamp, fill: '#fbeaec' }
    : { color: THEME.accent, fill: THEME.labelFill });
}

type FactRow = [string, string | undefined];

export function prisonerFacts(c: PrisonerCase, l: Labels): FactRow[] {
  const f = l.field;
  return [
    [f.name, c.person.name],
    [f.otherNames, c.person.aliases.join('; ')],
    [f.born, c.person.birthYear?.toString()],
    [f.gender, c.person.gender && l.gender[c.person.gender]],
    [f.occupation, c.person.occupation],
    [f.affiliation, c.person.affiliation],
    [f.country, place(c, l)],
    [f.caseStatus, `${l.status[c.status]} · ${f.priority}: ${l.priority[c.priority]}`],
    [f.detention, detentionText(c, l)],
    [f.since, formatPartialDate(c.detention.since, l)],
    [f.expectedRelease, formatPartialDate(c.detention.expectedRelease, l)],
    [f.charges, c.charges.map(chargeText).join('\n')],
    [f.sentence, sentenceText(c, l)],
    [f.verdict, c.sentence && join([formatPartialDate(c.sentence.verdictDate, l), c.sentence.court])],
    [f.recognitions, c.recognitions.map((r) => recognitionText(r, l)).join('\n')],
    [f.lawyer, c.lawyer],
    [f.contact, c.person.contact],
  ];
}

export function ngoFacts(c: NgoCase, l: Labels): FactRow[] {
  const f = l.field;
  const m = c.measure;
  return [
    [f.organisation, c.organization.name],
    [f.otherNames, c.organization.aliases.join('; ')],
    [f.registrationNumber, c.organization.registrationNumber],
    [f.focus, c.organization.focus],
    [f.city, join([c.organization.city, place(c, l)])],
    [f.caseStatus, `${l.status[c.status]} · ${f.priority}: ${l.priority[c.priority]}`],
    [f.measure, measureText(c, l)],
    [f.authority, m.authority],
    [f.legalBasis, m.legalBasis],
    [f.start, formatPartialDate(m.start, l)],
    [f.end, formatPartialDate(m.end, l)],
    [f.duration, formatMonths(m.durationMonths, l)],
    [f.fine, formatMoney(m.fine, l)],
    [f.appeal, appealText(c, l)],
  ];
}

export function factsTable(w: Writer, rows: readonly FactRow[]): void {
  const present = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1].trim() !== '');
  table(w, [{ header: '', width: 0.27 }, { header: '', width: 0.73 }], present, { labelColumn: true, noHeader: true });
}

export function keyFacts(ctx: Ctx, c: CaseFile): void {
  ctx.w.heading(ctx.l.section.keyFacts);
  factsTable(ctx.w, c.kind === 'political_prisoner' ? prisonerFacts(c, ctx.l) : ngoFacts(c, ctx.l));
}

export function summary(ctx: Ctx, c: CaseFile, title = ctx.l.section.summary): void {
  if (c.summary.trim() === '') return;
  ctx.w.heading(title);
  ctx.w.text(c.summary);
}

/** What the recipient is asked to press for, worded for the kind and the present state of the case. */
export function requestsFor(c: CaseFile, l: Labels): string[] {
  const r = l.requests;
  if (c.kind === 'political_prisoner') {
    const name = c.person.name;
    const articles = c.charges.length > 0 ? c.charges.map((ch) => join([ch.article, ch.code], ', ')).join('; ') : r.theArticles;
    const status = c.detention.status;
    const detained = status === 'pre_trial' || status === 'house_arrest' || status === 'imprisoned';
    return [
      ...(detained ? [r.release(name), r.safeguards(name)] : []),
      ...(status === 'unknown' ? [r.whereabouts(name)] : []),
      ...(c.sentence && c.sentence.type !== 'none' ? [r.quash(name)] : []),
      ...(!detained && status !== 'unknown' ? [r.liftRestrictions(name)] : []),
      r.laws(articles),
    ];
  }
  const org = c.organization.name;
  const active = c.measure.status !== 'overturned' && c.measure.status !== 'expired';
  return [
    ...(active ? [r.lift(l.measureType[c.measure.type].toLowerCase(), org)] : []),
    r.noReprisal(org),
    ...(c.measure.legalBasis ? [r.lawNgo(c.measure.legalBasis)] : []),
  ];
}

export function requests(ctx: Ctx, c: CaseFile, title = ctx.l.section.requests): void {
  ctx.w.heading(title);
  ctx.w.block([{ text: ctx.l.requestsIntro }]);
  ctx.w.bullets(requestsFor(c, ctx.l), { ordered: true });
}

export function chronology(ctx: Ctx, c: CaseFile, opts: { title?: string; latest?: number; level?: 1 | 2 } = {}): void {
  const { w, l } = ctx;
  w.heading(opts.title ?? l.section.chronology, opts.level ?? 1);
  let events = sortedEvents(c);
  if (opts.latest !== undefined) events = events.slice(-opts.latest);
  if (events.length === 0) {
    w.block([{ text: l.noEvents, color: THEME.muted }]);
    return;
  }
  table(
    w,
    EVENT_COLUMNS(l),
    events.map((e): Cell[] => [formatPartialDate(e.date, l), l.eventType[e.type], eventCell(e, l)]),
  );
}

export function charges(ctx: Ctx, c: PrisonerCase): void {
  const { w, l } = ctx;
  w.heading(l.section.charges);
  if (c.charges.length === 0) {
    w.block([{ text: l.noCharges, color: THEME.muted }]);
    return;
  }
  table(
    w,
    [{ header: l.table.article, width: 0.18 }, { header: l.table.code, width: 0.37 }, { header: l.table.summary, width: 0.45 }],
    c.charges.map((ch) => [ch.article, ch.code, ch.summary ?? '']),
  );
  if (c.sentence) factsTable(w, [[l.field.sentence, sentenceText(c, l)], [l.field.verdict, join([formatPartialDate(c.sentence.verdictDate, l), c.sentence.court])]]);
}

export function measures(ctx: Ctx, c: NgoCase, title: string): void {
  const { w, l } = ctx;
  w.heading(title);
  const m = c.measure;
  factsTable(w, [
    [l.field.measure, measureText(c, l)],
    [l.field.authority, m.authority],
    [l.field.legalBasis, m.legalBasis ?? l.notRecorded],
    [l.field.start, formatPartialDate(m.start, l)],
    [l.field.end, formatPartialDate(m.end, l)],
    [l.field.duration, formatMonths(m.durationMonths, l)],
    [l.field.fine, formatMoney(m.fine, l)],
  ]);
}

function rightsAndArgument(ctx: Ctx, c: CaseFile): void {
  const { w, l } = ctx;
  if (c.analysis.rightsViolated.length > 0) {
    w.block([{ text: `${l.field.rightsViolated}: ${c.analysis.rightsViolated.join(', ')}`, style: 'bold' }]);
  }
  w.heading(l.section.argument, 3);
  if (c.analysis.argument) w.text(c.analysis.argument);
  else w.block([{ text: l.noArgument, color: THEME.muted }]);
}

export function wgadCategories(ctx: Ctx, c: CaseFile): void {
  const { w, l } = ctx;
  w.heading(l.section.wgadCategories, 2);
  const claimed = [...new Set(c.analysis.wgadCategories)].sort();
  if (claimed.length === 0) {
    w.block([{ text: l.wgadNotClaimed, color: THEME.muted }]);
    return;
  }
  table(
    w,
    [{ header: l.table.category, width: 0.2 }, { header: l.wgadClaimed, width: 0.8 }],
    claimed.map((cat) => [l.wgadCategory(cat), l.wgadCategoryText[cat]]),
    { labelColumn: true },
  );
}

export function iccpr22(ctx: Ctx, c: NgoCase): void {
  const { w, l } = ctx;
  w.heading(l.section.iccpr22, 2);
  const m = c.measure;
  const facts: Record<Iccpr22Test, string> = {
    law: m.legalBasis ? l.iccpr22Facts.lawCited(m.authority, m.legalBasis) : l.iccpr22Facts.lawMissing(m.authority),
    aim: l.iccpr22Facts.aim,
    necessity: l.iccpr22Facts.necessity(join([measureText(c, l), formatMonths(m.durationMonths, l), formatMoney(m.fine, l)])),
  };
  const tests: Iccpr22Test[] = ['law', 'aim', 'necessity'];
  table(
    w,
    [{ header: l.table.test, width: 0.22 }, { header: l.table.requirement, width: 0.4 }, { header: l.table.facts, width: 0.38 }],
    tests.map((t) => [l.iccpr22Test[t], l.iccpr22Requirement[t], facts[t]]),
    { labelColumn: true },
  );
}

export function analysis(ctx: Ctx, c: CaseFile): void {
  ctx.w.heading(ctx.l.section.analysis);
  if (c.kind === 'political_prisoner') wgadCategories(ctx, c);
  else iccpr22(ctx, c);
  rightsAndArgument(ctx, c);
}

const EVENT_COLUMNS = (l: Labels) => [
  { header: l.table.date, width: 0.19 }, { header: l.table.event, width: 0.2 }, { header: l.table.details, width: 0.61 },
];

const REMEDY_EVENTS = new Set(['appeal', 'verdict', 'hearing']);

/** Appeals and hearings so far; `title` null when the caller's own heading already says it. */
export function domesticRemedies(ctx: Ctx, c: CaseFile, title: string | null = ctx.l.section.domesticRemedies): void {
  const { w, l } = ctx;
  if (title !== null) w.heading(title, 2);
  const events = sortedEvents(c).filter((e) => REMEDY_EVENTS.has(e.type));
  const appeal = c.kind === 'ngo_suspension' ? appealText(c, l) : '';
  if (appeal) factsTable(w, [[l.field.appeal, appeal]]);
  if (events.length === 0 && !appeal) {
    w.block([{ text: l.noRemedies, color: THEME.muted }]);
    return;
  }
  if (events.length > 0) {
    table(
      w,
      EVENT_COLUMNS(l),
      events.map((e): Cell[] => [formatPartialDate(e.date, l), l.eventType[e.type], eventCell(e, l)]),
    );
  }
}

export function advocacy(ctx: Ctx, c: CaseFile, level: 1 | 2 = 2): void {
  const { w, l } = ctx;
  w.heading(l.section.advocacy, level);
  if (c.advocacy.length === 0) {
    w.block([{ text: l.noAdvocacy, color: THEME.muted }]);
    return;
  }
  const actions = [...c.advocacy].sort((a, b) => comparePartialDates(a.date ?? '', b.date ?? ''));
  table(
    w,
    [
      { header: l.table.date, width: 0.15 }, { header: l.table.target, width: 0.3 }, { header: l.table.kind, width: 0.17 },
      { header: l.table.status, width: 0.15 }, { header: l.table.followUp, width: 0.23 },
    ],
    actions.map((a): Cell[] => [
      formatPartialDate(a.date, l),
      [{ text: a.target, style: 'bold' }, ...(a.reference ? [{ text: a.reference, color: THEME.muted }] : []), ...(a.notes ? [{ text: a.notes }] : [])],
      l.advocacyKind[a.kind],
      l.advocacyStatus[a.status],
      formatPartialDate(a.nextFollowUp, l),
    ]),
  );
}

export function remedies(ctx: Ctx, c: CaseFile): void {
  ctx.w.heading(ctx.l.section.remedies);
  domesticRemedies(ctx, c);
  advocacy(ctx, c);
}

/** "Title — Publisher, 15 January 2022. https://… SHA-256 3f2c1a9b" */
export function sourceCitation(s: Source, l: Labels): string {
  const head = join([s.title, join([s.publisher, formatPartialDate(s.publishedOn, l)])], ' — ');
  return join([`${head}.`, s.url, `${l.sha256} ${s.sha256.slice(0, 12)}`], ' ');
}

/**
 * Each quoted passage with its comment, footnoted to its source. Notes on the case
 * itself (no source) are printed as notes without a footnote.
 */
export function evidence(ctx: Ctx, c: CaseFile, title = ctx.l.section.evidence, level: 1 | 2 = 1): void {
  const { w, l } = ctx;
  w.heading(title, level);
  if (c.annotations.length === 0) {
    w.block([{ text: l.noEvidence, color: THEME.muted }]);
    return;
  }
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  for (const a of c.annotations) evidenceItem(ctx, a, a.sourceId !== undefined ? sources.get(a.sourceId) : undefined);
}

function evidenceItem(ctx: Ctx, a: Annotation, source: Source | undefined): void {
  const { w, l } = ctx;
  const runs: Run[] = [];
  const quote = a.target?.quote.exact;
  if (quote) runs.push({ text: `${l.quoteOpen}${quote}${l.quoteClose}`, style: 'italic', color: THEME.accent });
  const notes: Run[][] = [];
  let marker = '';
  if (source) {
    const n = w.nextNoteNumber();
    marker = ` [${n}]`;
    notes.push([{ text: `[${n}] ${l.sourceLabel}: ${sourceCitation(source, l)}${source.confidential ? ` ${l.confidentialItem}` : ''}` }]);
  }
  const comment = a.body.trim() !== '' ? a.body : '';
  if (!source && !quote) runs.push({ text: `${l.caseNote}:`, style: 'bold', color: THEME.muted });
  runs.push({ text: `${comment}${marker}`.trim() });
  if (a.tags.length > 0) runs.push({ text: a.tags.map((t) => `#${t}`).join(' '), size: THEME.small, color: THEME.muted });
  runs.push(...confidentialMark(l, a.confidential || source?.confidential));
  w.block(runs, { tag: 'BlockQuote', notes, indent: 10, gapAfter: 8, keepTogether: true });
}
