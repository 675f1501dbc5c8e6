import type { Caseload } from './caseload';
import { NO_PENALTY_YET } from './caseload';
import { KZ_REGIONS } from './kzRegions';
import { monthName, type DateLanguage } from '../text/monthNames';

// The caseload's charts, as ECharts draws them and as the table of their numbers: one
// definition for the Statistics view (drawn in the window) and the multi-case brief
// (drawn in the core, onto a canvas). Pure: the words come in as `ChartText`, which the
// window fills from its locale files and the brief from its label files.

export type ChartId = 'over-time' | 'by-region' | 'by-country' | 'by-article' | 'by-penalty' | 'by-status';

export type ChartSpec = {
  id: ChartId;
  title: string;
  note?: string;
  /** Column headings, then one row per category. */
  head: string[];
  rows: (string | number)[][];
  /** ECharts' option object (typed loosely here: echarts' own types bring the DOM into the core's type-check, through the tests). */
  option: Record<string, unknown>;
  height: number;
};

export type Period = 'month' | 'year';
export type Series = 'detentions' | 'releases' | 'measures';
type Counts = Record<Series, number>;

/** Every word a chart prints, in one language. */
export type ChartText = {
  lang: DateLanguage;
  title: Record<ChartId, string>;
  series: Record<Series, string>;
  period: string;
  category: string;
  count: string;
  yearOnlyNote: (counts: Counts) => string;
  mapNote: string;
  unplaced: (n: number) => string;
  noCountry: string;
  noArticle: string;
  noPenaltyYet: string;
  /** "Other" for the categories past a bar chart's limit. */
  other: string;
  country: (code: string) => string | undefined;
  penalty: (type: string) => string;
  status: (status: string) => string;
};

/** Options a drawing may ask of every chart: a font (the brief's DejaVu) and at most so many bars (a page is not endless). */
export type ChartLook = { fontFamily?: string; maxBars?: number };

const SERIES: readonly Series[] = ['detentions', 'releases', 'measures'];
const COLORS: Record<Series, string> = { detentions: '#b3261e', releases: '#2e7d32', measures: '#1f5fa8' };

export const KZ_MAP = 'casefile-kz-regions';

function withFont(option: Record<string, unknown>, look: ChartLook): Record<string, unknown> {
  return look.fontFamily ? { ...option, textStyle: { fontFamily: look.fontFamily } } : option;
}

/** The first `max - 1` rows and the rest summed as one "other" row, so a long tail still adds up to the total. */
function capped(rows: [string, number][], max: number | undefined, other: string): [string, number][] {
  if (!max || rows.length <= max) return rows;
  const rest = rows.slice(max - 1).reduce((sum, r) => sum + r[1], 0);
  return [...rows.slice(0, max - 1), [other, rest]];
}

function barChart(id: ChartId, x: ChartText, all: [string, number][], look: ChartLook, note?: string): ChartSpec {
  const rows = capped(all, look.maxBars, x.other);
  // Horizontal bars, the largest on top: long article and penalty names stay readable.
  const shown = [...rows].reverse();
  return {
    id,
    title: x.title[id],
    note,
    head: [x.category, x.count],
    rows,
    height: Math.max(160, 40 + rows.length * 28),
    option: withFont({
      animation: false,
      grid: { left: 8, right: 32, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, name: x.count, nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: shown.map((r) => r[0]), axisLabel: { width: 260, overflow: 'truncate' } },
      tooltip: { trigger: 'item' },
      series: [{ type: 'bar', data: shown.map((r) => r[1]), itemStyle: { color: '#1f5fa8' }, label: { show: true, position: 'right' } }],
    }, look),
  };
}

export function timeChart(x: ChartText, s: Caseload, period: Period, look: ChartLook = {}): ChartSpec {
  const points = period === 'month' ? s.months : s.years;
  const label = (key: string) => (period === 'year' ? key : `${monthName(x.lang, Number(key.slice(5)))} ${key.slice(0, 4)}`);
  const names = SERIES.map((k) => x.series[k]);
  const yo = s.yearOnly;
  return {
    id: 'over-time',
    title: x.title['over-time'],
    note: period === 'month' && yo.detentions + yo.releases + yo.measures > 0 ? x.yearOnlyNote(yo) : undefined,
    head: [x.period, ...names],
    rows: points.map((p) => [label(p.key), p.detentions, p.releases, p.measures]),
    height: 320,
    option: withFont({
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => label(p.key)) },
      yAxis: { type: 'value', minInterval: 1, name: x.count },
      series: SERIES.map((k, i) => ({ type: 'bar', name: names[i], data: points.map((p) => p[k]), itemStyle: { color: COLORS[k] } })),
    }, look),
  };
}

export function regionChart(x: ChartText, s: Caseload, look: ChartLook = {}): ChartSpec {
  const name = (id: string) => KZ_REGIONS.find((r) => r.id === id)?.name[x.lang] ?? id;
  const drawn = KZ_REGIONS.filter((r) => !r.carvedFrom);
  const counts = new Map(s.regions.map((r) => [r.key, r.count]));
  const max = Math.max(1, ...s.regions.map((r) => r.count));
  return {
    id: 'by-region',
    title: x.title['by-region'],
    note: [x.mapNote, s.regionUnplaced > 0 ? x.unplaced(s.regionUnplaced) : ''].filter(Boolean).join(' '),
    head: [x.category, x.count],
    rows: s.regions.map((r) => [name(r.key), r.count]),
    height: 420,
    option: withFont({
      animation: false,
      tooltip: { trigger: 'item' },
      visualMap: { min: 0, max, left: 8, bottom: 8, calculable: false, inRange: { color: ['#eef3fa', '#1f5fa8'] }, text: [String(max), '0'] },
      series: [
        {
          type: 'map',
          map: KZ_MAP,
          nameProperty: 'id',
          nameMap: Object.fromEntries(drawn.map((r) => [r.id, r.name[x.lang]])),
          roam: false,
          // The count beside the name: Almaty and Astana are too small to read by their colour.
          label: { show: true, fontSize: 9, formatter: (p: { name: string; value: unknown }) => (typeof p.value === 'number' && p.value > 0 ? `${p.name}: ${p.value}` : p.name) },
          data: drawn.map((r) => ({ name: r.name[x.lang], value: counts.get(r.id) ?? 0 })),
        },
      ],
    }, look),
  };
}

export function countryChart(x: ChartText, s: Caseload, look: ChartLook = {}): ChartSpec {
  return barChart('by-country', x, s.countries.map((c) => [c.key ? (x.country(c.key) ?? c.key) : x.noCountry, c.count]), look);
}

export function articleChart(x: ChartText, s: Caseload, look: ChartLook = {}): ChartSpec {
  return barChart('by-article', x, s.articles.map((a) => [a.key || x.noArticle, a.count]), look);
}

export function penaltyChart(x: ChartText, s: Caseload, look: ChartLook = {}): ChartSpec {
  return barChart('by-penalty', x, s.penalties.map((p) => [p.key === NO_PENALTY_YET ? x.noPenaltyYet : x.penalty(p.key), p.count]), look);
}

export function statusChart(x: ChartText, s: Caseload, look: ChartLook = {}): ChartSpec {
  return barChart('by-status', x, s.statuses.map((p) => [x.status(p.key), p.count]), look);
}

/** The chart's numbers as CSV: UTF-8 with a byte-order mark, so Excel on Windows reads Cyrillic right. */
export function chartCsv(spec: Pick<ChartSpec, 'head' | 'rows'>): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${[spec.head, ...spec.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
