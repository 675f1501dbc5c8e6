import type { TFunction } from 'i18next';
import type { Caseload } from '../../../shared/stats/caseload';
import * as shared from '../../../shared/stats/chartOptions';
import type { ChartText, Period } from '../../../shared/stats/chartOptions';
import { dateLanguage } from '../../../shared/text/monthNames';
import { enumLabel } from '../../lib/enumLabels';

// The window's words for the charts defined once in shared/stats/chartOptions.ts (the
// multi-case brief draws the same ones): each chart is what ECharts draws and the table of
// its numbers, made from one list of rows.

export { chartCsv, KZ_MAP, type ChartSpec, type Period } from '../../../shared/stats/chartOptions';

/** The chart words from the locale files; `country` names a country code in the interface language (the app's format.country). */
export function chartText(t: TFunction, lang: string, country: (code: string) => string | undefined = () => undefined): ChartText {
  return {
    lang: dateLanguage(lang),
    title: {
      'over-time': t('statistics.overTime'),
      'by-region': t('statistics.byRegion'),
      'by-country': t('statistics.byCountry'),
      'by-article': t('statistics.byArticle'),
      'by-penalty': t('statistics.byPenalty'),
      'by-status': t('statistics.byStatus'),
    },
    series: { detentions: t('statistics.series.detentions'), releases: t('statistics.series.releases'), measures: t('statistics.series.measures') },
    period: t('statistics.period_col'),
    category: t('statistics.category'),
    count: t('statistics.count'),
    yearOnlyNote: (yo) => t('statistics.yearOnlyNote', { ...yo }),
    mapNote: t('statistics.mapNote'),
    unplaced: (n) => t('statistics.unplaced', { n }),
    noCountry: t('statistics.noCountry'),
    noArticle: t('statistics.noArticle'),
    noPenaltyYet: t('statistics.noPenaltyYet'),
    // The window draws every category: no bar is folded into "other".
    other: '',
    country,
    penalty: (type) => enumLabel(t, 'penalty', type),
    status: (status) => enumLabel(t, 'status', status),
  };
}

export const timeChart = (t: TFunction, s: Caseload, period: Period, lang: string) => shared.timeChart(chartText(t, lang), s, period);
export const regionChart = (t: TFunction, s: Caseload, lang: string) => shared.regionChart(chartText(t, lang), s);
export const statusChart = (t: TFunction, s: Caseload) => shared.statusChart(chartText(t, 'en'), s);
