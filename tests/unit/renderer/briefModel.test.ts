import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import { annotationsPrinted, confidentialParts, annotationTagCounts, annotationTagsParam, defaultBriefLang, templatesFor } from '../../../renderer/features/briefs/briefModel';
import { base64ToBytes } from '../../../renderer/lib/fileBase64';

type Annotation = CaseFile['annotations'][number];
const note = (id: string, tags: string[], confidential = false, sourceId?: string): Annotation =>
  ({ id, body: id, tags, confidential, ...(sourceId ? { sourceId } : {}) }) as Annotation;

describe('brief model', () => {
  it('offers the templates that fit the kind of case first, then the one that does not (the check says why)', () => {
    expect(templatesFor('political_prisoner')).toEqual(['case', 'wgad', 'urgent-action', 'ngo']);
    expect(templatesFor('ngo_suspension')).toEqual(['case', 'urgent-action', 'ngo', 'wgad']);
  });

  it('defaults the brief language to the interface language, Kazakh included', () => {
    expect(defaultBriefLang('ru')).toBe('ru');
    expect(defaultBriefLang('en')).toBe('en');
    expect(defaultBriefLang('kk')).toBe('kk');
  });

  it('counts annotation tags, with the confidential ones', () => {
    const counts = annotationTagCounts([note('a', ['arrest', 'court']), note('b', ['arrest'], true), note('c', [])], (x, y) => x.localeCompare(y));
    expect(counts).toEqual([
      { tag: 'arrest', total: 2, confidential: 1 },
      { tag: 'court', total: 1, confidential: 0 },
    ]);
  });

  it('sends no tag filter while every tag is chosen, so untagged notes print too', () => {
    expect(annotationTagsParam(['arrest', 'court'], new Set(['arrest', 'court']))).toBeUndefined();
    expect(annotationTagsParam(['arrest', 'court'], new Set(['court']))).toEqual(['court']);
    expect(annotationTagsParam(['arrest'], new Set())).toEqual([]);
    expect(annotationTagsParam([], new Set())).toBeUndefined();
  });

  it('counts the annotations a brief prints as the service chooses them', () => {
    const publicNote = { ...note('e', ['arrest']), publicComment: true } as Annotation;
    const c = {
      sources: [{ id: 's1', confidential: true }, { id: 's2' }] as CaseFile['sources'],
      annotations: [note('a', ['arrest']), note('b', ['arrest'], true), note('c', ['court'], false, 's1'), note('d', [], false, 's2'), publicNote],
    };
    expect(annotationsPrinted(c, undefined, 'internal')).toBe(5);
    // Not a (a case note whose comment is a working note: nothing of it may print), not b
    // (confidential), not c (in a confidential source); d prints its quote, e its public comment.
    expect(annotationsPrinted(c, undefined, 'public')).toBe(2);
    expect(annotationsPrinted(c, ['arrest'], 'public')).toBe(1);
    expect(annotationsPrinted(c, [], 'internal')).toBe(0);
  });

  it('says what of a case is confidential', () => {
    const c = {
      kind: 'political_prisoner',
      person: { name: 'X', aliases: [], contact: ' +7 700 ' },
      lawyer: '  ',
      detention: { status: 'imprisoned', health: 'diabetes' },
      decisions: [{ id: 'd1', stage: 'verdict', confidential: true }, { id: 'd2', stage: 'appeal' }],
      requests: [{ id: 'r1', text: 'Release', confidential: true }],
      deadlines: [],
      advocacy: [{ id: 'a1', target: 'UN WGAD', kind: 'communication', status: 'draft', notes: 'call Monday' }],
      events: [{ id: 'e1', confidential: true }, { id: 'e2' }],
      sources: [{ id: 's1', confidential: true }, { id: 's2' }],
      annotations: [note('a', [], true), note('b', [], false, 's1'), note('c', [], false, 's2')],
    } as unknown as CaseFile;
    expect(confidentialParts(c)).toEqual({
      contact: true, lawyer: false, events: 1, sources: 1, annotations: 2,
      identity: true, // the health details
      workingNotes: 4, // three comments not marked public, one advocacy note
      otherItems: 3, // a confidential decision, a confidential request, an advocacy draft
    });
  });

  it('decodes the PDF bytes from base64', () => {
    expect([...base64ToBytes(Buffer.from('%PDF-1.7\n\u00ff', 'latin1').toString('base64'))]).toEqual([...Buffer.from('%PDF-1.7\n\u00ff', 'latin1')]);
  });
});
