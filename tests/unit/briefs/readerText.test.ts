import { describe, expect, it } from 'vitest';
import { extractPdfText, renderBrief } from '../../../electron/services/briefs';
import { closeDocument, openDocument } from '../../../electron/services/briefs/document';
import { renderPdf } from '../../../electron/services/briefs/layout/renderPdf';
import { BRIEF_LANGS, briefJobs, type BriefJob } from './briefJobs';
import { confidentialCase, GENERATED_AT, MARK, prisonerCase, stressCases } from './fixtures';

// A public brief is proven clean on the text a reader would get out of its PDF. That text is now
// known as the PDF is written (layout/readerText: the glyphs drawn, read through the file's own
// ToUnicode maps) instead of being parsed back with pdf.js. Here every template, language and
// mode is read back with pdf.js too, and the two texts must hold the same characters in the same
// order: a run the tap missed, a page in the wrong order or a glyph read as another letter would
// show as a difference.

/** Every kind of brief the layout meets, and what a reader's proof must also see: an urgent action, a confidential case, the stress set. */
function jobs(): BriefJob[] {
  return [
    ...briefJobs(),
    ...BRIEF_LANGS.flatMap((lang): BriefJob[] => [
      { name: `urgent-${lang}`, cases: [prisonerCase()], opts: { template: 'urgent-action', lang } },
      { name: `confidential-${lang}`, cases: [confidentialCase()], opts: { template: 'case', lang, mode: 'internal' } },
    ]),
    { name: 'stress-kk', cases: stressCases(), opts: { template: 'multi', lang: 'kk', mode: 'internal' } },
  ];
}

/** What a text comparison of two readers may differ in: white space (where a line or run ends) and compatibility forms. */
const letters = (text: string) => text.normalize('NFKC').replace(/[\s\u0000]+/gu, '');

/** The text the brief check reads from a PDF when parsing it back (index.ts writtenText). */
async function readBack(data: Buffer): Promise<string> {
  const extracted = await extractPdfText(data);
  return [extracted.text, ...Object.values(extracted.info)].join('\n');
}

describe('the text of a brief known from its writing', () => {
  it('is what pdf.js reads back from the PDF, for every template, language and mode', async () => {
    for (const job of jobs()) {
      const rendered = await renderBrief(job.cases, null, { ...job.opts, generatedAt: GENERATED_AT });
      // Written again from the same document: the same bytes, now with the text the writing saw.
      const { buffer, readerText } = await renderPdf(rendered.document);
      expect(buffer.equals(rendered.data), job.name).toBe(true);
      expect(readerText, job.name).not.toBeNull();
      expect(letters(readerText!), job.name).toBe(letters(await readBack(buffer)));
    }
  }, 300_000);

  it('holds what only the PDF prints (page numbers, running headers, see-page notes), page by page as a reader meets it', async () => {
    const { document } = await renderBrief([confidentialCase()], null, { template: 'case', lang: 'en', mode: 'internal', generatedAt: GENERATED_AT });
    const { readerText, pages } = await renderPdf(document);
    const text = readerText!.split('\f');
    expect(pages).toBeGreaterThan(1);
    expect(text).toHaveLength(pages);
    text.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages}`));
    expect(readerText).toContain(MARK.lawyer);
  }, 60_000);

  it('is not known when text was drawn in a font it cannot follow, so the PDF is read back instead', async () => {
    const open = openDocument({ title: 'Helvetica', subject: 's', keywords: [], lang: 'en', mode: 'internal', generatedAt: GENERATED_AT, author: 'Casefile' });
    open.writer.doc.font('Helvetica').text('drawn in a standard font', 60, 100, { lineBreak: false });
    const { buffer, readerText } = await closeDocument(open, { title: 'Helvetica', right: '', pageLabel: 'Page {page} of {total}' });
    expect(readerText).toBeNull();
    expect((await extractPdfText(buffer)).text).toContain('drawn in a standard font');
  }, 60_000);
});
