import { describe, expect, it } from 'vitest';
import { CaseSearchIndex } from '../../../electron/services/search/caseSearchIndex';
import { fieldGroups, SEARCH_FIELDS } from '../../../electron/services/search/fields';
import { locateMatch, taggedGroups } from '../../../electron/services/search/locate';
import type { PrisonerCase } from '../../../shared/model';
import { makeTarget } from '../../../shared/text/anchor';
import { ngo, prisoner } from './cases';

// A hit says where its quoted words are (`at`), so opening it can land on them.

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of the hearing record, read aloud at length.`).join('\n\n');
const passage = 'The witness Zhanbolat Mamyrov withdrew his testimony in court.';
const annotated = 'The prosecutor read the indictment again.';
const longText = `${filler(300)}\n\n${passage}\n\n${filler(20)}\n\n${annotated}`;

function richPrisoner(): PrisonerCase {
  const base = prisoner('Erlan Kaliyev', {
    person: { name: 'Erlan Kaliyev', aliases: ['Ерлан Қалиев', 'Kaliev'], occupation: 'journalist', affiliation: 'Democratic Choice' },
    region: 'Almaty',
    tags: ['blogger', 'January'],
    summary: 'Held after the January events.',
    charges: [{ article: '174', code: 'UK RK', summary: 'inciting discord' }, { code: 'UK RK', article: '405' }],
    detention: { status: 'pre_trial', place: 'SIZO-1 Almaty', heldBy: 'police', conditions: 'overcrowded cell' },
    arrest: { place: 'home', by: 'KNB officers', reasonsGiven: 'posts online' },
    decisions: [
      { stage: 'verdict', body: 'Almaty city court', outcome: 'seven years' },
      { stage: 'appeal', body: 'Appellate collegium of the Karaganda regional court', outcome: 'upheld' },
    ],
    events: [{ type: 'hearing', title: 'Court hears the petition', description: 'The defence asked to call a witness.' }],
    deadlines: [{ date: '2026-12-20', title: 'File the cassation' }],
    advocacy: [{ target: 'WGAD', kind: 'communication', status: 'sent', reference: 'AA-1', notes: 'Follow up with the secretariat in Geneva.' }],
    requests: [{ text: 'Release him at once', addressee: 'Prosecutor General' }],
    sources: [{ title: 'Hearing record', kind: 'court_document', publisher: 'Court office', text: longText }],
  }) as PrisonerCase;
  const source = base.sources[0]!;
  const at = longText.indexOf(annotated);
  return {
    ...base,
    annotations: [
      { id: 'ann-1', sourceId: source.id, target: makeTarget(longText, at, at + annotated.length), body: 'Key retraction: cite in the appeal.', tags: ['retraction', 'witness'], confidential: false, createdAt: base.createdAt, updatedAt: base.updatedAt },
      { id: 'ann-2', body: 'A note about the Ombudsperson letter.', tags: [], confidential: true, createdAt: base.createdAt, updatedAt: base.updatedAt },
    ],
  };
}

const valueAt = (c: object, path: string): unknown =>
  path.split('.').reduce<unknown>((v, part) => {
    if (v === undefined) return undefined;
    const m = /^(\w+)(?:\[(?:id=([^\]]+)|(\d+))\])?$/.exec(part)!;
    let next = (v as Record<string, unknown>)[m[1]!];
    if (m[2] !== undefined) next = (next as { id: string }[]).find((x) => x.id === m[2]);
    else if (m[3] !== undefined) next = (next as unknown[])[Number(m[3])];
    return next;
  }, c);

describe('taggedGroups', () => {
  const cases = [richPrisoner(), ngo('Civic Voice', { region: 'Astana', tags: ['ngo'], appeal: { court: 'Astana city court', outcome: 'dismissed' }, impact: 'staff laid off' })];
  for (const c of cases) {
    for (const field of SEARCH_FIELDS) {
      it(`lists the very texts the index reads, ${c.kind} ${field}`, () => {
        const tagged = taggedGroups(c, field);
        expect(tagged.map((g) => g.map(([, text]) => text))).toEqual(fieldGroups(c, field));
        // Each path leads to its text in the case.
        for (const group of tagged) for (const [path, text] of group) expect(valueAt(c, path)).toBe(text);
      });
    }
  }
});

describe('locateMatch', () => {
  it('maps a match in a joined group onto the text it starts in', () => {
    const c = richPrisoner();
    const d = c.decisions[1]!;
    const quoted = `${d.body} · ${d.outcome}`;
    const start = quoted.indexOf('Karaganda');
    expect(locateMatch(c, 'details', quoted, start, start + 'Karaganda'.length)).toEqual({ path: `decisions[id=${d.id}].body`, start, end: start + 9 });
    const up = quoted.indexOf('upheld');
    expect(locateMatch(c, 'details', quoted, up, up + 6)).toEqual({ path: `decisions[id=${d.id}].outcome`, start: 0, end: 6 });
    // A run of matches reaching into the next text is cut at the end of the first.
    expect(locateMatch(c, 'details', quoted, start, up + 6)).toEqual({ path: `decisions[id=${d.id}].body`, start, end: d.body!.length });
  });

  it('is undefined when the quoted text is no longer in the case', () => {
    expect(locateMatch(richPrisoner(), 'summary', 'Something else entirely', 0, 9)).toBeUndefined();
  });
});

describe('hits carry where they matched', () => {
  const c = richPrisoner();
  const index = CaseSearchIndex.build([c]);

  it('a passage far down a source, found by a Cyrillic query for Latin words', () => {
    const [hit] = index.search('Мамыров показания');
    expect(hit?.field).toBe('sources');
    expect(hit?.at?.path).toBe(`sources[id=${c.sources[0]!.id}].text`);
    const text = c.sources[0]!.text;
    expect(hit!.at!.start).toBeGreaterThan(10_000);
    expect(text.slice(hit!.at!.start, hit!.at!.end)).toBe('Mamyrov');
  });

  it('a decision’s court', () => {
    const [hit] = index.search('Karaganda collegium');
    expect(hit?.field).toBe('details');
    const d = c.decisions[1]!;
    expect(hit?.at?.path).toBe(`decisions[id=${d.id}].body`);
    expect(d.body!.slice(hit!.at!.start, hit!.at!.end)).toBe('collegium of the Karaganda');
  });

  it('an annotation and an advocacy note', () => {
    const [ann] = index.search('retraction appeal');
    expect(ann?.at?.path).toMatch(/^annotations\[id=ann-1\]\./);
    const [note] = index.search('secretariat Geneva');
    expect(note?.at?.path).toBe(`advocacy[id=${c.advocacy[0]!.id}].notes`);
    expect(c.advocacy[0]!.notes!.slice(note!.at!.start, note!.at!.end)).toBe('secretariat in Geneva');
  });

  it('an index keeping short fields only quotes names without a place (the renderer finds the field)', () => {
    const short = CaseSearchIndex.build([c], { keepShortFieldsOnly: true });
    const { hits, reached } = short.searchRaw('Kaliyev');
    expect(hits[0]?.field).toBe('names');
    expect(short.completeHit(hits[0]!, reached)?.at).toBeUndefined();
    expect(short.completeHit(hits[0]!, reached, c)?.at).toEqual({ path: 'person.name', start: 6, end: 13 });
  });
});
