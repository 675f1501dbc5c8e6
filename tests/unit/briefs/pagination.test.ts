import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import type { BriefLang, BriefTemplate } from '../../../shared/model/brief';
import { extractPdfText, renderBrief } from '../../../electron/services/briefs';
import { closeDocument, openDocument } from '../../../electron/services/briefs/document';
import { table } from '../../../electron/services/briefs/layout/table';
import { lineHeight, THEME } from '../../../electron/services/briefs/layout/text';
import type { Writer } from '../../../electron/services/briefs/layout/writer';
import { GENERATED_AT, stressCases } from './fixtures';
import { misplacedNotes, outPath, renderPngs, squash, strandedAtFoot, textBoxes } from './pdfTools';

// Page breaks a reader would object to: a footnote on another page than its marker,
// a quote torn from its comment, a heading or a table header alone at a page's foot,
// a word cut in two without a hyphen.

const TABLE_HEADERS = ['Date', 'Дата', 'Test', 'Критерий', 'No.', '№', 'Breakdown', 'Разбивка'];

/** A bare document to drive the layout directly, as the templates do. */
async function sketch(name: string, draw: (w: Writer) => void): Promise<string> {
  const open = openDocument({ title: name, subject: name, keywords: [], lang: 'en', mode: 'internal', generatedAt: GENERATED_AT, author: 'Casefile' });
  draw(open.writer);
  const { buffer } = await closeDocument(open, { title: name, right: 'test', pageLabel: 'Page {page} of {total}' });
  const file = outPath(`${name}.pdf`);
  writeFileSync(file, buffer);
  return file;
}

describe('the stress case, every template that quotes, in both languages', () => {
  const [prisoner] = stressCases() as [CaseFile];
  const runs: [BriefTemplate, BriefLang][] = [['case', 'en'], ['case', 'ru'], ['wgad', 'en'], ['wgad', 'ru']];
  const out = new Map<string, { file: string; pageTexts: string[] }>();

  beforeAll(async () => {
    for (const [template, lang] of runs) {
      const file = outPath(`stress-${template}-${lang}-internal.pdf`);
      await renderBrief([prisoner], file, { template, lang, mode: 'internal', generatedAt: GENERATED_AT });
      out.set(`${template}-${lang}`, { file, pageTexts: (await extractPdfText(file)).pageTexts });
      renderPngs(file);
    }
  }, 120_000);

  it.each(runs)('puts each footnote on the page of its marker (%s, %s)', (template, lang) => {
    const { pageTexts } = out.get(`${template}-${lang}`)!;
    expect(pageTexts.some((p) => /\[1\] *$/m.test(p))).toBe(true);
    expect(misplacedNotes(pageTexts)).toEqual([]);
  });

  it.each(runs)('leaves no heading or table header alone at the foot of a page (%s, %s)', async (template, lang) => {
    expect(strandedAtFoot(await textBoxes(out.get(`${template}-${lang}`)!.file), TABLE_HEADERS)).toEqual([]);
  });

  it('footnotes a source once in full, then refers back to it', () => {
    const { pageTexts } = out.get('case-en')!;
    // Changed on purpose (issue 14): the annex lists the source again, with its address; the notes name it once.
    const all = pageTexts.join('\n');
    const text = all.slice(0, all.indexOf('Annex: sources cited'));
    const url = 'https://www.azattyq.org/a/very-long-article-slug-that-goes-on-and-on-29876543.html';
    // 13 annotations quote this source: one full note, with the URL once, and short references after.
    expect(text.replace(/\s+/g, '').split(url).length - 1).toBe(1);
    expect(text.match(/^\[1\] Source: /gm)).toHaveLength(1);
    const fullPage = pageTexts.findIndex((p) => /^\[1\] Source: /m.test(p)) + 1;
    const later = pageTexts.slice(fullPage).filter((p) => /\[1\] *$/m.test(p));
    expect(later.length).toBeGreaterThan(0);
    for (const page of later) expect(page).toContain(`[1] Ақын Гүлнар Әбдірахманова ұсталды — full reference on page ${fullPage}`);
    // Every one of the 13 comments carries the same number.
    for (let k = 0; k <= 11; k++) expect(squash(text)).toContain(`Comment ${k}: this confirms the arrest date. [1]`);
  });

  it('keeps each quote on the page of its comment', () => {
    for (const { pageTexts } of out.values()) {
      for (const page of pageTexts) {
        const comment = page.search(/Comment \d+: this confirms/);
        if (comment >= 0) expect(page.slice(0, comment)).toMatch(/[“«]ақын Гүлнар/);
      }
    }
  });
});

