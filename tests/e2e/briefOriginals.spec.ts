import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { importBundle } from './helpers';
import { unzipRaw } from '../unit/briefs/rawZip';

// The Brief dialog's choice of original files: a select, labelled; Word offers no
// attachments; the ZIP downloaded holds the brief and the original byte for byte.

const VERDICT = 'Verdict of the Almaty City Court, 20 June 2019.\n';
const SHA = createHash('sha256').update(VERDICT).digest('hex');

const PRISONER = {
  id: 'orig-prisoner',
  kind: 'political_prisoner',
  title: 'Kenzhebek Abishev — originals',
  person: { name: 'Kenzhebek Abishev', aliases: ['Кенжебек Әбішев'] },
  arrest: { date: '2018-11-30' },
  sources: [{
    id: 'orig-s1', title: 'Verdict', kind: 'court_document', text: VERDICT.trim(),
    file: { sha256: SHA, name: 'verdict.txt', mediaType: 'text/plain', size: Buffer.byteLength(VERDICT), addedAt: '2026-12-01T09:30:00.000Z' },
  }],
};

// The original as the store keeps it in a plain folder: files/ab/<sha256>.bin.
test.use({ seedFiles: { [`files/${SHA.slice(0, 2)}/${SHA}.bin`]: VERDICT } });

test('the brief and its original leave in one ZIP, chosen in the dialog; Word offers no attachments', async ({ page }, testInfo) => {
  await importBundle(page, { name: 'originals.casefile.json', buffer: Buffer.from(JSON.stringify({ format: 'casefile-bundle', version: 2, cases: [PRISONER] })) });
  const imported = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(imported.getByText('Import finished. Cases in the bundle: 1')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate(`location.hash = '#/case/${PRISONER.id}'`);
  await expect(page.getByRole('heading', { level: 1, name: PRISONER.title })).toBeVisible();
  await page.getByRole('button', { name: 'Brief…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });

  const originals = dialog.getByLabel('Original files');
  await expect(originals).toHaveValue('none');
  await dialog.getByRole('radio', { name: /Word \(\.docx\)/ }).check();
  await expect(originals.locator('option[value="attach"]')).toBeDisabled();
  await expect(dialog.getByText('A Word document cannot hold attachments')).toBeVisible();
  await dialog.getByRole('radio', { name: /^PDF/ }).check();
  await originals.selectOption('zip');

  const download = page.waitForEvent('download');
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/briefs.render'));
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  expect((await sent).postDataJSON()).toMatchObject({ ids: [PRISONER.id], template: 'case', originals: 'zip' });
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/^kenzhebek-abishev-case-en-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = testInfo.outputPath('brief.zip');
  await zip.saveAs(file);
  const entries = unzipRaw(await readFile(file));
  expect(entries.get('files/verdict.txt')?.toString('utf8')).toBe(VERDICT);
  const pdfName = zip.suggestedFilename().replace(/\.zip$/, '.pdf');
  expect(entries.get(pdfName)?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(dialog.getByRole('status').filter({ hasText: '1 original file went with the brief.' })).toBeVisible();
});
