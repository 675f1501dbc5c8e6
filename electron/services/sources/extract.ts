// A file the user adds as a source, turned into the plain text that annotations point
// into (Source.text). Chosen by extension; everything that is not plain UTF-8 text
// read as written is reported in `warnings`, so the user knows what to check.

import { ServiceError } from '../errors';
import { decodeText } from './decodeText';
import { htmlToText, sniffHtmlCharset } from './htmlText';
import { extractPdfText } from './pdfText';

export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf';

export type ExtractedSource = {
  text: string;
  title?: string;
  format: SourceFormat;
  warnings: string[];
  /** Set when the charset the file declares does not fit its bytes and another was used (also said in `warnings`). */
  charset?: { declared: string; used: string };
};

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
};

/** Formats people will try, with what to do instead. */
const CONVERT_FIRST: Record<string, string> = {
  '.doc': 'Save it from Word as PDF or as plain text (.txt) first.',
  '.docx': 'Save it from Word as PDF or as plain text (.txt) first.',
  '.odt': 'Save it as PDF or as plain text (.txt) first.',
  '.rtf': 'Save it as PDF or as plain text (.txt) first.',
  '.jpg': 'Run OCR on the image first, or paste the text.',
  '.jpeg': 'Run OCR on the image first, or paste the text.',
  '.png': 'Run OCR on the image first, or paste the text.',
  '.tif': 'Run OCR on the image first, or paste the text.',
  '.tiff': 'Run OCR on the image first, or paste the text.',
};

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The form every source text is stored in: LF line ends, composed characters, no NULs. */
function tidy(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '').normalize('NFC');
}

/** The first "# Heading" of a Markdown file, which is what its author called it. */
function markdownTitle(text: string): string | undefined {
  const m = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(text);
  return m?.[1]?.trim() || undefined;
}

function withTitle(base: Omit<ExtractedSource, 'title'>, title: string | undefined): ExtractedSource {
  const t = title ? tidy(title).trim() : '';
  return t ? { ...base, title: t } : base;
}

function requireText(text: string, fileName: string, what: string): void {
  if (text.trim() === '') throw new ServiceError('bad_input', `"${fileName}" has no ${what}; there is nothing to annotate.`);
}

/**
 * Reads a source file: .txt and .md as text (UTF-8, or UTF-16 with a byte-order mark,
 * or Windows-1251 when that is what the bytes are), .html/.htm as the text a reader
 * sees, .pdf by its text layer. Throws ServiceError('bad_input') with a message the
 * user can act on when the file cannot give text.
 */
export async function extractSourceText(fileName: string, bytes: Uint8Array, options: { maxPages?: number } = {}): Promise<ExtractedSource> {
  const ext = extensionOf(fileName);
  const format = FORMATS[ext];
  if (!format) {
    const hint = CONVERT_FIRST[ext];
    throw new ServiceError(
      'bad_input',
      `Cannot read "${fileName}": Casefile reads .txt, .md, .html, .htm and .pdf files.${hint ? ' ' + hint : ''}`,
    );
  }

  switch (format) {
    case 'txt':
    case 'md': {
      const { text: raw, warnings } = decodeText(bytes, fileName);
      const text = tidy(raw);
      requireText(text, fileName, 'text');
      return withTitle({ text, format, warnings }, format === 'md' ? markdownTitle(text) : undefined);
    }
    case 'html': {
      const { text: raw, warnings, charset } = decodeText(bytes, fileName, sniffHtmlCharset(bytes));
      const page = htmlToText(tidy(raw));
      const text = tidy(page.text);
      requireText(text, fileName, 'visible text');
      return withTitle({ text, format, warnings, ...(charset ? { charset } : {}) }, page.title);
    }
    case 'pdf': {
      const pdf = await extractPdfText(bytes, options);
      return withTitle({ text: tidy(pdf.text), format, warnings: pdf.warnings }, pdf.title);
    }
  }
}
