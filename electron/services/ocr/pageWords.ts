// One page's text built from the words Tesseract found, so that every word's offsets
// in the text are exact (the text is made from the words, not matched against them
// afterwards): words of a line joined by a space, lines by a newline, paragraphs
// and blocks by an empty line. Kazakh letters come out composed (NFC), as Source.text
// keeps them everywhere else.

import type { LayoutBox, LayoutPage } from '../../../shared/model/pageLayout';

type Bbox = { x0: number; y0: number; x1: number; y1: number };
/** The part of tesseract.js's `blocks` output read here. */
export type OcrBlock = { paragraphs: Array<{ lines: Array<{ words: Array<{ text: string; bbox: Bbox }> }> }> };

export type OcrPage = { text: string; layout: LayoutPage };

const fraction = (v: number, of: number): number => Math.min(1, Math.max(0, v / of));

export function pageFromBlocks(blocks: readonly OcrBlock[] | null, width: number, height: number): OcrPage {
  const boxes: LayoutBox[] = [];
  let text = '';
  let pendingBreak = '';
  const add = (s: string) => {
    text += pendingBreak + s;
    pendingBreak = '';
  };
  const breakBefore = (sep: string) => {
    if (text !== '' && sep.length > pendingBreak.length) pendingBreak = sep;
  };
  for (const block of blocks ?? []) {
    breakBefore('\n\n');
    for (const paragraph of block.paragraphs) {
      breakBefore('\n\n');
      for (const line of paragraph.lines) {
        breakBefore('\n');
        for (const word of line.words) {
          const w = word.text.normalize('NFC').replace(/\s+/g, '');
          if (w === '') continue;
          breakBefore(' ');
          add('');
          const start = text.length;
          text += w;
          const { x0, y0, x1, y1 } = word.bbox;
          const x = fraction(x0, width);
          const y = fraction(y0, height);
          boxes.push([start, text.length, x, y, Math.min(1 - x, fraction(x1 - x0, width)), Math.min(1 - y, fraction(y1 - y0, height))]);
        }
      }
    }
  }
  return { text, layout: { width, height, boxes } };
}
