import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, importBundle, readCaseFile, section } from './helpers';

// The Brief dialog of issue 14: what the template needs and the case lacks (warnings,
// rendering still allowed), a template that does not fit (refused, Render disabled and
// described by the reason), suggested requests edited and saved to the case before any
// brief, the urgent action's number remembered per case, a submission-mode PDF, and the
// Word choice sent to the service.

const PRISONER = {
  id: 'dlg-prisoner',
  kind: 'political_prisoner',
  title: 'Kenzhebek Abishev — holy war case',
  person: { name: 'Kenzhebek Abishev', aliases: ['Кенжебек Әбішев'], nationality: ['KZ'] },
  arrest: { date: '2018-11-30', by: 'National Security Committee' },
  detention: { status: 'imprisoned', place: 'Correctional colony, Karaganda region', since: '2018-11-30' },
  charges: [{ code: 'Criminal Code of Kazakhstan', article: '174', outcome: 'convicted' }],
  decisions: [{ id: 'dlg-verdict', date: '2019-06-20', stage: 'verdict', body: 'Almaty City Court', penalty: { type: 'prison', term: { years: 7 } } }],
  summary: 'Sentenced to seven years for a conversation about religion.',
};

const NGO = {
  id: 'dlg-ngo',
  kind: 'ngo_suspension',
  title: 'Bureau suspended',
  organization: { name: 'Sample Rights Bureau' },
  measure: { type: 'suspension', authority: 'Ministry of Justice', status: 'in_force' },
};

async function importCases(page: Page, cases: object[]): Promise<void> {
  const bundle = { format: 'casefile-bundle', version: 2, cases };
  await importBundle(page, { name: 'dialog14.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByText(`Import finished. Cases in the bundle: ${cases.length}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

async function openBrief(page: Page, id: string, title: string) {
  await page.evaluate(`location.hash = '#/case/${id}'`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Brief…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('what the WGAD communication needs and the case lacks is listed, and the brief may still be made', async ({ page }) => {
  await importCases(page, [PRISONER]);
  const dialog = await openBrief(page, PRISONER.id, PRISONER.title);
  await dialog.getByRole('group', { name: 'Template' }).getByRole('radio', { name: /WGAD communication/ }).check();
  // The arrest has a date and forces but no place: named as missing, by its field.
  const gaps = dialog.locator('.brief-gaps');
  await expect(gaps).toContainText('What this template asks for and the case lacks');
  const place = gaps.locator('li[data-path="arrest.place"], li[data-code="wgad.arrest.place"]');
  await expect(place).toHaveCount(1);
  await expect(place).not.toBeEmpty();
  // A warning, not a refusal.
  await expect(dialog.getByRole('button', { name: 'Create PDF' })).toBeEnabled();
  await expect(dialog.getByText('This template does not fit this case')).toHaveCount(0);
});

test('a WGAD communication for an NGO case is refused with the reason, and Render is disabled and described by it', async ({ page }) => {
  await importCases(page, [NGO]);
  const dialog = await openBrief(page, NGO.id, NGO.title);
  const templates = dialog.getByRole('group', { name: 'Template' });
  await expect(templates.getByRole('radio')).toHaveCount(4);
  const create = dialog.getByRole('button', { name: 'Create PDF' });
  await expect(create).toBeEnabled();
  await templates.getByRole('radio', { name: /WGAD communication/ }).check();
  const refusal = dialog.getByRole('alert').filter({ hasText: 'This template does not fit this case' });
  await expect(refusal).toContainText('The WGAD communication is for a political prisoner; this case is an NGO case.');
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription(/The WGAD communication is for a political prisoner/);
  // Back to a template that fits: allowed again.
  await templates.getByRole('radio', { name: /NGO brief/ }).check();
  await expect(refusal).toHaveCount(0);
  await expect(create).toBeEnabled();
});

test('suggested requests claim nothing the file lacks, are edited and saved to the case, and show in its Requests after a reload', async ({ page, dataDir }) => {
  await importCases(page, [PRISONER]);
  const dialog = await openBrief(page, PRISONER.id, PRISONER.title);
  await expect(dialog.getByText('This case has no requests, so the brief will have none')).toBeVisible();
  await dialog.getByRole('button', { name: 'Suggest requests from the facts' }).click();
  const boxes = dialog.getByRole('textbox', { name: /^Request \d+$/ });
  // Held and convicted: release and "quash the conviction"; no charges to drop, no ban recorded to lift.
  await expect(boxes).toHaveCount(4);
  await expect(boxes.nth(0)).toHaveValue('Release Kenzhebek Abishev immediately and unconditionally.');
  await expect(boxes.nth(1)).toHaveValue('Quash the conviction of Kenzhebek Abishev and rehabilitate them in full.');
  const all = (await boxes.evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value))).join(' ');
  expect(all).not.toMatch(/drop|ban/i);
  // Nothing generated is printed unsaved: Render waits, and says why.
  const create = dialog.getByRole('button', { name: 'Create PDF' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription(/Save the suggested requests to the case, or discard them/);

  await boxes.nth(0).fill('Release Kenzhebek Abishev at once: seven years for a conversation about religion.');
  await dialog.getByRole('button', { name: 'Remove request 4' }).click();
  await expect(boxes).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Save requests to the case' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Requests saved to the case: 3.' })).toBeVisible();
  await expect(create).toBeEnabled();

  const expected = [
    'Release Kenzhebek Abishev at once: seven years for a conversation about religion.',
    'Quash the conviction of Kenzhebek Abishev and rehabilitate them in full.',
    'Guarantee Kenzhebek Abishev prompt access to a lawyer of their choice and regular contact with their family.',
  ];
  await expect.poll(async () => (await readCaseFile(dataDir, PRISONER.id)).requests?.map((r: { text: string }) => r.text)).toEqual(expected);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: PRISONER.title })).toBeVisible();
  const texts = section(page, 'Requests').getByRole('textbox', { name: 'Request', exact: true });
  await expect(texts).toHaveCount(3);
  for (const [i, text] of expected.entries()) await expect(texts.nth(i)).toHaveValue(text);
});

