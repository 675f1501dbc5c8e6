// The visible text of an HTML page, without a DOM. A saved page is untrusted input:
// nothing here runs a script, resolves a URL or loads a resource, because nothing
// here does anything with markup but skip it. htmlparser2 tokenizes (raw-text
// elements, comments, attribute quoting, implied end tags); what is ours is which
// elements a reader sees and how blocks and whitespace are laid out.

import { Parser } from 'htmlparser2';
import { decodeEntities } from './htmlEntities';

export type HtmlText = { text: string; title?: string };

/** Raw-text elements whose content a reader sees (textarea's references are decoded; xmp's and plaintext's are not). */
const RAW_VISIBLE = new Set(['xmp', 'textarea', 'plaintext']);
/** Elements whose content is never shown as text of the page (script and its kind, with scripting on, included). */
const HIDDEN_CONTENT = new Set(['template', 'object', 'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'datalist', 'script', 'style', 'iframe', 'noembed', 'noframes', 'noscript']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen']);

/** Blocks set off by a blank line. */
const PARAGRAPH = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'listing', 'xmp', 'ul', 'ol', 'dl', 'table', 'figure', 'hr',
  'address', 'fieldset', 'details', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'form', 'center', 'menu',
  'dir', 'hgroup', 'textarea',
]);
/** Blocks that start a new line. */
const LINE = new Set(['div', 'li', 'dt', 'dd', 'tr', 'caption', 'figcaption', 'summary', 'legend', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'body', 'html', 'label', 'select']);
const CELL = new Set(['td', 'th']);
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'textarea', 'plaintext']);

// ---------------------------------------------------------------------------
// Output: collapses whitespace the way a browser lays out normal flow, and turns
// block boundaries into at most one blank line.

class TextOut {
  private readonly parts: string[] = [];
  private trailingNewlines = 0;
  private atLineStart = true;
  private pendingSpace = false;
  private pendingBreak = 0;
  private pendingCell = false;
  private empty = true;

  /** Text in normal flow: whitespace runs are one space; NBSP counts as a space too. */
  flow(text: string): void {
    for (const piece of text.split(/([ \t\n\r\f\u00a0]+)/)) {
      if (piece === '') continue;
      if (/^[ \t\n\r\f\u00a0]/.test(piece)) this.pendingSpace = true;
      else this.emit(piece, false);
    }
  }

  /** Text inside <pre> and its kind: kept as written. */
  verbatim(text: string): void {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) this.newline();
      if (line !== '') this.emit(line, true);
    });
  }

  /** A block boundary: a line break (1) or a blank line (2) before any following text. */
  block(level: 1 | 2): void {
    if (!this.empty) this.pendingBreak = Math.max(this.pendingBreak, level);
  }

  cell(): void {
    if (!this.atLineStart) this.pendingCell = true;
  }

  /** <br>: a line break of its own, so two of them leave an empty line. */
  lineBreak(): void {
    if (this.empty) return;
    this.flushBreak();
    this.newline();
  }

  private newline(): void {
    this.pendingSpace = false;
    this.pendingCell = false;
    this.atLineStart = true;
    if (this.trailingNewlines >= 2) return; // never more than one blank line
    this.parts.push('\n');
    this.trailingNewlines++;
  }

  private flushBreak(): void {
    if (this.pendingBreak === 0) return;
    while (this.trailingNewlines < this.pendingBreak) this.newline();
    this.pendingBreak = 0;
    this.atLineStart = true;
    this.pendingSpace = false;
    this.pendingCell = false;
  }

  private emit(text: string, keepLeadingSpace: boolean): void {
    this.flushBreak();
    if (!this.atLineStart) {
      if (this.pendingCell) this.parts.push('\t');
      else if (this.pendingSpace) this.parts.push(' ');
    } else if (!keepLeadingSpace) {
      text = text.replace(/^[ \t]+/, '');
      if (text === '') return;
    }
    this.parts.push(text);
    this.pendingSpace = false;
    this.pendingCell = false;
    this.atLineStart = false;
    this.trailingNewlines = 0;
    this.empty = false;
  }

  toString(): string {
    return this.parts
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .trim();
  }
}

