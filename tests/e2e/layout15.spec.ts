import { expect, test } from './fixtures';
import { createCase, expectSaved, saveStatus, section } from './helpers';
import type { Page } from '@playwright/test';

// One scrolling region: the wheel scrolls the app's main, never the document (visually
// hidden labels once escaped main and let the page scroll into blank grey space). The case
// header with its save state stays on screen, and the section nav follows the reading
// position. Checked at the two window sizes lawyers reported.

const SIZES = [
  { width: 1366, height: 850 },
  { width: 1024, height: 700 },
];

/** Scrolls main with the mouse wheel until it stops moving (bounded: a case has an end). */
async function wheelToEnd(page: Page): Promise<void> {
  const main = page.locator('main');
  const box = (await main.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let last = -1;
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 600);
    // Wheel scrolling is applied asynchronously: wait until main reports the new position.
    await page.waitForFunction(`document.querySelector('main').scrollTop !== ${last}`, undefined, { timeout: 2_000 }).catch(() => undefined);
    const now = await main.evaluate((m) => m.scrollTop);
    if (now === last) return;
    last = now;
  }
  throw new Error('main kept scrolling after 60 wheel turns');
}

// Evaluated as text: the tests' tsconfig has no DOM types.
async function documentScroll(page: Page): Promise<{ top: number; scrollHeight: number; viewport: number; mainAtEnd: boolean }> {
  return page.evaluate(`(() => {
    const m = document.querySelector('main');
    return {
      top: document.scrollingElement.scrollTop,
      scrollHeight: document.scrollingElement.scrollHeight,
      viewport: window.innerHeight,
      mainAtEnd: m.scrollTop > 0 && m.scrollTop + m.clientHeight >= m.scrollHeight - 2,
    };
  })()`);
}

/** Text inputs on screen whose short text (up to 20 characters) does not fit their box. */
async function clippedInputs(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('main input[type="text"], main input:not([type])')]
    .filter((i) => i.offsetParent !== null && i.value.length > 0 && i.value.length <= 20)
    .filter((i) => i.scrollWidth > i.clientWidth)
    .map((i) => (i.getAttribute('aria-label') || i.id) + ': ' + i.value)`);
}

function currentNavItem(page: Page) {
  return page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="location"]');
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: the wheel scrolls main to the last section, the document never scrolls, the header and nav follow`, async ({ page }) => {
    await page.setViewportSize(size);
    await createCase(page, { kind: 'prisoner', title: 'Layout check — art. 174', name: 'Қасым Тестов' });
    const basics = section(page, 'Basics');
    await basics.getByLabel('City or region').fill('Atyrau');
    await basics.getByLabel('Tags').fill('extremism');
    await basics.getByLabel('Tags').press('Enter');
    await section(page, 'Person').getByLabel('Occupation').fill('journalist');
    await expectSaved(page);

    // The nav starts on the first section, and a jump moves it. (Typing in Occupation scrolled
    // Person into view; how far depends on the fields' heights, so start from the top.)
    await page.evaluate(`document.querySelector('main').scrollTo(0, 0)`);
    await expect(currentNavItem(page)).toHaveText('Basics');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Analysis' }).click();
    await expect(currentNavItem(page)).toHaveText('Analysis');
    await expect(saveStatus(page)).toBeInViewport();

    await wheelToEnd(page);
    const after = await documentScroll(page);
    expect(after.mainAtEnd).toBe(true);
    expect(after.top).toBe(0);
    expect(after.scrollHeight).toBe(after.viewport);

    // The header, with the save state, is still on screen; the nav names the last section.
    await expect(saveStatus(page)).toBeInViewport();
    await expect(saveStatus(page)).toHaveText('Saved');
    await expect(page.getByRole('button', { name: 'Brief…' })).toBeInViewport();
    await expect(currentNavItem(page)).toHaveText('History');
    await expect(section(page, 'History')).toBeInViewport();

    // A jump to a section near the end, which cannot reach the top, still names it; the wheel takes over again.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sources' }).click();
    await expect(currentNavItem(page)).toHaveText('Sources');
    await wheelToEnd(page);
    await expect(currentNavItem(page)).toHaveText('History');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Person' }).click();
    await expect(currentNavItem(page)).toHaveText('Person');
    expect((await documentScroll(page)).top).toBe(0);

    // Inputs holding short text show all of it.
    expect(await clippedInputs(page)).toEqual([]);
  });
}

test('an NGO case argues ICCPR article 22(2): no WGAD category, the three tests, rights and argument', async ({ page }) => {
  await page.setViewportSize(SIZES[1]!);
  await createCase(page, { kind: 'ngo', title: 'Suspended NGO — layout', name: 'Free Voice', authority: 'Ministry of Justice' });
  const analysis = section(page, 'Analysis');
  await expect(analysis.getByRole('checkbox')).toHaveCount(0);
  await expect(analysis.getByText(/Category I/)).toHaveCount(0);
  await expect(analysis.getByRole('note', { name: 'Restriction under ICCPR article 22(2)' })).toBeVisible();
  await expect(analysis.getByRole('listitem')).toHaveText([/prescribed by law/, /legitimate aim/, /necessary in a democratic society/]);
  await analysis.getByRole('textbox', { name: 'Add right' }).fill('ICCPR 22');
  await analysis.getByRole('textbox', { name: 'Add right' }).press('Enter');
  await analysis.getByLabel('Argument').fill('The suspension pursues no legitimate aim.');
  await expectSaved(page);
  expect(await clippedInputs(page)).toEqual([]);

  // A prisoner's case keeps its WGAD categories.
  await createCase(page, { kind: 'prisoner', title: 'Prisoner — layout', name: 'Асан Тестов' });
  await expect(section(page, 'Analysis').getByRole('checkbox', { name: /Category II / })).toBeVisible();
  await expect(section(page, 'Analysis').getByRole('note')).toHaveCount(0);
});
