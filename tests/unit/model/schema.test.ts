import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssue, issuesFromZod } from '../../../shared/errors';
import { Bundle, CaseDraft, CaseFile, DateTime, Id, Money, PartialDate } from '../../../shared/model';
import { fullPrisonerDraft, ngoDraft, prisonerDraft } from '../../helpers/fixtures';

const faults = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected the value to be refused');
  return issuesFromZod(r.error).map(formatIssue);
};

describe('the scalars, with the examples MODEL.md gives', () => {
  it.each(['2018', '2018-12', '2021-02-16', '2024-02-29'])('PartialDate accepts %s', (d) => {
    expect(PartialDate.parse(d)).toBe(d);
  });
  it.each(['18', '2018-13', '2021-02-30', '2023-02-29', '2018/12', '2018-1', ' 2018', '2018-12-01T00:00'])('PartialDate refuses %s', (d) => {
    expect(faults(PartialDate, d)[0]).toMatch(/expected YYYY, YYYY-MM or YYYY-MM-DD/);
  });
  it('DateTime needs an offset', () => {
    expect(DateTime.parse('2026-11-22T10:00:00.000Z')).toBe('2026-11-22T10:00:00.000Z');
    expect(DateTime.parse('2026-11-22T13:00:00+03:00')).toBeTruthy();
    expect(faults(DateTime, '2026-11-22 10:00')[0]).toMatch(/ISO 8601/);
  });
  it('Money follows the example and refuses a bad currency by path', () => {
    expect(Money.parse({ amount: 2000000, currency: 'KZT', usdApprox: 4700 })).toEqual({ amount: 2000000, currency: 'KZT', usdApprox: 4700 });
    expect(faults(Money, { amount: 1, currency: 'tenge' })).toEqual(['currency: expected an ISO 4217 currency code such as KZT or USD']);
  });
  it('Id allows 1..64 of [A-Za-z0-9_-]', () => {
    expect(Id.parse('3f2c-ab_C9')).toBe('3f2c-ab_C9');
    expect(faults(Id, 'a'.repeat(65))).toHaveLength(1);
    expect(faults(Id, 'a b')).toHaveLength(1);
    expect(faults(Id, '')).toHaveLength(1);
  });
});

