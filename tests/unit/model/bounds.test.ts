import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../../shared/errors';
import { Bundle, CaseDraft, CaseFile, MAX_AMOUNT, MAX_MONTHS, MAX_REV, MAX_TEXT_OFFSET } from '../../../shared/model';
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

const bundleOf = (cases: unknown[], history?: unknown) => ({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases, ...(history ? { history } : {}) });

/** The paths of the faults a bundle has, as a user reads them. */
function faults(bundle: unknown): string[] {
  const r = Bundle.safeParse(bundle);
  return r.success ? [] : issuesFromZod(r.error).map((i) => `${i.path.join('.')}: ${i.message}`);
}

const prisoner = (sentence: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...prisonerDraft(), sentence: { type: 'prison', ...sentence }, ...extra });
const ngo = (measure: Record<string, unknown>) => ngoDraft({ measure: { type: 'fine', authority: 'Court', ...measure } as never });
const annotated = (position: { start: number; end: number }) => ({
  ...prisonerDraft(),
  sources: [{ id: 's', title: 'S', kind: 'article', text: 'some words here' }],
  annotations: [{ sourceId: 's', body: 'b', target: { quote: { exact: 'words' }, position } }],
});

describe('numbers in a draft are bounded to what they mean', () => {
  it('refuses each out-of-range number by its path, with the range', () => {
    const cases = [
      ngo({ durationMonths: 1e300 }),
      ngo({ fine: { amount: -5, currency: 'KZT' } }),
      { ...prisonerDraft(), rev: MAX_REV + 1 },
      { ...prisonerDraft(), rev: 1.5 },
      annotated({ start: 0, end: MAX_TEXT_OFFSET + 1 }),
    ];
    expect(faults(bundleOf(cases))).toEqual([
      'cases.0.measure.durationMonths: expected a number of months from 0 to 1,200 (a hundred years)',
      'cases.1.measure.fine.amount: expected an amount of 0 or more',
      'cases.2.rev: expected a revision of at most 1,000,000,000',
      'cases.3.rev: expected int, got number',
      `cases.4.annotations.0.target.position.end: expected an offset of at most ${MAX_TEXT_OFFSET} (no text is longer)`,
    ]);
  });

  it('holds a version-1 bundle\'s sentence and birth year to the same bounds, named by their version-1 paths', () => {
    // A version-1 fault is reported first, before the case is read as version 2 (the schema stops there; the import path lists both).
    const cases = [
      prisoner({ months: 1e300 }),
      prisoner({ months: MAX_MONTHS + 0.5 }),
      prisoner({ months: -1 }),
      prisoner({ fine: { amount: 1e300, currency: 'KZT' } }),
      prisoner({ fine: { amount: 10, currency: 'KZT', usdApprox: 1e16 } }),
      { ...prisonerDraft(), person: { name: 'X', birthYear: 1e300 } },
    ];
    expect(faults(bundleOf(cases))).toEqual([
      'cases.0.sentence.months: expected a number of months from 0 to 1,200 (a hundred years)',
      'cases.1.sentence.months: expected a number of months from 0 to 1,200 (a hundred years)',
      'cases.2.sentence.months: expected a number of months from 0 to 1,200',
      'cases.3.sentence.fine.amount: expected an amount of at most 1e+15 (10^15)',
      'cases.4.sentence.fine.usdApprox: expected an amount of at most 1e+15 (10^15)',
      'cases.5.person.birthYear: expected a year from 1900 to 2100',
    ]);
  });

  it('accepts every number at the edge of its range, and fractions where they mean something (half a month)', () => {
    const cases = [
      prisoner({ months: MAX_MONTHS, fine: { amount: MAX_AMOUNT, currency: 'KZT', usdApprox: 0 } }),
      prisoner({ months: 0.5 }),
      ngo({ durationMonths: 0, fine: { amount: 0.01, currency: 'USD' } }),
      { ...prisonerDraft(), rev: MAX_REV },
      annotated({ start: 5, end: 10 }),
    ];
    expect(faults(bundleOf(cases))).toEqual([]);
  });

  it('bounds the revisions of a bundle’s history too', () => {
    const line = (rev: number) => ({ at: '2026-11-22T10:00:00.000Z', rev, cause: 'update', changes: [] });
    expect(faults(bundleOf([{ ...ngoDraft(), id: 'h' }], { h: [line(1), line(MAX_REV + 1)] }))).toEqual(['history.h.1.rev: expected a revision of at most 1,000,000,000']);
    expect(faults(bundleOf([{ ...ngoDraft(), id: 'h' }], { h: [line(1), line(2)] }))).toEqual([]);
  });

  it('the same bounds hold for cases.create and cases.update drafts, and for a term in any unit', () => {
    const withTerm = (term: Record<string, unknown>) => ({ ...prisonerDraft(), decisions: [{ stage: 'verdict', penalty: { type: 'prison', term } }] });
    const refused = (draft: unknown) => {
      const r = CaseDraft.safeParse(draft);
      return r.success ? [] : issuesFromZod(r.error).map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(refused(withTerm({ months: MAX_MONTHS + 1 }))).toEqual(['decisions.0.penalty.term.months: expected at most 1,200 months (a hundred years)']);
    expect(refused(withTerm({ years: 101 }))).toEqual(['decisions.0.penalty.term.years: expected at most 100 years (a hundred years)']);
    expect(refused(withTerm({ days: 0.5 }))).toEqual(['decisions.0.penalty.term.days: expected a whole number of days']);
    expect(refused(withTerm({}))).toEqual(['decisions.0.penalty.term: expected a term with at least one of years, months or days']);
    expect(refused(withTerm({ days: 10 }))).toEqual([]);
    expect(refused(withTerm({ years: 6, months: 4 }))).toEqual([]);
  });
});

describe('a case stored before the bounds', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-bounds-')));
  afterEach(() => cleanup());

  it('still opens (no quarantine); saving it asks for the number to be fixed, by path', async () => {
    const legacy = finalizeCase(CaseDraft.parse({ ...prisonerDraft(), decisions: [{ id: 'd1', stage: 'verdict', penalty: { type: 'prison', term: { months: 12 } } }] }), { id: 'legacy', rev: 4, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
    // A version-1 sentence of 5,000 months, migrated to a term, is kept as stored (the stored form's bounds are looser).
    const onDisk = { ...legacy, decisions: [{ id: 'd1', stage: 'verdict', penalty: { type: 'prison', term: { months: 5000 } } }] };
    expect(CaseFile.safeParse(onDisk).success).toBe(true); // the stored form keeps its old bounds
    const store = await CaseStore.open(dir);
    try {
      await writeFile(path.join(dir, 'cases', 'legacy.json'), JSON.stringify(onDisk, null, 2));
      await store.close();
      const reopened = await CaseStore.open(dir);
      try {
        expect(reopened.quarantinedNow).toEqual([]);
        const c = await reopened.get('legacy');
        expect(c.kind === 'political_prisoner' && c.decisions[0]?.penalty?.term?.months).toBe(5000);
        const resaved = CaseDraft.safeParse(c);
        expect(resaved.success).toBe(false);
        expect(issuesFromZod(resaved.error!).map((i) => i.path.join('.'))).toEqual(['decisions.0.penalty.term.months']);
        const fixed = await reopened.update('legacy', 4, CaseDraft.parse({ ...c, decisions: [{ id: 'd1', stage: 'verdict', penalty: { type: 'prison', term: { years: 10 } } }] }));
        expect(fixed).toMatchObject({ rev: 5, decisions: [{ penalty: { term: { years: 10 } } }] });
      } finally {
        await reopened.close();
      }
    } finally {
      await store.close();
    }
  });
});
