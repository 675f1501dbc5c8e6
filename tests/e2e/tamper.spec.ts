import { expect, test } from './fixtures';

// Tamper evidence in the window (issue 12, finding 4): what the store's open finds
// changed outside Casefile is an error banner in the window and in About, with the
// verdict, the file and the last good revision.

test.describe('a history whose case file was deleted outside Casefile', () => {
  test.use({
    seedFiles: {
      'history/ghost-case.jsonl': `${JSON.stringify({ at: '2026-01-01T10:00:00.000Z', rev: 1, cause: 'create', changes: [] })}\n${JSON.stringify({ at: '2026-01-02T10:00:00.000Z', rev: 2, cause: 'update', changes: [] })}\n`,
    },
  });

  test('is shown as deleted, in the window and in About', async ({ page }) => {
    const banner = page.getByRole('alert').filter({ hasText: 'Changed outside Casefile: 1' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('deleted');
    await expect(banner).toContainText('history/ghost-case.jsonl');
    await expect(banner).toContainText('Restore the last good version from a backup');
    await page.getByRole('banner').getByRole('button', { name: 'About' }).click();
    const dialog = page.getByRole('dialog', { name: 'About Casefile' });
    await expect(dialog.getByRole('alert').filter({ hasText: 'Changed outside Casefile' })).toContainText('history/ghost-case.jsonl');
  });
});
