import type { CaseFile } from '../../../../shared/model';
import { clip, formatPartialDate, join, paragraphs } from '../format';
import type { Labels } from '../labels';
import { table } from '../doc/builder';
import type { Cell, Run } from '../doc/model';
import { THEME } from '../doc/theme';
import {
  appealText, chargeText, detentionText, measureText, place, recognitionText, sentenceText, sinceOf, stateText, titleBlock, type Ctx,
} from '../sections';

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

function profileFacts(c: CaseFile, l: Labels): string[] {
  const f = l.field;
  const line = (label: string, value: string | undefined) => (value && value.trim() !== '' ? `${label}: ${value}` : '');
  if (c.kind === 'political_prisoner') {
    return [
      line(f.otherNames, c.person.aliases.join('; ')),
      line(f.detention, join([detentionText(c, l), sinceOf(c) && l.sinceDate(formatPartialDate(sinceOf(c), l))])),
      line(f.charges, c.charges.map((ch) => chargeText(ch, l)).join('; ')),
      line(l.facts.penaltyInForce, sentenceText(c, l)),
      line(f.recognitions, c.recognitions.map((r) => recognitionText(r, l)).join('; ')),
    ].filter(Boolean);
  }
  return [
    line(f.otherNames, c.organization.aliases.join('; ')),
    line(f.measure, join([measureText(c, l), c.measure.start && formatPartialDate(c.measure.start, l)])),
    line(f.authority, c.measure.authority),
    line(f.legalBasis, c.measure.legalBasis),
    line(f.appeal, appealText(c, l)),
  ].filter(Boolean);
}

/** One profile, kept on one page when it fits, a rule under it. */
function profile(ctx: Ctx, c: CaseFile, n: number): void {
  const { w, l } = ctx;
  const head: Run[] = [{ text: `${n}. ${c.title}`, style: 'bold', color: THEME.accent, size: THEME.h3 + 0.5 }];
  // The case's workflow status is for the team: a public brief shows none (MODEL.md, Confidentiality).
  const meta: Run[] = [{ text: join([l.kind[c.kind], ctx.mode === 'internal' && l.status[c.status], place(c, l)], ' · '), color: THEME.muted, size: THEME.small }];
  const facts: Run[] = profileFacts(c, l).map((text) => ({ text, size: THEME.small + 0.5 }));
  const first = paragraphs(c.summary)[0];
  w.keep(() => {
    w.space(4);
    w.block(head, { tag: 'H3', gapAfter: 1 });
    w.block(meta, { gapAfter: 3 });
    if (facts.length > 0) w.block(facts, { gapAfter: 3 });
    if (first) w.block([{ text: clip(first, PROFILE_SUMMARY_CHARS) }], { gapAfter: 6 });
  }, { rule: true });
}

/** Many cases at once: counts, one table row per case, then a short profile of each. */
export async function renderMulti(ctx: Ctx, cases: readonly CaseFile[], onProgress?: Progress): Promise<void> {
  const { w, l } = ctx;
  const m = l.multiT;
  const total = cases.length;
  onProgress?.(0, total);
  titleBlock(ctx, m.total(total), l.templateTitle.multi);

  w.heading(m.counts);
  const prisoners = cases.flatMap((c) => (c.kind === 'political_prisoner' ? [c.detention.status] : []));
  const ngos = cases.flatMap((c) => (c.kind === 'ngo_suspension' ? [c.measure.type] : []));
  const internal = ctx.mode === 'internal';
  countsTable(ctx, [
    [m.byKind, countBy(cases.map((c) => c.kind)).map(([k, n]) => [l.kind[k], n])],
    ...(internal ? [[m.byStatus, countBy(cases.map((c) => c.status)).map(([k, n]) => [l.status[k], n])] as [string, [string, number][]]] : []),
    [m.byDetention, countBy(prisoners).map(([k, n]) => [l.detentionStatus[k], n])],
    [m.byMeasure, countBy(ngos).map(([k, n]) => [l.measureType[k], n])],
  ]);

  w.heading(m.casesTable);
  table(
    w,
    internal
      ? [
        { header: l.table.no, width: 0.06 }, { header: l.table.caseTitle, width: 0.33 }, { header: l.table.kind, width: 0.17 },
        { header: l.table.status, width: 0.12 }, { header: l.table.state, width: 0.18 }, { header: l.table.since, width: 0.14 },
      ]
      : [
        { header: l.table.no, width: 0.06 }, { header: l.table.caseTitle, width: 0.39 }, { header: l.table.kind, width: 0.17 },
        { header: l.table.state, width: 0.22 }, { header: l.table.since, width: 0.16 },
      ],
    cases.map((c, i) => [
      String(i + 1), c.title, l.kind[c.kind], ...(internal ? [l.status[c.status]] : []), stateText(c, l), formatPartialDate(sinceOf(c), l),
    ]),
    { size: THEME.small },
  );

  w.heading(m.profiles);
  for (let i = 0; i < cases.length; i++) {
    profile(ctx, cases[i]!, i + 1);
    onProgress?.(i + 1, total);
    if ((i + 1) % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
