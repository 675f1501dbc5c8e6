import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSampleBundle } from '../../../electron/services/samples';
import { CaseStatus, CaseKind, Priority, type CaseFile } from '../../../shared/model';
import { CaseFacts, caseFacts } from '../../../shared/stats/caseFacts';
import { caseload } from '../../../shared/stats/caseload';
import { generateCase } from '../../../scripts/bench/generate';
import { makeCase, ngo, prisoner } from '../search/cases';
import { wholeCaseload } from './wholeCaseload';

// The caseload counted over each case's facts equals the count over whole cases it replaced,
// on the sample cases and on the bench's generated ones, under any of the list's filters.

const filters = (tags: string[], ids: string[]) =>
  fc.record(
    {
      kind: fc.constantFrom(...CaseKind.options),
      status: fc.constantFrom(...CaseStatus.options),
      priority: fc.constantFrom(...Priority.options),
      tag: fc.constantFrom(...tags, 'no-such-tag'),
      ids: fc.subarray(ids),
    },
    { requiredKeys: [] },
  );

describe('caseload over case facts', () => {
  it('equals the whole-case count on the sample cases', async () => {
    const sample = (await loadSampleBundle()).cases.map((d, i) => makeCase(d, `sample-${i}`));
    const facts = sample.map(caseFacts);
    for (const f of facts) expect(CaseFacts.parse(f)).toEqual(f);
    const tags = [...new Set(sample.flatMap((c) => c.tags))];
    fc.assert(
      fc.property(filters(tags, sample.map((c) => c.id)), (filter) => {
        expect(caseload(facts, filter)).toEqual(wholeCaseload(sample, filter));
      }),
      { numRuns: 60 },
    );
  });

  it('equals the whole-case count on generated cases, whatever their mix', () => {
    const extra: CaseFile[] = [
      prisoner('Twice', { country: 'KZ', region: 'Семей', charges: [{ article: '174', code: 'Criminal Code' }, { article: ' 174', code: 'criminal code' }, { code: 'Criminal Code' }] }),
      ngo('Abroad', { country: 'KG', measure: { type: 'fine', authority: 'Court', start: '2020', status: 'expired' } }),
      prisoner('Nowhere', { country: 'KZ', region: 'somewhere unknown', detention: { status: 'imprisoned', since: '2019' } }),
    ];
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 40 }), fc.subarray(extra), (seeds, more) => {
        const cases = [...seeds.map((i) => generateCase(i).case), ...more];
        const tags = [...new Set(cases.flatMap((c) => c.tags))];
        const facts = cases.map(caseFacts);
        fc.assert(
          fc.property(filters(tags, cases.map((c) => c.id)), (filter) => {
            expect(caseload(facts, filter)).toEqual(wholeCaseload(cases, filter));
          }),
          { numRuns: 5 },
        );
        expect(caseload(facts, {})).toEqual(wholeCaseload(cases, {}));
      }),
      { numRuns: 40 },
    );
  });
});
