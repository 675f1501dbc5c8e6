import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, root, test, type Page } from './fixtures';
import { importBundle } from './helpers';

// The Statistics view over cases the test imports: the counts in each chart's table, the
// list's status filter narrowing them, and a chart exported as PNG (kept in test-results/
// for a person to look at) and its numbers as CSV.

const prisoner = (name: string, extra: Record<string, unknown>) => ({ kind: 'political_prisoner', title: `${name} case`, person: { name, aliases: [] }, country: 'KZ', ...extra });

const CASES = [
  prisoner('Айгүл Сәрсенова', { status: 'active', region: 'Алматы', arrest: { date: '2021-03-15' }, detention: { status: 'imprisoned' }, charges: [{ article: '174', code: 'Criminal Code' }] }),
  prisoner('Ерлан Тоқаев', { status: 'active', region: 'Almaty', detention: { status: 'pre_trial', since: '2021-03' }, charges: [{ article: '174', code: 'Criminal Code' }] }),
  prisoner('Bolat Semeyev', { status: 'closed', region: 'Семей', detention: { status: 'released', since: '2020', releasedOn: '2022-01-10' } }),
  { kind: 'ngo_suspension', title: 'Kadir-Kasiet suspension', organization: { name: 'Kadir-Kasiet', aliases: [] }, country: 'KZ', region: 'Жаңаөзен', status: 'monitoring', measure: { type: 'suspension', authority: 'Ministry of Justice', start: '2021-05', status: 'in_force' } },
];

async function importCases(page: Page): Promise<void> {
  await importBundle(page, { name: 'stats.casefile.json', buffer: Buffer.from(JSON.stringify({ format: 'casefile-bundle', version: 2, cases: CASES })) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByRole('status')).toContainText(`Cases in the bundle: ${CASES.length}`);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
}

/** A chart's accessible table, as rows of cell texts. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  return table.getByRole('row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
}

test('the caseload in charts: counts by region and status, the list filter, a chart as PNG and its numbers as CSV', async ({ page }) => {
  await importCases(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  await expect(page.getByText('The caseload as the list\'s filters leave it: 4 cases.')).toBeVisible();

  // Almaty twice (two spellings), Semey drawn in East Kazakhstan, Zhanaozen in Mangystau.
  await expect.poll(() => tableRows(page, 'Cases in Kazakhstan by region')).toEqual([
    ['Category', 'Cases'],
    ['Almaty', '2'],
    ['East Kazakhstan Region', '1'],
    ['Mangystau Region', '1'],
  ]);
  expect(await tableRows(page, 'Cases by status')).toEqual([['Category', 'Cases'], ['Active', '2'], ['Monitoring', '1'], ['Resolved', '0'], ['Closed', '1']]);
  expect(await tableRows(page, 'Cases by charge')).toContainEqual(['174 (Criminal Code)', '2']);
  await expect(page.getByText(/The map draws the borders of 2012/)).toBeVisible();

  // The list's filter, here and in the list alike.
  await page.getByLabel('Status', { exact: true }).selectOption('active');
  await expect(page.getByText('The caseload as the list\'s filters leave it: 2 cases.')).toBeVisible();
  await expect.poll(() => tableRows(page, 'Cases in Kazakhstan by region')).toEqual([['Category', 'Cases'], ['Almaty', '2']]);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('active');
  await expect(page.getByRole('grid', { name: 'Cases' }).getByRole('row')).toHaveCount(3);
  await nav.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByText('The caseload as the list\'s filters leave it: 2 cases.')).toBeVisible();

  // The yearly series: the year-only "2020" detention is there, and gone from the monthly one's rows but named in its note.
  await page.getByLabel('Status', { exact: true }).selectOption('');
  await expect.poll(() => tableRows(page, 'Detentions, releases and measures over time')).toEqual([
    ['Period', 'Detentions', 'Releases', 'Measures against NGOs'],
    ['2020', '1', '0', '0'],
    ['2021', '2', '0', '1'],
    ['2022', '0', '1', '0'],
  ]);
  await page.getByLabel('Period').selectOption('month');
  await expect(page.getByText(/Dated to the year only.*1 detentions, 0 releases, 0 measures/)).toBeVisible();

  // The region map as PNG, saved where a person can look at it.
  const card = page.locator('[data-chart="by-region"]');
  await expect(card.locator('svg path').first()).toBeVisible();
  const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export “Cases in Kazakhstan by region” as PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('casefile-by-region.png');
  const out = path.join(root, 'test-results/statistics-chart.png');
  await mkdir(path.dirname(out), { recursive: true });
  await png.saveAs(out);
  const bytes = await readFile(out);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(400);
  expect(height).toBeGreaterThan(400);

  const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export “Cases in Kazakhstan by region” as SVG' }).click()]);
  const svgText = await readFile(await svg.path(), 'utf8');
  expect(svgText).toMatch(/^<svg[\s\S]*<\/svg>$/);
  expect(svgText).toContain('Almaty');

  // From the keyboard: the export buttons are plain buttons.
  await page.getByRole('button', { name: 'Export “Cases by status” as CSV' }).focus();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const csvBytes = await readFile(await csv.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csvBytes.toString('utf8').slice(1)).toBe('Category,Cases\r\nActive,2\r\nMonitoring,1\r\nResolved,0\r\nClosed,1\r\n');
  await writeFile(path.join(root, 'test-results/statistics-status.csv'), csvBytes);
});
