import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { importBundle, SAMPLE_BUNDLE } from './helpers';

test('a bad bundle is refused with every fault by JSON path, and nothing is stored', async ({ page, dataDir }) => {
  const bundle = JSON.parse(await readFile(SAMPLE_BUNDLE, 'utf8'));
  bundle.cases[0].person.birthYear = 'nineteen eighty';
  bundle.cases[1].nickname = 'not a model field';
  bundle.cases[2].events = [{ date: '2019-13-01', type: 'arrest', title: 'Bad date' }];
  await importBundle(page, { name: 'bad.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });

  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The bundle was refused. Nothing was stored.');
  const faults = alert.getByRole('listitem');
  await expect(faults).toHaveCount(3);
  await expect(faults.filter({ hasText: /^cases\[0\]\.person\.birthYear: / })).toHaveCount(1);
  await expect(faults.filter({ hasText: /^cases\[1\]\.nickname: unknown field/ })).toHaveCount(1);
  await expect(faults.filter({ hasText: /^cases\[2\]\.events\[0\]\.date: expected YYYY, YYYY-MM or YYYY-MM-DD/ })).toHaveCount(1);

  expect(await readdir(path.join(dataDir, 'cases'))).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

  // Not JSON at all.
  await importBundle(page, { name: 'broken.casefile.json', buffer: Buffer.from('{"format": "casefile-bundle", ') });
  // Parsed by the services now (in a worker), which say where.
  await expect(dialog.getByRole('alert')).toContainText('"broken.casefile.json" is not valid JSON at line 1, column 31');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was stored.');
  expect(await readdir(path.join(dataDir, 'cases'))).toEqual([]);
});

test('the sample bundle imports with a per-case report; export downloads a bundle', async ({ page, dataDir }) => {
  await importBundle(page, SAMPLE_BUNDLE);
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  const report = dialog.getByRole('status');
  await expect(report).toContainText('Import finished. Cases in the bundle: 3');
  const rows = report.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("Aibek Serikuly — 'false information' case");
  await expect(rows.nth(1)).toContainText('Added');
  await expect(rows.nth(2)).toContainText('Гүлнар Әбдірахманова — extremism charge');
  await expect(rows.nth(3)).toContainText('Sample Rights Bureau — suspended for 3 months');
  expect((await readdir(path.join(dataDir, 'cases'))).filter((n) => n.endsWith('.json'))).toHaveLength(3);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();

  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(grid.getByRole('row')).toHaveCount(4);

  // Export all.
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all' }).click()]);
  expect(all.suggestedFilename()).toMatch(/^casefile-export-\d{4}-\d{2}-\d{2}\.casefile\.json$/);
  const exported = JSON.parse(await readFile((await all.path())!, 'utf8'));
  expect(exported.format).toBe('casefile-bundle');
  expect(exported.cases.map((c: { title: string }) => c.title).sort()).toEqual(
    ["Aibek Serikuly — 'false information' case", 'Sample Rights Bureau — suspended for 3 months', 'Гүлнар Әбдірахманова — extremism charge'],
  );

  // Export the list's selection.
  await grid.getByRole('row', { name: /Sample Rights Bureau/ }).getByRole('checkbox').check();
  const [some] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export selected (1)' }).click()]);
  const selected = JSON.parse(await readFile((await some.path())!, 'utf8'));
  expect(selected.cases).toHaveLength(1);
  expect(selected.cases[0].organization.aliases).toEqual(['Үлгі құқық бюросы', 'Образцовое бюро по правам']);

  // Importing the export again with "keep both" stores copies beside the originals.
  await page.getByRole('button', { name: 'Import…' }).click();
  await dialog.getByLabel('Bundle file').setInputFiles((await some.path())!);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Some cases in the bundle exist already');
  await expect(dialog.getByRole('alert').getByRole('listitem')).toHaveText([/^cases\[0\]\.id: a case with this id exists already/]);
  await dialog.getByRole('radio', { name: /Keep both/ }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Stored as a copy');
  expect((await readdir(path.join(dataDir, 'cases'))).filter((n) => n.endsWith('.json'))).toHaveLength(4);
});
