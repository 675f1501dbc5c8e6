import { access } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase } from './helpers';

const exists = (p: string) => access(p).then(() => true, () => false);

test('move to Trash, undo from the toast, then restore from the Trash view', async ({ page, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Case to trash', name: 'Dana Trash' });
  const inCases = path.join(dataDir, 'cases', `${id}.json`);
  const inTrash = path.join(dataDir, 'trash', `${id}.json`);
  const grid = page.getByRole('grid', { name: 'Cases' });

  await page.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByText('“Case to trash” was moved to the Trash.')).toBeVisible();
  expect(await exists(inTrash)).toBe(true);
  expect(await exists(inCases)).toBe(false);
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

  // Undo restores it and returns to it.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case to trash' })).toBeVisible();
  expect(await exists(inCases)).toBe(true);
  expect(await exists(inTrash)).toBe(false);
  await expect(page.getByText('“Case to trash” was restored.')).toBeVisible();
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await expect(page.getByText('“Case to trash” was restored.')).toHaveCount(0);

  // Trash again, then restore from the Trash view.
  await page.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page.getByText('“Case to trash” was moved to the Trash.')).toBeVisible();
  await page.getByRole('link', { name: 'Trash' }).click();
  const row = page.getByRole('row', { name: /Case to trash/ });
  await expect(row).toContainText('Dana Trash');
  await row.getByRole('button', { name: 'Restore “Case to trash”' }).click();
  await expect(page.getByText('“Case to trash” was restored.')).toBeVisible();
  await expect(page.getByText('The Trash is empty.')).toBeVisible();
  expect(await exists(inCases)).toBe(true);
  expect(await exists(inTrash)).toBe(false);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(grid.getByRole('row', { name: /Case to trash/ })).toBeVisible();
});
