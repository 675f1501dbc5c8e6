import PDFDocument from 'pdfkit';
import type { DocumentMeta, Furniture } from './doc/model';
import { lendFaces } from './layout/faces';
import { drawPageFurniture } from './layout/pageFurniture';
import { tapReaderText } from './layout/readerText';
import { setFont } from './layout/text';
import { Writer } from './layout/writer';

/** `readerText`: the text a reader will extract, once the document has ended (layout/readerText). */
export type OpenDocument = { writer: Writer; done: Promise<Buffer>; readerText: () => string | null };

/**
 * A tagged A4 document whose default face is DejaVu: pdfkit registers its default
 * font at construction, and would load Helvetica there (keeping it in the file, though
 * unused) unless told of none. DejaVu is selected right after, once the faces parsed by
 * earlier documents are lent to this one (layout/faces), at pdfkit's default size.
 */
export function openDocument(meta: DocumentMeta): OpenDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 74, bottom: 58, left: 56, right: 56 },
    bufferPages: true,
    // null, not absent: absent means Helvetica (the typings know only a file name).
    font: null as unknown as string,
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
  const readerText = tapReaderText(doc);
  lendFaces(doc);
  setFont(doc, 'regular', 12);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { writer: new Writer(doc, root), done, readerText };
}

/** Footnotes, then running headers, page numbers and stamps; then the bytes, and the text a reader will get from them (null: read them back). */
export async function closeDocument(open: OpenDocument, furniture: Furniture): Promise<{ buffer: Buffer; pages: number; readerText: string | null }> {
  const { writer } = open;
  writer.drawFootnotes();
  const pages = drawPageFurniture(writer, furniture);
  writer.root.end();
  writer.doc.end();
  const buffer = await open.done;
  return { buffer, pages, readerText: open.readerText() };
}
