import type { ImageNode } from '../doc/model';
import type { Writer } from './writer';

// A picture on the page: the JPEG as it is (pdfkit neither decodes nor re-encodes it),
// tagged as a Figure with its alternative text, so a screen reader says what it shows.

const GAP_AFTER = 4;

/** The printed size: as asked, never wider than the text. */
function size(w: Writer, n: ImageNode): { width: number; height: number } {
  const width = Math.min(n.width, w.width);
  return { width, height: (n.height * width) / n.width };
}

export function imageHeight(w: Writer, n: ImageNode): number {
  return size(w, n).height + GAP_AFTER;
}

export function image(w: Writer, n: ImageNode): void {
  const { width, height } = size(w, n);
  w.ensure(height + GAP_AFTER);
  const x = w.left + (w.width - width) / 2;
  const y = w.y;
  const data = Buffer.from(n.jpeg.buffer, n.jpeg.byteOffset, n.jpeg.byteLength);
  w.root.add(w.doc.struct('Figure', { alt: n.alt }, () => {
    w.doc.image(data, x, y, { width, height });
  }));
  w.y = y + height;
  w.space(GAP_AFTER);
}
