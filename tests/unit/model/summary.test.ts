import { describe, expect, it } from 'vitest';
import { CaseDraft, CaseFile, CaseSummary, summarize, type CaseDraftInput } from '../../../shared/model';

// The list's row of a case on model version 2: the penalty in force comes from the
// decisions (the latest that sets one), and a recorded release is carried.

const stored = (draft: CaseDraftInput): CaseFile =>
  CaseFile.parse({ ...CaseDraft.parse(draft), id: 'c1', rev: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

describe('summarize', () => {
  it('takes the penalty in force from the latest decision that sets one', () => {
    const c = stored({
      kind: 'political_prisoner', title: 'Reduced', person: { name: 'A', aliases: [] }, detention: { status: 'imprisoned', since: '2019-12-01' },
      decisions: [
        { id: 'd1', stage: 'verdict', date: '2020-06-01', penalty: { type: 'prison', term: { years: 7 } } },
        { id: 'd2', stage: 'reduction', date: '2022-01-10', penalty: { type: 'prison', term: { years: 6, months: 4 } }, outcome: 'term cut by eight months' },
        { id: 'd3', stage: 'early_release_denied', date: '2024-03-01' },
      ],
    });
    const s = summarize(c);
    expect(s).toMatchObject({ penaltyType: 'prison', penaltyTerm: { years: 6, months: 4 }, detentionStatus: 'imprisoned', since: '2019-12-01' });
    expect(s.releasedOn).toBeUndefined();
    // What crosses to the window is the strict schema's shape.
    expect(CaseSummary.parse(s)).toEqual(s);
  });

  it('carries a 10-day administrative arrest and the release date', () => {
    const c = stored({
      kind: 'political_prisoner', title: 'Ten days', person: { name: 'B', aliases: [] },
      detention: { status: 'released', since: '2021-02-08', releasedOn: '2021-02-18' },
      decisions: [{ id: 'd1', stage: 'verdict', date: '2021-02-08', penalty: { type: 'administrative_arrest', term: { days: 10 } } }],
    });
    expect(summarize(c)).toMatchObject({ penaltyType: 'administrative_arrest', penaltyTerm: { days: 10 }, releasedOn: '2021-02-18', detentionStatus: 'released' });
  });

  it('gives an NGO none of the prisoner columns', () => {
    const c = stored({ kind: 'ngo_suspension', title: 'NGO', organization: { name: 'O', aliases: [] }, measure: { type: 'suspension', authority: 'MoJ' } });
    const s = summarize(c);
    expect([s.penaltyType, s.penaltyTerm, s.releasedOn]).toEqual([undefined, undefined, undefined]);
    expect(CaseSummary.parse(s)).toEqual(s);
  });
});