// ---------------------------------------------------------------------------
// Reading

function hidesContent(name: string, attrs: Record<string, string>): boolean {
  if (HIDDEN_CONTENT.has(name)) return true;
  if (Object.hasOwn(attrs, 'hidden') || decodeEntities(attrs['aria-hidden'] ?? '').trim().toLowerCase() === 'true') return true;
  const style = decodeEntities(attrs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * Extracts the text a reader sees: script, style, template, iframe, object and hidden
 * elements are dropped with their content, comments vanish, block elements and <br>
 * become line breaks, character references are decoded, and <title> (or else the
 * first <h1>) becomes the title.
 */
export function htmlToText(html: string): HtmlText {
  const out = new TextOut();
  let title: string[] | null = null; // collecting <title> while inside it
  let titleText: string | undefined;
  let h1: string[] | null = null; // collecting the first <h1> while inside it
  let firstH1: string | undefined;
  let preDepth = 0;
  let skipLeadingNewline = false;
  /** Inside a raw-text element a reader sees: its name. */
  let raw: string | null = null;
  /** While hiding an element: how many elements deep inside it (the parser closes every element it opens, implied or not). */
  let hidden = 0;

  const blockEdge = (name: string) => {
    if (PARAGRAPH.has(name)) out.block(2);
    else if (LINE.has(name)) out.block(1);
    else if (CELL.has(name)) out.cell();
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (hidden > 0) {
          if (!VOID.has(name)) hidden++;
          return;
        }
        if (name === 'title') {
          title = []; // a second <title> is read and dropped: the first one names the page
          return;
        }
        if (!VOID.has(name) && hidesContent(name, attrs)) {
          hidden = 1;
          return;
        }
        if (name === 'br') {
          out.lineBreak();
          return;
        }
        blockEdge(name);
        if (RAW_VISIBLE.has(name)) {
          raw = name;
          skipLeadingNewline = true;
        } else if (PREFORMATTED.has(name)) {
          preDepth++;
          skipLeadingNewline = true;
        }
        if (name === 'h1' && firstH1 === undefined && h1 === null) h1 = [];
      },
      ontext(chunk) {
        if (hidden > 0) return;
        if (title) {
          title.push(chunk);
          return;
        }
        if (raw) {
          // textarea content is RCDATA (references decoded); xmp and plaintext are not.
          let content = raw === 'textarea' ? decodeEntities(chunk) : chunk;
          if (skipLeadingNewline && content.startsWith('\n')) content = content.slice(1);
          skipLeadingNewline = false;
          out.verbatim(content);
          return;
        }
        let decoded = decodeEntities(chunk);
        if (preDepth > 0) {
          if (skipLeadingNewline && decoded.startsWith('\n')) decoded = decoded.slice(1);
          skipLeadingNewline = false;
          out.verbatim(decoded);
        } else {
          out.flow(decoded);
        }
        h1?.push(decoded);
      },
      onclosetag(name) {
        if (hidden > 0) {
          // The parser closes void elements at once; they were never counted in.
          if (!VOID.has(name)) hidden--;
          return;
        }
        if (name === 'title' && title) {
          titleText ??= decodeEntities(title.join('')).replace(/\s+/g, ' ').trim() || undefined;
          title = null;
          return;
        }
        if (raw === name) raw = null;
        else if (PREFORMATTED.has(name) && preDepth > 0) preDepth--;
        if (name === 'h1' && h1) {
          firstH1 = h1.join('').replace(/\s+/g, ' ').trim() || undefined;
          h1 = null;
        }
        blockEdge(name);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html.replace(/\r\n?/g, '\n'));

  const result: HtmlText = { text: out.toString() };
  const t = titleText ?? firstH1;
  if (t) result.title = t;
  return result;
}

/** The charset a page declares in its first kilobyte (<meta charset> or http-equiv), if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m?.[1];
}
