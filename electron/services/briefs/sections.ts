import { penaltyInForce, type CaseFile, type NgoCase, type PrisonerCase, type Source } from '../../../shared/model';
import type { PeopleFile } from '../people';
import type { BriefLang, BriefMode } from '../../../shared/model/brief';
import type { AddressBook } from '../../../shared/model/addressees';
import type { Organization } from '../../../shared/organization';
import type { Iccpr22Test, Labels } from './labels';
import { formatMoney, formatMonths, formatPartialDate, join } from './format';
import { comparePartialDates } from '../../../shared/text/partialDate';
import type { CalendarDate } from '../../../shared/text/dates';
import { table, type DocBuilder } from './doc/builder';
import type { Cell, Run } from './doc/model';
import { THEME } from './doc/theme';
import { verifiedEvidence, type Verified } from './evidence';
import { citeSources, sourceNote } from './sourceNotes';
import { originalsLabels } from './labels/originals';
import type { PreparedOriginals } from './originals/outgoing';
import { decisionName, penaltyText, arrestFacts, sentenceText, measureText } from './caseText';
import { factsTable, ngoFacts, prisonerFacts } from './factRows';
export { factsTable, ngoFacts, place, prisonerFacts } from './factRows';
export * from './caseText';

// The pieces several templates share. Each takes the case as the brief may show
// it (already filtered for the mode), so none of them decides about confidentiality.

/** `today`: the day the brief is generated, for what is computed from dates (the expected release). */
/** `date`: the brief's date in words; `today` the same day, for what is computed from dates (the expected release). */
export type Ctx = {
  w: DocBuilder;
  l: Labels;
  lang: BriefLang;
  mode: BriefMode;
  date: string;
  today: CalendarDate;
  preparedBy?: string;
  /** The submitting organisation as this mode may print it (organizationForBrief). */
  org: Organization;
  addressBook?: AddressBook;
  /** The originals the brief lists in its annex (case, wgad, ngo) and may carry. */
  originals?: PreparedOriginals;
  /** The folder's merges and splits of the people index: bodies are matched through them (ngo pattern, multi context). */
  people?: PeopleFile;
  /** Set when the multi-case brief draws its caseload charts; `png` for a Word brief (the PDF takes JPEG). */
  charts?: { png: boolean };
};

// --- facts as text -------------------------------------------------------------

export function subjectName(c: CaseFile): string {
  return c.kind === 'political_prisoner' ? c.person.name : c.organization.name;
}

export function otherNames(c: CaseFile): string[] {
  return c.kind === 'political_prisoner' ? c.person.aliases : c.organization.aliases;
}

/** Marks, in an internal brief, an item that a public one leaves out (none reach a public brief). */
export function confidentialMark(l: Labels, flagged: boolean | undefined): Run[] {
  return flagged ? [{ text: l.confidentialItem, style: 'bold', color: THEME.stamp, size: THEME.small }] : [];
}

function eventCell(e: CaseFile['events'][number], l: Labels): Cell {
  return [{ text: e.title, style: 'bold' }, ...(e.description ? [{ text: e.description }] : []), ...confidentialMark(l, e.confidential)];
}

/** The chronology: the case keeps its events in order (the user's order where dates cannot be compared), so a brief follows it. */
export function sortedEvents(c: CaseFile): CaseFile['events'] {
  return [...c.events];
}

// --- blocks -------------------------------------------------------------------

export function titleBlock(ctx: Ctx, kicker: string, title: string): void {
  const { w, l, mode } = ctx;
  w.block([{ text: kicker, style: 'bold', color: THEME.muted }], { size: THEME.small + 1, gapAfter: 2 });
  w.block([{ text: title, style: 'bold', color: THEME.accent }], { size: 17, tag: 'Title', gapAfter: 4 });
  // A brief to send carries its date and author, like any letter; only the team's copy says how it was made.
  const dated = mode === 'internal' ? l.generated(ctx.date) : ctx.date;
  w.block([{ text: join([dated, ctx.preparedBy && l.preparedBy(ctx.preparedBy)], ' · '), color: THEME.muted }], { size: THEME.small, gapAfter: 6 });
  if (mode === 'internal') w.callout([{ text: l.markingInternal, style: 'bold' }], { color: THEME.stamp, fill: '#fbeaec' });
}

