import { AlignmentType, ImageRun, Paragraph } from 'docx';
import type { ImageNode } from '../doc/model';
import { TEXT_WIDTH, twips } from './styles';

// A picture in the Word brief: inline in its own centred paragraph, PNG when the brief
// made one (lossless, what Word keeps as it is), the PDF's JPEG otherwise; with its
// alternative text, which Word reads out and shows in its Alt Text pane.

/** docx sizes pictures in pixels at 96 to the inch; the model in points (72 to the inch). */
const PX_PER_PT = 96 / 72;

export function imageParagraph(n: ImageNode): Paragraph {
  const width = Math.min(n.width, TEXT_WIDTH / 20);
  const height = (n.height * width) / n.width;
  const media = n.png ? { type: 'png' as const, data: n.png } : { type: 'jpg' as const, data: n.jpeg };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: twips(4) },
    // The caption and the table of numbers follow: Word keeps the picture on their page.
    keepNext: true,
    children: [
      new ImageRun({
        ...media,
        transformation: { width: Math.round(width * PX_PER_PT), height: Math.round(height * PX_PER_PT) },
        altText: { name: n.alt.slice(0, 60), description: n.alt, title: n.alt.slice(0, 60) },
      }),
    ],
  });
}
