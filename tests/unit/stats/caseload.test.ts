import { describe, expect, it } from 'vitest';
import { caseload as countFacts, NO_PENALTY_YET, type CaseloadFilter } from '../../../shared/stats/caseload';
import { caseFacts } from '../../../shared/stats/caseFacts';
import type { CaseFile } from '../../../shared/model';
import { drawnRegion, KZ_REGIONS, matchKzRegion } from '../../../shared/stats/kzRegions';
import { ngo, prisoner } from '../search/cases';

const kz = { country: 'KZ' };
/** The counts over whole cases, through their facts (as the core counts them). */
const caseload = (all: CaseFile[], filter: CaseloadFilter) => countFacts(all.map(caseFacts), filter);

const cases = [
  prisoner('Ainur', { ...kz, region: 'Zhanaozen', status: 'active', tags: ['strike'], arrest: { date: '2021-03-15' }, detention: { status: 'imprisoned', since: '2021-03-16' }, charges: [{ article: '174', code: 'Criminal Code' }, { article: '405 part 2', code: 'Criminal Code' }], decisions: [{ id: 'd1', stage: 'verdict', date: '2021-09', penalty: { type: 'prison', term: { years: 7 } } }] }),
  prisoner('Bolat', { ...kz, region: 'Семей', status: 'closed', detention: { status: 'released', since: '2021-03', releasedOn: '2022-01-10' }, charges: [{ article: '174 ', code: 'criminal code' }] }),
  prisoner('Daulet', { ...kz, region: 'Шымкент', status: 'active', detention: { status: 'pre_trial', since: '2021' }, charges: [{ code: 'Criminal Code' }] }),
  prisoner('Erlan', { country: 'KG', region: 'Bishkek', status: 'monitoring', detention: { status: 'imprisoned', since: '2019-12-31' } }),
  ngo('Kadir-Kasiet', { ...kz, region: 'Алматы', status: 'active', tags: ['strike'], measure: { type: 'suspension', authority: 'Ministry of Justice', start: '2021-05', status: 'in_force' } }),
  ngo('Nowhere', { ...kz, region: 'somewhere unknown', status: 'resolved', measure: { type: 'fine', authority: 'Court', start: '2020', status: 'expired' } }),
];

describe('the caseload numbers', () => {
  it('counts dated events by month and year at the precision recorded', () => {
    const s = caseload(cases, {});
    expect(s.total).toBe(6);
    // The arrest date wins over `since`; a month-only date counts in its month.
    const march = s.months.find((m) => m.key === '2021-03')!;
    expect(march).toEqual({ key: '2021-03', detentions: 2, releases: 0, measures: 0 });
    expect(s.months.find((m) => m.key === '2021-05')!.measures).toBe(1);
    expect(s.months.find((m) => m.key === '2022-01')!.releases).toBe(1);
    // The months run without gaps from the first to the last.
    expect(s.months[0]!.key).toBe('2019-12');
    expect(s.months.at(-1)!.key).toBe('2022-01');
    expect(s.months).toHaveLength(26);
    expect(s.months.find((m) => m.key === '2020-06')).toEqual({ key: '2020-06', detentions: 0, releases: 0, measures: 0 });
    // "2021" only in the yearly series, and named as year-only.
    expect(s.years).toEqual([
      { key: '2019', detentions: 1, releases: 0, measures: 0 },
      { key: '2020', detentions: 0, releases: 0, measures: 1 },
      { key: '2021', detentions: 3, releases: 0, measures: 1 },
      { key: '2022', detentions: 0, releases: 1, measures: 0 },
    ]);
    expect(s.yearOnly).toEqual({ detentions: 1, releases: 0, measures: 1 });
    const monthlyDetentions = s.months.reduce((n, m) => n + m.detentions, 0);
    expect(monthlyDetentions + s.yearOnly.detentions).toBe(s.years.reduce((n, y) => n + y.detentions, 0));
  });

  it('places regions on the 2012 map: Semey in East Kazakhstan, Shymkent in South Kazakhstan (Turkistan)', () => {
    const s = caseload(cases, {});
    expect(Object.fromEntries(s.regions.map((r) => [r.key, r.count]))).toEqual({ mangystau: 1, east_kazakhstan: 1, turkistan: 1, almaty: 1 });
    expect(s.regionUnplaced).toBe(1);
    expect(s.countries).toEqual([{ key: 'KZ', count: 5 }, { key: 'KG', count: 1 }]);
  });

  it('counts charges once per case, spellings of one article together, and penalties and statuses', () => {
    const s = caseload(cases, {});
    expect(s.articles).toEqual([
      { key: '174 (Criminal Code)', count: 2 },
      { key: '', count: 1 },
      { key: '405 part 2 (Criminal Code)', count: 1 },
    ]);
    expect(Object.fromEntries(s.penalties.map((p) => [p.key, p.count]))).toEqual({ prison: 1, [NO_PENALTY_YET]: 3 });
    expect(s.statuses).toEqual([
      { key: 'active', count: 3 },
      { key: 'monitoring', count: 1 },
      { key: 'resolved', count: 1 },
      { key: 'closed', count: 1 },
    ]);
  });

  it('follows the list filters and the ids its text filter let through', () => {
    expect(caseload(cases, { status: 'active' }).total).toBe(3);
    expect(caseload(cases, { kind: 'ngo_suspension' }).penalties).toEqual([]);
    const tagged = caseload(cases, { tag: 'strike' });
    expect(tagged.total).toBe(2);
    expect(tagged.regions.map((r) => r.key).sort()).toEqual(['almaty', 'mangystau']);
    const one = caseload(cases, { ids: [cases[1]!.id] });
    expect(one.total).toBe(1);
    expect(one.years).toEqual([{ key: '2021', detentions: 1, releases: 0, measures: 0 }, { key: '2022', detentions: 0, releases: 1, measures: 0 }]);
    expect(caseload([], {})).toMatchObject({ total: 0, months: [], years: [], regions: [], articles: [] });
  });
});

