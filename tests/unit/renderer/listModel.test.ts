import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../shared/model';
import { compileQuery, searchFold } from '../../../renderer/features/list/search';
import { allTags, filterRows, prisonerSituation, sortRows, toRows, type SortLabels } from '../../../renderer/features/list/listModel';

const base = { status: 'active', priority: 'normal', tags: [] as string[], rev: 1, createdAt: '2026-01-01T00:00:00.000Z' } as const;
const cases: CaseSummary[] = [
  { ...base, id: 'a', kind: 'political_prisoner', title: "Aibek — 'false information'", names: ['Aibek Serikuly', 'Айбек Серікұлы'], priority: 'urgent', detentionStatus: 'pre_trial', since: '2022-01', updatedAt: '2026-03-01T00:00:00.000Z', tags: ['blogger'] },
  { ...base, id: 'g', kind: 'political_prisoner', title: 'Гүлнар — extremism', names: ['Гүлнар Әбдірахманова'], status: 'monitoring', since: '2019', updatedAt: '2026-02-01T00:00:00.000Z', tags: ['extremism-charge', 'blogger'] },
  { ...base, id: 's', kind: 'ngo_suspension', title: 'Bureau — suspended', names: ['Sample Rights Bureau', 'Үлгі құқық бюросы'], priority: 'low', region: 'Astana', since: '2024-02-01', updatedAt: '2026-04-01T00:00:00.000Z' },
  { ...base, id: 'n', kind: 'ngo_suspension', title: 'No date', names: ['Zeta Fund'], updatedAt: '2026-01-01T00:00:00.000Z' },
];
const today = { year: 2026, month: 11, day: 22 };
const rows = toRows(cases, today, searchFold);
const labels: SortLabels = { kind: (r) => r.summary.kind, situation: (r) => r.summary.detentionStatus ?? '', compare: (a, b) => a.localeCompare(b, 'en') };
const ids = (list: { summary: { id: string } }[]) => list.map((r) => r.summary.id);

describe('filterRows', () => {
  it('matches title and every name, across scripts and case', () => {
    expect(ids(filterRows(rows, { text: 'SERIKULY' }, compileQuery))).toEqual(['a']);
    expect(ids(filterRows(rows, { text: 'Айбек' }, compileQuery))).toEqual(['a']);
    expect(ids(filterRows(rows, { text: 'gulnar' }, compileQuery))).toEqual(['g']);
    expect(ids(filterRows(rows, { text: 'құқық' }, compileQuery))).toEqual(['s']);
    expect(ids(filterRows(rows, { text: 'false  information' }, compileQuery))).toEqual(['a']);
    expect(ids(filterRows(rows, { text: '' }, compileQuery))).toEqual(['a', 'g', 's', 'n']);
  });

  it('combines kind, status, priority and tag', () => {
    expect(ids(filterRows(rows, { text: '', kind: 'ngo_suspension' }, compileQuery))).toEqual(['s', 'n']);
    expect(ids(filterRows(rows, { text: '', status: 'monitoring' }, compileQuery))).toEqual(['g']);
    expect(ids(filterRows(rows, { text: '', priority: 'urgent' }, compileQuery))).toEqual(['a']);
    expect(ids(filterRows(rows, { text: '', tag: 'blogger' }, compileQuery))).toEqual(['a', 'g']);
    expect(ids(filterRows(rows, { text: 'gul', tag: 'blogger', kind: 'ngo_suspension' }, compileQuery))).toEqual([]);
  });
});

describe('sortRows', () => {
  it('sorts names by collation, both ways', () => {
    expect(ids(sortRows(rows, { key: 'name', dir: 'asc' }, labels))).toEqual(['a', 's', 'n', 'g']);
    expect(ids(sortRows(rows, { key: 'name', dir: 'desc' }, labels))).toEqual(['g', 'n', 's', 'a']);
  });

  it('orders priority urgent → low and status by the case-work order', () => {
    expect(ids(sortRows(rows, { key: 'priority', dir: 'asc' }, labels))[0]).toBe('a');
    expect(ids(sortRows(rows, { key: 'priority', dir: 'asc' }, labels)).at(-1)).toBe('s');
    expect(ids(sortRows(rows, { key: 'status', dir: 'desc' }, labels))[0]).toBe('g');
  });

  it('sorts days numerically with unknown last in both directions', () => {
    expect(ids(sortRows(rows, { key: 'days', dir: 'desc' }, labels))).toEqual(['g', 'a', 's', 'n']);
    expect(ids(sortRows(rows, { key: 'days', dir: 'asc' }, labels))).toEqual(['s', 'a', 'g', 'n']);
  });

  it('puts blank regions last and sorts by update time', () => {
    expect(ids(sortRows(rows, { key: 'region', dir: 'asc' }, labels))[0]).toBe('s');
    expect(ids(sortRows(rows, { key: 'region', dir: 'desc' }, labels))[0]).toBe('s');
    expect(ids(sortRows(rows, { key: 'updated', dir: 'desc' }, labels))).toEqual(['s', 'a', 'g', 'n']);
  });
});

