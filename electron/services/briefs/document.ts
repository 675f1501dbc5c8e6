import PDFDocument from 'pdfkit';
import type { DocumentMeta, Furniture } from './doc/model';
import { fontPath } from './fonts';
import { drawPageFurniture } from './layout/pageFurniture';
import { Writer } from './layout/writer';

export type OpenDocument = { writer: Writer; done: Promise<Buffer> };

/**
 * A tagged A4 document whose default face is DejaVu: pdfkit registers its default
 * font at construction, so naming DejaVu there keeps Helvetica out of the file
 * entirely, not merely unused.
 */
export function openDocument(meta: DocumentMeta): OpenDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 74, bottom: 58, left: 56, right: 56 },
    bufferPages: true,
    font: fontPath('regular'),
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(', '),
      // A brief to send names its author, not the tool that wrote it (issue 14: no tool names outside internal mode).
      Creator: meta.mode === 'internal' ? 'Casefile' : meta.author,
      CreationDate: meta.generatedAt,
      ModDate: meta.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { writer: new Writer(doc, root), done };
}

/** Footnotes, then running headers, page numbers and stamps; then the bytes. */
export async function closeDocument(open: OpenDocument, furniture: Furniture): Promise<{ buffer: Buffer; pages: number }> {
  const { writer } = open;
  writer.drawFootnotes();
  const pages = drawPageFurniture(writer, furniture);
  writer.root.end();
  writer.doc.end();
  return { buffer: await open.done, pages };
}
