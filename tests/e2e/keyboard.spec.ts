import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { caseIdOf, expectSaved, importBundle, readCaseFile, SAMPLE_BUNDLE } from './helpers';

// Create → edit → save without the mouse: shortcuts, Tab, arrows, Enter, Space, Escape.

/** Presses Tab until `target` has focus; fails if it is not reachable within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('keyboard only: new case, fill fields, add an event, saved to disk', async ({ page, dataDir }) => {
  await page.locator('body').press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  // Escape closes it and focus comes back.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+n');
  await expect(dialog).toBeVisible();

  const prisoner = dialog.getByRole('radio', { name: /Political prisoner/ });
  await expect(prisoner).toBeFocused();
  await page.keyboard.press('Space');
  await expect(prisoner).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Keyboard case — art. 405');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Person’s name')).toBeFocused();
  await page.keyboard.type('Айгүл Пернетаева');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keyboard case — art. 405');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const id = await caseIdOf(page);

  const summary = page.getByRole('region', { name: 'Basics', exact: true }).getByLabel('Summary');
  await tabTo(page, summary);
  await expect(summary).toBeFocused();
  // The focus ring is visible on keyboard focus.
  await expect(summary).toHaveCSS('outline-style', 'solid');
  await page.keyboard.type('Typed without a mouse.');

  const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
  await tabTo(page, timeline.getByRole('button', { name: 'Add event' }));
  await page.keyboard.press('Enter');
  const newEvent = timeline.getByRole('group', { name: 'New event' });
  await expect(newEvent.getByLabel('Date')).toBeFocused();
  await page.keyboard.type('2024-03-05');
  await page.keyboard.press('Tab');
  // The calendar button sits right after the date's text.
  await expect(newEvent.getByRole('button', { name: 'Choose from calendar' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(newEvent.getByLabel('Type')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // "Other" is last; Home goes to the first: Arrest
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Detained after a post');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Held for 10 days.');
  await page.keyboard.press('Tab');
  await expect(newEvent.getByRole('checkbox', { name: 'Confidential' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(newEvent.getByRole('button', { name: 'Add', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Detained after a post' })).toBeVisible();

  await expectSaved(page);
  const disk = await readCaseFile(dataDir, id);
  expect(disk.summary).toBe('Typed without a mouse.');
  expect(disk.person.name).toBe('Айгүл Пернетаева');
  expect(disk.events).toMatchObject([{ date: '2024-03-05', type: 'arrest', title: 'Detained after a post', description: 'Held for 10 days.', confidential: true }]);
});

test('keyboard in the list: Ctrl+F filters, arrows move, Enter opens, Space selects', async ({ page }) => {
  await importBundle(page, SAMPLE_BUNDLE);
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByRole('status')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await page.keyboard.press('Control+f');
  await expect(filter).toBeFocused();
  await page.keyboard.type('bureau');
  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(grid.getByRole('row')).toHaveCount(2);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(grid.getByRole('row')).toHaveCount(4);

  // Down from the filter focuses the first row; arrows move the focused row.
  await page.keyboard.press('ArrowDown');
  const rows = grid.getByRole('row').filter({ has: page.locator('.row-name') });
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Export selected (1)' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(rows.nth(2)).toBeFocused();
  const name = await rows.nth(2).locator('.row-name').innerText();
  await page.keyboard.press('Enter');
  await expect(page.locator('.case-name')).toHaveText(name);

  // Ctrl+F from a case goes back to the list's filter.
  await page.keyboard.press('Control+f');
  await expect(filter).toBeFocused();
});
