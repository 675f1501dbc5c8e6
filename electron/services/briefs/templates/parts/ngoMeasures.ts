import type { CaseFile, NgoCase } from '../../../../../shared/model';
import { formatMoney, formatMonths, formatPartialDate, join } from '../../format';
import { table } from '../../doc/builder';
import type { Run } from '../../doc/model';
import { THEME } from '../../doc/theme';
import { ngoLabels } from '../../labels/ngo';
import { confidentialMark, factsTable, measureText, place, toBeCompleted, type Ctx, type FactRow } from '../../sections';

// What the Special Rapporteur on freedom of association asks of each measure: who imposed
// it, when, where, what it did, on what legal basis; then the three tests of ICCPR 22(2)
// with what the case itself holds for each. The case's `measure` is one measure; its
// events of type suspension, fine and inspection are the others. An event that records
// the measure itself (its type, on its start date) describes it and is not a second one.

type Event = CaseFile['events'][number];
const MEASURE_EVENTS: ReadonlySet<Event['type']> = new Set(['suspension', 'fine', 'inspection']);

export type MeasureItem = { date?: string | undefined; rows: FactRow[]; title: string; confidential?: boolean | undefined };

/** The event that records the case's own measure, if any: its type, on its start date. */
function ownEvent(c: NgoCase): Event | undefined {
  return c.events.find((e) => e.type === c.measure.type && e.date !== undefined && e.date === c.measure.start);
}

/** The events printed as measures (the case's own measure's event excluded). */
export function furtherMeasures(c: NgoCase): Event[] {
  const own = ownEvent(c);
  return c.events.filter((e) => MEASURE_EVENTS.has(e.type) && e !== own);
}

/** The case's measure and the further ones, in date order (undated ones where the case put them). */
function measureItems(ctx: Ctx, c: NgoCase): MeasureItem[] {
  const { l } = ctx;
  const t = ngoLabels[ctx.lang];
  const m = c.measure;
  const own = ownEvent(c);
  const main: MeasureItem = {
    date: m.start,
    title: measureText(c, l),
    rows: [
      [t.date, formatPartialDate(m.start, l)],
      [l.field.authority, m.authority],
      [t.place, place(c, l)],
      [t.description, own && join([own.title, own.description], '. ')],
      [l.field.legalBasis, m.legalBasis],
      [l.facts.aimClaimed, m.aimClaimed],
      [l.field.end, formatPartialDate(m.end, l)],
      [l.field.duration, formatMonths(m.durationMonths, l)],
      [l.field.fine, formatMoney(m.fine, l)],
    ],
  };
  const further = furtherMeasures(c).map((e): MeasureItem => ({
    date: e.date,
    title: l.eventType[e.type],
    confidential: e.confidential,
    rows: [[t.date, formatPartialDate(e.date, l)], [t.description, join([e.title, e.description], '. ')]],
  }));
  // A stable sort: dated items by date, an undated one stays after those before it.
  const all = [main, ...further];
  return all
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.date && b.item.date ? a.item.date.localeCompare(b.item.date) : 0) || a.i - b.i)
    .map(({ item }) => item);
}

export function organisationFacts(ctx: Ctx, c: NgoCase): FactRow[] {
  const { l } = ctx;
  const t = ngoLabels[ctx.lang];
  const o = c.organization;
  return [
    [l.field.organisation, o.name],
    [l.field.otherNames, o.aliases.join('; ')],
    [l.facts.legalForm, o.legalForm],
    [l.field.registrationNumber, o.registrationNumber],
    [t.founded, formatPartialDate(o.founded, l)],
    [t.activities, o.focus],
    [t.members, o.members === undefined ? undefined : String(o.members)],
    [l.field.city, place(c, l)],
  ];
}

export function measuresSection(ctx: Ctx, c: NgoCase): void {
  const { w, l } = ctx;
  const t = ngoLabels[ctx.lang];
  w.heading(l.ngoT.measures);
  const items = measureItems(ctx, c);
  items.forEach((item, i) => {
    w.keep(() => {
      w.block([{ text: `${t.measureNo(i + 1)}: ${item.title}`, style: 'bold', color: THEME.accent }, ...confidentialMark(l, item.confidential)], { tag: 'H3', gapAfter: 2, keepWithNext: true });
      factsTable(w, item.rows);
    });
  });
  if (!c.measure.legalBasis && ctx.mode === 'internal') toBeCompleted(ctx, t.missing.legalBasis);
}

/**
 * The three tests of ICCPR 22(2) beside what the case holds for each: the authority and
 * legal basis; the aim the authorities gave and the rights the case records; the measure.
 * The table asserts nothing the case does not: a test the file says nothing on is a dash,
 * and "see the argument" appears only where the case has one.
 */
export function iccpr22Tests(ctx: Ctx, c: NgoCase): void {
  const { w, l } = ctx;
  const f = l.iccpr22Facts;
  const t = ngoLabels[ctx.lang];
  const m = c.measure;
  const argued = Boolean(c.analysis.argument?.trim());
  const internal = ctx.mode === 'internal';
  const todo = (what: string): Run[] => (internal ? [{ text: `${l.toComplete} ${what}`, style: 'bold', color: THEME.stamp }] : []);
  const see: Run[] = argued ? [{ text: f.seeArgument }] : [];
  const rows: [keyof typeof l.iccpr22Test, Run[]][] = [
    ['law', [{ text: join([f.imposedBy(m.authority), m.legalBasis && f.basis(m.legalBasis)], ' ') }, ...(m.legalBasis ? [] : todo(f.basisMissing))]],
    [
      'aim',
      [
        ...(m.aimClaimed?.trim() ? [{ text: t.aimGiven(m.aimClaimed.trim().replace(/\.$/, '')) }] : []),
        ...(c.analysis.rightsViolated.length > 0 ? [{ text: f.rights(c.analysis.rightsViolated.join(', ')) }] : []),
        ...see, ...(argued ? [] : todo(f.argumentMissing)),
      ],
    ],
    ['necessity', [{ text: f.measure(join([measureText(c, l), formatMonths(m.durationMonths, l), formatMoney(m.fine, l)])) }, ...see, ...(argued ? [] : todo(f.argumentMissing))]],
  ];
  w.heading(l.section.iccpr22, 2);
  w.block([{ text: l.iccpr22Intro, color: THEME.muted }], { size: THEME.small });
  table(
    w,
    [{ header: l.table.test, width: 0.24 }, { header: l.table.requirement, width: 0.38 }, { header: l.table.facts, width: 0.38 }],
    rows.map(([test, facts]) => [l.iccpr22Test[test], l.iccpr22Requirement[test], facts.length > 0 ? facts : [{ text: '—', color: THEME.muted }]]),
    { labelColumn: true },
  );
}

/** Other bodies already seized: sent actions only (the view outside internal mode has no drafts; an internal brief drops them here). */
export function otherMechanisms(ctx: Ctx, c: CaseFile): void {
  const { w, l } = ctx;
  const sent = c.advocacy.filter((a) => a.status !== 'draft');
  if (sent.length === 0) return;
  w.heading(ngoLabels[ctx.lang].otherMechanisms, 2);
  w.bullets(sent.map((a): Run[] => [
    { text: `${a.target} — ${join([l.advocacyKind[a.kind], formatPartialDate(a.date, l), l.advocacyStatus[a.status].toLocaleLowerCase(l.locale), a.reference])}` },
    ...confidentialMark(l, a.confidential),
  ]));
}