export function keyFacts(ctx: Ctx, c: CaseFile): void {
  ctx.w.heading(ctx.l.section.keyFacts);
  factsTable(ctx.w, c.kind === 'political_prisoner' ? prisonerFacts(c, ctx.l, ctx.mode, ctx.today) : ngoFacts(c, ctx.l, ctx.mode));
}

/** The arrest as recorded, under its own heading; nothing when the case records nothing of it. */
export function arrest(ctx: Ctx, c: PrisonerCase): void {
  const rows = arrestFacts(c, ctx.l);
  if (!rows.some(([, v]) => v !== undefined && v.trim() !== '')) return;
  ctx.w.heading(ctx.l.facts.arrest);
  factsTable(ctx.w, rows);
}

/** Every decision the brief may show, oldest first as the case keeps them, each penalty in the court's units. */
export function decisions(ctx: Ctx, c: PrisonerCase, level: 1 | 2 = 1): void {
  const { w, l } = ctx;
  const f = l.facts;
  w.heading(f.decisions, level);
  if (c.decisions.length === 0) {
    w.block([{ text: f.noDecisions, color: THEME.muted }]);
    return;
  }
  table(
    w,
    [
      { header: f.col.date, width: 0.15 }, { header: f.col.stage, width: 0.17 }, { header: f.col.body, width: 0.24 },
      { header: f.col.penalty, width: 0.22 }, { header: f.col.outcome, width: 0.22 },
    ],
    c.decisions.map((d): Cell[] => [
      formatPartialDate(d.date, l),
      [{ text: decisionName(d, l) }, ...confidentialMark(l, d.confidential)],
      d.body ?? '',
      penaltyText(d.penalty, l),
      d.outcome ?? '',
    ]),
  );
  if (penaltyInForce(c.decisions)) factsTable(w, [[f.penaltyInForce, sentenceText(c, l)]]);
}

export function summary(ctx: Ctx, c: CaseFile, title = ctx.l.section.summary): void {
  if (c.summary.trim() === '') return;
  ctx.w.heading(title);
  ctx.w.text(c.summary);
}

/**
 * The case's own requests, in the advocate's words and order: a brief writes none of
 * its own. One narrowed to a recipient is marked with it. No requests, no section.
 */
export function requests(ctx: Ctx, c: CaseFile, title = ctx.l.section.requests): void {
  const { w, l } = ctx;
  if (c.requests.length === 0) return;
  w.heading(title);
  w.bullets(
    c.requests.map((r): Run[] => [
      ...(r.addressee?.trim() ? [{ text: `${l.facts.requestTo(r.addressee.trim())} `, style: 'bold' as const }] : []),
      { text: r.text },
      ...confidentialMark(l, r.confidential),
    ]),
    { ordered: true },
  );
}

/** `cite`: each event footnoted to the sources it rests on (the case brief's chronology). */
export function chronology(ctx: Ctx, c: CaseFile, opts: { title?: string; latest?: number; level?: 1 | 2; cite?: boolean } = {}): void {
  const { w, l } = ctx;
  w.heading(opts.title ?? l.section.chronology, opts.level ?? 1);
  let events = sortedEvents(c);
  if (opts.latest !== undefined) events = events.slice(-opts.latest);
  if (events.length === 0) {
    w.block([{ text: l.noEvents, color: THEME.muted }]);
    return;
  }
  if (opts.cite) eventList(ctx, events, c.sources);
  else eventTable(ctx, events);
}

/** Events as a table of date, kind and details (a confidential one marked, in an internal brief). */
export function eventTable(ctx: Ctx, events: CaseFile['events']): void {
  const { w, l } = ctx;
  table(
    w,
    EVENT_COLUMNS(l),
    events.map((e): Cell[] => [formatPartialDate(e.date, l), l.eventType[e.type], eventCell(e, l)]),
  );
}

/**
 * Events in order, each footnoted to the sources it names (`sourceIds`): the date and
 * kind, the title, the details, the notes' markers at the end. A list, not a table, so
 * that each marker's note lands on the marker's page.
 */
