import type { AnnotationTarget } from '../../../shared/model';
import { makeTarget } from '../../../shared/text/anchor';
import { pageAt, pageCount } from '../../../shared/text/pages';
import type { Rect } from './geometry';

/** Where a new annotation points: words (offsets into the text), and on the original a page and perhaps an area. */
export type PickedPlace = { start: number; end: number; page?: number; region?: Rect };

/**
 * The target of an annotation made in the text or on the original. Words get the
 * usual quote and context (and their page when the text has pages); an area of a
 * photo or scan with no words in it still needs a quote (the model requires one), so
 * it quotes what it is — "Area of page 1" — which the text never holds: anchoring
 * finds no words for it and the area alone places it.
 */
export function pickTarget(text: string, p: PickedPlace, areaLabel: string): AnnotationTarget {
  const region = p.region ? { region: { page: p.page ?? 1, ...p.region } } : {};
  if (p.end > p.start) {
    const page = p.page ?? (pageCount(text) > 1 ? pageAt(text, p.start) : undefined);
    return { ...makeTarget(text, p.start, p.end), ...(page !== undefined ? { page } : {}), ...region };
  }
  return { quote: { exact: areaLabel }, page: p.page ?? 1, ...region };
}
