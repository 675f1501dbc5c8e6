import { describe, expect, it } from 'vitest';
import { annotationStates, type Annotation, type Source } from '../../../shared/model';
import { makeTarget } from '../../../shared/text/anchor';
import { acceptNewWording } from '../../../renderer/features/annotations/acceptWording';

// "Accept the new wording": the one path that rewrites the words an annotation quotes,
// and only for an annotation that is changed in the draft it applies to.

const OLD = 'Суд отклонил ходатайстово защиты о вызове свидетелей. Адвокат обжаловал решение.';
const NEW = OLD.replace('ходатайстово', 'ходатайство');
const WORDS = 'отклонил ходатайстово защиты о вызове';

function draft(text: string) {
  const at = OLD.indexOf(WORDS);
  const source = { id: 's1', title: 'Решение', kind: 'court_document', text, sha256: '0'.repeat(64) } as Source;
  const annotation: Annotation = { id: 'a1', sourceId: 's1', target: makeTarget(OLD, at, at + WORDS.length), body: 'Отказ', tags: ['court'], confidential: true };
  return { sources: [source], annotations: [annotation] };
}

describe('acceptNewWording', () => {
  it('takes the target afresh from the changed passage, keeping everything else', () => {
    const d = draft(NEW);
    expect(annotationStates(d)[0]).toMatchObject({ status: 'changed', currentText: 'отклонил ходатайство защиты о вызове' });
    const { draft: next, accepted } = acceptNewWording(d, 'a1', '2026-01-02T03:04:05.000Z');
    expect(accepted).toBe(true);
    const a = next.annotations[0]!;
    expect(a.target!.quote.exact).toBe('отклонил ходатайство защиты о вызове');
    expect(a.target).toEqual(makeTarget(NEW, NEW.indexOf('отклонил'), NEW.indexOf('отклонил') + 36));
    expect({ body: a.body, tags: a.tags, confidential: a.confidential, updatedAt: a.updatedAt }).toEqual({ body: 'Отказ', tags: ['court'], confidential: true, updatedAt: '2026-01-02T03:04:05.000Z' });
    expect(annotationStates(next)[0]).toMatchObject({ status: 'anchored', method: 'position' });
  });

  it('changes nothing when the annotation is no longer changed in the draft', () => {
    for (const text of [OLD, NEW.replace('ходатайство защиты о вызове', 'ходатайство обвинения о продлении')]) {
      const d = draft(text);
      const r = acceptNewWording(d, 'a1', '2026-01-02T03:04:05.000Z');
      expect(r.accepted).toBe(false);
      expect(r.draft).toBe(d);
    }
    expect(acceptNewWording(draft(NEW), 'missing', 'x').accepted).toBe(false);
  });
});
