import type { CaseFile } from '../../../../shared/model';
import { caseload, type Caseload } from '../../../../shared/stats/caseload';
import { caseFacts } from '../../../../shared/stats/caseFacts';
import {
  articleChart, countryChart, penaltyChart, regionChart, statusChart, timeChart, type ChartSpec, type ChartText, type Period,
} from '../../../../shared/stats/chartOptions';
import type { Column } from '../doc/model';
import { THEME } from '../doc/theme';
import { chartLabels } from '../labels/charts';
import type { Ctx } from '../sections';
import { shortCountry } from '../templates/parts/country';
import { CHART_FONT, drawChart, regionMapReady } from './draw';

// The multi-case brief's "Caseload" section: the Statistics view's charts of the cases
// chosen, each drawn as a picture, captioned, and followed by its numbers as a table (a
// chart alone says nothing to a screen reader, or on a page printed in black and white).
// The cases are the brief's views: a public brief counts only what it may print, and the
// workflow status (the team's own) is charted only in an internal brief.

/** A page holds about this many bars legibly; the rest are summed as one "other" bar. */
const MAX_BARS = 15;
/** Up to two years of months reads as months; longer spans read as years. */
const MAX_MONTHS = 24;
/** The charts' printed width in points: the text's width on A4 with the briefs' margins. */
const PRINTED_WIDTH = 480;

function chartText(ctx: Ctx): ChartText {
  const c = chartLabels[ctx.lang];
  return {
    lang: ctx.lang,
    title: c.title,
    series: c.series,
    period: c.period,
    category: c.category,
    count: c.count,
    yearOnlyNote: c.yearOnlyNote,
    mapNote: c.mapNote,
    unplaced: c.unplaced,
    noCountry: c.noCountry,
    noArticle: c.noArticle,
    noPenaltyYet: c.noPenaltyYet,
    other: c.other,
    country: (code) => shortCountry(code, ctx) || undefined,
    penalty: (type) => ctx.l.penaltyType[type as keyof Ctx['l']['penaltyType']] ?? type,
    status: (status) => ctx.l.status[status as keyof Ctx['l']['status']] ?? status,
  };
}

/** The charts that say something about these cases, in the order the Statistics view shows them. */
export function briefCharts(ctx: Ctx, s: Caseload): ChartSpec[] {
  const x = chartText(ctx);
  const look = { fontFamily: CHART_FONT, maxBars: MAX_BARS };
  const out: ChartSpec[] = [];
  if (s.years.length > 0) {
    const period: Period = s.months.length > 0 && s.months.length <= MAX_MONTHS ? 'month' : 'year';
    out.push(timeChart(x, s, period, look));
  }
  if ((s.regions.length > 0 || s.regionUnplaced > 0) && regionMapReady()) out.push(regionChart(x, s, look));
  if (s.countries.some((c) => c.key !== 'KZ')) out.push(countryChart(x, s, look));
  if (s.articles.length > 0) out.push(articleChart(x, s, look));
  if (s.penalties.length > 0) out.push(penaltyChart(x, s, look));
  if (ctx.mode === 'internal') out.push(statusChart(x, s, look));
  return out;
}

function columns(head: readonly string[]): Column[] {
  const first = head.length > 2 ? 0.4 : 0.75;
  return head.map((header, i) => ({ header, width: i === 0 ? first : (1 - first) / (head.length - 1) }));
}

/** Writes the section when the brief asks for charts (ctx.charts), or nothing when no case gives a chart anything to count. */
export async function caseloadSection(ctx: Ctx, cases: readonly CaseFile[]): Promise<void> {
  const { w, charts: wanted } = ctx;
  if (!wanted) return;
  const c = chartLabels[ctx.lang];
  const specs = briefCharts(ctx, caseload(cases.map(caseFacts), {}));
  if (specs.length === 0) return;
  // Drawn together: each picture's encoding runs on the thread pool while the next is laid out.
  const drawn = await Promise.all(specs.map((spec) => drawChart(spec, wanted)));
  w.heading(c.heading);
  w.block([{ text: ctx.mode === 'internal' ? `${c.intro} ${c.introInternal}` : c.intro }]);
  specs.forEach((spec, i) => {
    const picture = drawn[i]!;
    w.keep(() => {
      w.image({
        jpeg: picture.jpeg,
        ...(picture.png ? { png: picture.png } : {}),
        width: PRINTED_WIDTH,
        height: (PRINTED_WIDTH * picture.height) / picture.width,
        alt: c.alt(spec.title),
      });
      w.block([{ text: c.caption(i + 1, spec.title), style: 'bold', color: THEME.accent }], { gapAfter: spec.note ? 2 : 4, keepWithNext: true });
      if (spec.note) w.block([{ text: spec.note, size: THEME.small, color: THEME.muted }], { gapAfter: 4, keepWithNext: true });
    });
    w.table(columns(spec.head), spec.rows.map((row) => row.map(String)), { size: THEME.small, gapAfter: 10 });
  });
}
