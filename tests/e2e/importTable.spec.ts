import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';

// An NGO's list moved in through the mapping screen: a workbook made here with exceljs,
// its columns matched by their Russian and Kazakh headers, one column remapped by hand,
// a refused date seen by its cell and then fixed, and the cases checked in the list and
// in one case's own fields.

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Тізім');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADERS = ['ФИО', 'Бап', 'Ұсталған күні', 'Примечание'];

test('a spreadsheet imports through the mapping screen, and the list exports back to Excel', async ({ page, dataDir }) => {
  const bad = await workbook([HEADERS, ['Тоқаев Ерлан', '174 ч. 2', '31.02.2021', 'ИК-158'], ['Сәрсенова Айгүл', '405', '2020 жылғы 3 наурыз', '']]);
  const good = await workbook([HEADERS, ['Тоқаев Ерлан', '174 ч. 2', '22.02.2021', 'ИК-158'], ['Сәрсенова Айгүл', '405', '2020 жылғы 3 наурыз', '']]);

  await page.getByRole('button', { name: 'Import from spreadsheet…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import cases from a spreadsheet' });
  const file = dialog.getByLabel('Spreadsheet (.xlsx or .csv)');
  await file.setInputFiles({ name: 'список.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });

  // The headers mapped themselves; the unknown one is left out until the user maps it.
  await expect(dialog.getByLabel('Column “ФИО”')).toHaveValue('name');
  await expect(dialog.getByLabel('Column “Бап”')).toHaveValue('charges');
  await expect(dialog.getByLabel('Column “Ұсталған күні”')).toHaveValue('arrestDate');
  await expect(dialog.getByLabel('Column “Примечание”')).toHaveValue('');
  const refused = dialog.getByRole('alert');
  await expect(refused).toContainText('1 cell(s) cannot be stored');
  await expect(refused).toContainText('Тізім!C2');
  await expect(refused).toContainText('«Ұсталған күні»');
  await expect(refused).toContainText('no such day or month');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  expect(await readdir(path.join(dataDir, 'cases'))).toEqual([]);

  // The corrected file, and the notes column mapped by hand to the place of detention.
  await file.setInputFiles({ name: 'список.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Column “Примечание”').selectOption('place');
  const preview = dialog.getByRole('table', { name: 'The first cases as they will be stored' });
  await expect(preview.getByRole('row')).toHaveCount(3);
  await expect(preview.getByRole('row').nth(1)).toContainText('Тоқаев Ерлан');
  await expect(dialog.getByText('2 case(s) from 2 row(s).')).toBeVisible();
  expect(await readdir(path.join(dataDir, 'cases'))).toEqual([]); // nothing until Import

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '2 case(s) stored.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(grid.getByRole('row')).toHaveCount(3);
  await expect(grid).toContainText('Тоқаев Ерлан');
  await expect(grid).toContainText('Сәрсенова Айгүл');

  const files = (await readdir(path.join(dataDir, 'cases'))).filter((n) => n.endsWith('.json'));
  const stored = await Promise.all(files.map(async (n) => JSON.parse(await readFile(path.join(dataDir, 'cases', n), 'utf8'))));
  const tokaev = stored.find((c) => c.title === 'Тоқаев Ерлан');
  expect(tokaev.arrest).toEqual({ date: '2021-02-22' });
  expect(tokaev.charges).toEqual([{ article: '174 ч. 2', code: 'Criminal Code of the Republic of Kazakhstan' }]);
  expect(tokaev.detention).toEqual({ status: 'unknown', place: 'ИК-158' });
  expect(stored.find((c) => c.title === 'Сәрсенова Айгүл').arrest).toEqual({ date: '2020-03-03' });

  // One case's own fields, as the case view shows them.
  await page.evaluate(`location.hash = '#/case/${tokaev.id}'`);
  await expect(page.getByRole('heading', { level: 1, name: 'Тоқаев Ерлан' })).toBeVisible();
  await expect(page.getByLabel('Article', { exact: true })).toHaveValue('174 ч. 2');
  await expect(page.getByLabel('Place of detention', { exact: true })).toHaveValue('ИК-158');

  // Back in the list: the list as shown, out to Excel.
  await page.evaluate(`location.hash = '#/'`);
  await expect(grid.getByRole('row')).toHaveCount(3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export list → Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^casefile-cases-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(1).value).toBe('Name');
  expect([ws.getRow(2).getCell(1).value, ws.getRow(3).getCell(1).value].sort()).toEqual(['Сәрсенова Айгүл', 'Тоқаев Ерлан']);
});
