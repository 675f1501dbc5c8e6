import { expect, test } from './fixtures';
import { importBundle, SAMPLE_BUNDLE } from './helpers';

/** Whole days from the end of 2019 to today (local), computed here independently. */
function daysSinceEndOf2019(): number {
  const now = new Date();
  return Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(2019, 11, 31)) / 86_400_000);
}

test('the list filters across scripts, sorts by column and counts days honestly', async ({ page }) => {
  await importBundle(page, SAMPLE_BUNDLE);
  await page.getByRole('dialog', { name: 'Import a bundle' }).getByRole('button', { name: 'Close', exact: true }).last().click();
  const grid = page.getByRole('grid', { name: 'Cases' });
  const names = grid.locator('.row-name');
  await expect(names).toHaveCount(3);

  // Instant text filter over titles and names, folding Cyrillic and Latin.
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await filter.fill('SERIKULY');
  await expect(names).toHaveText(['Aibek Serikuly']);
  await filter.fill('Айбек');
  await expect(names).toHaveText(['Aibek Serikuly']);
  await filter.fill('gulnar');
  await expect(names).toHaveText(['Гүлнар Әбдірахманова']);
  await filter.fill('құқық'); // an alias of the NGO
  await expect(names).toHaveText(['Sample Rights Bureau']);
  await filter.fill('no such case');
  await expect(grid.getByText('No case matches these filters.')).toBeVisible();
  await filter.fill('');

  // Filters by kind, status, priority, tag.
  await page.getByLabel('Kind').selectOption({ label: 'NGO under a measure' });
  await expect(names).toHaveText(['Sample Rights Bureau']);
  await page.getByLabel('Kind').selectOption({ label: 'Any' });
  await page.getByLabel('Priority').selectOption({ label: 'Urgent' });
  await expect(names).toHaveText(['Aibek Serikuly']);
  await page.getByLabel('Priority').selectOption({ label: 'Any' });
  await page.getByLabel('Tag').selectOption('extremism-charge');
  await expect(names).toHaveText(['Гүлнар Әбдірахманова']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Monitoring' });
  await expect(names).toHaveText(['Sample Rights Bureau']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(names).toHaveCount(3);

  // Sorting by clicking headers, announced with aria-sort.
  const nameHeader = grid.getByRole('columnheader', { name: 'Name' });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.getByRole('columnheader', { name: 'Updated' })).toHaveAttribute('aria-sort', 'none');
  await expect(names).toHaveText(['Aibek Serikuly', 'Sample Rights Bureau', 'Гүлнар Әбдірахманова']);
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(names).toHaveText(['Гүлнар Әбдірахманова', 'Sample Rights Bureau', 'Aibek Serikuly']);
  const priorityHeader = grid.getByRole('columnheader', { name: 'Priority' });
  await priorityHeader.getByRole('button').click();
  await expect(names.first()).toHaveText('Aibek Serikuly'); // urgent first
  const daysHeader = grid.getByRole('columnheader', { name: 'Days since' });
  await daysHeader.getByRole('button').click();
  await expect(daysHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(names.first()).toHaveText('Гүлнар Әбдірахманова'); // since 2019: the longest

  // "Since 2019" counts from 2019-12-31 and says it is a minimum; a full date is exact.
  const gulnar = grid.getByRole('row', { name: /Гүлнар/ });
  await expect(gulnar.locator('.col-days')).toHaveText(`≥ ${daysSinceEndOf2019().toLocaleString('en')}`);
  await expect(gulnar).toContainText('Imprisoned');
  const bureau = grid.getByRole('row', { name: /Sample Rights Bureau/ });
  // Three months from 2024-02-01: the suspension ended on 2024-05-01, so the list stops counting, as the case view does.
  await expect(bureau.locator('.col-days')).toHaveText('over');
  await expect(bureau.locator('.col-days')).toHaveAttribute('title', /the measure ended/);
  await expect(bureau).toContainText('Suspension · Appealed');
});

test('a long list is virtualized: few rows in the page, keyboard reaches the last', async ({ page }) => {
  const cases = Array.from({ length: 600 }, (_, i) => ({
    kind: 'political_prisoner',
    title: `Case ${String(i + 1).padStart(4, '0')}`,
    person: { name: `Person ${String(i + 1).padStart(4, '0')}` },
  }));
  const bundle = { format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases };
  await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await dialog.getByLabel('Bundle file').setInputFiles({ name: 'many.casefile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Cases in the bundle: 600', { timeout: 60_000 }); // 600 durable writes
  await page.keyboard.press('Escape');

  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(page.getByText('600 of 600 cases')).toBeVisible();
  await expect(grid).toHaveAttribute('aria-rowcount', '601');
  const rendered = await grid.locator('.case-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  await grid.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
  await page.getByRole('searchbox', { name: 'Filter' }).press('ArrowDown');
  await expect(grid.getByRole('row', { name: /Person 0001/ })).toBeFocused();
  await page.keyboard.press('End');
  const last = grid.getByRole('row', { name: /Person 0600/ });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-rowindex', '601');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Case 0600' })).toBeVisible();
});