export function eventList(ctx: Ctx, events: CaseFile['events'], sources: readonly Source[]): void {
  const { w, l } = ctx;
  w.bullets(events.map((e): Run[] => {
    const notes = citeSources(w, l, sources, e.sourceIds);
    const cited = notes.length > 0 ? { notes } : {};
    const head = join([formatPartialDate(e.date, l), l.eventType[e.type]], ' · ');
    return [
      { text: head, style: 'bold', color: THEME.muted },
      { text: e.title, style: 'bold', ...(e.description ? {} : cited) },
      ...(e.description ? [{ text: e.description, ...cited }] : []),
      ...confidentialMark(l, e.confidential),
    ];
  }), { gapAfter: 6 });
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
    c.charges.map((ch) => [ch.article ?? '', ch.code, join([ch.summary, ch.outcome && `(${l.facts.chargeOutcome[ch.outcome]})`], ' ')]),
  );
}

function rightsAndArgument(ctx: Ctx, c: CaseFile): void {
  const { w, l } = ctx;
  if (c.analysis.rightsViolated.length > 0) {
    w.block([{ text: `${l.field.rightsViolated}: ${c.analysis.rightsViolated.join(', ')}`, style: 'bold' }]);
  }
  argument(ctx, c, 3);
}

/**
 * The case's own argument under its heading. Without one, an internal brief says
 * plainly that it is still to be written; a public brief claims nothing.
 */
export function argument(ctx: Ctx, c: CaseFile, level: 2 | 3, title = ctx.l.section.argument): void {
  const { w, l } = ctx;
  if (c.analysis.argument?.trim()) {
    w.heading(title, level);
    w.text(c.analysis.argument);
  } else if (ctx.mode === 'internal') {
    w.heading(title, level);
    toBeCompleted(ctx, l.noArgumentYet);
  }
}

/** A visible reminder, in an internal brief, of what the case file still lacks. */
export function toBeCompleted(ctx: Ctx, what: string): void {
  ctx.w.callout([{ text: `${ctx.l.toComplete} ${what}`, style: 'bold' }], { color: THEME.stamp, fill: '#fbeaec' });
}

function wgadCategories(ctx: Ctx, c: CaseFile): void {
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

/**
 * The three tests of ICCPR 22(2) as questions, each beside what the case file
 * holds for it: the authority and legal basis, the rights recorded, the measure.
 * Whether a test is met is for the argument to say; the table asserts nothing
 * the case does not; where the file has no argument yet, an internal brief says it
 * is to be completed and a public one leaves the cell empty.
 */
function iccpr22(ctx: Ctx, c: NgoCase): void {
  const { w, l } = ctx;
  const f = l.iccpr22Facts;
  const m = c.measure;
  const argued = Boolean(c.analysis.argument?.trim());
  const internal = ctx.mode === 'internal';
  const rows: { test: Iccpr22Test; facts: Run[] }[] = [
    {
      test: 'law',
      facts: [
        { text: join([f.imposedBy(m.authority), m.legalBasis && f.basis(m.legalBasis)], ' ') },
        ...(!m.legalBasis && internal ? [{ text: `${l.toComplete} ${f.basisMissing}`, style: 'bold' as const, color: THEME.stamp }] : []),
      ],
    },
    {
      test: 'aim',
      facts: [
        ...(c.analysis.rightsViolated.length > 0 ? [{ text: f.rights(c.analysis.rightsViolated.join(', ')) }] : []),
        ...(argued ? [{ text: f.seeArgument }] : []),
      ],
    },
    {
      test: 'necessity',
      facts: [
        { text: f.measure(join([measureText(c, l), formatMonths(m.durationMonths, l), formatMoney(m.fine, l)])) },
        ...(argued ? [{ text: f.seeArgument }] : []),
      ],
    },
  ];
  if (!argued && internal) {
    for (const row of rows) if (row.test !== 'law') row.facts.push({ text: `${l.toComplete} ${f.argumentMissing}`, style: 'bold', color: THEME.stamp });
  }
  // A test the file says nothing on keeps its row, empty: the table claims nothing for it.
  const shown = rows.map((r) => (r.facts.length > 0 ? r : { ...r, facts: [{ text: '—', color: THEME.muted }] }));
  w.heading(l.section.iccpr22, 2);
  w.block([{ text: l.iccpr22Intro, color: THEME.muted }], { size: THEME.small });
  table(
    w,
    [{ header: l.table.test, width: 0.24 }, { header: l.table.requirement, width: 0.38 }, { header: l.table.facts, width: 0.38 }],
    shown.map((r) => [l.iccpr22Test[r.test], l.iccpr22Requirement[r.test], r.facts]),
    { labelColumn: true },
  );
}

export function analysis(ctx: Ctx, c: CaseFile): void {
  ctx.w.heading(ctx.l.section.analysis);
  if (c.kind === 'political_prisoner') {
    wgadCategories(ctx, c);
    rightsAndArgument(ctx, c);
  } else {
    // The 22(2) table already names the rights the case records.
    iccpr22(ctx, c);
    argument(ctx, c, 3);
  }
}

const EVENT_COLUMNS = (l: Labels) => [
  { header: l.table.date, width: 0.19 }, { header: l.table.event, width: 0.2 }, { header: l.table.details, width: 0.61 },
];

export const REMEDY_EVENTS: ReadonlySet<string> = new Set(['appeal', 'verdict', 'hearing']);

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
      [
        { text: a.target, style: 'bold' }, ...(a.reference ? [{ text: a.reference, color: THEME.muted }] : []),
        // Working notes: the view outside internal mode has none.
        ...(a.notes ? [{ text: a.notes }] : []), ...confidentialMark(l, a.confidential),
      ],
      l.advocacyKind[a.kind],
      l.advocacyStatus[a.status],
      formatPartialDate(a.nextFollowUp, l),
    ]),
  );
}

