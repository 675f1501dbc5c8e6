import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import PDFDocument from 'pdfkit';
import yauzl from 'yauzl';
import { expect, root, test as base } from './fixtures';
import { importBundle } from './helpers';
import { reader, sourcesSection } from './sourcesHelpers';

// The window's export with originals (browser mode): a folder whose case has a source
// added from a small PDF exports, from Export all, a .casefile.zip whose files/<sha256>
// entry is the PDF byte for byte; it imports back through Import… (keeping both) with the
// original intact, and so does the same export sealed with a passphrase.

const run = promisify(execFile);
const cli = (dir: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli.ts'), '--data-dir', dir, ...args], { cwd: root });
const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const SEAL = 'partner passphrase Әділет 2026';
const PDF_FILE = 'verdict.pdf';

function makePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONT).fontSize(14).text('Алматы қаласы сотының үкімі. Приговор: 7 лет.');
    doc.end();
  });
}

/** The bytes of one entry of a ZIP file, read with yauzl (the same library the import checks with). */
function zipEntry(file: string, name: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      let found: Buffer | null = null;
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => ((found = Buffer.concat(chunks)), zip.readEntry()));
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const test = base.extend({
  // A folder made with the command line: the first sample case alone, with one source added from a PDF.
  dataDir: async ({ seedFiles }, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-container-'));
    expect(seedFiles).toEqual({});
    const sample = JSON.parse(await readFile(path.join(root, 'tests/fixtures/sample-bundle.casefile.json'), 'utf8')) as { cases: unknown[] };
    await writeFile(path.join(dir, 'one.casefile.json'), JSON.stringify({ ...sample, cases: sample.cases.slice(0, 1) }));
    await cli(dir, 'import', path.join(dir, 'one.casefile.json'));
    const id = (JSON.parse((await cli(dir, 'list', '--json')).stdout) as Array<{ id: string }>)[0]!.id;
    await writeFile(path.join(dir, PDF_FILE), await makePdf());
    await cli(dir, 'source', 'add', id, path.join(dir, PDF_FILE), '--title', 'Сот үкімі');
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

/** Imports the file, keeping both copies; opens the copy, saves its original and hands back the bytes. */
async function importAndSaveOriginal(page: Page, name: string, bytes: Buffer, cases: number, passphrase?: string): Promise<Buffer> {
  await importBundle(page, { name, buffer: bytes }, /Keep both/);
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  if (passphrase) {
    await expect(dialog.getByRole('alert')).toContainText('This bundle is sealed with a passphrase.', { timeout: 30_000 });
    await dialog.getByLabel('Passphrase of the sealed bundle').fill(passphrase);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  }
  await expect(dialog.getByText(`Import finished. Cases in the bundle: ${cases}`)).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('cell', { name: 'Stored as a copy', exact: true })).toHaveCount(cases);
  await dialog.getByRole('table').getByRole('link').first().click();
  await sourcesSection(page).getByRole('button', { name: 'Read “Сот үкімі”' }).click();
  const trail = reader(page).getByRole('region', { name: 'Custody of the original' });
  const [download] = await Promise.all([page.waitForEvent('download'), trail.getByRole('button', { name: 'Save original…' }).click()]);
  return readFile((await download.path())!);
}

test('Export all writes a .casefile.zip carrying the PDF; it imports back with the original, plain and sealed', async ({ dataDir, page }) => {
  test.setTimeout(180_000);
  const pdf = await readFile(path.join(dataDir, PDF_FILE));
  const sha = createHash('sha256').update(pdf).digest('hex');

  await page.getByRole('banner').getByRole('button', { name: 'Export all' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export cases' });
  const include = exportDialog.getByRole('checkbox', { name: /Include the original file \(1, [\d.]+ MB\)/ });
  await expect(include).toBeChecked();
  const [plain] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(plain.suggestedFilename()).toMatch(/^casefile-export-\d{4}-\d{2}-\d{2}\.casefile\.zip$/);
  const zipFile = (await plain.path())!;
  const carried = await zipEntry(zipFile, `files/${sha}`);
  expect(carried?.equals(pdf)).toBe(true);
  await expect(exportDialog).toBeHidden();
  await expect(page.getByText(/Exported all cases with 1 original file to casefile-export-/)).toBeVisible();

  const back = await importAndSaveOriginal(page, plain.suggestedFilename(), await readFile(zipFile), 1);
  expect(back.equals(pdf)).toBe(true);

  // Unticked, the same export is JSON only.
  await page.goto(`${new URL(page.url()).origin}/#/`);
  await page.getByRole('banner').getByRole('button', { name: 'Export all' }).click();
  await exportDialog.getByRole('checkbox', { name: /Include the original file/ }).uncheck();
  const [json] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(json.suggestedFilename()).toMatch(/\.casefile\.json$/);
  expect(JSON.parse(await readFile((await json.path())!, 'utf8')).cases.length).toBe(2);

  // Sealed with a passphrase: a .casefile.zip.age with no clear text, opened by Import with the passphrase.
  await page.getByRole('banner').getByRole('button', { name: 'Export all' }).click();
  await exportDialog.getByRole('radio', { name: /Sealed with a passphrase/ }).check();
  await exportDialog.getByLabel('Passphrase', { exact: true }).fill(SEAL);
  await exportDialog.getByLabel('Passphrase again').fill(SEAL);
  const [sealed] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(sealed.suggestedFilename()).toMatch(/\.casefile\.zip\.age$/);
  const sealedBytes = await readFile((await sealed.path())!);
  expect(sealedBytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
  for (const clear of ['bundle.json', `files/${sha}`, 'casefile-bundle']) expect(sealedBytes.includes(Buffer.from(clear))).toBe(false);
  const opened = await importAndSaveOriginal(page, sealed.suggestedFilename(), sealedBytes, 2, SEAL);
  expect(opened.equals(pdf)).toBe(true);
});
