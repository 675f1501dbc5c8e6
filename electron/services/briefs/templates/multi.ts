import type { CaseFile } from '../../../../shared/model';
import { clip, formatPartialDate, join, paragraphs } from '../format';
import { caseloadSection } from '../charts/caseloadSection';
import { table } from '../doc/builder';
import type { Cell, Run } from '../doc/model';
import { THEME } from '../doc/theme';
import { multiLabels } from '../labels/multi';
import {
  appealText, chargeText, detentionText, measureText, place, recognitionText, sentenceText, sinceOf, titleBlock, type Ctx,
} from '../sections';
import { shortCountry } from './parts/country';
import { issuer } from './parts/issuer';
import { categories, namedLists, recommendations, sourcesLine } from './parts/multiLists';
import { recurringBodiesSection } from './parts/recurringBodies';

export type Progress = (done: number, total: number) => void;

/** How much of a summary a half-page profile shows; the case brief has the rest. */
const PROFILE_SUMMARY_CHARS = 650;
/** Profiles between two yields to the event loop, so progress reaches the window while we render. */
const YIELD_EVERY = 10;

function countBy<T extends string>(items: readonly T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** One compact table of counts: each breakdown named on its first row only. */
function countsTable(ctx: Ctx, groups: [string, [string, number][]][]): void {
  const { w, l } = ctx;
  const rows = groups.flatMap(([title, counts]) => counts.map(([k, n], i): Cell[] => [i === 0 ? [{ text: title, style: 'bold' }] : '', k, String(n)]));
  table(w, [{ header: l.table.breakdown, width: 0.42 }, { header: l.table.group, width: 0.43 }, { header: l.table.count, width: 0.15 }], rows);
}

function profileFacts(ctx: Ctx, c: CaseFile): string[] {
  const { l } = ctx;
  const m = multiLabels[ctx.lang];
  const f = l.field;
  const line = (label: string, value: string | undefined) => (value && value.trim() !== '' ? `${label}: ${value}` : '');
  const sources = line(m.sources, sourcesLine(ctx, c));
  if (c.kind === 'political_prisoner') {
    return [
      line(f.otherNames, c.person.aliases.join('; ')),
      line(f.detention, join([detentionText(c, l), sinceOf(c) && l.sinceDate(formatPartialDate(sinceOf(c), l))])),
      line(f.charges, c.charges.map((ch) => chargeText(ch, l)).join('; ')),
      line(l.facts.penaltyInForce, sentenceText(c, l)),
      line(l.facts.conditions, c.detention.conditions),
      // Health is confidential (MODEL.md): a public list never carries it, whatever the view holds.
      ctx.mode === 'public' ? '' : line(m.health, c.detention.health),
      line(f.recognitions, c.recognitions.map((r) => recognitionText(r, l)).join('; ')),
      sources,
    ].filter(Boolean);
  }
  return [
    line(f.otherNames, c.organization.aliases.join('; ')),
    line(f.measure, join([measureText(c, l), c.measure.start && formatPartialDate(c.measure.start, l)])),
    line(f.authority, c.measure.authority),
    line(f.legalBasis, c.measure.legalBasis),
    line(f.appeal, appealText(c, l)),
    sources,
  ].filter(Boolean);
}

/** One profile, kept on one page when it fits, a rule under it. */
function profile(ctx: Ctx, c: CaseFile, n: number): void {
  const { w, l } = ctx;
  const head: Run[] = [{ text: `${n}. ${c.title}`, style: 'bold', color: THEME.accent, size: THEME.h3 + 0.5 }];
  // The case's workflow status is for the team: a public brief shows none (MODEL.md, Confidentiality).
  const meta: Run[] = [{ text: join([l.kind[c.kind], ctx.mode === 'internal' && l.status[c.status], place(c, l)], ' · '), color: THEME.muted, size: THEME.small }];
  const facts: Run[] = profileFacts(ctx, c).map((text) => ({ text, size: THEME.small + 0.5 }));
  const first = paragraphs(c.summary)[0];
  w.keep(() => {
    w.space(4);
    w.block(head, { tag: 'H3', gapAfter: 1 });
    w.block(meta, { gapAfter: 3 });
    if (facts.length > 0) w.block(facts, { gapAfter: 3 });
    if (first) w.block([{ text: clip(first, PROFILE_SUMMARY_CHARS) }], { gapAfter: 6 });
  }, { rule: true });
}

/** The countries the cases are in, the most frequent first ("Kazakhstan, China"). */
function countriesOf(ctx: Ctx, cases: readonly CaseFile[]): string {
  return countBy(cases.flatMap((c) => (c.country ? [c.country] : []))).map(([code]) => shortCountry(code, ctx)).join(', ');
}

/**
 * Many cases at once, as NGOs publish a country list: the title with the countries and
 * the date, who compiled it, the context and the inclusion criteria, the counts by
 * category of persecution, the named list of each category, a short profile of each case
 * with its sources, and the recommendations the cases themselves make.
 */
export async function renderMulti(ctx: Ctx, cases: readonly CaseFile[], onProgress?: Progress): Promise<void> {
  const { w, l } = ctx;
  const m = l.multiT;
  const ml = multiLabels[ctx.lang];
  const total = cases.length;
  onProgress?.(0, total);
  const people = cases.filter((c) => c.kind === 'political_prisoner').length;
  const organisations = total - people;
  const countries = countriesOf(ctx, cases);
  titleBlock(ctx, l.templateTitle.multi, ml.title(countries, organisations === 0 ? 'people' : people === 0 ? 'organisations' : 'both', ctx.date));
  issuer(ctx, ml.compiledBy, { phone: ml.phone, email: ml.email, responsible: ml.responsible, missing: '' });
  w.block([{ text: m.total(total) }]);

  w.heading(ml.context);
  w.block([{ text: ml.contextText(people, organisations, countries, ctx.date) }]);
  recurringBodiesSection(ctx, cases);
  w.heading(ml.methodology, 2);
  w.bullets([...ml.method, ...(ctx.mode === 'public' ? [ml.methodPublic] : ctx.mode === 'submission' ? [ml.methodSubmission] : [])], { size: THEME.small + 0.5 });

  w.heading(ml.categories);
  const prisoners = cases.flatMap((c) => (c.kind === 'political_prisoner' ? [c.detention.status] : []));
  const ngos = cases.flatMap((c) => (c.kind === 'ngo_suspension' ? [c.measure.type] : []));
  const internal = ctx.mode === 'internal';
  const groups: [string, [string, number][]][] = [
    [m.byKind, countBy(cases.map((c) => c.kind)).map(([k, n]) => [l.kind[k], n])],
    ...(internal ? [[m.byStatus, countBy(cases.map((c) => c.status)).map(([k, n]) => [l.status[k], n])] as [string, [string, number][]]] : []),
    [m.byDetention, countBy(prisoners).map(([k, n]) => [l.detentionStatus[k], n])],
    [m.byMeasure, countBy(ngos).map(([k, n]) => [l.measureType[k], n])],
  ];
  countsTable(ctx, groups.filter(([, counts]) => counts.length > 0));
  await caseloadSection(ctx, cases);

  namedLists(ctx, categories(ctx, cases));

  w.heading(m.profiles);
  for (let i = 0; i < cases.length; i++) {
    profile(ctx, cases[i]!, i + 1);
    onProgress?.(i + 1, total);
    if ((i + 1) % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  recommendations(ctx, cases);
}
