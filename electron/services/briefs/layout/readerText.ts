// The text a reader gets out of a brief, known as the brief is written instead of parsed back.
//
// A PDF reader (pdf.js, a search engine) reads a page's text as its content stream shows it: the
// glyphs of each text run, in the order they were drawn on that page, each turned back into
// characters through the font's ToUnicode map. pdfkit writes that map from the characters it
// recorded for each glyph as it encoded the glyph the first time in the document (EmbeddedFont's
// `unicode`). So the glyphs pdfkit encoded, per page in drawing order, read through those same
// recorded characters once the document is done, are what the reader reads — with no PDF to parse
// (pdf.js took a third of a warm brief and most of its garbage). Runs are joined by a line break and
// pages by a form feed, as extractPdfText joins them; the proof compares with white space folded.
// Anything drawn some other way (a font without that map) makes the tap give up (null), and the
// brief is then read back with pdf.js as before. A test reads every template back both ways.

/** What of pdfkit's embedded font the tap reads (pdfkit ships no types for it). */
type EmbeddedFont = { encode: (text: string, features?: unknown) => [string[], unknown[]]; unicode?: unknown };
type Fragment = (this: TappedDocument, text: string, x: number, y: number, options: unknown) => unknown;
type TappedDocument = { _fragment: Fragment; _font: EmbeddedFont | null; page: object; _pageBuffer?: object[]; _pageBufferStart?: number; info: Record<string, unknown> };

/** One run of glyphs as drawn: the font, the page it is on (its number), and its glyphs' ids in that font's subset (hex, as the stream holds them). */
type Run = { font: EmbeddedFont; page: number; words: string[][] };

const READ_INFO = ['Title', 'Subject', 'Keywords', 'Author'] as const;

/**
 * Starts recording the text `doc` draws; call the returned function once the document has ended:
 * the text a reader would extract, then the information fields a reader shows (as writtenText reads
 * them), or null when some run could not be followed.
 */
export function tapReaderText(doc: PDFKit.PDFDocument): () => string | null {
  const d = doc as unknown as TappedDocument;
  const runs: Run[] = [];
  let lost = false;
  const fragment = d._fragment;
  if (typeof fragment !== 'function') return () => null;
  d._fragment = function (this: TappedDocument, text, x, y, options) {
    const font = this._font;
    // A font whose encode is its own (not its class's) could not be given back as it was: not followed.
    if (!font || typeof font.encode !== 'function' || !Array.isArray(font.unicode) || Object.hasOwn(font, 'encode')) {
      lost = true;
      return fragment.call(this, text, x, y, options);
    }
    // Pages stay buffered (bufferPages) until the document ends: a page's number is its place in the buffer.
    const page = (this._pageBufferStart ?? NaN) + (this._pageBuffer?.indexOf(this.page) ?? -1);
    if (!(page >= 0)) {
      lost = true;
      return fragment.call(this, text, x, y, options);
    }
    // A justified line is encoded word by word (its spaces become gaps): each word is a piece.
    const run: Run = { font, page, words: [] };
    const encode = font.encode;
    font.encode = function (this: EmbeddedFont, t, features) {
      const encoded = encode.call(this, t, features);
      run.words.push(encoded[0]);
      return encoded;
    };
    try {
      return fragment.call(this, text, x, y, options);
    } finally {
      delete (font as Partial<EmbeddedFont>).encode;
      runs.push(run);
    }
  };

  return () => {
    if (lost) return null;
    const pages: string[][] = [];
    for (const run of runs) {
      const unicode = run.font.unicode as Array<number[] | undefined>;
      const words: string[] = [];
      for (const word of run.words) {
        let text = '';
        for (const hex of word) {
          const codePoints = unicode[parseInt(hex, 16)];
          if (!codePoints) return null;
          text += String.fromCodePoint(...codePoints);
        }
        words.push(text);
      }
      (pages[run.page] ??= []).push(words.join(' '));
    }
    const info = READ_INFO.map((key) => d.info[key]).filter((v): v is string => typeof v === 'string');
    return [Array.from(pages, (lines = []) => lines.map((l) => `${l}\n`).join('')).join('\f'), ...info].join('\n');
  };
}
