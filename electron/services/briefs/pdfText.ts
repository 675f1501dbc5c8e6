import { readFile } from 'node:fs/promises';
import { loadPdfJs } from '../pdfjs';

export type PdfText = {
  /** All pages' text, pages separated by a form feed; lines end with "\n". */
  text: string;
  pages: number;
  /** The text of each page, in order. */
  pageTexts: string[];
  /** Title, Subject, Keywords and Author from the document information. */
  info: Record<string, string>;
};

type TextItem = { str: string; hasEOL: boolean };

/**
 * The text a reader (or a search engine) would get out of a PDF, through pdfjs-dist:
 * it ships with the app, unlike poppler's pdftotext, which users' machines lack.
 * Items come in content-stream order, so the text of one table cell stays together.
 */
export async function extractPdfText(input: string | Uint8Array): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
  // pdfjs takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const data = typeof input === 'string' ? new Uint8Array(await readFile(input)) : new Uint8Array(input);
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise;
    const pageTexts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const { str, hasEOL } = item as TextItem;
        text += str;
        // Items on one line without an end-of-line mark are separate runs (a header's
        // left and right parts); a space keeps their words from fusing.
        text += hasEOL ? '\n' : str === '' ? '' : ' ';
      }
      pageTexts.push(text);
      page.cleanup();
    }
    const meta = await pdf.getMetadata();
    const info: Record<string, string> = {};
    const rawInfo = (meta.info ?? {}) as Record<string, unknown>;
    for (const key of ['Title', 'Subject', 'Keywords', 'Author']) {
      const value = rawInfo[key];
      if (typeof value === 'string') info[key] = value;
    }
    return { text: pageTexts.join('\f'), pages: pdf.numPages, pageTexts, info };
  } finally {
    await task.destroy();
  }
}
