import { describe, expect, it } from 'vitest';
import { annotationStates } from '../../../shared/model/annotationStatus';
import type { Annotation, Source } from '../../../shared/model';

const source: Source = { id: 's1', title: 'Фото', kind: 'photo', text: 'Сот қаулысы\fЖоғарғы сот', sha256: 'a'.repeat(64) };
const note = (target: Annotation['target']): Annotation => ({ id: 'a1', sourceId: 's1', target, body: 'мөр', tags: [], confidential: false });

describe('an area marked on a page', () => {
  it('with no words in it is a note on the page, not an orphaned quote', () => {
    const [state] = annotationStates({ sources: [source], annotations: [note({ quote: { exact: 'Area of page 2' }, page: 2, region: { page: 2, x: 0.1, y: 0.2, w: 0.3, h: 0.1 } })] });
    expect(state).toMatchObject({ status: 'note', quote: 'Area of page 2', sourceId: 's1' });
  });

  it('with words in it is anchored on them', () => {
    const [state] = annotationStates({ sources: [source], annotations: [note({ quote: { exact: 'Жоғарғы сот' }, page: 2, region: { page: 2, x: 0.1, y: 0.2, w: 0.3, h: 0.1 } })] });
    expect(state).toMatchObject({ status: 'anchored', start: source.text.indexOf('Жоғарғы') });
  });

  it('a quote without an area whose words are gone stays orphaned', () => {
    const [state] = annotationStates({ sources: [source], annotations: [note({ quote: { exact: 'Area of page 2' } })] });
    expect(state?.status).toBe('orphaned');
  });
});