test('the urgent action’s number, dates and languages and a Kazakh summary are kept with the case and shown again on reopening', async ({ page, dataDir }, testInfo) => {
  await importCases(page, [PRISONER]);
  let dialog = await openBrief(page, PRISONER.id, PRISONER.title);
  await dialog.getByRole('group', { name: 'Template' }).getByRole('radio', { name: /Urgent action/ }).check();
  const ua = dialog.getByRole('group', { name: 'Urgent action' });
  await ua.getByLabel('UA number').fill('UA 12/26');
  await ua.getByLabel('Issue date').fill('01.12.2026');
  await ua.getByLabel('Send appeals before').fill('15.01.2027');
  await ua.getByLabel('Languages to write in').fill('Kazakh, Russian, English');
  // The summary is in English: a Kazakh brief offers one in Kazakh, an English one does not.
  await expect(dialog.getByLabel(/^Summary in/)).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Қазақша' }).check();
  await dialog.getByLabel('Summary in Kazakh (optional)').fill('Дін туралы әңгіме үшін жеті жылға сотталды.');
  await page.screenshot({ path: testInfo.outputPath('dialog-ua.png') });
  await testInfo.attach('dialog-ua', { path: testInfo.outputPath('dialog-ua.png'), contentType: 'image/png' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^kenzhebek-abishev-urgent-action-kk-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(dialog.getByRole('status').filter({ hasText: 'PDF created' })).toBeVisible();
  expect((await readCaseFile(dataDir, PRISONER.id)).briefing).toEqual({
    urgentAction: { number: 'UA 12/26', issuedOn: '2026-12-01', sendBefore: '2027-01-15', writeIn: 'Kazakh, Russian, English' },
    summaries: { kk: 'Дін туралы әңгіме үшін жеті жылға сотталды.' },
  });

  await page.keyboard.press('Escape');
  await page.reload();
  dialog = await openBrief(page, PRISONER.id, PRISONER.title);
  await dialog.getByRole('group', { name: 'Template' }).getByRole('radio', { name: /Urgent action/ }).check();
  const again = dialog.getByRole('group', { name: 'Urgent action' });
  await expect(again.getByLabel('UA number')).toHaveValue('UA 12/26');
  await expect(again.getByLabel('Issue date')).toHaveValue(/2026/);
  await expect(again.getByLabel('Languages to write in')).toHaveValue('Kazakh, Russian, English');
  await dialog.getByRole('radio', { name: 'Қазақша' }).check();
  await expect(dialog.getByLabel('Summary in Kazakh (optional)')).toHaveValue('Дін туралы әңгіме үшін жеті жылға сотталды.');
});

test('a submission-mode PDF is made, and the Word choice is sent to the service with its answer shown', async ({ page }, testInfo) => {
  await importCases(page, [PRISONER]);
  const dialog = await openBrief(page, PRISONER.id, PRISONER.title);
  const modes = dialog.getByRole('group', { name: 'Who is it for?' });
  await expect(modes.getByRole('radio')).toHaveCount(3);
  await modes.getByRole('radio', { name: /Submission — to a UN body.*who submits/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^kenzhebek-abishev-case-en-submission-\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = testInfo.outputPath('submission.pdf');
  await pdf.saveAs(file);
  expect((await readFile(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const done = dialog.getByRole('status').filter({ hasText: 'PDF created' });
  await expect(done).toContainText('Submission');

  // Word: the choice reaches the service, and whatever it answers is shown (a document, or why none was made).
  await dialog.getByRole('radio', { name: /Word \(\.docx\)/ }).check();
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/briefs.render'));
  await dialog.getByRole('button', { name: 'Create Word document' }).click();
  expect((await sent).postDataJSON()).toMatchObject({ ids: [PRISONER.id], template: 'case', mode: 'submission', format: 'docx' });
  const answer = dialog
    .getByRole('status')
    .filter({ hasText: 'Word document created' })
    .or(dialog.getByRole('alert').filter({ hasText: 'The brief could not be created' }));
  await expect(answer).toBeVisible();
  await expect(answer).not.toContainText('undefined');
});

test('a new case, which records no detention, charge or decision, is suggested nothing: the advocate writes their own', async ({ page }) => {
  await createCase(page, { kind: 'prisoner', title: 'Nothing recorded yet', name: 'Aigerim Nurlanova' });
  const requests = section(page, 'Requests');
  await requests.getByRole('button', { name: 'Suggest requests' }).click();
  await expect(requests.getByRole('status').filter({ hasText: 'Nothing the case records' })).toHaveText('Nothing the case records supports a suggestion yet: write your requests here.');
  await expect(requests.getByRole('textbox', { name: 'Request', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Brief…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });
  await dialog.getByRole('button', { name: 'Suggest requests from the facts' }).click();
  await expect(dialog.getByText('Nothing the case records supports a suggestion yet')).toBeVisible();
  const box = dialog.getByRole('textbox', { name: 'Request 1' });
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();
  await page.keyboard.type('Tell the family where Aigerim Nurlanova is.');
  await dialog.getByRole('button', { name: 'Save requests to the case' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Requests saved to the case: 1.' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(requests.getByRole('textbox', { name: 'Request', exact: true })).toHaveValue('Tell the family where Aigerim Nurlanova is.');
});
