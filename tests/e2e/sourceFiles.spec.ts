import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { expect, root, test } from './fixtures';
import { createCase, expectSaved, readCaseFile } from './helpers';
import { annotate, marks, reader, sourcesSection } from './sourcesHelpers';

// Sources read from files: the file goes through `sources.extract` in the main
// process; the dialog fills in the title and text, shows the warnings, and says
// plainly why a file cannot be used.

const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

function makePdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** Russian text in Windows-1251 (А–я are 0xC0–0xFF in order; Ё/ё are 0xA8/0xB8). */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch === 'Ё') return 0xa8;
      if (ch === 'ё') return 0xb8;
      throw new Error(`no Windows-1251 byte for ${ch}`);
    }),
  );
}

async function openAddDialog(page: import('@playwright/test').Page) {
  await sourcesSection(page).getByRole('button', { name: 'Add source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an .html file: its title and reader text fill the form, its script does not', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Files case', name: 'Files Person' });
  const dialog = await openAddDialog(page);
  const html = [
    '<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Сот үкімі — Әділет</title>',
    '<script>document.write("SCRIPT-TEXT"); alert("SCRIPT-TEXT")</script><style>p { color: red }</style></head>',
    '<body><nav>Басты бет</nav><article><h1>Сот үкімі</h1>',
    '<p>Алматы қаласының соты белсендіге айыппұл салды.</p>',
    '<p>Адвокат шағым береді.</p></article></body></html>',
  ].join('\n');
  await dialog.getByLabel('Read the text from a file').setInputFiles({ name: 'ukim.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') });
  await expect(dialog.getByRole('status')).toContainText('Read “ukim.html” (HTML)');
  const text = dialog.getByLabel('Text', { exact: true });
  await expect(text).toHaveValue(/Алматы қаласының соты белсендіге айыппұл салды\./);
  await expect(text).toHaveValue(/Адвокат шағым береді\./);
  await expect(text).not.toHaveValue(/SCRIPT-TEXT/);
  await expect(text).not.toHaveValue(/color: red/);
  await expect(dialog.getByLabel('Title')).toHaveValue('Сот үкімі — Әділет');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();

  await expect(reader(page).getByRole('heading', { level: 3, name: 'Сот үкімі — Әділет' })).toBeVisible();
  await expect(reader(page).locator('.reader-text')).toContainText('Алматы қаласының соты белсендіге айыппұл салды.');
  await expect(reader(page).locator('.reader-text')).not.toContainText('SCRIPT-TEXT');
  await annotate(page, 'айыппұл салды', { body: 'Fine' });
  await expect(marks(page)).toHaveText('айыппұл салды');
  await expectSaved(page);
  const file = await readCaseFile(dataDir, id);
  expect(file.sources[0].title).toBe('Сот үкімі — Әділет');
  expect(file.sources[0].text).not.toContain('SCRIPT-TEXT');
  expect(file.annotations[0].target.quote.exact).toBe('айыппұл салды');

  // The stored fixture page with every kind of hidden content: none of it comes through.
  const again = await openAddDialog(page);
  await again.getByLabel('Read the text from a file').setInputFiles(path.join(root, 'tests/fixtures/sources/article.html'));
  const fixtureText = again.getByLabel('Text', { exact: true });
  await expect(fixtureText).toHaveValue(/Специализированный межрайонный суд/);
  for (const hidden of ['SCRIPT-TEXT', 'STYLE-TEXT', 'JSON-LD-TEXT', 'COMMENT-TEXT', 'HIDDEN-TEXT', 'TEMPLATE-TEXT', 'IFRAME-TEXT']) {
    await expect(fixtureText).not.toHaveValue(new RegExp(hidden));
  }
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();
});

test('a .pdf without a text layer goes to OCR, which says when it finds no words; one with text is read', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'PDF case', name: 'PDF Person' });
  const scan = await makePdf((doc) => {
    doc.rect(72, 72, 300, 400).fill('#777777');
  });
  const dialog = await openAddDialog(page);
  await dialog.getByLabel('Title').fill('Typed before the file');
  await dialog.getByLabel('Read the text from a file').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: scan });
  // A grey box has no words: OCR reads the page, finds none, and the dialog says so (the text stays empty).
  await expect(dialog.getByRole('list', { name: 'Warnings about the file' })).toContainText('No text was recognised in “scan.pdf”', { timeout: 60_000 });
  await expect(dialog.getByLabel('Text', { exact: true })).toHaveValue('');

  const withText = await makePdf(
    (doc) => {
      doc.font(FONT).fontSize(12).text('Қаулы: қоғамдық бірлестіктің қызметі үш айға тоқтатылсын.');
    },
    { info: { Title: 'Әділет департаментінің қаулысы' } },
  );
  await dialog.getByLabel('Read the text from a file').setInputFiles({ name: 'qauly.pdf', mimeType: 'application/pdf', buffer: withText });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('status')).toContainText('Read “qauly.pdf” (PDF)');
  await expect(dialog.getByLabel('Text', { exact: true })).toHaveValue('Қаулы: қоғамдық бірлестіктің қызметі үш айға тоқтатылсын.');
  // A title the user typed is kept.
  await expect(dialog.getByLabel('Title')).toHaveValue('Typed before the file');
  await dialog.getByLabel('Kind').selectOption({ label: 'Court document' });
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(page);
  const file = await readCaseFile(dataDir, id);
  expect(file.sources[0]).toMatchObject({ title: 'Typed before the file', kind: 'court_document', text: 'Қаулы: қоғамдық бірлестіктің қызметі үш айға тоқтатылсын.' });
});

test('a Windows-1251 .txt is read with a warning that says so', async ({ page }) => {
  await createCase(page, { kind: 'prisoner', title: 'Encoding case', name: 'Encoding Person' });
  const dialog = await openAddDialog(page);
  const body = 'Суд отклонил ходатайство защиты.\r\nПриговор: два года.';
  await dialog.getByLabel('Read the text from a file').setInputFiles({ name: 'prigovor.txt', mimeType: 'text/plain', buffer: cp1251(body) });
  await expect(dialog.locator('.file-warnings')).toContainText('Windows-1251');
  await expect(dialog.getByLabel('Text', { exact: true })).toHaveValue(/Суд отклонил ходатайство защиты\./);
  await expect(dialog.getByLabel('Title')).toHaveValue('prigovor');
});

test('an .html that declares windows-1251 but is UTF-8 is read as UTF-8, and the dialog says which was declared and which used', async ({ page }) => {
  await createCase(page, { kind: 'prisoner', title: 'Charset case', name: 'Charset Person' });
  const dialog = await openAddDialog(page);
  const html = '<html><head><meta charset="windows-1251"><title>Приговор</title></head><body><p>Қасым осуждён по статье 174.</p></body></html>';
  await dialog.getByLabel('Read the text from a file').setInputFiles({ name: 'saved.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') });
  await expect(dialog.getByLabel('Text', { exact: true })).toHaveValue('Қасым осуждён по статье 174.');
  await expect(dialog.getByRole('list', { name: 'Warnings about the file' })).toHaveText(
    'The file declares the “windows-1251” character set, but its bytes are utf-8 text, so it was read as utf-8. Check that the text looks right.',
  );
});
