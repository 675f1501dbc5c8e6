// OCR on page images rendered here from known text (tests/helpers/ocrPages): word
// accuracy per language on clean 300 dpi renders, a scanned PDF's pages and their word
// boxes, Cancel, and sources.reread of a stored photo through the dispatcher. OCR takes
// seconds per page on two cores: few tests, generous timeouts, no time asserted.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { runningJobs } from '../../../electron/services/isolation/runJob';
import { ocrOriginal } from '../../../electron/services/ocr/ocrOriginal';
import type { Progress } from '../../../shared/contract';
import { PageLayout } from '../../../shared/model/pageLayout';
import { pageStarts } from '../../../shared/text/pages';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { multiPageTiff, renderTextPage, SAMPLE_TEXT, scannedPdf, wordAccuracy } from '../../helpers/ocrPages';

const OCR_TIMEOUT = 180_000;
const ALL = ['kk', 'ru', 'en'] as const;

describe('ocrOriginal', () => {
  it('reads clean 300 dpi pages of Kazakh, Russian and English with at least 95 % of words right', { timeout: OCR_TIMEOUT }, async () => {
    const figures: Record<string, number> = {};
    for (const lang of ALL) {
      const png = renderTextPage(SAMPLE_TEXT[lang]);
      const result = await ocrOriginal(png, { format: 'image', mediaType: 'image/png', langs: [...ALL], pages: [] });
      expect(result.pages).toHaveLength(1);
      expect(result.warnings).toEqual([]);
      const text = result.pages[0]!;
      figures[lang] = wordAccuracy(SAMPLE_TEXT[lang], text);
      // Every word box points at its word in the page's text, on the page.
      const { width, height, boxes } = result.layout[0]!;
      expect([width, height]).toEqual([2480, 3508]);
      expect(boxes.map(([s, e]) => text.slice(s, e)).join(' ')).toBe(text.split(/\s+/).filter(Boolean).join(' '));
      for (const [, , x, y, w, h] of boxes) expect(x + w <= 1 && y + h <= 1 && w > 0 && h > 0).toBe(true);
      if (lang === 'kk') {
        expect(text).toBe(text.normalize('NFC'));
        for (const letter of 'әғқңөұүһі') expect(text.toLowerCase(), `the Kazakh letter ${letter}`).toContain(letter);
      }
    }
    console.log(`OCR word accuracy: ${ALL.map((l) => `${l} ${(figures[l]! * 100).toFixed(1)} %`).join(', ')}`);
    for (const lang of ALL) expect(figures[lang], lang).toBeGreaterThanOrEqual(0.95);
  });

  it('reads each page of a scanned PDF, with progress per page and word boxes on the page they are on', { timeout: OCR_TIMEOUT }, async () => {
    const pdf = await scannedPdf([renderTextPage(SAMPLE_TEXT.kk), renderTextPage(SAMPLE_TEXT.en)]);
    const progress: Progress[] = [];
    const result = await ocrOriginal(pdf, { format: 'pdf', mediaType: 'application/pdf', langs: ['kk', 'en'], pages: [] }, { onProgress: (p) => progress.push(p) });
    expect(result.pages).toHaveLength(2);
    expect(wordAccuracy(SAMPLE_TEXT.kk, result.pages[0]!)).toBeGreaterThanOrEqual(0.95);
    expect(wordAccuracy(SAMPLE_TEXT.en, result.pages[1]!)).toBeGreaterThanOrEqual(0.95);
    expect(progress.map((p) => [p.done, p.total])).toEqual([[0, 2], [1, 2], [2, 2]]);

    // "Supreme" is the second word of page 2's first line: near the top left of page 2, and on page 1 nowhere.
    const [page1, page2] = result.layout;
    const at = result.pages[1]!.indexOf('Supreme');
    expect(at).toBeGreaterThan(0);
    const box = page2!.boxes.find(([s, e]) => s === at && e === at + 'Supreme'.length);
    expect(box).toBeDefined();
    const [, , x, y, w, h] = box!;
    expect(x).toBeGreaterThan(0.1);
    expect(x + w).toBeLessThan(0.5);
    expect(y).toBeGreaterThan(0.05);
    expect(y + h).toBeLessThan(0.15);
    expect(page1!.boxes.some(([s, e]) => result.pages[0]!.slice(s, e) === 'Supreme')).toBe(false);
    // The page's size from the PDF at 300 dpi: A4 (595.28 × 841.89 pt).
    expect([page2!.width, page2!.height]).toEqual([2481, 3508]);

    // Only the pages asked for.
    const second = await ocrOriginal(pdf, { format: 'pdf', mediaType: 'application/pdf', langs: ['en'], pages: [2] });
    expect(second.pages).toHaveLength(1);
    expect(second.pages[0]).toContain('Supreme Court');
    await expect(ocrOriginal(pdf, { format: 'pdf', mediaType: 'application/pdf', langs: ['en'], pages: [3] })).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/2 pages; there is no page 3/) });
  });

  it('stops when cancelled mid-run and answers cancelled', { timeout: OCR_TIMEOUT }, async () => {
    const pdf = await scannedPdf([renderTextPage(SAMPLE_TEXT.ru), renderTextPage(SAMPLE_TEXT.ru), renderTextPage(SAMPLE_TEXT.ru)]);
    const controller = new AbortController();
    const progress: Progress[] = [];
    const run = ocrOriginal(pdf, { format: 'pdf', mediaType: 'application/pdf', langs: ['ru'], pages: [] }, {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        // One page is read; the next is being drawn or recognised: cancel now.
        if (p.done === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress.map((p) => p.done)).toEqual([0, 1]);
    expect(runningJobs(), 'no page is still being drawn').toBe(0);
  });
});

