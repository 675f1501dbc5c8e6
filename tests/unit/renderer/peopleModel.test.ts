import { describe, expect, it } from 'vitest';
import { ActorRole, ActorSummary, Appearance } from '../../../shared/people';
import { parsePath, valueAtPath } from '../../../renderer/features/search/landingPath';
import { canSplit, groupByCase, landingPathOf, mergeNameChoices, otherSpellings, rolesOf, searchFieldOf, shownActors, sortActors, spellingRange } from '../../../renderer/features/people/peopleModel';
import type { CaseFile } from '../../../shared/model';
import { actorForSpelling } from '../../../renderer/features/people/actorLookup';

// The People and bodies view's pure parts: the list's order, a page's cases grouped with
// what the actor did there, and the way an appearance's place becomes a landing.

const compare = new Intl.Collator('ru', { sensitivity: 'base', numeric: true }).compare;

const actor = (key: string, name: string, caseCount: number, spellings: string[] = [name]): ActorSummary =>
  ActorSummary.parse({ key, name, type: 'body', spellings, roles: ['court'], caseCount, appearanceCount: caseCount, confidentialOnly: false, curated: false });

const seen = (caseId: string, date: string | undefined, extra: Partial<Appearance> = {}): Appearance =>
  Appearance.parse({ caseId, caseTitle: `Case ${caseId}`, caseKind: 'political_prisoner', role: 'court', spelling: 'Суд', act: { kind: 'decision', stage: 'verdict' }, what: 'verdict', path: ['decisions', 0, 'body'], confidential: false, ...(date ? { date } : {}), ...extra });

describe('the list of people and bodies', () => {
  it('puts the actors in most cases first, then orders by name in the collation of the language', () => {
    const list = [actor('n:b', 'Ёлкин', 1), actor('n:a', 'Абаев', 1), actor('n:c', 'Суд Алматы', 3), actor('n:d', 'Егоров', 1)];
    expect(sortActors(list, compare).map((a) => a.name)).toEqual(['Суд Алматы', 'Абаев', 'Егоров', 'Ёлкин']);
    // The input is left as it was (React state).
    expect(list[0]!.name).toBe('Ёлкин');
  });

  it('lists the other spellings without the name shown', () => {
    expect(otherSpellings(actor('n:x', 'Алматинский городской суд', 2, ['Алматинский городской суд', 'Almaty City Court', 'Алматы қалалық соты']))).toEqual(['Almaty City Court', 'Алматы қалалық соты']);
  });

  it('offers each selected name first, then their other spellings, each once, as names for a merge', () => {
    const a = actor('n:a', 'МВД', 1, ['МВД', 'ІІМ']);
    const b = actor('n:b', 'Ministry of Internal Affairs', 1, ['Ministry of Internal Affairs', 'МВД']);
    expect(mergeNameChoices([a, b])).toEqual(['МВД', 'Ministry of Internal Affairs', 'ІІМ']);
  });

  it('allows a split only of some spellings, never none or all', () => {
    const spellings = ['A', 'B', 'C'];
    expect(canSplit(spellings, new Set())).toBe(false);
    expect(canSplit(spellings, new Set(['B']))).toBe(true);
    expect(canSplit(spellings, new Set(['A', 'B']))).toBe(true);
    expect(canSplit(spellings, new Set(['A', 'B', 'C']))).toBe(false);
    // A spelling no longer on the page does not count.
    expect(canSplit(spellings, new Set(['Z']))).toBe(false);
  });
});

describe('a page of cases', () => {
  it('groups the appearances by case, oldest first within a case and across cases, undated last', () => {
    const groups = groupByCase(
      [
        seen('b', '2022-05-01', { what: 'appeal' }),
        seen('a', undefined, { what: 'named in an event' }),
        seen('b', '2021', { what: 'verdict' }),
        seen('c', '2021-02-01'),
        seen('a', '2023-01'),
      ],
      compare,
    );
    expect(groups.map((g) => g.caseId)).toEqual(['b', 'c', 'a']);
    expect(groups[0]!.appearances.map((a) => a.what)).toEqual(['verdict', 'appeal']);
    expect(groups[2]!.appearances.map((a) => a.what)).toEqual(['verdict', 'named in an event']);
  });

  it('orders undated cases by title, and marks a case where every appearance is confidential', () => {
    const groups = groupByCase(
      [seen('z', undefined, { caseTitle: 'Ясин', confidential: true }), seen('y', undefined, { caseTitle: 'Абишев' }), seen('y', undefined, { caseTitle: 'Абишев', confidential: true })],
      compare,
    );
    expect(groups.map((g) => [g.caseTitle, g.confidentialOnly])).toEqual([
      ['Абишев', false],
      ['Ясин', true],
    ]);
  });

  it('names the roles seen, each once, in the order of the enum', () => {
    expect(rolesOf([seen('a', undefined, { role: 'lawyer' }), seen('b', undefined, { role: 'judge' }), seen('c', undefined, { role: 'lawyer' })], ActorRole.options)).toEqual(['judge', 'lawyer']);
  });
});

