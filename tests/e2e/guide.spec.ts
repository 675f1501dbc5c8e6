import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect, root, test, type Page } from './fixtures';
import { expectSaved, importBundle, section } from './helpers';

// Walks the steps of docs/guide.md on a fresh data folder and takes the screenshots
// the guide shows. Each picture is taken only once the view shows what the guide says
// it shows. They go to test-results/guide/ on every run, and into docs/images/ (the
// committed copies the guide renders) with UPDATE_GUIDE_SCREENSHOTS=1, so an ordinary
// test run never rewrites tracked files.

test.use({ viewport: { width: 1280, height: 800 } });

const images = process.env.UPDATE_GUIDE_SCREENSHOTS === '1' ? path.join(root, 'docs', 'images') : path.join(root, 'test-results', 'guide');

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(images, { recursive: true });
  const file = path.join(images, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  expect((await stat(file)).size).toBeGreaterThan(10_000); // a real picture, not a blank
}

test('the user guide, step by step, with its screenshots', async ({ page, casefileMode }) => {
  test.skip(casefileMode !== 'browser', 'the guide’s pictures are made once, in browser mode');
  test.setTimeout(120_000);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // 1. First run: the welcome.
  const welcome = page.getByRole('region', { name: 'Welcome to Casefile' });
  await expect(welcome.getByRole('button', { name: 'Open the sample cases' })).toBeVisible();
  await shot(page, 'welcome');

  // 2. The sample cases in the list, with the deadline notice.
  await welcome.getByRole('button', { name: 'Open the sample cases' }).click();
  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(grid.locator('.case-row')).toHaveCount(4);
  await expect(page.getByText('Deadlines need attention')).toBeVisible();
  await page.getByText('The sample cases are open').waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
  await shot(page, 'list');

  // 3. A first case.
  await page.getByRole('banner').getByRole('button', { name: 'New case' }).click();
  const newCase = page.getByRole('dialog', { name: 'New case' });
  await newCase.getByRole('radio', { name: /Political prisoner/ }).check();
  await newCase.getByLabel('Title').fill('Marat Zhanuzakov — “inciting discord” case');
  await newCase.getByLabel('Person’s name').fill('Marat Zhanuzakov');
  await shot(page, 'new-case');
  await newCase.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marat Zhanuzakov — “inciting discord” case' })).toBeVisible();
  const detention = section(page, 'Detention and sentence');
  await detention.getByLabel('Since', { exact: true }).fill('2023-05');
  const decisions = section(page, 'Decisions and penalties');
  await decisions.getByRole('button', { name: 'Add decision' }).click();
  const verdict = decisions.getByRole('group', { name: 'New decision' });
  await verdict.getByLabel('Penalty', { exact: true }).selectOption({ label: 'Prison' });
  await verdict.getByRole('button', { name: 'Add term' }).click();
  await verdict.getByRole('group', { name: 'Term', exact: true }).getByLabel('Years').fill('5');
  await verdict.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(detention.getByRole('group', { name: 'Time served and release' })).toContainText('Expected release: about');
  await expect(detention.getByRole('group', { name: 'Time served and release' })).toContainText('At least');
  await expect(detention.getByRole('group', { name: 'Time served and release' })).toContainText('the date is only known to the month');
  await page.evaluate("document.getElementById('section-detention').scrollIntoView({ block: 'start' })");
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await shot(page, 'case-detention');

  // 4. Sources and annotations: the sample case's article, read with its highlight.
  await nav.getByRole('link', { name: 'Cases' }).click();
  await grid.getByRole('row', { name: /Aibek Serikuly/ }).click();
  const sources = section(page, 'Sources');
  await sources.getByRole('button', { name: 'Read “Блогер задержан в Алматы”' }).click();
  const reader = page.locator('section.reader');
  await expect(reader.getByRole('heading', { level: 3, name: 'Блогер задержан в Алматы' })).toBeVisible();
  await expect(reader.locator('mark').first()).toBeVisible();
  await page.evaluate("document.getElementById('section-sources').scrollIntoView({ block: 'start' })");
  await shot(page, 'sources');

  // 5. A brief.
  await page.getByRole('button', { name: 'Brief…' }).click();
  const brief = page.getByRole('dialog', { name: 'Create a brief' });
  await expect(brief.getByRole('radio', { name: /Public — to send outside/ })).toBeChecked();
  await shot(page, 'brief');
  await page.keyboard.press('Escape');
  await expect(brief).toBeHidden();

  // 6. Full-text search across scripts.
  await nav.getByRole('link', { name: 'Cases' }).click();
  const search = page.getByRole('combobox', { name: 'Search all case text' });
  await search.fill('Серікұлы');
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toContainText('Cases found for “Серікұлы”');
  await shot(page, 'search');
  await search.fill('');

  // 7. The deadlines.
  await nav.getByRole('link', { name: 'Deadlines' }).click();
  const table = page.getByRole('table', { name: 'Upcoming deadlines' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table.locator('tr.is-overdue').first()).toBeVisible();
  await shot(page, 'deadlines');

  // 8. A bundle from a colleague that holds cases you already have: the conflict choice.
  await nav.getByRole('link', { name: 'Cases' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('banner').getByRole('button', { name: 'Export all' }).click()]);
  const exported = await readFile((await download.path())!);
  await importBundle(page, { name: 'from-a-colleague.casefile.json', buffer: exported }, /Keep both/);
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByRole('status')).toContainText('Cases in the bundle: 5');
  await shot(page, 'import');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // 9. A case's history: an edit shown as old → new.
  await grid.locator('.case-row').first().click();
  const basics = section(page, 'Basics');
  const title = basics.getByLabel('Title');
  const before = await title.inputValue();
  await title.fill(`${before} (appeal lodged)`);
  await expectSaved(page);
  const history = section(page, 'History');
  await expect(history.getByRole('list', { name: 'Saved changes, newest first' }).locator('> li').first()).toContainText('Edited');
  await history.scrollIntoViewIfNeeded();
  await shot(page, 'history');

  // 10. Backups: one made now, in the list of snapshots.
  await nav.getByRole('link', { name: 'Settings' }).click();
  const backups = page.getByRole('region', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: 'Made by you' })).toHaveCount(1);
  await backups.scrollIntoViewIfNeeded();
  await shot(page, 'backups');

  // 11. Encryption: the recommendation, then the passphrase, then the lock screen.
  const encryption = page.getByRole('region', { name: 'Encryption' });
  await encryption.scrollIntoViewIfNeeded();
  await expect(encryption).toContainText('Anyone who gets this laptop can read every case');
  await shot(page, 'encryption');
  const form = encryption.getByRole('form', { name: 'Encrypt the data folder' });
  await form.getByLabel('New passphrase', { exact: true }).fill('a long passphrase only you know');
  await form.getByLabel('Type the new passphrase again').fill('a long passphrase only you know');
  await form.getByRole('button', { name: 'Encrypt the data folder' }).click();
  await expect(encryption.getByText('This data folder is encrypted with your passphrase.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This data folder is encrypted' })).toBeVisible();
  await shot(page, 'lock');
});