describe('the layout rules, driven directly', () => {
  it('moves a table header to the next page with its first row when the row does not fit under it', async () => {
    const tall = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of a long record.`).join('\n');
    const file = await sketch('header-with-row', (w) => {
      w.block([{ text: 'Filler paragraph.' }]);
      w.y = w.limit - 5 * lineHeight(THEME.body); // room for the header and a few lines, not the row
      table(w, [{ header: 'Date', width: 0.2 }, { header: 'Details', width: 0.8 }], [['2024', tall]]);
    });
    const boxes = await textBoxes(file);
    const header = boxes.find((b) => b.str === 'Date')!;
    const row = boxes.find((b) => b.str.startsWith('Line 1 '))!;
    expect(header.page).toBe(2);
    expect(row.page).toBe(2);
  });

  it('moves a heading to the next page with the block that follows it', async () => {
    const file = await sketch('heading-keeps', (w) => {
      w.block([{ text: 'Filler paragraph.' }]);
      w.y = w.limit - 4 * lineHeight(THEME.body);
      w.heading('Annotated evidence');
      w.block([{ text: Array.from({ length: 8 }, (_, i) => `Quoted line ${i + 1}`).join('\n') }], { keepTogether: true });
    });
    const boxes = await textBoxes(file);
    expect(boxes.find((b) => b.str === 'Annotated evidence')!.page).toBe(2);
    expect(boxes.find((b) => b.str === 'Quoted line 1')!.page).toBe(2);
    expect(strandedAtFoot(boxes, TABLE_HEADERS)).toEqual([]);
  });

  it('keeps a block and its footnote together, the note at the foot of the marker’s page', async () => {
    const file = await sketch('note-with-block', (w) => {
      w.block([{ text: 'Filler paragraph.' }]);
      // The block fits above the foot; block and note together do not.
      w.y = w.limit - 4 * lineHeight(THEME.body);
      const n = w.cite({ key: 's', full: (k) => [{ text: `[${k}] Source: ${'a long citation '.repeat(30)}` }], short: (k, p) => [{ text: `[${k}] see page ${p}` }] });
      w.block([{ text: 'Quoted words' }, { text: `The comment. [${n}]`, notes: [n] }, { text: '#tag' }], { keepTogether: true });
    });
    const texts = (await extractPdfText(file)).pageTexts;
    expect(texts[0]).not.toContain('Quoted words');
    expect(texts[1]).toContain('Quoted words');
    expect(misplacedNotes(texts)).toEqual([]);
  });

  it('widens a narrow column for its longest word, shrinks a cell whose word still does not fit, and hyphenates only as a last resort', async () => {
    const giant = 'Непропорциональностьнепропорциональностьнепропорциональность';
    const file = await sketch('narrow-columns', (w) => {
      table(w, [{ header: '№', width: 0.06 }, { header: 'Дело', width: 0.82 }, { header: 'Статус', width: 0.12 }], [['1', 'Дело о приостановлении', 'Мониторинг']], { size: THEME.small });
      table(w, [{ header: 'A', width: 0.5 }, { header: 'B', width: 0.5 }, { header: 'C', width: 0.5 }, { header: 'D', width: 0.5 }, { header: 'E', width: 0.5 }], [['Государственный', 'Мониторинговый', 'Правозащитный', 'Конституционный', 'Приостановление']]);
      table(w, [{ header: 'X', width: 0.04 }, { header: 'Y', width: 0.96 }], [[giant, 'y']]);
    });
    const items = (await extractPdfText(file)).text.split(/\n| (?=\S)/).map((s) => s.trim());
    for (const word of ['Мониторинг', 'Государственный', 'Мониторинговый', 'Правозащитный', 'Конституционный', 'Приостановление']) expect(items).toContain(word);
    // The word no cell could hold is cut with visible hyphens, and nothing of it is lost.
    const pieces = items.filter((s) => giant.includes(s.replace(/-$/, '')) && s.length > 1);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/-$/);
    expect(pieces.map((p) => p.replace(/-$/, '')).join('')).toBe(giant);
  });
});
