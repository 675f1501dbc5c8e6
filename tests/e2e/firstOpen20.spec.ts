import { access, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateCase } from '../../scripts/bench/generate';
import { expect, test } from './fixtures';

// The first open of a copied archive (issue 20): the list comes first, and the search index
// builds after it with its progress in the header. Three hundred generated cases, copied in
// as a folder arrives from another machine; the server's test hook holds the indexing after
// its first step until this test has seen the bar (so the step is seen however fast the
// machine), then lets it finish.

const COUNT = 300;
const cases = Array.from({ length: COUNT }, (_, i) => generateCase(i));
const archive: Record<string, string> = {
  'meta.json': JSON.stringify({ format: 'casefile-data', schemaVersion: 2, createdAt: '2026-01-01T00:00:00.000Z' }),
  ...Object.fromEntries(cases.map((g) => [`cases/${g.case.id}.json`, `${JSON.stringify(g.case, null, 2)}\n`])),
};
const hold = path.join(os.tmpdir(), `casefile-e2e-hold-indexing-${process.pid}-${Date.now()}`);

test.use({ seedFiles: archive, serverEnv: { CASEFILE_TEST_HOLD_INDEXING: hold } });

test('a copied archive: the list works while the search index builds with progress shown, then search finds every case', async ({ page, casefileMode }) => {
  test.skip(casefileMode !== 'browser', 'the indexing hold is set through the browser-mode server');
  const bar = page.getByTestId('open-progress');
  await expect(bar).toContainText(/Indexing for search: \d+ of 300 cases/);
  await expect(bar).toContainText('search answers once indexing is done');
  const progress = bar.getByRole('progressbar');
  await expect(progress).toHaveAttribute('max', '300');
  // The build reports its start (0) and then a step per batch of cases merged: the step the hold stops at comes a moment later.
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  expect(Number(await progress.getAttribute('value'))).toBeLessThan(COUNT);

  // The list is usable meanwhile: every case is there to filter.
  const names = page.getByRole('grid', { name: 'Cases' }).locator('.row-name');
  const target = cases[123]!;
  await page.getByRole('searchbox', { name: 'Filter' }).fill(target.case.title);
  await expect(names).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Filter' }).fill('');

  // Let the indexing go on: the bar reaches the end and goes.
  await writeFile(hold, '');
  await expect(bar).toBeHidden();
  await access(hold);

  // Search answers from the whole archive.
  const search = page.getByRole('combobox', { name: 'Search all case text' });
  await search.fill(target.case.title);
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(options.first()).toContainText(target.case.title);
});