describe('Kazakhstan regions from free text', () => {
  it.each([
    ['Almaty', 'almaty'],
    ['Алматы', 'almaty'],
    ['г. Алматы', 'almaty'],
    ['Алматы облысы', 'almaty_region'],
    ['Алматинская обл.', 'almaty_region'],
    ['Almaty region', 'almaty_region'],
    ['Nur-Sultan', 'astana'],
    ['Нұр-Сұлтан', 'astana'],
    ['Жаңаөзен', 'mangystau'],
    ['Zhanaozen, Mangystau region', 'mangystau'],
    ['Уральск', 'west_kazakhstan'],
    ['Западно-Казахстанская область', 'west_kazakhstan'],
    ['Батыс Қазақстан облысы', 'west_kazakhstan'],
    ['Қарағанды', 'karaganda'],
    ['Karaganda', 'karaganda'],
    ['Шымкент', 'shymkent'],
    ['Семей', 'abai'],
    ['Абайская область', 'abai'],
    ['Талдыкорган', 'jetisu'],
    ['Жезқазған', 'ulytau'],
    ['Южно-Казахстанская область', 'turkistan'],
  ])('%s → %s', (text, id) => {
    expect(matchKzRegion(text)).toBe(id);
  });

  it('names nothing it does not know', () => {
    expect(matchKzRegion('')).toBeNull();
    expect(matchKzRegion('Kazakhstan')).toBeNull();
    expect(matchKzRegion('Bishkek')).toBeNull();
  });

  it('draws the regions formed after 2012 in the region each was carved from', () => {
    expect(drawnRegion('shymkent')).toBe('turkistan');
    expect(drawnRegion('abai')).toBe('east_kazakhstan');
    expect(drawnRegion('jetisu')).toBe('almaty_region');
    expect(drawnRegion('ulytau')).toBe('karaganda');
    expect(drawnRegion('pavlodar')).toBe('pavlodar');
    // 16 drawn shapes: 14 oblasts and two cities; every carved region points at one of them.
    const drawn = KZ_REGIONS.filter((r) => !r.carvedFrom).map((r) => r.id);
    expect(drawn).toHaveLength(16);
    for (const r of KZ_REGIONS) if (r.carvedFrom) expect(drawn).toContain(r.carvedFrom);
  });
});
