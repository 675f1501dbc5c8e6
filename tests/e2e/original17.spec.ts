import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { caseIdOf, createCase, expectSaved, readCaseFile } from './helpers';
import { marks, reader, sourcesSection } from './sourcesHelpers';
import { renderTextPage, scannedPdf } from '../helpers/ocrPages';
import { withExif } from '../helpers/exif';

// The original beside its text (issue 17): a PDF with a text layer added through
// sources.intake, its pages drawn by pdf.js in the window, words selected on page 2
// and an area marked on page 1 saved as annotations that come back, on the page and
// in the text, after a reload. A photo carrying GPS in its EXIF is shown with a
// warning and annotated by an area.

const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const PAGE_1 = 'Приговор суда оглашён в городе Алматы. Адвокат обжалует решение.';
const PAGE_2 = 'Сот үкімі бойынша белсенді бас бостандығынан айырылды. Адвокат шағым береді.';
const PHRASE = 'белсенді бас бостандығынан';

function twoPagePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true, size: 'A4', margin: 72 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONT).fontSize(16).text(PAGE_1, { width: 420 });
    doc.addPage().font(FONT).fontSize(16).text(PAGE_2, { width: 420 });
    doc.end();
  });
}

/** A JPEG photo (drawn here) with the EXIF block put right after its start marker. */
async function gpsPhoto(): Promise<Buffer> {
  const canvas = createCanvas(640, 480);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#c9b79c';
  ctx.fillRect(0, 0, 640, 480);
  ctx.fillStyle = '#7a3b2e';
  ctx.beginPath();
  ctx.ellipse(320, 240, 90, 60, 0, 0, Math.PI * 2);
  ctx.fill();
  const jpeg = await canvas.encode('jpeg', 90);
  // 43.2389° N, 76.8897° E as degrees/10,000, 0 minutes, 0 seconds.
  const place = (degrees: number) => [Math.round(degrees * 10_000), 10_000, 0, 1, 0, 1];
  return withExif(jpeg, { make: 'TestPhone', model: 'Model 7', dateTimeOriginal: '2026:12:01 10:00:00', gps: { lat: place(43.2389), latRef: 'N', lon: place(76.8897), lonRef: 'E' } });
}

