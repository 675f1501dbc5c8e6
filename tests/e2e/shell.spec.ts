import { expect, test } from './fixtures';

test('menu commands from the desktop shell open the same views', async ({ page, casefileMode }) => {
  test.skip(casefileMode === 'electron', 'stands in for the shell in browser mode');
  // Browser mode has no shell; install a stand-in with the same interface, as the preload would.
  await page.addInitScript({
    content: `(() => {
      const handlers = [];
      window.casefileShell = { onCommand: (cb) => { handlers.push(cb); } };
      window.__send = (cmd) => handlers.forEach((h) => h(cmd));
    })();`,
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

  await page.evaluate('window.__send("about")');
  await expect(page.getByRole('dialog', { name: 'About Casefile' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate('window.__send("new-case")');
  await expect(page.getByRole('dialog', { name: 'New case' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate('window.__send("import")');
  await expect(page.getByRole('dialog', { name: 'Import a bundle' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate('window.__send("settings")');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate('window.__send("export")')]);
  expect(download.suggestedFilename()).toMatch(/^casefile-export-\d{4}-\d{2}-\d{2}\.casefile\.json$/);
});

test('Escape closes a dialog and focus returns to the control that opened it', async ({ page }) => {
  const about = page.getByRole('banner').getByRole('button', { name: 'About' });
  await about.click();
  const dialog = page.getByRole('dialog', { name: 'About Casefile' });
  await expect(dialog.getByText('Data folder')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(about).toBeFocused();

  const importButton = page.getByRole('banner').getByRole('button', { name: 'Import…' });
  await importButton.click();
  await expect(page.getByRole('dialog', { name: 'Import a bundle' })).toBeVisible();
  // The page behind the modal is inert: Tab only ever reaches the dialog's controls
  // (or leaves to the browser's own UI, shown here as the body).
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const where = await page.getByRole('dialog', { name: 'Import a bundle' }).evaluate((d) => {
      const active = d.ownerDocument.activeElement;
      return active === null || active === d.ownerDocument.body ? 'outside-page' : d.contains(active) ? 'dialog' : 'page-behind';
    });
    expect(where).not.toBe('page-behind');
  }
  await page.getByRole('dialog', { name: 'Import a bundle' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(importButton).toBeFocused();
});

test.describe('a case file that fails to load', () => {
  test.use({ seedFiles: { 'cases/damaged-case.json': '{"kind": "political_prisoner", "title": "cut off' } });

  test('is shown prominently as quarantined, in the window and in About', async ({ page }, testInfo) => {
    const banner = page.getByRole('alert').filter({ hasText: 'Case files that failed to load: 1' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('damaged-case.json');
    await expect(banner).toContainText('not valid JSON');
    await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-quarantine.png` });
    await page.getByRole('banner').getByRole('button', { name: 'About' }).click();
    const dialog = page.getByRole('dialog', { name: 'About Casefile' });
    await expect(dialog.getByRole('alert')).toContainText('damaged-case.json');
    await expect(dialog.getByText(/quarantine/).first()).toBeVisible();
  });
});
