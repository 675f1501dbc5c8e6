// The visible text of an HTML page, without a DOM. A saved page is untrusted input:
// nothing here runs a script, resolves a URL or loads a resource, because nothing
// here does anything with markup but skip it. The tokenizer follows the parts of the
// HTML5 tokenizer that decide what is text (raw-text elements, comments, attribute
// quoting) and ignores the rest of tree construction, which only matters for
// rendering.

import { decodeEntities } from './htmlEntities';

export type HtmlText = { text: string; title?: string };

/** Elements whose content is not parsed as markup; it runs to the matching end tag. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title', 'plaintext']);
/** Raw-text elements whose content a reader sees. */
const RAW_VISIBLE = new Set(['xmp', 'textarea', 'plaintext']);
/** Elements whose content is never shown as text of the page. */
const HIDDEN_CONTENT = new Set(['template', 'object', 'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'datalist']);
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
/** Elements whose end tag may be left out; a hidden one ends where the next block begins. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

const isHtmlSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isAsciiAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);

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
// Tokenizer

type Tag = { name: string; end: boolean; attrs: Map<string, string>; next: number };

/** Reads a tag starting at html[i] === '<'; returns null when it is not one (a literal '<'). */
function readTag(html: string, i: number): Tag | null {
  let j = i + 1;
  const end = html[j] === '/';
  if (end) j++;
  if (!isAsciiAlpha(html[j])) return null;
  const nameStart = j;
  while (j < html.length && !isHtmlSpace(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
  const name = html.slice(nameStart, j).toLowerCase();
  const attrs = new Map<string, string>();
  // Attributes: only their extent matters for safety (a '>' inside quotes does not end
  // the tag); a few are read to hide what the page hides.
  while (j < html.length) {
    while (j < html.length && (isHtmlSpace(html[j]) || html[j] === '/')) j++;
    if (j >= html.length || html[j] === '>') break;
    const attrStart = j;
    j++; // the first character, even '=', belongs to the name
    while (j < html.length && !isHtmlSpace(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
    const attrName = html.slice(attrStart, j).toLowerCase();
    while (j < html.length && isHtmlSpace(html[j])) j++;
    let value = '';
    if (html[j] === '=') {
      j++;
      while (j < html.length && isHtmlSpace(html[j])) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(j + 1, stop);
        j = stop + 1;
      } else {
        const valueStart = j;
        while (j < html.length && !isHtmlSpace(html[j]) && html[j] !== '>') j++;
        value = html.slice(valueStart, j);
      }
    }
    if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
  }
  return { name, end, attrs, next: Math.min(html.length, j + 1) };
}

/** Where the raw text of <name> ends: the start of its end tag (any letter case), or the end of input. */
function rawTextEnd(html: string, from: number, name: string): number {
  for (let k = html.indexOf('</', from); k !== -1; k = html.indexOf('</', k + 2)) {
    if (html.slice(k + 2, k + 2 + name.length).toLowerCase() !== name) continue;
    const after = html[k + 2 + name.length];
    if (after === undefined || isHtmlSpace(after) || after === '/' || after === '>') return k;
  }
  return html.length;
}

function hidesContent(tag: Tag): boolean {
  if (HIDDEN_CONTENT.has(tag.name)) return true;
  if (tag.attrs.has('hidden') || tag.attrs.get('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = tag.attrs.get('style')?.toLowerCase().replace(/\s+/g, '') ?? '';
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
  let title: string | undefined;
  let h1: string[] | null = null; // collecting the first <h1> while inside it
  let firstH1: string | undefined;
  let preDepth = 0;
  let skipLeadingNewline = false;
  // While hiding an element: its name and how deep we are in elements of that name.
  let hiding: { name: string; depth: number } | null = null;

  const text = (raw: string) => {
    if (hiding || raw === '') return;
    let decoded = decodeEntities(raw);
    if (preDepth > 0) {
      if (skipLeadingNewline && decoded.startsWith('\n')) decoded = decoded.slice(1);
      skipLeadingNewline = false;
      out.verbatim(decoded);
    } else {
      out.flow(decoded);
    }
    h1?.push(decoded);
  };

  const blockEdge = (name: string) => {
    if (PARAGRAPH.has(name)) out.block(2);
    else if (LINE.has(name)) out.block(1);
    else if (CELL.has(name)) out.cell();
  };

  html = html.replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    i = lt;

    if (html.startsWith('<!--', i)) {
      // "<!-->" and "<!--->" are complete (empty) comments.
      if (html.startsWith('<!-->', i)) i += 5;
      else if (html.startsWith('<!--->', i)) i += 6;
      else {
        const close = html.indexOf('-->', i + 4);
        i = close === -1 ? html.length : close + 3;
      }
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?' || (html[i + 1] === '/' && !isAsciiAlpha(html[i + 2]))) {
      // Doctype, CDATA, processing instructions and "</ >": bogus comments to the next '>'.
      const close = html.indexOf('>', i + 1);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const tag = readTag(html, i);
    if (!tag) {
      text('<');
      i++;
      continue;
    }
    i = tag.next;

    if (hiding) {
      if (tag.name === hiding.name && !VOID.has(tag.name)) {
        if (!tag.end && IMPLIED_END.has(tag.name) && hiding.depth === 1) {
          hiding = null; // "<li hidden>a<li>b": the second item closes the hidden one
        } else {
          hiding.depth += tag.end ? -1 : 1;
          if (hiding.depth === 0) hiding = null;
          if (RAW_TEXT.has(tag.name) && !tag.end) i = rawTextEnd(html, i, tag.name);
          continue;
        }
      } else if (IMPLIED_END.has(hiding.name) && hiding.depth === 1 && (PARAGRAPH.has(tag.name) || LINE.has(tag.name))) {
        hiding = null; // a block starts or its container ends: the hidden <p> or <li> is over
      } else {
        if (RAW_TEXT.has(tag.name) && !tag.end) i = rawTextEnd(html, i, tag.name);
        continue;
      }
    }

    if (tag.end) {
      if (PREFORMATTED.has(tag.name) && preDepth > 0) preDepth--;
      if (tag.name === 'h1' && h1) {
        firstH1 = h1.join('').replace(/\s+/g, ' ').trim() || undefined;
        h1 = null;
      }
      blockEdge(tag.name);
      continue;
    }

    if (RAW_TEXT.has(tag.name)) {
      const stop = rawTextEnd(html, i, tag.name);
      const raw = html.slice(i, stop);
      if (tag.name === 'title') {
        title ??= decodeEntities(raw).replace(/\s+/g, ' ').trim() || undefined;
      } else if (RAW_VISIBLE.has(tag.name) && !hidesContent(tag)) {
        blockEdge(tag.name);
        // textarea content is RCDATA (references decoded); xmp and plaintext are not.
        const content = tag.name === 'textarea' ? decodeEntities(raw) : raw;
        out.verbatim(content.startsWith('\n') ? content.slice(1) : content);
        blockEdge(tag.name);
      }
      // Skip past the end tag too, so it is not read as the end of something else.
      const close = stop < html.length ? html.indexOf('>', stop) : -1;
      i = close === -1 ? html.length : close + 1;
      continue;
    }

    if (!VOID.has(tag.name) && hidesContent(tag)) {
      hiding = { name: tag.name, depth: 1 };
      continue;
    }

    if (tag.name === 'br') {
      out.lineBreak();
      continue;
    }
    blockEdge(tag.name);
    if (PREFORMATTED.has(tag.name)) {
      preDepth++;
      skipLeadingNewline = true;
    }
    if (tag.name === 'h1' && firstH1 === undefined && h1 === null) h1 = [];
  }

  const result: HtmlText = { text: out.toString() };
  const t = title ?? firstH1;
  if (t) result.title = t;
  return result;
}

/** The charset a page declares in its first kilobyte (<meta charset> or http-equiv), if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m?.[1];
}
