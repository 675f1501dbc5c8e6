import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { importBundle, SAMPLE_BUNDLE } from './helpers';

// PDF briefs from the case view and from the list's selection: the dialog's choices,
// the busy state, the real PDF that is downloaded (read back with pdftotext), the
// confidential text kept out of public briefs and the refusal when it would show.

const shots = path.join('test-results', 'screenshots');

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = path.join(shots, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The PDF's text as any reader would get it. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function saveDownload(download: Download, testInfo: TestInfo, name: string): Promise<string> {
  const file = testInfo.outputPath(name);
  await download.saveAs(file);
  return file;
}

async function importAndClose(page: Page, file: string | { name: string; buffer: Buffer }, n: number): Promise<void> {
  await importBundle(page, file);
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByText(`Import finished. Cases in the bundle: ${n}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('public and internal WGAD briefs in Russian: the Kazakh alias kept, the confidential contact only in the internal one', async ({ page }, testInfo) => {
  await importAndClose(page, SAMPLE_BUNDLE, 3);
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: /Aibek Serikuly/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Aibek Serikuly — 'false information' case" })).toBeVisible();

  const open = page.getByRole('button', { name: 'Brief…' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });
  await expect(dialog).toBeVisible();
  // The templates that fit a prisoner's case first, each with its description; the NGO brief last (the check says why it does not fit).
  const templates = dialog.getByRole('group', { name: 'Template' });
  await expect(templates.getByRole('radio')).toHaveCount(4);
  await expect(templates.getByRole('radio', { name: /Case brief/ })).toBeChecked();
  await expect(templates.getByRole('radio', { name: /WGAD communication.*Working Group on Arbitrary Detention/ })).toBeVisible();
  await expect(templates.getByRole('radio', { name: /Urgent action.*1–2 pages/ })).toBeVisible();
  await expect(templates.getByRole('radio').nth(3)).toHaveAccessibleName(/NGO brief/);
  await expect(dialog.getByRole('radio', { name: /Public — to send outside/ })).toBeChecked();
  // What of this case the public brief leaves out, said before it is made.
  await expect(dialog.getByText('Left out of this public brief: the person’s contact; the lawyer')).toBeVisible();
  // The case's annotation tags, all ticked.
  await expect(dialog.getByRole('group', { name: 'Annotations to include, by tag' }).getByRole('checkbox', { name: /arrest/ })).toBeChecked();

  await templates.getByRole('radio', { name: /WGAD communication/ }).check();
  await dialog.getByRole('radio', { name: 'Русский' }).check();
  await shot(page, testInfo, 'brief-dialog');

  // The service answers slowly here, so the busy state can be seen.
  await page.route('**/api/briefs.render', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  const publicDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  await expect(dialog.getByRole('button', { name: 'Creating…' })).toBeDisabled();
  await expect(dialog.getByText('Creating the file and checking it for text this mode leaves out…')).toBeVisible();
  await shot(page, testInfo, 'brief-busy');
  const publicPdf = await publicDownload;
  expect(publicPdf.suggestedFilename()).toMatch(/^aibek-serikuly-wgad-ru-\d{4}-\d{2}-\d{2}\.pdf$/);
  const publicFile = await saveDownload(publicPdf, testInfo, 'wgad-ru-public.pdf');
  const publicText = pdfText(publicFile);
  expect(publicText).toContain('Айбек Серікұлы'); // byte-exact, Kazakh letters and all
  expect(publicText).toContain('Сообщение в Рабочую группу ООН');
  expect(publicText).not.toContain('+7 700 000 0000');
  expect(publicText).not.toContain('Counsel N.');
  expect(publicText).not.toContain('CONFIDENTIAL');

  const done = dialog.getByRole('status').filter({ hasText: 'PDF created' });
  await expect(done).toBeVisible();
  await expect(done).toContainText('Checked: the PDF’s text contains no confidential text of this case.');
  await expect(done).toContainText(publicPdf.suggestedFilename());
  await expect(done.getByRole('definition').nth(2)).toHaveText(/^\d+$/); // pages
  await expect(done).toContainText('Public');
  await expect(dialog.getByRole('button', { name: 'Create PDF' })).toBeEnabled();
  await shot(page, testInfo, 'brief-public-done');

  // Internal: everything, stamped on every page.
  await dialog.getByRole('radio', { name: /Internal — your team only/ }).check();
  await expect(dialog.getByText('Included in this internal brief: the person’s contact; the lawyer')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Internal — your team only.*stamped CONFIDENTIAL/ })).toBeChecked();
  const internalDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  const internalPdf = await internalDownload;
  expect(internalPdf.suggestedFilename()).toMatch(/^aibek-serikuly-wgad-ru-internal-\d{4}-\d{2}-\d{2}\.pdf$/);
  const internalText = pdfText(await saveDownload(internalPdf, testInfo, 'wgad-ru-internal.pdf'));
  expect(internalText).toContain('+7 700 000 0000');
  expect(internalText).toContain('CONFIDENTIAL');
  expect(internalText).toContain('КОНФИДЕНЦИАЛЬНО');
  expect(internalText).toContain('Айбек Серікұлы');
  const pages = Number(execFileSync('pdfinfo', [await internalPdf.path()], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
  expect(internalText.split('CONFIDENTIAL / КОНФИДЕНЦИАЛЬНО').length - 1).toBeGreaterThanOrEqual(pages); // the stamp on every page
  const internalDone = dialog.getByRole('status').filter({ hasText: 'PDF created' });
  await expect(internalDone).toContainText('Internal (confidential)');
  await expect(internalDone).toContainText('stamped CONFIDENTIAL on every page');
  await shot(page, testInfo, 'brief-internal-done');
  expect(downloads).toHaveLength(2);

  // Escape closes the dialog and hands focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test('an NGO case offers the NGO brief first, the WGAD one last; the dialog works from the keyboard', async ({ page }, testInfo) => {
  await importAndClose(page, SAMPLE_BUNDLE, 3);
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: /Sample Rights Bureau/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sample Rights Bureau/ })).toBeVisible();
  await page.getByRole('button', { name: 'Brief…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });
  const templates = dialog.getByRole('group', { name: 'Template' });
  await expect(templates.getByRole('radio')).toHaveCount(4);
  await expect(templates.getByRole('radio', { name: /NGO brief.*Special Rapporteur on freedom of association/ })).toBeVisible();
  await expect(templates.getByRole('radio').nth(3)).toHaveAccessibleName(/WGAD/);
  await expect(dialog.getByText('This case has no annotations.')).toBeVisible();
  // Focus starts on the first template; arrows choose among them.
  await expect(templates.getByRole('radio', { name: /Case brief/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(templates.getByRole('radio', { name: /NGO brief/ })).toBeChecked();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).focus();
  await page.keyboard.press('Enter');
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^sample-rights-bureau-ngo-en-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = flat(pdfText(await saveDownload(pdf, testInfo, 'ngo.pdf')));
  expect(text).toContain('Sample Rights Bureau');
  expect(text).toContain('Үлгі құқық бюросы');
  await expect(dialog.getByRole('status').filter({ hasText: 'PDF created' })).toBeVisible();
  await shot(page, testInfo, 'brief-ngo-done');
});

test('a public brief that would reveal the confidential lawyer is refused, with the field named, and nothing is downloaded', async ({ page, dataDir }, testInfo) => {
  const bundle = {
    format: 'casefile-bundle',
    version: 1,
    exportedAt: '2026-11-22T10:00:00.000Z',
    cases: [
      {
        kind: 'political_prisoner',
        title: 'Dana Zhumabaeva — leak test',
        person: { name: 'Dana Zhumabaeva', aliases: ['Дана Жұмабаева'], contact: '+7 701 555 1234' },
        lawyer: 'Zhanar Konfidentova',
        summary: 'Arrested in March. Her lawyer Zhanar Konfidentova was not allowed to see her for a week.',
      },
    ],
  };
  await importAndClose(page, { name: 'leak.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) }, 1);
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: /Dana Zhumabaeva/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Zhumabaeva — leak test' })).toBeVisible();

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Brief…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });
  await dialog.getByRole('button', { name: 'Create PDF' }).click();

  const alert = dialog.getByRole('alert');
  // Rendering and reading the PDF back takes a second or two, more on a busy machine.
  await expect(alert).toContainText('No PDF was made: this public brief would reveal confidential text', { timeout: 20_000 });
  const issue = alert.getByRole('listitem');
  await expect(issue).toHaveCount(1);
  await expect(issue.locator('code')).toHaveText('lawyer');
  await expect(issue).toContainText('The lawyer');
  await expect(issue).toContainText('confidential lawyer appears in the PDF text (it is repeated in summary)');
  await expect(alert).toContainText('Remove that text from the public fields named above');
  await expect(alert).toContainText('create an Internal brief');
  // Focus moves to the refusal, so a screen reader reads it and Tab goes on from there.
  expect(await alert.evaluate((el) => el.parentElement === el.ownerDocument.activeElement)).toBe(true);
  await shot(page, testInfo, 'brief-refused');
  // No download, and no PDF left behind in the data folder.
  await page.waitForTimeout(500);
  expect(downloads).toHaveLength(0);
  const tmp = path.join(dataDir, 'tmp');
  expect(existsSync(tmp) ? (await readdir(tmp)).filter((f) => f.endsWith('.pdf')) : []).toEqual([]);

  // The advice works: an internal brief is made, and it does hold the lawyer's name.
  await dialog.getByRole('radio', { name: /Internal/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  const text = flat(pdfText(await saveDownload(await download, testInfo, 'leak-internal.pdf')));
  expect(text).toContain('Zhanar Konfidentova');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('a multi-case brief from the list selection: one PDF with both cases', async ({ page, dataDir }, testInfo) => {
  await importAndClose(page, SAMPLE_BUNDLE, 3);
  const grid = page.getByRole('grid', { name: 'Cases' });
  await grid.getByRole('checkbox', { name: 'Select Aibek Serikuly' }).check();
  await expect(page.getByRole('button', { name: 'Brief… (1)' })).toBeVisible();
  await grid.getByRole('checkbox', { name: 'Select Гүлнар Әбдірахманова' }).check();
  await page.getByRole('button', { name: 'Brief… (2)' }).click();

  const dialog = page.getByRole('dialog', { name: 'Brief of the selected cases (2)' });
  await expect(dialog).toBeVisible();
  const listed = dialog.getByRole('list', { name: 'Selected cases' }).getByRole('listitem');
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: "Aibek Serikuly — 'false information' case" })).toHaveCount(1);
  await expect(listed.filter({ hasText: 'Гүлнар Әбдірахманова — extremism charge' })).toHaveCount(1);
  const templates = dialog.getByRole('group', { name: 'Template' });
  await expect(templates.getByRole('radio')).toHaveCount(1);
  await expect(templates.getByRole('radio', { name: /Multi-case brief/ })).toBeChecked();
  await dialog.getByRole('radio', { name: 'English' }).check();
  await shot(page, testInfo, 'brief-multi-dialog');

  // Many cases report progress as they render: the page asks for the progress stream.
  await dialog.getByRole('textbox', { name: 'Prepared by (optional)' }).fill('Қазақстан бюросы');
  const download = page.waitForEvent('download');
  const rendered = page.waitForResponse((r) => r.url().endsWith('/api/briefs.render'));
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  expect((await rendered).headers()['content-type']).toBe('application/x-ndjson; charset=utf-8');
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^2-cases-multi-en-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = flat(pdfText(await saveDownload(pdf, testInfo, 'multi.pdf')));
  expect(text).toContain("Aibek Serikuly — 'false information' case");
  expect(text).toContain('Гүлнар Әбдірахманова — extremism charge');
  expect(text).not.toContain('Sample Rights Bureau');
  expect(text).not.toContain('+7 700 000 0000');
  expect(text).toContain('Қазақстан бюросы'); // printed under the title
  const done = dialog.getByRole('status').filter({ hasText: 'PDF created' });
  await expect(done).toContainText('Multi-case brief');
  await shot(page, testInfo, 'brief-multi-done');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // "Prepared by" is the data folder's setting, not the browser's: shown again on the next opening.
  await page.getByRole('button', { name: 'Brief… (2)' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Prepared by (optional)' })).toHaveValue('Қазақстан бюросы');
  expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ preparedBy: 'Қазақстан бюросы' });
  // Strings, as the page runs them: the test's own type-check has no DOM.
  expect(await page.evaluate('Object.keys(localStorage).filter((k) => /prepared/i.test(k))')).toEqual([]);
});

test('a "Prepared by" an older version left in localStorage moves into the data folder once', async ({ page, dataDir }) => {
  await importAndClose(page, SAMPLE_BUNDLE, 3);
  await page.evaluate(`localStorage.setItem('casefile.preparedBy', 'Адвокат Сәуле Ж.')`);
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: /Aibek Serikuly/ }).click();
  await page.getByRole('button', { name: 'Brief…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });
  await expect(dialog.getByRole('textbox', { name: 'Prepared by (optional)' })).toHaveValue('Адвокат Сәуле Ж.');
  expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ preparedBy: 'Адвокат Сәуле Ж.' });
  expect(await page.evaluate(`localStorage.getItem('casefile.preparedBy')`)).toBeNull();
});

test('a brief leaves out what its sources no longer say, and says so before and after', async ({ page }, testInfo) => {
  await importAndClose(page, 'tests/fixtures/briefs/stress.casefile.json', 6);
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: /stress test case/ }).click();
  await page.getByRole('button', { name: 'Brief…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });
  const before = dialog.getByRole('note').filter({ hasText: 'Annotations left out of this brief:' });
  await expect(before).toContainText(/Annotations left out of this brief: \d+\./);
  const count = Number(/left out of this brief: (\d+)/.exec((await before.textContent()) ?? '')![1]);
  expect(count).toBeGreaterThan(0);
  await dialog.getByRole('radio', { name: /Urgent action/ }).check();
  await expect(dialog.getByText('This template quotes no annotations.')).toBeVisible();
  await dialog.getByRole('radio', { name: /Case brief/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  await saveDownload(await download, testInfo, 'stress-case.pdf');
  // The service's own count, after rendering, agrees with the dialog's.
  await expect(dialog.getByRole('status').filter({ hasText: 'PDF created' })).toContainText(`Annotations left out of this brief: ${count}.`);
});
