import { describe, expect, it } from 'vitest';
import { daysSince, formatCalendarDate, localToday, partialDateEnd, partialDateStart } from '../../../shared/text/dates';

const today = { year: 2026, month: 11, day: 22 };

describe('partial date periods', () => {
  it('names the first and last day of the period', () => {
    expect(partialDateStart('2019')).toEqual({ year: 2019, month: 1, day: 1 });
    expect(partialDateEnd('2019')).toEqual({ year: 2019, month: 12, day: 31 });
    expect(partialDateEnd('2024-02')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(partialDateEnd('2023-02')).toEqual({ year: 2023, month: 2, day: 28 });
    expect(partialDateEnd('2021-02-16')).toEqual({ year: 2021, month: 2, day: 16 });
    expect(partialDateEnd('2019-13')).toBeNull();
    expect(partialDateStart('19')).toBeNull();
  });
});

describe('daysSince', () => {
  it('counts an exact date exactly', () => {
    expect(daysSince('2026-11-21', today)).toEqual({ days: 1, approximate: false });
    expect(daysSince('2026-11-22', today)).toEqual({ days: 0, approximate: false });
    expect(daysSince('2025-11-22', today)).toEqual({ days: 365, approximate: false });
  });

  it('counts a year or month from the end of the period and marks it approximate', () => {
    // "since 2019" counts from 2019-12-31: 2020-01-01 … 2026-11-22.
    const fromEnd2019 = (Date.UTC(2026, 10, 22) - Date.UTC(2019, 11, 31)) / 86_400_000;
    expect(daysSince('2019', today)).toEqual({ days: fromEnd2019, approximate: true });
    expect(daysSince('2026-10', today)).toEqual({ days: 22, approximate: true });
  });

  it('gives at least 0 for a period still running, and nothing for one not begun', () => {
    expect(daysSince('2026-11', today)).toEqual({ days: 0, approximate: true });
    expect(daysSince('2026', today)).toEqual({ days: 0, approximate: true });
    expect(daysSince('2026-11-23', today)).toBeNull();
    expect(daysSince('2027', today)).toBeNull();
  });

  it('refuses what is not a partial date', () => {
    expect(daysSince('2019-02-30', today)).toBeNull();
    expect(daysSince('yesterday', today)).toBeNull();
  });

  it('crosses leap days and DST changes by calendar, not by clock', () => {
    expect(daysSince('2024-02-28', { year: 2024, month: 3, day: 1 })).toEqual({ days: 2, approximate: false });
    expect(daysSince('2026-03-28', { year: 2026, month: 3, day: 30 })).toEqual({ days: 2, approximate: false });
  });
});

describe('calendar helpers', () => {
  it('formats and reads the local date', () => {
    expect(formatCalendarDate({ year: 2026, month: 1, day: 5 })).toBe('2026-01-05');
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toEqual({ year: 2026, month: 1, day: 5 });
  });
});
