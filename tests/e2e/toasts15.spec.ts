import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { importBundle, SAMPLE_BUNDLE } from './helpers';

// Toasts: a report of what went well goes by itself; an error stays until the user
// dismisses it (the × or Escape), so it cannot vanish unread.

test('an info toast goes by itself; an error toast stays until Escape; a one-case export is named for the person', async ({ page, dataDir }) => {
  test.setTimeout(90_000);
  await importBundle(page, SAMPLE_BUNDLE);
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByText('Import finished. Cases in the bundle: 3')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Export one case: the file is named for the person, ASCII, dated; the success toast names it and then goes.
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: /Aibek Serikuly/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Aibek Serikuly — 'false information' case" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export case' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^aibek-serikuly-\d{4}-\d{2}-\d{2}\.casefile\.json$/);
  expect(JSON.parse(await readFile((await download.path())!, 'utf8')).cases).toHaveLength(1);
  const toasts = page.getByRole('status').filter({ has: page.locator('.toast') });
  const exported = page.locator('.toast').filter({ hasText: `Exported (1) to ${download.suggestedFilename()}` });
  await expect(exported).toBeVisible();
  await expect(toasts).toHaveAttribute('aria-live', 'polite');
  await expect(exported).toBeHidden({ timeout: 15_000 });

  // A backup the disk refuses (a plain file where the backups folder goes) reports an error.
  await page.getByRole('link', { name: 'Settings' }).click();
  const backups = page.getByRole('region', { name: 'Backups' });
  const folder = path.join(dataDir, 'backups');
  await rm(folder, { recursive: true, force: true });
  await writeFile(folder, 'not a folder');
  await backups.getByRole('button', { name: 'Back up now' }).click();
  const failed = page.locator('.toast-error').filter({ hasText: /^The backup could not be made: / });
  await expect(failed).toBeVisible();

  // With the folder back, successful backups' toasts come and go, one after another, while the error stays.
  await rm(folder, { force: true });
  for (let i = 0; i < 3; i++) {
    await backups.getByRole('button', { name: 'Back up now' }).click();
    const made = page.locator('.toast-success').filter({ hasText: /^Backup made\. Cases: 3\./ });
    await expect(made).toBeVisible();
    await expect(made).toBeHidden({ timeout: 15_000 });
    await expect(failed).toBeVisible();
  }

  // Escape dismisses it, from wherever the focus is on the page (here: the button just used).
  await backups.getByRole('button', { name: 'Back up now' }).focus();
  await page.keyboard.press('Escape');
  await expect(failed).toBeHidden();
  await expect(page.locator('.toast')).toHaveCount(0);
});
