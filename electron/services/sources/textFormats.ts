// Plain text, Markdown and HTML: files with no magic number, read by their extension.
// Everything that is not plain UTF-8 text read as written is reported in `warnings`.

import { ServiceError } from '../errors';
import { decodeText } from './decodeText';
import type { TextFormat } from './formats';
import { htmlToText, sniffHtmlCharset } from './htmlText';

export type ReadText = { text: string; title?: string; warnings: string[]; charset?: { declared: string; used: string } };

/** The form every source text is stored in: LF line ends, composed characters, no NULs. */
export function tidy(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '').normalize('NFC');
}

/** The first "# Heading" of a Markdown file, which is what its author called it. */
function markdownTitle(text: string): string | undefined {
  const m = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(text);
  return m?.[1]?.trim() || undefined;
}

export function withTitle<T extends object>(base: T, title: string | undefined): T & { title?: string } {
  const t = title ? tidy(title).trim() : '';
  return t ? { ...base, title: t } : base;
}

export function requireText(text: string, fileName: string, what: string): void {
  if (text.trim() === '') throw new ServiceError('bad_input', `"${fileName}" has no ${what}; there is nothing to annotate.`);
}

export function readTextFormat(format: TextFormat, fileName: string, bytes: Uint8Array): ReadText {
  if (format === 'html') {
    const { text: raw, warnings, charset } = decodeText(bytes, fileName, sniffHtmlCharset(bytes));
    const page = htmlToText(tidy(raw));
    const text = tidy(page.text);
    requireText(text, fileName, 'visible text');
    return withTitle({ text, warnings, ...(charset ? { charset } : {}) }, page.title);
  }
  const { text: raw, warnings } = decodeText(bytes, fileName);
  const text = tidy(raw);
  requireText(text, fileName, 'text');
  return withTitle({ text, warnings }, format === 'md' ? markdownTitle(text) : undefined);
}