describe('opening a case at the field that names the actor', () => {
  const c = {
    kind: 'political_prisoner',
    decisions: [{ id: 'd1', stage: 'verdict', body: 'Specialised Inter-District Criminal Court of Almaty' }],
    events: [{ id: 'e1', type: 'hearing', title: 'Hearing before judge Ivanov at the city court' }],
    measure: undefined,
  } as unknown as CaseFile;

  it('writes a JSON path in the form the case view lands on, and refuses one it cannot name', () => {
    expect(landingPathOf(['decisions', 0, 'body'])).toBe('decisions[0].body');
    expect(landingPathOf(['arrest', 'by'])).toBe('arrest.by');
    expect(landingPathOf(['lawyer'])).toBe('lawyer');
    expect(parsePath(landingPathOf(['events', 0, 'title'])!)).toEqual([{ key: 'events', index: 0 }, { key: 'title' }]);
    expect(valueAtPath(c, landingPathOf(['decisions', 0, 'body'])!)).toBe('Specialised Inter-District Criminal Court of Almaty');
    expect(landingPathOf([0, 'body'])).toBeNull();
    expect(landingPathOf(['decisions', -1])).toBeNull();
    expect(landingPathOf(['a.b'])).toBeNull();
    expect(landingPathOf([])).toBeNull();
  });

  it('finds the spelling in the field as written, else ignoring case, else takes the whole field', () => {
    const title = valueAtPath(c, 'events[0].title');
    expect(spellingRange(title, 'judge Ivanov')).toEqual({ start: 15, end: 27 });
    expect(spellingRange(title, 'JUDGE IVANOV')).toEqual({ start: 15, end: 27 });
    expect(spellingRange('Суд района Сарыарка', 'суд района')).toEqual({ start: 0, end: 10 });
    expect(spellingRange(title, 'Petrov')).toEqual({ start: 0, end: (title as string).length });
    expect(spellingRange(undefined, 'Petrov')).toBeNull();
    expect(spellingRange('', 'Petrov')).toBeNull();
  });

  it('tells the case view where to look when the exact place is gone', () => {
    expect(searchFieldOf(['measure', 'authority'])).toBe('measure');
    expect(searchFieldOf(['appeal', 'court'])).toBe('measure');
    expect(searchFieldOf(['events', 3, 'title'])).toBe('events');
    expect(searchFieldOf(['decisions', 0, 'body'])).toBe('details');
  });
});

describe('from a field in a case to its entry in the index', () => {
  const court = actor('n:court', 'Алматинский городской суд', 2, ['Алматинский городской суд', 'Almaty City Court']);
  const district = actor('n:district', 'Алматинский районный суд', 1);

  it('takes the entry that has the spelling, spaces and case aside, among several found', () => {
    expect(actorForSpelling([district, court], '  almaty   city court ')?.key).toBe('n:court');
    expect(actorForSpelling([district, court], 'Алматинский районный суд')?.key).toBe('n:district');
  });

  it('takes the only entry found (the index matched another script), and none among several or for no text', () => {
    expect(actorForSpelling([court], 'Алматы қалалық соты')?.key).toBe('n:court');
    expect(actorForSpelling([district, court], 'Алматы қалалық соты')).toBeNull();
    expect(actorForSpelling([], 'Almaty City Court')).toBeNull();
    expect(actorForSpelling([court], '   ')).toBeNull();
  });
});

describe('a long list', () => {
  it('draws at most the given number of rows and says when the core had more', () => {
    const answer = [actor('n:a', 'A', 3), actor('n:b', 'B', 2), actor('n:c', 'C', 1)];
    expect(shownActors(answer, compare, 2)).toEqual({ rows: [answer[0], answer[1]], more: true });
    expect(shownActors(answer, compare, 3)).toEqual({ rows: answer, more: false });
    expect(shownActors([], compare, 3)).toEqual({ rows: [], more: false });
  });
});
