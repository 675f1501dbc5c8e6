// A Word .docx file's text, read with mammoth. Turned into HTML first and then read by
// the same htmlToText as a web page, rather than mammoth's extractRawText: that keeps
// headings, paragraphs, list items and table cells on lines of their own with the same
// blank-line rules as every other source, and names the document by its first heading.
// A .docx is a ZIP; a hostile one (a ZIP bomb) meets the worker's memory limit.

import mammoth from 'mammoth';
import { ServiceError } from '../errors';
import { htmlToText } from './htmlText';

export type DocxText = { text: string; title?: string; warnings: string[] };

export async function readDocx(fileName: string, bytes: Uint8Array): Promise<DocxText> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch (err) {
    throw new ServiceError(
      'bad_input',
      `Cannot read the Word document “${fileName}”: it is damaged or not a real .docx (${(err as Error)?.message ?? String(err)}). Open it in Word or LibreOffice, save it again as .docx (or as PDF), and add that file.`,
    );
  }
  const page = htmlToText(html);
  return { text: page.text, ...(page.title ? { title: page.title } : {}), warnings: [] };
}
