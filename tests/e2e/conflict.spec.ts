import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { caseFileTexts, createCase, expectSaved, readCaseFile, section } from './helpers';

// The same case edited in two tabs of one server: the second save is refused with the
// version on disk, the conflict view shows both, and the user's choice keeps the text.

test.skip(({ casefileMode }) => casefileMode === 'electron', 'needs two browser tabs on one server');

async function openInSecondTab(page: Page, url: string, title: string): Promise<Page> {
  const other = await page.context().newPage();
  // This tab hears no events (as a window whose event stream dropped): otherwise, with nothing unsaved,
  // it would show tab A's save at once and no conflict would arise. The conflict flow is what guards it.
  await other.route('**/api/events', (route) => route.abort());
  await other.goto(url);
  await other.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: new RegExp(title) }).click();
  await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return other;
}

test('keep both: a conflicting save shows both versions and stores mine as a new case', async ({ page, url, dataDir }) => {
  const id = await createCase(page, { kind: 'prisoner', title: 'Shared case', name: 'Erlan Two-Tabs' });
  const tabB = await openInSecondTab(page, url, 'Shared case');

  // Tab A saves first.
  await section(page, 'Basics').getByLabel('Summary').fill('Text written in tab A.');
  await expectSaved(page);
  expect((await readCaseFile(dataDir, id)).rev).toBe(2);

  // Tab B still edits revision 1: its save is refused and the conflict view opens.
  await section(tabB, 'Basics').getByLabel('Summary').fill('Text written in tab B.');
  await expect(tabB.getByRole('heading', { name: 'This case was changed elsewhere' })).toBeVisible();
  await expect(tabB.locator('.save-status')).toHaveText('Conflict — not saved');
  const summaryRow = tabB.getByRole('row', { name: /Summary/ });
  await expect(summaryRow).toContainText('differs');
  await expect(summaryRow.getByRole('cell').nth(0)).toHaveText('Text written in tab B.');
  await expect(summaryRow.getByRole('cell').nth(1)).toHaveText('Text written in tab A.');
  await expect(tabB.getByRole('columnheader', { name: 'On disk (revision 2)' })).toBeVisible();
  await tabB.screenshot({ path: 'test-results/screenshots/browser-conflict.png' });
  // Nothing was overwritten meanwhile.
  expect((await readCaseFile(dataDir, id)).summary).toBe('Text written in tab A.');

  await tabB.getByRole('button', { name: 'Keep both' }).click();
  await expect(tabB.getByText('Your version was saved as a new case: “Shared case (my version)”')).toBeVisible();
  // Tab B continues from the version on disk.
  await expect(section(tabB, 'Basics').getByLabel('Summary')).toHaveValue('Text written in tab A.');
  await expect(tabB.locator('.save-status')).toHaveText('Saved');

  const texts = await caseFileTexts(dataDir);
  expect(texts).toHaveLength(2);
  const cases = texts.map((t) => JSON.parse(t));
  expect(cases.find((c) => c.id === id).summary).toBe('Text written in tab A.');
  const copy = cases.find((c) => c.id !== id);
  expect(copy).toMatchObject({ title: 'Shared case (my version)', summary: 'Text written in tab B.', person: { name: 'Erlan Two-Tabs' } });

  // The toast's "Open" goes to the copy.
  await tabB.getByRole('button', { name: 'Open' }).click();
  await expect(tabB.getByRole('heading', { level: 1, name: 'Shared case (my version)' })).toBeVisible();
  await tabB.close();
});

test('keep mine: my version is saved over the one on disk', async ({ page, url, dataDir }) => {
  // Tab A, too, must not hear B's save as an event (see openInSecondTab), or it would show it instead of meeting the conflict below.
  await page.route('**/api/events', (route) => route.abort());
  await page.reload();
  const id = await createCase(page, { kind: 'ngo', title: 'Shared NGO case', name: 'Bureau Two', authority: 'Ministry' });
  const tabB = await openInSecondTab(page, url, 'Shared NGO case');

  await section(page, 'Basics').getByLabel('City or region').fill('Almaty (from A)');
  await expectSaved(page);

  await section(tabB, 'Basics').getByLabel('City or region').fill('Shymkent (from B)');
  await expect(tabB.getByRole('heading', { name: 'This case was changed elsewhere' })).toBeVisible();
  await expect(tabB.getByRole('row', { name: /Region/ })).toContainText('Almaty (from A)');
  await tabB.getByRole('button', { name: 'Keep mine' }).click();
  await expectSaved(tabB);

  const disk = await readCaseFile(dataDir, id);
  expect(disk.region).toBe('Shymkent (from B)');
  expect(disk.rev).toBe(3);
  expect(await caseFileTexts(dataDir)).toHaveLength(1);

  // Tab A, editing on, now meets the conflict in turn; "take theirs" shows B's text.
  await section(page, 'Basics').getByLabel('Summary').fill('A again');
  await expect(page.getByRole('heading', { name: 'This case was changed elsewhere' })).toBeVisible();
  await page.getByRole('button', { name: 'Take theirs' }).click();
  await expect(section(page, 'Basics').getByLabel('City or region')).toHaveValue('Shymkent (from B)');
  await expect(section(page, 'Basics').getByLabel('Summary')).toHaveValue('');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await tabB.close();
});
