import { Parser } from 'htmlparser2';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ServiceError } from '../../errors';

// Reads a DOCX the way any reader (a search tool, Word's own "save as text") would:
// every word in the body, the footnotes, the headers and footers and the document
// properties. The redaction proof runs on this, so it must not share code with
// the writer: it sees only the bytes.

/** The parts of a DOCX that hold words a reader sees. */
export type DocxParts = {
  body: string;
  /** Footnotes, endnotes and comments: text outside the body that Word shows beside it. */
  footnotes: string;
  /** Headers and footers, in the order of their part names. */
  furniture: string;
  /** Title, subject, keywords, author and the like (docProps/core.xml), then the application and custom properties. */
  properties: string;
};

/** No part of a brief comes near this; a larger one is not a brief, and unpacking it would only fill memory. */
const MAX_PART = 64 * 1024 * 1024;
const MAIN = 'word/document.xml';
const WANTED = /^(word\/(document|footnotes|endnotes|comments|header\d*|footer\d*)\.xml|docProps\/(core|app|custom)\.xml|\[Content_Types\]\.xml)$/;

function notDocx(why: string): ServiceError {
  return new ServiceError('bad_input', `The file is not a Word document (DOCX): ${why}. Open it in Word or export the brief again.`);
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(notDocx(`it is not a ZIP archive (${err?.message ?? 'unreadable'})`));
      else resolve(zip);
    });
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(notDocx(`its part ${entry.fileName} cannot be unpacked (${err?.message ?? 'no data'})`));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e: Error) => reject(notDocx(`its part ${entry.fileName} cannot be unpacked (${e.message})`)));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

/** The XML parts that carry text, by name. */
async function unzipParts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await openZip(buffer);
  const parts = new Map<string, string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(notDocx(`its ZIP directory is damaged (${e.message})`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        if (!WANTED.test(entry.fileName)) return zip.readEntry();
        if (entry.uncompressedSize > MAX_PART) return reject(notDocx(`its part ${entry.fileName} is ${entry.uncompressedSize} bytes, more than a brief holds`));
        readEntry(zip, entry).then((text) => {
          parts.set(entry.fileName, text);
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return parts;
}

/**
 * The words of one WordprocessingML part: text runs (w:t), tabs as a space, line
 * breaks and paragraph ends as newlines. Field codes (w:instrText) and deleted text
 * are not what a reader sees; a field's shown result (a page number) is.
 */
function wordText(xml: string): string {
  let out = '';
  let inText = false;
  let runDepth = 0;
  const parser = new Parser({
    onopentag(name) {
      if (name === 'w:r') runDepth++;
      else if (name === 'w:t') inText = true;
      // w:tab inside w:tabs is a tab stop's definition, not a tab in the text.
      else if (name === 'w:tab' && runDepth > 0) out += ' ';
      else if ((name === 'w:br' || name === 'w:cr') && runDepth > 0) out += '\n';
      else if (name === 'w:noBreakHyphen' && runDepth > 0) out += '-';
      // A note's marker (or a cross-reference's number) stands apart from the word it follows, as a reader sees it.
      else if (name === 'w:footnoteReference' || name === 'w:endnoteReference' || name === 'w:fldSimple') out += ' ';
    },
    ontext(text) {
      if (inText) out += text;
    },
    onclosetag(name) {
      if (name === 'w:r') runDepth = Math.max(0, runDepth - 1);
      else if (name === 'w:t') inText = false;
      else if (name === 'w:p') out += '\n';
      else if (name === 'w:fldSimple') out += ' ';
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
  return out;
}

/** Every element's text (core properties hold plain text elements). */
function elementText(xml: string): string {
  const out: string[] = [];
  const parser = new Parser({
    ontext(text) {
      if (text.trim() !== '') out.push(text.trim());
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
  return out.join('\n');
}

/** A DOCX's words by part; refuses a ZIP that is not a Word document. */
export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const parts = await unzipParts(buffer);
  const types = parts.get('[Content_Types].xml');
  if (types === undefined) throw notDocx('it has no [Content_Types].xml, so it is not an Office document');
  if (!types.includes('wordprocessingml.document.main+xml')) throw notDocx('its content types name no Word main document');
  const main = parts.get(MAIN);
  if (main === undefined) throw notDocx(`it has no ${MAIN}`);
  const named = (re: RegExp) => [...parts.keys()].filter((k) => re.test(k)).sort();
  return {
    body: wordText(main),
    footnotes: ['word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml'].map((k) => wordText(parts.get(k) ?? '')).join(''),
    furniture: named(/^word\/(header|footer)\d*\.xml$/).map((k) => wordText(parts.get(k)!)).join(''),
    properties: ['core', 'app', 'custom'].map((k) => elementText(parts.get(`docProps/${k}.xml`) ?? '')).filter((t) => t !== '').join('\n'),
  };
}

/** Everything a reader of the DOCX sees, body first, as one text (paragraphs on their own lines). */
export async function docxText(buffer: Buffer): Promise<string> {
  const p = await readDocx(buffer);
  return [p.body, p.footnotes, p.furniture, p.properties].join('\n');
}
