import type { Furniture } from '../doc/model';
import { fitOneLine, setFont, THEME } from './text';
import type { Writer } from './writer';

/**
 * Running header, page numbers and the confidentiality stamp, drawn once every
 * page exists (bufferPages) so "Page X of Y" knows Y. All of it is an artifact
 * for a tagged PDF, and every run names its DejaVu face explicitly.
 */
export function drawPageFurniture(w: Writer, f: Furniture): number {
  const doc = w.doc;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    // Text below the bottom margin would make pdfkit add a page; lift the margin while we draw there.
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });

    const headerY = w.top - 30;
    const genWidth = f.right ? (setFont(doc, 'regular', THEME.tiny), doc.widthOfString(f.right)) : 0;
    doc.fillColor(THEME.muted);
    if (f.right) doc.text(f.right, w.right - genWidth, headerY, { lineBreak: false });
    const title = fitOneLine(doc, f.title, 'bold', THEME.tiny + 0.5, w.width - genWidth - 16);
    doc.fillColor(THEME.accent).text(title, w.left, headerY, { lineBreak: false });
    doc.moveTo(w.left, headerY + 12).lineTo(w.right, headerY + 12).lineWidth(0.4).strokeColor(THEME.rule).stroke();

    const label = f.pageLabel.replace('{page}', String(i - start + 1)).replace('{total}', String(count));
    setFont(doc, 'regular', THEME.small);
    doc.fillColor(THEME.muted).text(label, w.left + (w.width - doc.widthOfString(label)) / 2, w.bottom + 22, { lineBreak: false });

    if (f.stamp && f.stamp.length > 0) drawStamp(w, f.stamp);

    doc.endMarkedContent();
    page.margins.bottom = savedBottom;
  }
  return count;
}

function drawStamp(w: Writer, words: readonly string[]): void {
  const doc = w.doc;
  const line = words.join(' / ');
  setFont(doc, 'bold', THEME.small + 0.5);
  const width = doc.widthOfString(line);
  const y = w.top - 46;
  const x = w.left + (w.width - width) / 2;
  doc.rect(x - 6, y - 3, width + 12, 15).lineWidth(1).strokeColor(THEME.stamp).stroke();
  doc.fillColor(THEME.stamp).text(line, x, y, { lineBreak: false });

  // A faint diagonal watermark too, so a printed page that lost its header still says it.
  const word = words[words.length - 1]!;
  const page = doc.page;
  const cx = page.width / 2;
  const cy = page.height / 2;
  const diagonal = Math.hypot(page.width, page.height);
  setFont(doc, 'bold', 60);
  const size = Math.min(60, (60 * diagonal * 0.7) / doc.widthOfString(word));
  setFont(doc, 'bold', size);
  const ww = doc.widthOfString(word);
  doc.save();
  doc.rotate(-Math.atan2(page.height, page.width) * (180 / Math.PI), { origin: [cx, cy] });
  doc.fillOpacity(0.06).fillColor(THEME.stamp).text(word, cx - ww / 2, cy - size * 0.6, { lineBreak: false });
  doc.restore();
}
