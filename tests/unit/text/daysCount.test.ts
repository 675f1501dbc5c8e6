import { describe, expect, it } from 'vitest';
import { CaseDraft, CaseFile, CaseSummary, summarize, type CaseDraftInput } from '../../../shared/model';
import { daysCount } from '../../../shared/text/daysCount';
import { expectedRelease, measureEnd } from '../../../shared/text/detention';
import { searchFold } from '../../../renderer/features/list/search';
import { toRows } from '../../../renderer/features/list/listModel';

// One rule for "days since" in the case view and in the list: the list row of a case
// whose term ended or whose measure is past its end must not keep counting.

const today = { year: 2026, month: 11, day: 22 };
const day = (s: string) => {
  const [year, month, d] = s.split('-').map(Number);
  return { year: year!, month: month!, day: d! };
};
const stored = (draft: CaseDraftInput): CaseFile =>
  CaseFile.parse({ ...CaseDraft.parse(draft), id: 'c1', rev: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

describe('daysCount', () => {
  it('runs to today while the term has not ended', () => {
    const c = daysCount({ kind: 'detention', since: '2026-11-01', ends: { earliest: day('2027-11-01'), latest: day('2027-11-01') } }, today);
    expect(c).toMatchObject({ state: 'running', days: { days: 21, precision: 'day' } });
  });

  it('stops at the end of the term once its last possible day is past', () => {
    // 1 year from 2024-03-01: ended 2025-03-01, 365 days, not the 631 to today.
    const c = daysCount({ kind: 'detention', since: '2024-03-01', ends: { earliest: day('2025-03-01'), latest: day('2025-03-01') } }, today);
    expect(c).toMatchObject({ state: 'stopped', why: 'termEnded', stoppedOn: '2025-03-01', days: { days: 365 } });
  });

  it('keeps running on the last day itself, and while an imprecise end may still be ahead', () => {
    expect(daysCount({ kind: 'detention', since: '2024-03-01', ends: { earliest: today, latest: today } }, today).state).toBe('running');
    // Some time in 2026: the end may be in December, so the count has not stopped.
    expect(daysCount({ kind: 'detention', since: '2019', ends: { earliest: day('2026-01-01'), latest: day('2026-12-31') } }, today).state).toBe('running');
  });

  it('stops at a recorded release, and is over without a count when released with no date', () => {
    expect(daysCount({ kind: 'detention', since: '2021-02-08', releasedOn: '2021-02-18', detentionStatus: 'released' }, today)).toMatchObject({ state: 'stopped', why: 'released', days: { days: 10 } });
    expect(daysCount({ kind: 'detention', since: '2021-02-08', detentionStatus: 'released' }, today)).toEqual({ state: 'over', why: 'released' });
  });

  it('is over for an expired or overturned measure, and stops at a measure end that has passed', () => {
    expect(daysCount({ kind: 'measure', since: '2024-02-01', measureStatus: 'expired' }, today)).toEqual({ state: 'over', why: 'expired' });
    expect(daysCount({ kind: 'measure', since: '2024-02-01', measureStatus: 'overturned' }, today)).toEqual({ state: 'over', why: 'overturned' });
    expect(daysCount({ kind: 'measure', since: '2024-02-01', measureStatus: 'in_force', ends: { earliest: day('2024-08-01'), latest: day('2024-08-01') } }, today))
      .toMatchObject({ state: 'stopped', why: 'measureEnded', stoppedOn: '2024-08-01', days: { days: 182 } });
  });

  it('is over, not running, when the term ended but the start is unknown', () => {
    expect(daysCount({ kind: 'detention', ends: { earliest: day('2025-03-01'), latest: day('2025-03-01') } }, today)).toEqual({ state: 'over', why: 'termEnded' });
  });
});

describe('the list follows the case view', () => {
  const cases: Array<[string, CaseDraftInput, boolean]> = [
    ['a 2-year sentence from 2020, ended in 2022', {
      kind: 'political_prisoner', title: 'Ended', person: { name: 'A', aliases: [] }, detention: { status: 'imprisoned', since: '2020-05-01' },
      decisions: [{ id: 'd1', stage: 'verdict', date: '2020-09-01', penalty: { type: 'prison', term: { years: 2 } } }],
    }, true],
    ['a 10-year sentence from 2020, running', {
      kind: 'political_prisoner', title: 'Running', person: { name: 'B', aliases: [] }, detention: { status: 'imprisoned', since: '2020-05-01' },
      decisions: [{ id: 'd1', stage: 'verdict', date: '2020-09-01', penalty: { type: 'prison', term: { years: 10 } } }],
    }, false],
    ['a recorded expected release already past', {
      kind: 'political_prisoner', title: 'Recorded', person: { name: 'C', aliases: [] }, detention: { status: 'imprisoned', since: '2023-01-10', expectedRelease: '2025-01-10' },
    }, true],
    ['a suspension whose end date has passed, still marked in force', {
      kind: 'ngo_suspension', title: 'NGO past', organization: { name: 'O', aliases: [] }, measure: { type: 'suspension', authority: 'MoJ', start: '2024-02-01', end: '2024-08-01' },
    }, true],
    ['a six-month suspension from 2024-02 computed from its duration', {
      kind: 'ngo_suspension', title: 'NGO months', organization: { name: 'P', aliases: [] }, measure: { type: 'suspension', authority: 'MoJ', start: '2024-02', durationMonths: 6 },
    }, true],
    ['a suspension with no end known', {
      kind: 'ngo_suspension', title: 'NGO open', organization: { name: 'Q', aliases: [] }, measure: { type: 'suspension', authority: 'MoJ', start: '2024-02-01' },
    }, false],
  ];

  for (const [what, draft, stops] of cases) {
    it(`${what}: ${stops ? 'no running count' : 'a running count'} in both`, () => {
      const c = stored(draft);
      const view = c.kind === 'political_prisoner'
        ? daysCount({ kind: 'detention', since: c.detention.since, releasedOn: c.detention.releasedOn, detentionStatus: c.detention.status, ends: expectedRelease(c.detention, c.decisions, today) }, today)
        : daysCount({ kind: 'measure', since: c.measure.start, measureStatus: c.measure.status, ends: measureEnd(c.measure, today) }, today);
      const summary = summarize(c);
      expect(CaseSummary.parse(summary)).toEqual(summary); // what crosses to the window
      const [row] = toRows([summary], today, searchFold);
      expect(view.state !== 'running').toBe(stops);
      expect(row!.over).toBe(stops);
      expect(row!.days === null).toBe(stops);
      if (!stops) expect(row!.days!.days).toBe(view.state === 'running' ? view.days!.days : NaN);
    });
  }
});
