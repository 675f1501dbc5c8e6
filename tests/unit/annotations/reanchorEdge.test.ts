import { describe, expect, it } from 'vitest';
import { annotationStates, reanchorCase, type Annotation, type Source } from '../../../shared/model';
import { makeTarget } from '../../../shared/text/anchor';
import { splitsWord } from '../../../shared/text/anchorWords';

// Found by the re-anchoring property (seed 1357364184): the last word of a source, annotated,
// then the space before it deleted. The quote had no suffix (it ended the text), so an
// occurrence running into a longer word at its end was taken, splitting "жылғажылға".

const caseOf = (text: string, annotation: Annotation) => ({
  sources: [{ id: 's1', title: 'Record', kind: 'article', text, sha256: '0'.repeat(64) } as Source],
  annotations: [annotation],
});

describe('a quote that ended the text', () => {
  it('is not found again inside a longer word once the space before it is gone', () => {
    const text = 'Тоқаев семи, Әділет colony, отклонил ходатайство жылға жылға жылға';
    const target = makeTarget(text, 61, 66);
    const edited = `${text.slice(0, 60)}${text.slice(61)}`; // "… жылға жылғажылға"
    const saved = reanchorCase(caseOf(edited, { id: 'a1', sourceId: 's1', target, body: 'note', tags: [], confidential: false }));
    const [state] = annotationStates(saved);
    if (state!.status === 'anchored' || state!.status === 'changed') {
      expect(splitsWord(edited, state!.start!)).toBe(false);
      expect(splitsWord(edited, state!.end!)).toBe(false);
    }
    expect(reanchorCase(saved)).toBe(saved);
  });
});