describe('images OCR cannot or need not read whole', () => {
  it('reads the first page of a multi-page TIFF and says the others were not read', { timeout: OCR_TIMEOUT }, async () => {
    const tiff = multiPageTiff(['Page one of the scanned verdict.', 'Page two of the scanned verdict.'], { page: { width: 1240, height: 600 } });
    const result = await ocrOriginal(tiff, { format: 'image', mediaType: 'image/tiff', langs: ['en'], pages: [] });
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]).toContain('Page one of the scanned verdict.');
    expect(result.warnings).toEqual([expect.stringMatching(/holds 2 pages; only the first was read/)]);
    expect([result.layout[0]!.width, result.layout[0]!.height]).toEqual([1240, 600]);
  });

  it('refuses an image too large to decode, and one that is not an image, saying what to do', { timeout: OCR_TIMEOUT }, async () => {
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(header);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(30_000, 16);
    header.writeUInt32BE(30_000, 20);
    await expect(ocrOriginal(header, { format: 'image', mediaType: 'image/png', langs: ['en'], pages: [] })).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/30,000 × 30,000 pixels.*Scale it down/) });
    await expect(ocrOriginal(Buffer.from('not an image at all'), { format: 'image', mediaType: 'image/png', langs: ['en'], pages: [] })).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/OCR could not read this image/) });
  });
});

describe('sources.reread of a photo', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: CaseStore | undefined;
  let dispatch: Dispatch;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    store = await CaseStore.open(dir);
    dispatch = createDispatcher(createHandlers(store));
  });
  afterEach(async () => {
    await store?.close();
    await cleanup();
  });

  it('reads it by OCR in the languages asked for and keeps the word layout for the text it returns', { timeout: OCR_TIMEOUT }, async () => {
    const png = renderTextPage(SAMPLE_TEXT.kk);
    const stored = await store!.originals.put([png], { name: 'verdict.png' });
    const file = { sha256: stored.sha256, name: 'verdict.png', mediaType: 'image/png', size: stored.size, addedAt: '2026-12-07T06:00:00.000Z', textBy: 'typed' as const };
    const created = await dispatch('cases.create', { case: prisonerDraft({ sources: [{ id: 's1', title: 'Verdict', kind: 'court_document', text: '', file }] }) });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const caseId = created.value.id;

    const reread = await dispatch('sources.reread', { caseId, sourceId: 's1', ocrLangs: ['kk'] });
    if (!reread.ok) throw new Error(reread.error.message);
    const { text } = reread.value;
    expect(reread.value).toMatchObject({ format: 'image', file: { ...file, textBy: 'ocr', pages: 1 } });
    expect(wordAccuracy(SAMPLE_TEXT.kk, text)).toBeGreaterThanOrEqual(0.95);
    expect(pageStarts(text)).toEqual([0]);

    // Nothing in the case changed: the layout is for the new text, stale for the old.
    expect(await dispatch('sources.layout', { caseId, sourceId: 's1' })).toMatchObject({ ok: true, value: { layout: null, stale: true } });
    const current = await dispatch('cases.get', { id: caseId });
    if (!current.ok) throw new Error(current.error.message);
    const updated = await dispatch('cases.update', { id: caseId, baseRev: current.value.rev, case: { ...current.value, sources: current.value.sources.map((s) => ({ ...s, text, file: reread.value.file })) } });
    if (!updated.ok) throw new Error(JSON.stringify(updated.error));
    const layout = await dispatch('sources.layout', { caseId, sourceId: 's1' });
    if (!layout.ok || !layout.value.layout) throw new Error('no layout after saving the OCR text');
    const pages = PageLayout.parse(layout.value.layout).pages;
    expect(pages).toHaveLength(1);
    const word = 'Жоғарғы';
    const box = pages[0]!.boxes.find(([s, e]) => text.slice(s, e) === word);
    expect(box, `a box for ${word}`).toBeDefined();
  });
});
