import { describe, expect, it } from 'vitest';
import { caseFromV1 } from '../../../shared/model';
import { convertStoredCase } from '../../../electron/services/store/migrations/convertCase';
import { v1Full, v1Ngo, v1Prisoner } from '../../helpers/v1Folder';

// Every rule of MODEL.md *From version 1*, on hand-made version-1 cases, through
// the conversion the folder's migration runs (stored bounds, then the stored schema).

const converted = (raw: unknown) => {
  const result = convertStoredCase(raw);
  if (!result.ok) throw new Error(`did not convert: ${result.faults.join('; ')}`);
  return result;
};
const prisoner = (raw: unknown) => {
  const c = converted(raw).case;
  if (c.kind !== 'political_prisoner') throw new Error('not a prisoner case');
  return c;
};

describe('sentence → one decision', () => {
  it('becomes a verdict with date, court, penalty type, term in months and fine; `sentence` is gone', () => {
    const raw = v1Prisoner('s1', { sentence: { type: 'restricted_freedom', months: 36, fine: { amount: 500000, currency: 'KZT' }, verdictDate: '2022-07', court: 'Атырауский городской суд' } });
    const c = prisoner(raw);
    expect(c.decisions).toEqual([
      { id: 'v1-sentence', stage: 'verdict', date: '2022-07', body: 'Атырауский городской суд', penalty: { type: 'restricted_freedom', term: { months: 36 }, fine: { amount: 500000, currency: 'KZT' } } },
    ]);
    expect('sentence' in c).toBe(false);
    expect(converted(raw).changes).toContain('sentence → decisions[0] (verdict)');
  });

  it.each([
    [0.33, { days: 10 }],
    [6.5, { months: 6, days: 15 }],
    [0.5, { days: 15 }],
    [11.99, { months: 12 }],
    [84, { months: 84 }],
  ])('a v1 term of %s months becomes %j (30 days to a month)', (months, term) => {
    const c = prisoner(v1Prisoner('t', { sentence: { type: 'prison', months } }));
    expect(c.decisions[0]!.penalty).toEqual({ type: 'prison', term });
  });

  it('says how a fractional term was read', () => {
    expect(converted(v1Prisoner('t', { sentence: { type: 'prison', months: 0.33 } })).changes).toContain('sentence → decisions[0] (verdict; 0.33 months read as 10 days)');
  });

  it('a sentence without months keeps no term; a fine-only sentence keeps its fine', () => {
    expect(prisoner(v1Prisoner('f', { sentence: { type: 'fine', fine: { amount: 2000000, currency: 'KZT', usdApprox: 4700 } } })).decisions).toEqual([
      { id: 'v1-sentence', stage: 'verdict', penalty: { type: 'fine', fine: { amount: 2000000, currency: 'KZT', usdApprox: 4700 } } },
    ]);
  });

  it('a sentence that does not read is a fault named by its path, and nothing is converted', () => {
    const result = convertStoredCase(v1Prisoner('bad', { sentence: { type: 'death', months: -3 } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.faults.some((f) => f.startsWith('sentence.type'))).toBe(true);
    expect(result.faults.some((f) => f.startsWith('sentence.months'))).toBe(true);
  });
});

describe('birthYear → born', () => {
  it('becomes born.date as YYYY, not approximate', () => {
    const c = prisoner(v1Prisoner('b', { person: { name: 'Макс Бокаев', aliases: [], birthYear: 1972 } }));
    expect(c.person.born).toEqual({ date: '1972' });
    expect('birthYear' in c.person).toBe(false);
  });

  it('a birth year out of range is a fault at person.birthYear', () => {
    const result = convertStoredCase(v1Prisoner('b', { person: { name: 'X', aliases: [], birthYear: 1812 } }));
    expect(result.ok ? [] : result.faults).toEqual(['person.birthYear: expected a year from 1900 to 2100']);
  });
});

describe('placeholder articles', () => {
  it.each(['не указана', 'unspecified', '(not stated)', '—', 'unknown', '?', 'n/a', 'Не указана', ' (unspecified) '])('"%s" is dropped, the charge kept', (article) => {
    const c = prisoner(v1Prisoner('p', { charges: [{ article, code: 'Уголовный кодекс', summary: 'призывы' }] }));
    expect(c.charges).toEqual([{ code: 'Уголовный кодекс', summary: 'призывы' }]);
  });

  it.each(['174', '405 part 2', '174 ч.1', '380-1'])('a real article "%s" is kept', (article) => {
    const raw = v1Prisoner('p', { charges: [{ article, code: 'Criminal Code' }] });
    expect(prisoner(raw).charges).toEqual([{ article, code: 'Criminal Code' }]);
    expect(converted(raw).changes.some((c) => c.includes('article'))).toBe(false);
  });

  it('the change names the charge and the word dropped', () => {
    const raw = v1Prisoner('p', { charges: [{ article: '174', code: 'CC' }, { article: 'не указана', code: 'CC' }] });
    expect(converted(raw).changes).toContain('charges[1].article "не указана" dropped (a placeholder, not an article)');
  });
});

describe('everything else keeps its name and meaning', () => {
  it('a case with every version-1 field set: the three rules applied, new lists empty, all else as it was', () => {
    const raw = v1Full('full');
    const result = converted(raw);
    const c = result.case;
    const { sentence: _s, person: rawPerson, charges: _c, ...rest } = raw as unknown as Record<string, unknown> & { person: Record<string, unknown> };
    const { birthYear: _b, ...person } = rawPerson;
    expect(c).toEqual({
      ...rest,
      person: { ...person, born: { date: '1975' }, nationality: [] },
      charges: [{ article: '174', code: 'Criminal Code', summary: 'разжигание розни' }, { code: 'Уголовный кодекс' }],
      decisions: [
        {
          id: 'v1-sentence',
          stage: 'verdict',
          date: '2021-02-16',
          body: 'Суд №2 г. Алматы',
          penalty: { type: 'prison', term: { months: 6, days: 15 }, fine: { amount: 2000000, currency: 'KZT', usdApprox: 4700 } },
        },
      ],
      requests: [],
    });
    expect(result.changes).toEqual([
      'sentence → decisions[0] (verdict; 6.5 months read as 6 months 15 days)',
      'person.birthYear → person.born',
      'charges[1].article "не указана" dropped (a placeholder, not an article)',
      'requests, person.nationality: new in version 2, start empty',
    ]);
    // The history's record of it names every path that changed.
    expect(result.audit.map((a) => a.path).sort()).toEqual(['charges', 'decisions', 'person.birthYear', 'person.born', 'person.nationality', 'requests', 'sentence']);
  });

  it('an NGO case is untouched by the v1 rules; only the new `requests` list is added, empty', () => {
    const raw = v1Ngo('ngo');
    const read = caseFromV1(raw, 'stored');
    expect(read).toEqual({ value: raw, faults: [], changes: [] });
    const result = converted(raw);
    expect(result.case).toEqual({ ...raw, requests: [] });
    expect(result.changes).toEqual(['requests: new in version 2, start empty']);
  });

  it('a case already at version 2 converts to itself, unchanged', () => {
    const once = converted(v1Full('again')).case;
    const twice = converted(once);
    expect(twice.changed).toBe(false);
    expect(twice.case).toEqual(once);
    expect(twice.changes).toEqual([]);
  });
});