async function addFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, from?: string): Promise<Locator> {
  await sourcesSection(page).getByRole('button', { name: 'Add source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog).toBeVisible();
  for (const lang of ['Kazakh', 'Russian', 'English']) await expect(dialog.getByRole('checkbox', { name: lang })).toBeChecked();
  if (from) await dialog.getByLabel('Captured from').fill(from);
  await dialog.getByLabel('Read the text from a file').setInputFiles(file);
  return dialog;
}

function originalPage(page: Page, n: number): Locator {
  return reader(page).locator(`.original-page[data-page="${n}"]`);
}

/** Drags the mouse across a page's word layer from the first word of `phrase` to its last. */
async function selectOnPage(page: Page, n: number, phrase: string): Promise<void> {
  const words = phrase.split(' ');
  const first = originalPage(page, n).locator('.page-words span', { hasText: new RegExp(`^${words[0]}\\s*$`) });
  const last = originalPage(page, n).locator('.page-words span', { hasText: new RegExp(`^${words.at(-1)}\\s*$`) });
  await first.scrollIntoViewIfNeeded();
  const a = (await first.boundingBox())!;
  const b = (await last.boundingBox())!;
  await page.mouse.move(a.x + 1, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.move(b.x + b.width - 1, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
}

/** The places (left, top in % of the page) of the highlights drawn on page n, and of the words of [start, end). */
async function placesOnPage(page: Page, n: number, range?: { start: number; end: number }): Promise<string[]> {
  const selector = range ? '.page-words span[data-start]' : '.page-mark:not(.is-pending):not(.is-region)';
  const all = await originalPage(page, n)
    .locator(selector)
    .evaluateAll((els) => els.map((e) => ({ start: Number(e.getAttribute('data-start')), end: Number(e.getAttribute('data-end')), place: `${(e as unknown as { style: { left: string; top: string } }).style.left} ${(e as unknown as { style: { left: string; top: string } }).style.top}` })));
  return all.filter((e) => !range || (e.start < range.end && e.end > range.start)).map((e) => e.place).sort();
}

/** Whether page n's canvas holds dark pixels: pdf.js drew the page's text. */
async function pageIsDrawn(page: Page, n: number): Promise<boolean> {
  return originalPage(page, n)
    .locator('canvas')
    .evaluate((canvas) => {
      const c = canvas as unknown as { width: number; height: number; getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
      if (c.width === 0) return false;
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 200) return true;
      return false;
    });
}

/** A mouse drag over a page between two points given in fractions of it. */
async function drag(page: Page, target: Locator, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const box = (await target.boundingBox())!;
  const at = (p: { x: number; y: number }) => [box.x + box.width * p.x, box.y + box.height * p.y] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at({ x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }), { steps: 5 });
  await page.mouse.move(...at(to), { steps: 5 });
  await page.mouse.up();
}

/** Where a drawn mark is: left, top, width and height in % of its page. */
async function percentPlace(mark: Locator): Promise<number[]> {
  const style = (await mark.getAttribute('style')) ?? '';
  return ['left', 'top', 'width', 'height'].map((k) => Number(new RegExp(`${k}: ([\\d.]+)%`).exec(style)?.[1]));
}

async function openOriginal(page: Page, title: string): Promise<void> {
  if ((await reader(page).count()) === 0) await sourcesSection(page).getByRole('button', { name: `Read “${title}”` }).click();
  const toggle = reader(page).getByRole('button', { name: 'Original beside the text' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}

test('a PDF with a text layer: its pages beside the text, words selected on page 2 and an area on page 1, both back after a reload', async ({ page, dataDir }) => {
  await createCase(page, { kind: 'prisoner', title: 'Originals case', name: 'Original Person' });
  const id = await caseIdOf(page);
  const pdf = await twoPagePdf();
  const dialog = await addFile(page, { name: 'ukim.pdf', mimeType: 'application/pdf', buffer: pdf }, 'https://court.example.kz/case/17');
  await expect(dialog.getByRole('status')).toContainText('Read “ukim.pdf” (PDF)');
  const record = dialog.getByRole('region', { name: 'Intake record' });
  await expect(record).toContainText(createHash('sha256').update(pdf).digest('hex'));
  await expect(record).toContainText('application/pdf');
  await expect(record).toContainText('taken from the file');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(page);

  await openOriginal(page, 'ukim');
  await expect(reader(page).locator('.original-page')).toHaveCount(2);
  await expect(originalPage(page, 2)).toHaveAttribute('aria-label', 'Page 2 of 2');
  await expect.poll(() => pageIsDrawn(page, 2)).toBe(true);

  await selectOnPage(page, 2, PHRASE);
  const popover = page.getByRole('dialog', { name: 'New annotation' });
  await expect(popover.locator('.ann-popover-quote')).toHaveText(`“${PHRASE}”`);
  // The words selected on the page are the same words in the text, at once.
  await expect(reader(page).locator('.reader-text mark.hl-pending')).toHaveText(PHRASE);
  await popover.getByLabel('Comment').fill('Deprivation of liberty');
  await popover.getByRole('button', { name: 'Save annotation' }).click();
  await expect(popover).toBeHidden();

  // An area on page 1, marked from the keyboard: the arrows move it, Enter takes it.
  await reader(page).getByRole('button', { name: 'Mark an area' }).click();
  const area = originalPage(page, 1).locator('.region-draft');
  await expect(area).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const areaPopover = page.getByRole('dialog', { name: 'New annotation' });
  await expect(areaPopover).toBeVisible();
  await areaPopover.getByLabel('Comment').fill('Stamp of the court');
  await areaPopover.getByRole('button', { name: 'Save annotation' }).click();
  await expect(areaPopover).toBeHidden();

  // And one drawn with the mouse low on page 2, where there are no words.
  await reader(page).getByRole('button', { name: 'Mark an area' }).click();
  await originalPage(page, 2).scrollIntoViewIfNeeded();
  await drag(page, originalPage(page, 2), { x: 0.2, y: 0.6 }, { x: 0.6, y: 0.8 });
  const drawnPopover = page.getByRole('dialog', { name: 'New annotation' });
  await expect(drawnPopover.locator('.ann-popover-quote')).toHaveText('“Area of page 2”');
  await drawnPopover.getByLabel('Comment').fill('Signature');
  await drawnPopover.getByRole('button', { name: 'Save annotation' }).click();
  await expect(drawnPopover).toBeHidden();
  await expectSaved(page);
  // An area is placed by itself, not counted among annotations whose words were lost.
  await expect(reader(page).locator('.reader-hint .orphan-count')).toHaveCount(0);

  const file = await readCaseFile(dataDir, id);
  const source = file.sources[0];
  expect(source.file).toMatchObject({ name: 'ukim.pdf', mediaType: 'application/pdf', size: pdf.length, capturedFrom: 'https://court.example.kz/case/17', textBy: 'embedded' });
  const words = file.annotations.find((a: { body: string }) => a.body === 'Deprivation of liberty');
  expect(words.target.quote.exact).toBe(PHRASE);
  expect(words.target.page).toBe(2);
  expect(source.text.slice(words.target.position.start, words.target.position.end)).toBe(PHRASE);
  const stamp = file.annotations.find((a: { body: string }) => a.body === 'Stamp of the court');
  expect(stamp.target.region).toEqual({ page: 1, x: 0.35, y: 0.34, w: 0.3, h: 0.2 });
  const signature = file.annotations.find((a: { body: string }) => a.body === 'Signature');
  expect(signature.target.quote.exact).toBe('Area of page 2');
  expect(signature.target.page).toBe(2);
  for (const [k, v] of Object.entries({ page: 2, x: 0.2, y: 0.6, w: 0.4, h: 0.2 })) expect(signature.target.region[k]).toBeCloseTo(v, 1);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Originals case' })).toBeVisible();
  await openOriginal(page, 'ukim');
  await expect(marks(page)).toHaveText([PHRASE]);
  // On the page: the highlight lies exactly on the boxes of the same words.
  const range = { start: words.target.position.start, end: words.target.position.end };
  await expect(originalPage(page, 2).locator('.page-mark:not(.is-pending):not(.is-region)')).toHaveCount(3);
  const wordPlaces = await placesOnPage(page, 2, range);
  expect(wordPlaces).toHaveLength(3);
  expect(await placesOnPage(page, 2)).toEqual(wordPlaces);
  const region = originalPage(page, 1).locator('.page-mark.is-region');
  await expect(region).toHaveCount(1);
  expect(await percentPlace(region)).toEqual([35, 34, 30, 20]);
  await expect(originalPage(page, 2).locator('.page-mark.is-region')).toHaveCount(1);

  // Clicking the highlight on the page makes it the active one in the text too.
  // (The highlights let the pointer through to the words under them: the click lands on the page.)
  await originalPage(page, 2).locator('.page-mark').first().scrollIntoViewIfNeeded();
  const mark = (await originalPage(page, 2).locator('.page-mark').first().boundingBox())!;
  await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
  const opened = page.getByRole('dialog', { name: /annotation/i });
  await expect(opened).toBeVisible();
  await expect(reader(page).locator('.reader-text mark.hl.is-active')).toHaveText(PHRASE);
  await page.keyboard.press('Escape');
  await expect(opened).toBeHidden();

  // A correction typed into the text: the source says so, and the page no longer claims to know where the words are.
  await reader(page).getByRole('button', { name: 'Edit source' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the source' });
  await expect(edit.getByRole('region', { name: 'Intake record' })).toContainText('taken from the file');
  await edit.getByLabel('Text', { exact: true }).fill(source.text.replace('оглашён', 'оглашен'));
  await expect(edit.getByRole('region', { name: 'Intake record' })).toContainText('typed or corrected by hand');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expectSaved(page);
  expect((await readCaseFile(dataDir, id)).sources[0].file.textBy).toBe('typed');
  await expect(reader(page).getByText(/was edited after it was read from the original/)).toBeVisible();
  await expect(reader(page).locator('.page-words span')).toHaveCount(0);
  await expect(originalPage(page, 1).locator('.page-mark.is-region')).toHaveCount(1);
  await expect(marks(page)).toHaveText([PHRASE]);
});

test('a photo carrying its location: a warning with the coordinates, and an area drawn on it kept after a reload', async ({ page, dataDir }) => {
  await createCase(page, { kind: 'prisoner', title: 'Photo case', name: 'Photo Person' });
  const id = await caseIdOf(page);
  const photo = await gpsPhoto();
  const dialog = await addFile(page, { name: 'bruise.jpg', mimeType: 'image/jpeg', buffer: photo });
  const outcome = dialog.getByRole('region', { name: 'Intake record' }).or(dialog.getByText('could not be read'));
  await expect(outcome.first()).toBeVisible();
  // Reading photos (exifr, OCR) is another part of issue 17; on a build without it the window has nothing to show.
  test.skip((await dialog.getByText('could not be read').count()) > 0, 'this build does not read photos yet (sources.intake refuses images)');
  await expect(dialog.getByRole('alert').filter({ hasText: 'This photo carries the place where it was taken' })).toContainText('latitude 43.238900, longitude 76.889700');
  await expect(dialog.getByRole('region', { name: 'Intake record' })).toContainText('TestPhone');
  await dialog.getByLabel('Title').fill('Photo of the injury');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(page);

  await openOriginal(page, 'Photo of the injury');
  await expect(reader(page).locator('.original-page img')).toBeVisible();
  await reader(page).getByRole('button', { name: 'Mark an area' }).click();
  await drag(page, originalPage(page, 1), { x: 0.25, y: 0.3 }, { x: 0.75, y: 0.7 });
  const popover = page.getByRole('dialog', { name: 'New annotation' });
  await popover.getByLabel('Comment').fill('Bruise on the arm');
  await popover.getByRole('button', { name: 'Save annotation' }).click();
  await expect(popover).toBeHidden();
  await expectSaved(page);

  const file = await readCaseFile(dataDir, id);
  const region = file.annotations[0].target.region;
  expect(region.page).toBe(1);
  for (const [k, v] of Object.entries({ x: 0.25, y: 0.3, w: 0.5, h: 0.4 })) expect(Math.abs(region[k] - v)).toBeLessThan(0.02);

  await page.reload();
  await openOriginal(page, 'Photo of the injury');
  const drawn = originalPage(page, 1).locator('.page-mark.is-region');
  await expect(drawn).toHaveCount(1);
  const drawnAt = await percentPlace(drawn);
  [region.x, region.y, region.w, region.h].forEach((v: number, i: number) => expect(drawnAt[i]).toBeCloseTo(v * 100, 1));
});

test('a scanned PDF: its pages read by OCR, words selected on page 2 of the scan, the highlight on the same words after a reload', async ({ page, dataDir }) => {
  const SCAN_1 = 'Приговор суда объявлен в городе Алматы. Адвокат обжалует решение суда.';
  const SCAN_2 = 'Суд постановил признать задержание произвольным и освободить заявителя немедленно.';
  const SCAN_PHRASE = 'признать задержание произвольным';
  await createCase(page, { kind: 'prisoner', title: 'Scanned case', name: 'Scanned Person' });
  const id = await caseIdOf(page);
  const scan = await scannedPdf([renderTextPage(SCAN_1), renderTextPage(SCAN_2)]);
  const dialog = await addFile(page, { name: 'scan.pdf', mimeType: 'application/pdf', buffer: scan });
  // Two A4 pages at 300 dpi through OCR: bounded generously for a busy 2-core runner.
  await expect(dialog.getByRole('status')).toContainText('Read “scan.pdf”', { timeout: 120_000 });
  await expect(dialog.getByRole('region', { name: 'Intake record' })).toContainText('recognised (OCR)');
  await expect(dialog.getByLabel('Text', { exact: true })).toHaveValue(new RegExp(SCAN_PHRASE));
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(page);

  await openOriginal(page, 'scan');
  await expect(reader(page).locator('.original-page')).toHaveCount(2);
  await expect.poll(() => pageIsDrawn(page, 2)).toBe(true);
  await selectOnPage(page, 2, SCAN_PHRASE);
  const popover = page.getByRole('dialog', { name: 'New annotation' });
  await expect(popover.locator('.ann-popover-quote')).toHaveText(`“${SCAN_PHRASE}”`);
  await popover.getByLabel('Comment').fill('The court itself calls it arbitrary');
  await popover.getByRole('button', { name: 'Save annotation' }).click();
  await expect(popover).toBeHidden();
  await expectSaved(page);

  const file = await readCaseFile(dataDir, id);
  expect(file.sources[0].file).toMatchObject({ name: 'scan.pdf', mediaType: 'application/pdf', textBy: 'ocr', pages: 2 });
  const note = file.annotations[0];
  expect(note.target.page).toBe(2);
  expect(file.sources[0].text.slice(note.target.position.start, note.target.position.end)).toBe(SCAN_PHRASE);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Scanned case' })).toBeVisible();
  await openOriginal(page, 'scan');
  await expect(marks(page)).toHaveText([SCAN_PHRASE]);
  const range = { start: note.target.position.start, end: note.target.position.end };
  await expect(originalPage(page, 2).locator('.page-mark:not(.is-pending):not(.is-region)')).toHaveCount(3);
  expect(await placesOnPage(page, 2)).toEqual(await placesOnPage(page, 2, range));
});
