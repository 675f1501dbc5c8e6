import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import { verifiedEvidence } from '../../../electron/services/briefs/evidence';
import { caseForBrief } from '../../../electron/services/briefs/redaction';
import { annotationCounts, annotationsPrinted } from '../../../renderer/features/briefs/briefModel';
import { makeCase, stressCases } from './fixtures';

// The Brief dialog counts, from the case it holds, what the service will quote and
// leave out; the two must agree on every choice of mode and tags.

describe('the dialog’s annotation counts', () => {
  const [stress] = stressCases() as [CaseFile];
  const tagChoices: (string[] | undefined)[] = [undefined, [], ['arrest'], ['trial'], ['arrest', 'family']];

  it.each(['public', 'internal'] as const)('match what the service prints and leaves out (%s)', (mode) => {
    for (const tags of tagChoices) {
      const { items, leftOut } = verifiedEvidence(caseForBrief(stress, { mode, annotationTags: tags }));
      expect(annotationCounts(stress, tags, mode), JSON.stringify(tags)).toEqual({ printed: items.length, leftOut });
    }
    // The stress case holds one orphan, in scope with every tag chosen.
    expect(annotationCounts(stress, undefined, mode).leftOut).toBe(1);
  });

  it('count an orphaned or changed quote as left out, a note as printed', () => {
    const c = makeCase({
      kind: 'political_prisoner', title: 'Counts', person: { name: 'A', aliases: [] }, detention: { status: 'imprisoned' },
      sources: [{ id: 's', title: 'S', kind: 'article', text: 'The court hearing was closed to the public and the lawyer was denied access.' }],
      annotations: [
        { sourceId: 's', target: { quote: { exact: 'The court hearing was closed' } }, body: 'anchored' },
        { sourceId: 's', target: { quote: { exact: 'the lawyer was denied acces to the fle' } }, body: 'changed' },
        { sourceId: 's', target: { quote: { exact: 'nothing like this is in the text at all' } }, body: 'orphaned' },
        { body: 'a note' },
      ],
    });
    expect(annotationCounts(c, undefined, 'internal')).toEqual({ printed: 2, leftOut: 2 });
    // The note is a working note until its comment is made public: a public brief has nothing of it to print.
    expect(annotationsPrinted(c, undefined, 'public')).toBe(1);
    const shared = { ...c, annotations: c.annotations.map((a) => (a.sourceId === undefined ? { ...a, publicComment: true } : a)) };
    expect(annotationsPrinted(shared, undefined, 'public')).toBe(2);
    expect(verifiedEvidence(caseForBrief(shared, { mode: 'public' })).items).toHaveLength(2);
  });
});
