import type { Rect } from './geometry';

/** What the user marked on a page: words (text offsets), an area, or both. */
export type PagePick = {
  page: number;
  start?: number;
  end?: number;
  region?: Rect;
  /** Where on screen the mark ends, to place the annotation form beside it. */
  anchor: { left: number; bottom: number };
};

/** One annotation as drawn on a page: its boxes (or its area) in fractions. */
export type PageMark = { id: string; rects: Rect[]; region: boolean; confidential: boolean; title: string };
