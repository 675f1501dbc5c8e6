import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceIntakeResult } from '../../../shared/contract';
import { PageLayout } from '../../../shared/model/pageLayout';
import { pageAt, pageStarts } from '../../../shared/text/pages';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { setLimits } from '../../../electron/services/isolation/limits';
import { setOcrRunner, type OcrRequest } from '../../../electron/services/sources/ocrHook';
import { bombPdf, manyPagesPdf } from '../../helpers/hostileFiles';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { bombDocx, drawing, FONT, jpegHeader, makeDocx, makeJpeg, makePdf, pngHeader, withExif } from './originalFixtures';

// Originals added as the window and the command line add them (sources.intake through the
// dispatcher, read in the worker): what is stored, the layout kept beside it, the seam
// where OCR plugs in, and every bad input refused with nothing stored.

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sources.intake by format', () => {
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
    setOcrRunner(undefined);
    setLimits();
    await store?.close();
    await cleanup();
  });

  async function intake(fileName: string, bytes: Uint8Array, extra: Record<string, unknown> = {}): Promise<SourceIntakeResult> {
    const result = await dispatch('sources.intake', { fileName, dataBase64: Buffer.from(bytes).toString('base64'), ...extra });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  async function refused(fileName: string, bytes: Uint8Array): Promise<string> {
    const result = await dispatch('sources.intake', { fileName, dataBase64: Buffer.from(bytes).toString('base64') });
    if (result.ok) throw new Error(`${fileName} was read`);
    expect(result.error.code).toBe('bad_input');
    expect(await stored()).toEqual([]);
    return result.error.message;
  }

  async function stored(): Promise<string[]> {
    const top = await readdir(path.join(dir, 'files')).catch(() => [] as string[]);
    const all = await Promise.all(top.map((d) => readdir(path.join(dir, 'files', d)).catch(() => [] as string[])));
    return all.flat().filter((f) => !f.startsWith('.'));
  }

  async function layoutOf(sha256: string): Promise<PageLayout> {
    return PageLayout.parse(await store!.originals.readDerived(sha256, 'layout'));
  }

  it('a two-page PDF: pages joined by a form feed, page count kept, and every text run boxed where it lies on its page', async () => {
    const pdf = await makePdf((doc) => {
      doc.font(FONT).fontSize(12).text('Үкім Алматы қаласында шығарылды.', 72, 72);
      doc.text('Суд признал вину доказанной.', 72, 88);
      doc.addPage();
      doc.font(FONT).fontSize(12).text('Appeal upheld.', 300, 400);
    });
    const out = await intake('verdict.pdf', pdf);
    expect(out.text).toBe('Үкім Алматы қаласында шығарылды.\nСуд признал вину доказанной.\fAppeal upheld.');
    expect(out.file).toMatchObject({ mediaType: 'application/pdf', pages: 2, textBy: 'embedded' });
    expect(await stored()).toEqual([`${out.file.sha256}.bin`, `${out.file.sha256}.layout.json`]);

    const layout = await layoutOf(out.file.sha256);
    expect(layout.textSha256).toBe(sha(out.text));
    expect(layout.pages).toHaveLength(2);
    expect(layout.pages[0]).toMatchObject({ width: expect.closeTo(595.28, 1), height: expect.closeTo(841.89, 1) });
    // The runs cover the text of their own page exactly.
    layout.pages.forEach((page, i) => {
      expect(page.boxes.length).toBeGreaterThan(0);
      const covered = page.boxes.map(([s, e]) => out.text.slice(s, e)).join('');
      expect(covered.replace(/\s/g, '')).toBe(out.text.split('\f')[i]!.replace(/\s/g, ''));
      for (const [s, e] of page.boxes) {
        expect(pageAt(out.text, s)).toBe(i + 1);
        expect(pageAt(out.text, e - 1)).toBe(i + 1);
      }
    });
    // Where pdfkit drew them: 72 pt from the left and the top on page 1, (300, 400) on page 2; origin top left.
    const [, , x1, y1, w1, h1] = layout.pages[0]!.boxes[0]!;
    expect(x1).toBeCloseTo(72 / 595.28, 2);
    expect(y1).toBeGreaterThan(60 / 841.89);
    expect(y1).toBeLessThan(90 / 841.89);
    expect(w1).toBeGreaterThan(0.2);
    expect(h1).toBeCloseTo(12 / 841.89, 2);
    const second = layout.pages[0]!.boxes.find(([s]) => s >= out.text.indexOf('Суд'))!;
    expect(second[3]).toBeGreaterThan(y1); // lower on the page
    const [s2, , x2, y2] = layout.pages[1]!.boxes[0]!;
    expect(s2).toBe(pageStarts(out.text)[1]);
    expect(x2).toBeCloseTo(300 / 595.28, 2);
    expect(y2).toBeGreaterThan(390 / 841.89);
    expect(y2).toBeLessThan(410 / 841.89);

    // Saved with the case, the layout is the one for its text.
    const created = await dispatch('cases.create', { case: prisonerDraft({ sources: [{ id: 's1', title: 'Verdict', kind: 'court_document', text: out.text, file: out.file }] }) });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const viewed = await dispatch('sources.layout', { caseId: created.value.id, sourceId: 's1' });
    expect(viewed).toEqual({ ok: true, value: { layout, stale: false } });
  });

  it('a Word .docx: its text, its media type, no pages and no layout', async () => {
    const out = await intake('appeal.docx', await makeDocx('Шағым', ['Өтініш беруші: Әділет Серікұлы.', 'Прошу отменить приговор.', 'Signed in Almaty.']));
    expect(out).toMatchObject({ format: 'docx', title: 'Шағым', text: 'Шағым\n\nӨтініш беруші: Әділет Серікұлы.\n\nПрошу отменить приговор.\n\nSigned in Almaty.' });
    expect(out.file).toMatchObject({ mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', textBy: 'embedded' });
    expect(out.file.pages).toBeUndefined();
    expect(await stored()).toEqual([`${out.file.sha256}.bin`]);
  });

  it('a scanned PDF goes to OCR for the pages without text; OCR’s pages and boxes take their places', async () => {
    const requests: OcrRequest[] = [];
    setOcrRunner(async (bytes, req) => {
      requests.push(req);
      expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      return {
        pages: req.pages.map((n) => `Бет ${n} сканер`),
        layout: req.pages.map(() => ({ width: 2480, height: 3508, boxes: [[0, 3, 0.1, 0.1, 0.05, 0.01], [6, 12, 0.2, 0.1, 0.1, 0.01]] as [number, number, number, number, number, number][] })),
        warnings: ['OCR read 1 page.'],
      };
    });
    const pdf = await makePdf((doc) => {
      doc.font(FONT).fontSize(12).text('Бірінші бет.');
      doc.addPage();
      drawing(doc);
      doc.addPage();
      doc.font(FONT).fontSize(12).text('Үшінші бет.');
    });
    const out = await intake('mixed.pdf', pdf, { ocrLangs: ['kk', 'ru'] });
    expect(requests).toEqual([{ format: 'pdf', mediaType: 'application/pdf', langs: ['kk', 'ru'], pages: [2] }]);
    expect(out.text).toBe('Бірінші бет.\fБет 2 сканер\fҮшінші бет.');
    expect(out.file).toMatchObject({ textBy: 'ocr', pages: 3 });
    expect(out.warnings).toEqual(['OCR read 1 page.']);
    const layout = await layoutOf(out.file.sha256);
    expect(layout.textSha256).toBe(sha(out.text));
    const start2 = pageStarts(out.text)[1]!;
    expect(layout.pages[1]).toEqual({ width: 2480, height: 3508, boxes: [[start2, start2 + 3, 0.1, 0.1, 0.05, 0.01], [start2 + 6, start2 + 12, 0.2, 0.1, 0.1, 0.01]] });
    expect(out.text.slice(start2 + 6, start2 + 12)).toBe('сканер');
    expect(layout.pages[2]!.boxes[0]![0]).toBe(pageStarts(out.text)[2]);
  });

  it('a photo goes to OCR in all three languages by default, with its metadata; a photo without writing gives an empty text and says so', async () => {
    const requests: OcrRequest[] = [];
    setOcrRunner(async (_bytes, req) => {
      requests.push(req);
      return { pages: [''], layout: [{ width: 320, height: 240, boxes: [] }], warnings: [] };
    });
    const photo = withExif(makeJpeg(), { make: 'Apple', model: 'iPhone 13', dateTimeOriginal: '2026:12:01 18:00:00', offset: '+05:00' });
    const out = await intake('bruise.jpg', photo);
    expect(requests).toEqual([{ format: 'image', mediaType: 'image/jpeg', langs: ['kk', 'ru', 'en'], pages: [1] }]);
    expect(out).toMatchObject({ text: '', format: 'image', metadata: { camera: 'Apple iPhone 13', takenAt: '2026-12-01T18:00:00+05:00' } });
    expect(out.file).toMatchObject({ mediaType: 'image/jpeg', textBy: 'ocr', pages: 1 });
    expect(out.warnings).toEqual([expect.stringMatching(/^No text was recognised in “bruise\.jpg”; the source's text is empty/)]);
    expect(await stored()).toEqual([`${out.file.sha256}.bin`]); // no words, no layout
  });

  it('without OCR, a photo or a whole scan is refused saying so, and nothing is stored', async () => {
    setOcrRunner(undefined); // a build without OCR (the handler table registers the real one)
    expect(await refused('photo.jpg', makeJpeg())).toMatch(/^“photo\.jpg” is a photo or a scan: its text can only be read by OCR, which is not available/);
    expect(await refused('scan.pdf', await makePdf(drawing))).toMatch(/^“scan\.pdf”: This PDF has no text layer/);
  });

  it('sources.reread reads a stored photo again with the OCR languages asked for; nothing is stored anew', async () => {
    const langs: string[][] = [];
    setOcrRunner(async (_bytes, req) => {
      langs.push(req.langs);
      const text = req.langs.includes('ru') ? 'Приговор' : 'Үкім';
      return { pages: [text], layout: [{ width: 320, height: 240, boxes: [[0, text.length, 0.1, 0.2, 0.5, 0.1]] }], warnings: [] };
    });
    const first = await intake('verdict.png', pngHeader(320, 240), { ocrLangs: ['ru'] });
    expect(first.text).toBe('Приговор');
    const created = await dispatch('cases.create', { case: prisonerDraft({ sources: [{ id: 's1', title: 'Verdict', kind: 'court_document', text: first.text, file: first.file }] }) });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const before = await stored();
    const again = await dispatch('sources.reread', { caseId: created.value.id, sourceId: 's1', ocrLangs: ['kk'] });
    if (!again.ok) throw new Error(again.error.message);
    expect(langs).toEqual([['ru'], ['kk']]);
    expect(again.value).toMatchObject({ text: 'Үкім', format: 'image', file: { ...first.file, textBy: 'ocr', pages: 1 } });
    expect(await stored()).toEqual(before);
    // The layout now belongs to the re-read text: stale for the case until that text is saved, then current.
    expect((await layoutOf(first.file.sha256)).textSha256).toBe(sha('Үкім'));
    expect(await dispatch('sources.layout', { caseId: created.value.id, sourceId: 's1' })).toEqual({ ok: true, value: { layout: null, stale: true } });
  });

  describe('bad input: refused with what and why, nothing stored', () => {
    it('a ZIP called .pdf', async () => {
      const zipBytes = Buffer.from('504b0304140000000000000000000000000000000000000000000000000000', 'hex');
      expect(await refused('appeal.pdf', zipBytes)).toMatch(/^“appeal\.pdf” is a ZIP archive, not a PDF/);
    });

    it('a broken PDF and a password-protected one', async () => {
      const good = await makePdf((doc) => doc.font(FONT).text('Үкім'));
      expect(await refused('broken.pdf', good.subarray(0, 200))).toMatch(/not a readable PDF \(it may be damaged or only partly downloaded\)/);
      const locked = await makePdf((doc) => doc.font(FONT).text('құпия'), { userPassword: 'secret', pdfVersion: '1.7' });
      expect(await refused('locked.pdf', locked)).toMatch(/^This PDF is protected by a password\. Remove the protection/);
    });

    it('a 10,000-page PDF', async () => {
      expect(await refused('court-file.pdf', manyPagesPdf(10_000))).toMatch(/^This PDF has 10,000 pages; Casefile reads at most 5,000 pages from one file \(the page limit\)\. Split the PDF/);
    });

    it('a decompression bomb stops at the worker’s memory limit', async () => {
      setLimits({ sourceRssMb: 256 });
      expect(await refused('bomb.pdf', await bombPdf(384))).toMatch(/^Reading "bomb\.pdf" needed more than the memory limit of 256 MiB and was stopped; nothing was changed\./);
    });

    it('a .docx that inflates to hundreds of MiB stops at the same limit', async () => {
      setLimits({ sourceRssMb: 256 });
      const bomb = await bombDocx(512);
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024); // the RSS watch (256) or the heap limit (1024), whichever the inflating hits first
      expect(await refused('appeal.docx', bomb)).toMatch(/^Reading "appeal\.docx" needed more than the memory limit of (256|1024) MiB and was stopped; nothing was changed\./);
    });

    it('a 30,000 × 30,000 image, PNG or JPEG', async () => {
      expect(await refused('huge.png', pngHeader(30_000, 30_000))).toMatch(/^The image “huge\.png” is 30,000 × 30,000 pixels .*Save it at a lower resolution/);
      expect(await refused('huge.jpg', jpegHeader(30_000, 30_000))).toMatch(/^The image “huge\.jpg” is 30,000 × 30,000 pixels/);
    });

    it('a JPEG cut off before its size is refused; one cut in its picture is read with a warning', async () => {
      const whole = makeJpeg(640, 480);
      expect(await refused('stub.jpg', whole.subarray(0, 12))).toMatch(/it ends before its image size is given/);
      setOcrRunner(async () => ({ pages: ['Үкім'], layout: [{ width: 640, height: 480, boxes: [[0, 4, 0.1, 0.1, 0.2, 0.05]] }], warnings: [] }));
      const out = await intake('half.jpg', whole.subarray(0, Math.floor(whole.length / 2)));
      expect(out.text).toBe('Үкім');
      expect(out.warnings).toEqual([expect.stringMatching(/^The image “half\.jpg” is cut off/)]);
    });
  });
});