describe('toRows and allTags', () => {
  it('computes days since, approximate for partial dates', () => {
    const byId = Object.fromEntries(rows.map((r) => [r.summary.id, r]));
    expect(byId.g!.days).toEqual({ days: 2518, approximate: true });
    expect(byId.s!.days?.approximate).toBe(false);
    expect(byId.n!.days).toBeNull();
    expect(byId.a!.name).toBe('Aibek Serikuly');
    expect(rows.some((r) => r.over)).toBe(false);
  });

  it('stops counting once the person is released or the measure expired or was overturned', () => {
    const ended = toRows(
      [
        { ...cases[0]!, detentionStatus: 'released' },
        { ...cases[2]!, measureStatus: 'expired' },
        { ...cases[2]!, id: 's2', measureStatus: 'overturned' },
        { ...cases[2]!, id: 's3', measureStatus: 'appealed' },
      ],
      today,
      searchFold,
    );
    expect(ended.map((r) => [r.summary.id, r.over, r.days === null])).toEqual([
      ['a', true, true],
      ['s', true, true],
      ['s2', true, true],
      ['s3', false, false],
    ]);
  });

  it('lists every tag once, sorted', () => {
    expect(allTags(cases, (a, b) => a.localeCompare(b))).toEqual(['blogger', 'extremism-charge']);
  });
});

describe('compileQuery', () => {
  const hay = searchFold('Қасым-Жомарт Тоқаев — Kassym-Jomart Tokayev');
  it('matches every word across scripts and spellings', () => {
    expect(compileQuery('tokayev')(hay)).toBe(true);
    expect(compileQuery('ТОКАЕВ жомарт')(hay)).toBe(true);
    expect(compileQuery('Qasym')(hay)).toBe(true);
    expect(compileQuery('tokayev nazarbayev')(hay)).toBe(false);
  });
  it('lets the last word be half-typed', () => {
    expect(compileQuery('Tokay')(hay)).toBe(true);
    expect(compileQuery('Tok')(hay)).toBe(true);
  });
  it('keeps everything for an empty query', () => {
    expect(compileQuery('  ')(hay)).toBe(true);
    expect(compileQuery('')('')).toBe(true);
  });
});

describe('the situation of a prisoner on model version 2', () => {
  const prisoner = (extra: Partial<CaseSummary>): CaseSummary =>
    ({ ...base, id: 'p', kind: 'political_prisoner', title: 'P', names: ['P'], updatedAt: '2026-01-01T00:00:00.000Z', ...extra }) as CaseSummary;

  it('shows the penalty in force with its term while held', () => {
    expect(prisonerSituation(prisoner({ detentionStatus: 'administrative_arrest', penaltyType: 'administrative_arrest', penaltyTerm: { days: 10 } }))).toEqual({
      detention: 'administrative_arrest', penalty: { type: 'administrative_arrest', term: { days: 10 } },
    });
    expect(prisonerSituation(prisoner({ detentionStatus: 'pre_trial', penaltyType: 'none' }))).toEqual({ detention: 'pre_trial' });
  });

  it('shows the release date once released, never the penalty or "since"', () => {
    const released = prisoner({ detentionStatus: 'released', since: '2016', releasedOn: '2021-02-18', penaltyType: 'prison', penaltyTerm: { years: 5 } });
    expect(prisonerSituation(released)).toEqual({ detention: 'released', releasedOn: '2021-02-18' });
    const [row] = toRows([released], today, searchFold);
    expect(row!.over).toBe(true);
    expect(row!.days).toBeNull();
    // A release recorded while the status still says imprisoned ends the count too.
    expect(toRows([prisoner({ detentionStatus: 'imprisoned', since: '2016', releasedOn: '2021-02-18' })], today, searchFold)[0]!.over).toBe(true);
  });

  it('says nothing of a prisoner for an NGO', () => {
    expect(prisonerSituation(cases[2]!)).toBeNull();
  });
});