describe('case drafts (what an import must carry)', () => {
  it('the minimum of each kind validates and takes the documented defaults', () => {
    const p = CaseDraft.parse(prisonerDraft());
    expect(p).toMatchObject({ status: 'active', priority: 'normal', events: [], sources: [], annotations: [], deadlines: [], advocacy: [], tags: [], summary: '' });
    expect(p.analysis).toEqual({ wgadCategories: [], rightsViolated: [] });
    const n = CaseDraft.parse(ngoDraft());
    expect(n.kind === 'ngo_suspension' && n.measure.status).toBe('in_force');
  });

  it('a case that fills every field validates, and annotations default confidential to false', () => {
    const c = CaseDraft.parse(fullPrisonerDraft());
    expect(c.annotations[1]!.confidential).toBe(false);
    expect(c.kind === 'political_prisoner' && c.decisions[0]?.penalty?.fine?.currency).toBe('KZT');
  });

  it('refuses a missing essential by its path', () => {
    expect(faults(CaseDraft, { kind: 'political_prisoner', title: 'x', person: {} })).toEqual(['person.name: required: expected string']);
    expect(faults(CaseDraft, { kind: 'ngo_suspension', title: 'x', organization: { name: 'o' }, measure: { type: 'fine' } })).toEqual([
      'measure.authority: required: expected string',
    ]);
  });

  it('refuses an unknown kind, naming both kinds', () => {
    expect(faults(CaseDraft, { kind: 'ngo', title: 'x' })).toEqual(['kind: expected kind "political_prisoner" or "ngo_suspension"']);
  });

  it('refuses unknown fields by their own path, at any depth', () => {
    expect(faults(CaseDraft, { ...prisonerDraft(), nickname: 'x' })).toEqual(['nickname: unknown field (not part of the case-file model)']);
    expect(faults(CaseDraft, prisonerDraft({ person: { name: 'A', aliases: [], shoeSize: 42 } as never }))).toEqual([
      'person.shoeSize: unknown field (not part of the case-file model)',
    ]);
    expect(faults(CaseDraft, prisonerDraft({ events: [{ date: '2020', type: 'arrest', title: 't', extra: 1 } as never] }))).toEqual([
      'events[0].extra: unknown field (not part of the case-file model)',
    ]);
  });

  it('says what was expected for wrong types, enums and dates', () => {
    expect(faults(CaseDraft, prisonerDraft({ priority: 'critical' as never }))).toEqual(['priority: expected one of "urgent", "high", "normal", "low"']);
    expect(faults(CaseDraft, prisonerDraft({ tags: 'a,b' as never }))).toEqual(['tags: expected array, got string']);
    expect(faults(CaseDraft, prisonerDraft({ detention: { status: 'imprisoned', since: '2019-13' } }))).toEqual([
      'detention.since: expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)',
    ]);
    expect(faults(CaseDraft, prisonerDraft({ title: '' }))[0]).toMatch(/^title: expected a title of 1 to 300 characters/);
    expect(faults(CaseDraft, prisonerDraft({ title: 'x'.repeat(301) }))[0]).toMatch(/^title: expected a title of 1 to 300/);
    expect(faults(CaseDraft, prisonerDraft({ annotations: [{ body: 'b', target: { quote: { exact: 'q' }, position: { start: 5, end: 2 } } }] }))).toEqual([
      'annotations[0].target.position: expected end ≥ start',
    ]);
  });

  it('names each fault of a version-2 field by its path, with what is expected', () => {
    const person = { name: 'Байболат Кунболатұлы', aliases: [] };
    const decision = (term: unknown) => [{ stage: 'verdict', penalty: { type: 'administrative_arrest', term } }];
    expect(faults(CaseDraft, prisonerDraft({ decisions: decision({}) as never }))).toEqual([
      'decisions[0].penalty.term: expected a term with at least one of years, months or days',
    ]);
    expect(faults(CaseDraft, prisonerDraft({ arrest: { date: '2021-02-31' } }))).toEqual(['arrest.date: expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)']);
    expect(faults(CaseDraft, prisonerDraft({ person: { ...person, nationality: ['KZ', 'XX', 'kz'] } }))).toEqual([
      'person.nationality[1]: expected an ISO 3166-1 alpha-2 country code such as KZ (two capital letters of a real country)',
      'person.nationality[2]: expected an ISO 3166-1 alpha-2 country code such as KZ (two capital letters of a real country)',
    ]);
    expect(faults(CaseDraft, prisonerDraft({ person: { ...person, born: { date: '1967', approximate: 'yes' as never } } }))).toEqual([
      'person.born.approximate: expected boolean, got string',
    ]);
    expect(faults(CaseDraft, prisonerDraft({ decisions: [{ stage: 'parole' as never }] }))[0]).toMatch(/^decisions\[0\]\.stage: expected one of "verdict", "appeal"/);
    expect(faults(CaseDraft, prisonerDraft({ requests: [{ text: '' }] }))).toEqual(['requests[0].text: expected non-empty text']);
    expect(faults(CaseDraft, prisonerDraft({ consent: { status: 'maybe' as never } }))).toEqual(['consent.status: expected one of "given", "refused", "pending", "not_needed"']);
  });

  it('reports every fault, not only the first', () => {
    const list = faults(CaseDraft, prisonerDraft({ status: 'open' as never, country: 'Kazakhstan', events: [{ date: 'May', type: 'arrest', title: '' }] }));
    expect(list).toHaveLength(4);
    expect(list).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^status: /),
        expect.stringMatching(/^country: expected an ISO 3166-1 alpha-2/),
        expect.stringMatching(/^events\[0\]\.date: /),
        expect.stringMatching(/^events\[0\]\.title: /),
      ]),
    );
  });
});

describe('stored cases', () => {
  it('require the app-made fields that a draft may omit', () => {
    const list = faults(CaseFile, CaseDraft.parse(prisonerDraft()));
    expect(list).toEqual(expect.arrayContaining(['id: required: expected string', 'rev: required: expected number', 'createdAt: required: expected string']));
  });
});

describe('the bundle', () => {
  const bundle = { format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases: [prisonerDraft(), ngoDraft()] };
  it('the MODEL.md skeleton validates', () => {
    expect(Bundle.parse(bundle).cases).toHaveLength(2);
  });
  it('names the JSON path of each fault in the form the docs use', () => {
    const bad = { ...bundle, cases: [prisonerDraft(), ngoDraft(), ngoDraft(), prisonerDraft({ events: [{ date: '16.02.2021', type: 'arrest', title: 't' }] })] };
    expect(faults(Bundle, bad)).toEqual(['cases[3].events[0].date: expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)']);
  });
  it('refuses another format or version', () => {
    expect(faults(Bundle, { ...bundle, format: 'other', version: 3 })).toEqual(['format: expected "casefile-bundle"', 'version: expected 1 or 2 (a newer Casefile wrote this bundle if it is higher)']);
  });
});
