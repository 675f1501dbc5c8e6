import { expect, test } from './fixtures';
import { createCase, expectSaved, importBundle, readCaseFile, section } from './helpers';

// Text from case files is data, never markup: it shows literally and runs nothing.

const TITLE = '<img src=x onerror="window.__pwned=1;alert(1)">';
const NAME = '<script>window.__pwned=2;alert(2)</script>';
const SUMMARY = '<b>not bold</b> <a href="javascript:alert(3)">link</a> {{constructor.constructor("alert(4)")()}}';

test('hostile text in cases renders literally and no script runs', async ({ page, dataDir }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  const id = await createCase(page, { kind: 'prisoner', title: TITLE, name: NAME });
  await section(page, 'Basics').getByLabel('Summary').fill(SUMMARY);
  await expectSaved(page);
  expect((await readCaseFile(dataDir, id)).title).toBe(TITLE);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('.case-name')).toHaveText(NAME);
  await expect(section(page, 'Basics').getByLabel('Summary')).toHaveValue(SUMMARY);

  // A bundle with hostile text in other places.
  const bundle = {
    format: 'casefile-bundle',
    version: 1,
    exportedAt: '2026-11-22T10:00:00.000Z',
    cases: [
      {
        kind: 'ngo_suspension',
        title: '"><svg onload=alert(5)>',
        organization: { name: '<iframe src="javascript:alert(6)"></iframe>', aliases: ['<img src=x onerror=alert(7)>'] },
        measure: { type: 'fine', authority: '<style>body{display:none}</style>' },
        events: [{ date: '2024', type: 'fine', title: '<img src=x onerror=alert(8)>', description: '</textarea><script>alert(9)</script>' }],
      },
    ],
  };
  await importBundle(page, { name: 'hostile.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByRole('status')).toContainText('"><svg onload=alert(5)>');
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();

  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(grid.getByText(TITLE, { exact: true })).toBeVisible();
  await expect(grid.getByText(NAME, { exact: true })).toBeVisible();
  await expect(grid.getByText('<iframe src="javascript:alert(6)"></iframe>', { exact: true })).toBeVisible();
  await grid.getByRole('row', { name: /iframe/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('"><svg onload=alert(5)>');
  await expect(section(page, 'Measure').getByLabel('Imposed by')).toHaveValue('<style>body{display:none}</style>');
  await expect(section(page, 'Timeline').getByLabel('Description')).toHaveValue('</textarea><script>alert(9)</script>');
  await expect(section(page, 'Timeline').getByText('<img src=x onerror=alert(8)>')).toBeVisible();

  // Nothing ran and nothing was injected.
  expect(dialogs).toEqual([]);
  expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  await expect(page.locator('img, iframe, script:not([src]), svg[onload]')).toHaveCount(0);
  await expect(page.locator('body')).toBeVisible();
});
