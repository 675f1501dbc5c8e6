import { describe, expect, it } from 'vitest';
import { daysIn, expectedRelease, measureEnd, plusMonths } from '../../../shared/text/detention';

const today = { year: 2026, month: 11, day: 22 };
const d = (year: number, month: number, day: number) => ({ year, month, day });
const between = (a: [number, number, number], b: [number, number, number]) => (Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000;

describe('daysIn', () => {
  it('counts an exact start exactly', () => {
    expect(daysIn('2026-11-01', today)).toEqual({ days: 21, countedFrom: d(2026, 11, 1), precision: 'day' });
  });

  it('counts "since 2019" from 2019-12-31 and says it is known only to the year', () => {
    expect(daysIn('2019', today)).toEqual({ days: between([2019, 12, 31], [2026, 11, 22]), countedFrom: d(2019, 12, 31), precision: 'year' });
    expect(daysIn('2019', today)!.days).toBe(2518);
    expect(daysIn('2024-02', today)).toEqual({ days: between([2024, 2, 29], [2026, 11, 22]), countedFrom: d(2024, 2, 29), precision: 'month' });
  });

  it('stops at the recorded release, not today', () => {
    // A 10-day arrest from 8 February 2021, released on the 18th: ten days, years ago.
    expect(daysIn('2021-02-08', today, '2021-02-18')).toEqual({ days: 10, countedFrom: d(2021, 2, 8), precision: 'day', releasedOn: '2021-02-18' });
    // Held since some time in 2016, released in March 2021: counted from the end of 2016 to the first of March, a lower bound.
    expect(daysIn('2016', today, '2021-03')).toEqual({ days: between([2016, 12, 31], [2021, 3, 1]), countedFrom: d(2016, 12, 31), precision: 'year', releasedOn: '2021-03' });
    // A release date still ahead (recorded in advance) does not stretch the count past today.
    expect(daysIn('2026-11-01', today, '2026-12-01')!.days).toBe(21);
    expect(daysIn('2026-11-01', today, 'not a date')).toEqual({ days: 21, countedFrom: d(2026, 11, 1), precision: 'day' });
  });

  it('gives nothing for an absent, invalid or future start', () => {
    expect(daysIn(undefined, today)).toBeNull();
    expect(daysIn('2019-13', today)).toBeNull();
    expect(daysIn('2027', today)).toBeNull();
  });
});

describe('plusMonths', () => {
  it('keeps the day, clamped to the end of a short month', () => {
    expect(plusMonths('2019-03-14', 84)).toMatchObject({ date: '2026-03-14', precision: 'day', earliest: d(2026, 3, 14), latest: d(2026, 3, 14) });
    expect(plusMonths('2019-01-31', 1)).toMatchObject({ date: '2019-02-28', precision: 'day' });
    expect(plusMonths('2020-01-31', 1)).toMatchObject({ date: '2020-02-29', precision: 'day' });
    expect(plusMonths('2019-11-05', 2)).toMatchObject({ date: '2020-01-05' });
  });

  it('keeps a month-precise start month-precise, and a year-precise start year-precise', () => {
    expect(plusMonths('2022-01', 36)).toMatchObject({ date: '2025-01', precision: 'month', earliest: d(2025, 1, 1), latest: d(2025, 1, 31) });
    expect(plusMonths('2019', 84)).toMatchObject({ date: '2026', precision: 'year', earliest: d(2026, 1, 1), latest: d(2026, 12, 31) });
  });

  it('calls a span across years a range, never a single year', () => {
    expect(plusMonths('2019', 18)).toMatchObject({ precision: 'range', earliest: d(2020, 7, 1), latest: d(2021, 6, 30) });
  });

  it('rounds part months to days and says so', () => {
    expect(plusMonths('2020-01-01', 1.5)).toMatchObject({ date: '2020-02-16', rounded: true });
    expect(plusMonths('2020-01-01', 2)).toMatchObject({ rounded: false });
  });
});

describe('expectedRelease', () => {
  it('prefers the date the case records', () => {
    const r = expectedRelease({ since: '2019', expectedRelease: '2027-05' }, [{ penalty: { type: 'prison', term: { months: 84 } } }], today);
    expect(r).toMatchObject({ date: '2027-05', precision: 'month', basis: { kind: 'recorded' }, earliest: d(2027, 5, 1), latest: d(2027, 5, 31) });
    expect(r!.daysUntilEarliest).toBe(between([2026, 11, 22], [2027, 5, 1]));
  });

  it('computes since + sentence, keeping the precision of since', () => {
    const r = expectedRelease({ since: '2019' }, [{ date: '2019-11-05', penalty: { type: 'prison', term: { years: 7 } } }], today);
    expect(r).toMatchObject({ date: '2026', precision: 'year', basis: { kind: 'start', from: '2019', months: 84 } });
    expect(r!.daysUntilEarliest).toBeLessThan(0); // 1 January 2026 has passed…
    expect(r!.daysUntilLatest).toBe(39); // …31 December 2026 has not: release may still be ahead
  });

  it('falls back to the verdict date when the start of detention is not recorded, and says so', () => {
    const r = expectedRelease({}, [{ date: '2024-05-20', penalty: { type: 'restricted_freedom', term: { months: 36 } } }], today);
    expect(r).toMatchObject({ date: '2027-05-20', precision: 'day', basis: { kind: 'verdict', from: '2024-05-20', months: 36 } });
  });

  it('counts a 10-day administrative arrest in days, from the day it began', () => {
    const r = expectedRelease({ since: '2021-02-08' }, [{ date: '2021-02-08', penalty: { type: 'administrative_arrest', term: { days: 10 } } }], today);
    expect(r).toMatchObject({ date: '2021-02-18', precision: 'day', basis: { kind: 'start', from: '2021-02-08', months: 0, days: 10 } });
  });

  it('follows the penalty in force: a later reduction replaces the verdict; a decision without a penalty leaves it', () => {
    const verdict = { date: '2020-01-10', penalty: { type: 'prison', term: { years: 7 } } };
    const reduction = { date: '2022-05-01', penalty: { type: 'prison', term: { years: 6, months: 4 } } };
    const denied = { date: '2023-03-01' };
    const r = expectedRelease({ since: '2019-12-01' }, [verdict, reduction, denied], today);
    expect(r).toMatchObject({ date: '2026-04-01', basis: { kind: 'start', months: 76 } });
  });

  it('expects no release once the release date is recorded', () => {
    expect(expectedRelease({ since: '2019', releasedOn: '2024-03-01' }, [{ penalty: { type: 'prison', term: { years: 10 } } }], today)).toBeNull();
  });

  it('gives nothing for a sentence that holds nobody, or without months or a start', () => {
    expect(expectedRelease({ since: '2020' }, [{ penalty: { type: 'fine' } }], today)).toBeNull();
    expect(expectedRelease({ since: '2020' }, [{ penalty: { type: 'suspended', term: { months: 24 } } }], today)).toBeNull();
    expect(expectedRelease({ since: '2020' }, [{ penalty: { type: 'prison' } }], today)).toBeNull();
    expect(expectedRelease({}, [{ penalty: { type: 'prison', term: { months: 12 } } }], today)).toBeNull();
    expect(expectedRelease({ since: '2020' }, [], today)).toBeNull();
  });
});

describe('measureEnd', () => {
  it('uses the recorded end, else start + duration', () => {
    expect(measureEnd({ start: '2024-02-01', end: '2024-06', durationMonths: 3 }, today)).toMatchObject({ date: '2024-06', basis: { kind: 'recorded' } });
    const r = measureEnd({ start: '2024-02-01', durationMonths: 3 }, today);
    expect(r).toMatchObject({ date: '2024-05-01', precision: 'day', basis: { kind: 'start', from: '2024-02-01', months: 3 } });
    expect(r!.daysUntilLatest).toBeLessThan(0);
    expect(measureEnd({ start: '2024-02-01' }, today)).toBeNull();
    expect(measureEnd({ durationMonths: 3 }, today)).toBeNull();
  });
});
