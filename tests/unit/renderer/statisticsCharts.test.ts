import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseload } from '../../../shared/stats/caseload';
import { caseFacts } from '../../../shared/stats/caseFacts';
import { withSharedEnumLabels } from '../../../renderer/i18n/sharedLabels';
import { chartCsv, regionChart, statusChart, timeChart } from '../../../renderer/features/statistics/charts';
import { ngo, prisoner } from '../search/cases';

// The charts' tables in each interface language, from the locale files themselves: month
// names, region names from the region table, the year-only note, and the CSV they export.

const i18n = i18next.createInstance();
const load = (lang: string) => withSharedEnumLabels(lang, { ...JSON.parse(readFileSync(path.resolve(`renderer/i18n/locales/${lang}.json`), 'utf8')), ...JSON.parse(readFileSync(path.resolve(`renderer/i18n/locales/${lang}.statistics.json`), 'utf8')) });
const tr = (lang: string) => i18n.getFixedT(lang) as TFunction<'translation', undefined>;

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: load('en') }, ru: { translation: load('ru') }, kk: { translation: load('kk') } }, lng: 'en', interpolation: { escapeValue: false } });
});

const stats = caseload(
  [
    prisoner('A', { country: 'KZ', region: 'Жаңаөзен', status: 'active', arrest: { date: '2021-03-15' }, detention: { status: 'imprisoned' } }),
    prisoner('B', { country: 'KZ', region: 'Ulytau', status: 'closed', detention: { status: 'released', since: '2020', releasedOn: '2021-04' } }),
    ngo('C', { country: 'KZ', region: 'Astana', status: 'active', measure: { type: 'suspension', authority: 'Ministry of Justice', start: '2021-03-02', status: 'in_force' } }),
  ].map(caseFacts),
  {},
);

describe('the statistics charts', () => {
  it('names months in the interface language and notes the year-only dates in the monthly view only', () => {
    const ru = timeChart(tr('ru'), stats, 'month', 'ru');
    expect(ru.rows[0]).toEqual(['март 2021', 1, 0, 1]);
    expect(ru.rows[1]).toEqual(['апрель 2021', 0, 1, 0]);
    expect(ru.note).toBe('Известен только год, поэтому учтены в годовом виде, а здесь нет: задержаний — 1, освобождений — 0, мер — 0.');
    expect(timeChart(tr('kk'), stats, 'month', 'kk').rows[0]![0]).toBe('наурыз 2021');
    const years = timeChart(tr('en'), stats, 'year', 'en');
    expect(years.note).toBeUndefined();
    expect(years.rows).toEqual([['2020', 1, 0, 0], ['2021', 1, 1, 1]]);
  });

  it('names regions from the region table, draws all sixteen, and counts Ulytau in Karaganda', () => {
    const kk = regionChart(tr('kk'), stats, 'kk');
    expect(kk.rows).toEqual([['Астана', 1], ['Қарағанды облысы', 1], ['Маңғыстау облысы', 1]]);
    const series = (kk.option as { series: { data: { name: string; value: number }[] }[] }).series[0]!;
    expect(series.data).toHaveLength(16);
    expect(series.data.find((d) => d.name === 'Қарағанды облысы')!.value).toBe(1);
    expect(series.data.find((d) => d.name === 'Павлодар облысы')!.value).toBe(0);
    expect(regionChart(tr('ru'), stats, 'ru').note).toContain('в Улытауской — в Карагандинской');
  });

  it('exports the numbers as CSV with a byte-order mark, quoting what must be quoted', () => {
    expect(chartCsv(statusChart(tr('ru'), stats))).toBe('\ufeffКатегория,Дела\r\nВ работе,2\r\nМониторинг,0\r\nРешено,0\r\nЗакрыто,1\r\n');
    expect(chartCsv({ head: ['a', 'b'], rows: [['174, part 2 "x"', 3]] })).toBe('\ufeffa,b\r\n"174, part 2 ""x""",3\r\n');
  });
});
