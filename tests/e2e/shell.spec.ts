import { expect, test } from './fixtures';

test('menu commands from the desktop shell open the same views', async ({ page, casefileMode }) => {
  test.skip(casefileMode === 'electron', 'stands in for the shell in browser mode');
  // Browser mode has no shell; install a stand-in with the same interface, as the preload would.
  await page.addInitScript({
    content: `(() => {
      const handlers = [];
      window.__saved = [];
      window.__languages = [];
      window.casefileShell = {
        onCommand: (cb) => { handlers.push(cb); return () => {}; },
        openExternal: async () => false,
        saveFile: async (name, data, kind) => {
          window.__saved.push({ name, kind, text: new TextDecoder().decode(data) });
          return { saved: true, path: '/home/lawyer/Documents/' + name };
        },
        onBundleOpened: () => () => {},
        takeOpenedBundle: async () => null,
        setLanguage: async (code) => { window.__languages.push(code); return true; },
      };
      window.__send = (cmd) => handlers.forEach((h) => h(cmd));
    })();`,
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  expect(await page.evaluate('window.__languages')).toEqual(['en']); // the shell's menu follows the page

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

  // Export goes through the shell's Save dialog, and the message names where the file went.
  await page.evaluate('window.__send("export")');
  await expect(page.getByRole('status').filter({ hasText: '/home/lawyer/Documents/casefile-export-' })).toBeVisible();
  const saved = (await page.evaluate('window.__saved')) as Array<{ name: string; kind: string; text: string }>;
  expect(saved).toHaveLength(1);
  expect(saved[0]!.name).toMatch(/^casefile-export-\d{4}-\d{2}-\d{2}\.casefile\.json$/);
  expect(saved[0]!.kind).toBe('bundle');
  expect(JSON.parse(saved[0]!.text)).toMatchObject({ format: 'casefile-bundle', cases: [] });
});

test('a bundle the desktop app is asked to open lands in the import dialog, and a cancelled save says nothing', async ({ page, casefileMode }) => {
  test.skip(casefileMode === 'electron', 'stands in for the shell in browser mode');
  const bundle = JSON.stringify({
    format: 'casefile-bundle',
    version: 1,
    exportedAt: '2026-11-22T10:00:00.000Z',
    cases: [{ kind: 'political_prisoner', title: 'Гүлнар Әбдірахманова', person: { name: 'Гүлнар Әбдірахманова' } }],
  });
  await page.addInitScript({
    content: `(() => {
      let pending = [{ name: 'Дела.casefile.json', text: ${JSON.stringify(bundle)} }];
      const handlers = [];
      window.casefileShell = {
        onCommand: (cb) => { handlers.push(cb); return () => {}; },
        openExternal: async () => false,
        saveFile: async () => { window.__asked = (window.__asked ?? 0) + 1; return { saved: false, cancelled: true }; },
        onBundleOpened: () => () => {},
        takeOpenedBundle: async () => pending.shift() ?? null,
        setLanguage: async () => true,
      };
      window.__send = (cmd) => handlers.forEach((h) => h(cmd));
    })();`,
  });
  await page.reload();
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Chosen for you: Дела.casefile.json')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Гүлнар Әбдірахманова');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Гүлнар Әбдірахманова' })).toBeVisible();

  await page.evaluate('window.__send("export")');
  // A function, not a string: Playwright polls a string predicate through eval, which the app's CSP refuses.
  await page.waitForFunction(() => (globalThis as unknown as { __asked?: number }).__asked === 1);
  // The user cancelled the Save dialog: no "exported" message, no error. (Opening About after
  // the cancel orders the check behind anything the export would have shown.)
  await page.evaluate('window.__send("about")');
  await expect(page.getByRole('dialog', { name: 'About Casefile' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
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
