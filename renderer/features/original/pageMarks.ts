import type { Annotation, AnnotationState } from '../../../shared/model';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import { boxesIn, type Rect } from './geometry';
import type { PageMark } from './types';

const boxRect = ([, , x, y, w, h]: readonly number[]): Rect => ({ x: x!, y: y!, w: w!, h: h! });

/**
 * What each page draws: an annotation with an area is drawn as that area (it does
 * not depend on the text); one on words, as the boxes of the words where its quote
 * lies in the text now (so a re-anchored annotation follows its words).
 */
export function marksByPage(pageCount: number, layout: LayoutPage[] | null, states: readonly AnnotationState[], annotations: readonly Annotation[], titleOf: (s: AnnotationState) => string): PageMark[][] {
  const pages: PageMark[][] = Array.from({ length: pageCount }, () => []);
  const regions = new Map(annotations.flatMap((a) => (a.target?.region ? [[a.id, a.target.region] as const] : [])));
  for (const s of states) {
    const base = { id: s.id, confidential: s.confidential, title: titleOf(s) };
    const region = regions.get(s.id);
    if (region) {
      const n = (region.page ?? 1) - 1;
      pages[n]?.push({ ...base, region: true, rects: [{ x: region.x, y: region.y, w: region.w, h: region.h }] });
      continue;
    }
    if ((s.status !== 'anchored' && s.status !== 'changed') || s.start === undefined || s.end === undefined || !layout) continue;
    layout.forEach((page, i) => {
      const rects = boxesIn(page, s.start!, s.end!).map(boxRect);
      if (rects.length > 0) pages[i]?.push({ ...base, region: false, rects });
    });
  }
  return pages;
}

/** The boxes of a selection not yet saved, per page. */
export function pendingByPage(pageCount: number, layout: LayoutPage[] | null, pending: { start?: number; end?: number; page?: number; region?: Rect } | null): Rect[][] {
  const pages: Rect[][] = Array.from({ length: pageCount }, () => []);
  if (!pending) return pages;
  if (pending.region) {
    pages[(pending.page ?? 1) - 1]?.push(pending.region);
    return pages;
  }
  if (pending.start === undefined || pending.end === undefined || !layout) return pages;
  layout.forEach((page, i) => pages[i]?.push(...boxesIn(page, pending.start!, pending.end!).map(boxRect)));
  return pages;
}
