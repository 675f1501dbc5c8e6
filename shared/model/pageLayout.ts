import { z } from 'zod';
import { Sha256 } from './scalars';

// Where the words of a paged original lie on its pages, so the window can draw an
// annotation on the page and let the user select words there (issue 17). Derived
// at intake — from a PDF's text layer, or from OCR's word boxes — and kept beside
// the original (originals/), not in the case: it belongs to one text of one file.
// It holds while the source's text is the one it was made for (`textSha256`, the
// SHA-256 of Source.text as Source.sha256 is); after a typed correction the window
// shows the page without word boxes and says why.

const Fraction = z.number().min(0).max(1);

/** One word (or text run) on a page: its UTF-16 offsets in Source.text, and its box in fractions of the page (origin top left). */
export const LayoutBox = z.tuple([z.int().min(0), z.int().min(0), Fraction, Fraction, Fraction, Fraction]);
export type LayoutBox = z.infer<typeof LayoutBox>;

export const LayoutPage = z.strictObject({
  /** The page's size in points (PDF) or pixels (image): only the ratio matters. */
  width: z.number().positive(),
  height: z.number().positive(),
  boxes: z.array(LayoutBox),
});
export type LayoutPage = z.infer<typeof LayoutPage>;

export const PageLayout = z.strictObject({
  /** The SHA-256 of the Source.text this layout's offsets point into. */
  textSha256: Sha256,
  pages: z.array(LayoutPage).max(10_000),
});
export type PageLayout = z.infer<typeof PageLayout>;
