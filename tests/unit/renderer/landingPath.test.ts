import { describe, expect, it } from 'vitest';
import { highlightedWords } from '../../../renderer/features/search/highlight';
import { landingFor, parsePath, sectionOfField, valueAtPath } from '../../../renderer/features/search/landingPath';
import type { PrisonerCase } from '../../../shared/model';
import { ngo, prisoner } from '../search/cases';

// Where opening a search hit lands, from the place the service gives (`at`).

const c = prisoner('Erlan Kaliyev', {
  person: { name: 'Erlan Kaliyev', aliases: ['Ерлан Қалиев'] },
  summary: 'Held after the January events.',
  decisions: [{ stage: 'appeal', body: 'Karaganda regional court', outcome: 'upheld' }],
  sources: [{ title: 'Hearing record', kind: 'court_document', publisher: 'Court office', text: 'The witness withdrew his testimony.' }],
}) as PrisonerCase;
const withNotes: PrisonerCase = {
  ...c,
  annotations: [{ id: 'note-1', body: 'Call the family', tags: [], confidential: false, createdAt: c.createdAt, updatedAt: c.updatedAt }],
};
const decision = c.decisions[0]!;
const source = c.sources[0]!;

describe('parsePath / valueAtPath', () => {
  it('reads keys, items by id and by index', () => {
    expect(parsePath(`decisions[id=${decision.id}].body`)).toEqual([{ key: 'decisions', id: decision.id }, { key: 'body' }]);
    expect(parsePath('person.aliases[0]')).toEqual([{ key: 'person' }, { key: 'aliases', index: 0 }]);
    expect(valueAtPath(c, `decisions[id=${decision.id}].body`)).toBe('Karaganda regional court');
    expect(valueAtPath(c, 'person.aliases[0]')).toBe('Ерлан Қалиев');
    expect(valueAtPath(c, 'decisions[id=gone].body')).toBeUndefined();
    expect(valueAtPath(c, 'person.aliases[7]')).toBeUndefined();
  });

  it('refuses what is not a path', () => {
    expect(parsePath('decisions[id=a b].body')).toBeNull();
    expect(parsePath('__proto__..x')).toBeNull();
    expect(valueAtPath(c, 'constructor[0')).toBeUndefined();
  });
});

describe('landingFor', () => {
  it('a field: its section, its text and the words', () => {
    expect(landingFor(c, 'details', { path: `decisions[id=${decision.id}].body`, start: 0, end: 9 }, ['Karaganda'])).toEqual({
      kind: 'field', section: 'decisions', text: 'Karaganda regional court', start: 0, end: 9,
    });
    expect(landingFor(c, 'summary', { path: 'summary', start: 17, end: 24 }, ['January'])).toMatchObject({ kind: 'field', section: 'basics' });
    expect(landingFor(c, 'names', { path: 'person.aliases[0]', start: 6, end: 12 }, [])).toMatchObject({ kind: 'field', section: 'person', text: 'Ерлан Қалиев' });
  });

  it('a source’s text is a passage of the reader; its title is its entry in the list', () => {
    expect(landingFor(c, 'sources', { path: `sources[id=${source.id}].text`, start: 4, end: 11 }, ['witness'])).toEqual({
      kind: 'passage', section: 'sources', sourceId: source.id, start: 4, end: 11,
    });
    expect(landingFor(c, 'sources', { path: `sources[id=${source.id}].title`, start: 0, end: 7 }, ['Hearing'])).toEqual({ kind: 'source', section: 'sources', sourceId: source.id });
  });

  it('an annotation, whichever of its texts matched', () => {
    expect(landingFor(withNotes, 'annotations', { path: 'annotations[id=note-1].body', start: 0, end: 4 }, ['Call'])).toEqual({ kind: 'annotation', section: 'annotations', annotationId: 'note-1' });
    expect(landingFor(withNotes, 'annotations', { path: 'annotations[id=note-1].tags[0]', start: 0, end: 4 }, [])).toMatchObject({ kind: 'annotation' });
  });

  it('without a place, or when the case changed since, the section and the words to look for', () => {
    expect(landingFor(c, 'names', undefined, ['Kaliyev'])).toEqual({ kind: 'section', section: 'person', words: ['Kaliyev'] });
    const ngoCase = ngo('Civic Voice');
    expect(landingFor(ngoCase, 'names', undefined, ['Civic'])).toEqual({ kind: 'section', section: 'organization', words: ['Civic'] });
    // The text is shorter than the match now: the section of the path, not a wrong selection.
    expect(landingFor(c, 'details', { path: `decisions[id=${decision.id}].body`, start: 30, end: 40 }, ['x'])).toEqual({ kind: 'section', section: 'decisions', words: ['x'] });
    expect(landingFor(c, 'annotations', { path: 'annotations[id=gone].body', start: 0, end: 1 }, ['y'])).toEqual({ kind: 'section', section: 'annotations', words: ['y'] });
    expect(landingFor(c, 'details', { path: 'not a path', start: 0, end: 1 }, [])).toEqual({ kind: 'section', section: 'basics', words: [] });
  });

  it('every search field has a section', () => {
    for (const f of ['names', 'title', 'charges', 'measure', 'summary', 'events', 'annotations', 'sources', 'details'] as const) {
      expect(sectionOfField(f, 'political_prisoner')).toMatch(/^[a-z]+$/);
    }
  });
});

describe('highlightedWords', () => {
  it('the marked words of a snippet, merged and in order', () => {
    expect(highlightedWords('…the Karaganda regional court', [[15, 23], [5, 14], [10, 14]])).toEqual(['Karaganda', 'regional']);
  });
});
