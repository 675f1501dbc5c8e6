import type { TFunction } from 'i18next';
import type { Caseload } from '../../../shared/stats/caseload';
import { NO_PENALTY_YET } from '../../../shared/stats/caseload';
import { KZ_REGIONS } from '../../../shared/stats/kzRegions';
import { dateLanguage, monthName } from '../../../shared/text/monthNames';
import { enumLabel } from '../../lib/enumLabels';

// Each chart of the view as what ECharts draws and the table of its numbers (the same
// numbers: the accessible table, the CSV and the chart are made from one list of rows).

export type ChartSpec = {
  id: string;
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

const SERIES = ['detentions', 'releases', 'measures'] as const;
const COLORS = { detentions: '#b3261e', releases: '#2e7d32', measures: '#1f5fa8' };

function barChart(id: string, title: string, head: [string, string], rows: [string, number][], note?: string): ChartSpec {
  // Horizontal bars, the largest on top: long article and penalty names stay readable.
  const shown = [...rows].reverse();
  return {
    id,
    title,
    note,
    head,
    rows,
    height: Math.max(160, 40 + rows.length * 28),
    option: {
      animation: false,
      grid: { left: 8, right: 32, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, name: head[1], nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: shown.map((r) => r[0]), axisLabel: { width: 260, overflow: 'truncate' } },
      tooltip: { trigger: 'item' },
      series: [{ type: 'bar', data: shown.map((r) => r[1]), itemStyle: { color: '#1f5fa8' }, label: { show: true, position: 'right' } }],
    },
  };
}

export function timeChart(t: TFunction, s: Caseload, period: Period, lang: string): ChartSpec {
  const points = period === 'month' ? s.months : s.years;
  const dl = dateLanguage(lang);
  const label = (key: string) => (period === 'year' ? key : `${monthName(dl, Number(key.slice(5)))} ${key.slice(0, 4)}`);
  const names = SERIES.map((k) => t(`statistics.series.${k}`));
  const yo = s.yearOnly;
  return {
    id: 'over-time',
    title: t('statistics.overTime'),
    note: period === 'month' && yo.detentions + yo.releases + yo.measures > 0 ? t('statistics.yearOnlyNote', { ...yo }) : undefined,
    head: [t('statistics.period_col'), ...names],
    rows: points.map((p) => [label(p.key), p.detentions, p.releases, p.measures]),
    height: 320,
    option: {
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => label(p.key)) },
      yAxis: { type: 'value', minInterval: 1, name: t('statistics.count') },
      series: SERIES.map((k, i) => ({ type: 'bar', name: names[i], data: points.map((p) => p[k]), itemStyle: { color: COLORS[k] } })),
    },
  };
}

export const KZ_MAP = 'casefile-kz-regions';

export function regionChart(t: TFunction, s: Caseload, lang: string): ChartSpec {
  const dl = dateLanguage(lang);
  const name = (id: string) => KZ_REGIONS.find((r) => r.id === id)?.name[dl] ?? id;
  const drawn = KZ_REGIONS.filter((r) => !r.carvedFrom);
  const counts = new Map(s.regions.map((r) => [r.key, r.count]));
  const max = Math.max(1, ...s.regions.map((r) => r.count));
  return {
    id: 'by-region',
    title: t('statistics.byRegion'),
    note: [t('statistics.mapNote'), s.regionUnplaced > 0 ? t('statistics.unplaced', { n: s.regionUnplaced }) : ''].filter(Boolean).join(' '),
    head: [t('statistics.category'), t('statistics.count')],
    rows: s.regions.map((r) => [name(r.key), r.count]),
    height: 420,
    option: {
      animation: false,
      tooltip: { trigger: 'item' },
      visualMap: { min: 0, max, left: 8, bottom: 8, calculable: false, inRange: { color: ['#eef3fa', '#1f5fa8'] }, text: [String(max), '0'] },
      series: [
        {
          type: 'map',
          map: KZ_MAP,
          nameProperty: 'id',
          nameMap: Object.fromEntries(drawn.map((r) => [r.id, r.name[dl]])),
          roam: false,
          // The count beside the name: Almaty and Astana are too small to read by their colour.
          label: { show: true, fontSize: 9, formatter: (p: { name: string; value: unknown }) => (typeof p.value === 'number' && p.value > 0 ? `${p.name}: ${p.value}` : p.name) },
          data: drawn.map((r) => ({ name: r.name[dl], value: counts.get(r.id) ?? 0 })),
        },
      ],
    },
  };
}

/** `country` names a country code in the interface language (the app's format.country). */
export function countryChart(t: TFunction, country: (code: string) => string | undefined, s: Caseload): ChartSpec {
  return barChart('by-country', t('statistics.byCountry'), [t('statistics.category'), t('statistics.count')], s.countries.map((c) => [c.key ? (country(c.key) ?? c.key) : t('statistics.noCountry'), c.count]));
}

export function articleChart(t: TFunction, s: Caseload): ChartSpec {
  return barChart('by-article', t('statistics.byArticle'), [t('statistics.category'), t('statistics.count')], s.articles.map((a) => [a.key || t('statistics.noArticle'), a.count]));
}

export function penaltyChart(t: TFunction, s: Caseload): ChartSpec {
  return barChart('by-penalty', t('statistics.byPenalty'), [t('statistics.category'), t('statistics.count')], s.penalties.map((p) => [p.key === NO_PENALTY_YET ? t('statistics.noPenaltyYet') : enumLabel(t, 'penalty', p.key), p.count]));
}

export function statusChart(t: TFunction, s: Caseload): ChartSpec {
  return barChart('by-status', t('statistics.byStatus'), [t('statistics.category'), t('statistics.count')], s.statuses.map((p) => [enumLabel(t, 'status', p.key), p.count]));
}

/** The chart's numbers as CSV: UTF-8 with a byte-order mark, so Excel on Windows reads Cyrillic right. */
export function chartCsv(spec: Pick<ChartSpec, 'head' | 'rows'>): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${[spec.head, ...spec.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