/**
 * Each verified passage (see verifiedEvidence) with its comment, footnoted to its
 * source: each source in full once, its number reused after. Notes on the case
 * itself (no source) are printed without a footnote. An internal brief says how
 * many annotations were left out unverified; a public one does not.
 */
export function evidence(ctx: Ctx, c: CaseFile, title = ctx.l.section.evidence, level: 1 | 2 = 1): void {
  const { w, l } = ctx;
  const { items, leftOut } = verifiedEvidence(c);
  // Nothing to quote: a brief to send says nothing of it; an internal one says why, if any were left out.
  if (items.length === 0 && (leftOut === 0 || ctx.mode === 'public')) return;
  w.heading(title, level);
  if (items.length === 0) w.block([{ text: l.noEvidence, color: THEME.muted }]);
  for (const item of items) evidenceItem(ctx, item);
  if (leftOut > 0 && ctx.mode === 'internal') w.block([{ text: l.unverifiedLeftOut(leftOut), style: 'italic', color: THEME.stamp }], { size: THEME.small });
}

function evidenceItem(ctx: Ctx, { annotation: a, source, quote, pages }: Verified): void {
  const { w, l } = ctx;
  const runs: Run[] = [];
  const n = source ? w.cite(sourceNote(source, l)) : undefined;
  const cited = (text: string): Run => (n === undefined ? { text } : { text, notes: [n] });
  const comment = a.body.trim();
  // A quote from a paged original says its page, as a pinpoint before the source's note: «…» (с. 3) [1].
  const page = pages ? ` (${originalsLabels[ctx.lang].page(pages.first, pages.last)})` : '';
  // The marker ends the comment, or the quote when there is no comment.
  if (quote) {
    const text = `${l.quoteOpen}${quote}${l.quoteClose}${page}`;
    runs.push({ ...(comment === '' ? cited(text) : { text }), style: 'italic', color: THEME.accent });
  }
  if (!source && !quote) runs.push({ text: `${l.caseNote}:`, style: 'bold', color: THEME.muted });
  if (comment !== '' || (!quote && n !== undefined)) runs.push(cited(comment));
  if (a.tags.length > 0) runs.push({ text: a.tags.map((t) => `#${t}`).join(' '), size: THEME.small, color: THEME.muted });
  runs.push(...confidentialMark(l, a.confidential || source?.confidential));
  w.block(runs, { tag: 'BlockQuote', indent: 10, gapAfter: 8, keepTogether: true });
}
