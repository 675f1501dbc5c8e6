import path from 'node:path';
import type { Page, Request, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { importBundle } from './helpers';

// Full-text search from the list: names found across scripts and spellings, the
// matched words highlighted, the list's filters applied, arrows and Enter, the empty
// and no-result states, and only the latest query's answer ever shown.

const shots = path.join('test-results', 'screenshots');

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = path.join(shots, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

// Each name is written in one script only, so a hit in the other script is the search's doing.
const bundle = {
  format: 'casefile-bundle',
  version: 1,
  exportedAt: '2026-11-22T10:00:00.000Z',
  cases: [
    {
      kind: 'political_prisoner',
      title: 'Blogger held in Almaty',
      person: { name: 'Айбек Серікұлы' },
      summary: 'Detained after posts about the January events.',
    },
    {
      kind: 'political_prisoner',
      title: 'Activist case — art. 174',
      person: { name: 'Yerlan Zhaksylykov' },
      summary: 'Charged with inciting discord.',
    },
    {
      kind: 'ngo_suspension',
      title: 'Civic Voice Foundation — suspended',
      organization: { name: 'Civic Voice Foundation' },
      measure: { type: 'suspension', authority: 'Ministry of Justice', status: 'in_force' },
      summary: 'The suspension followed a statement in support of the blogger Айбек Серікұлы.',
    },
  ],
};

async function importCases(page: Page): Promise<void> {
  await importBundle(page, { name: 'search.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByText('Import finished. Cases in the bundle: 3')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

const isSearch = (r: Request) => r.url().endsWith('/api/search.query');

test('finds names across scripts, highlights the match, narrows by kind, opens with Enter', async ({ page }, testInfo) => {
  await importCases(page);
  const search = page.getByRole('combobox', { name: 'Search all case text' });
  const grid = page.getByRole('grid', { name: 'Cases' });
  const results = page.getByRole('listbox', { name: 'Search results' });
  const options = results.getByRole('option');
  const status = page.getByRole('region', { name: 'Search results' }).getByRole('status');
  await expect(grid.getByRole('row')).toHaveCount(4);
  await expect(search).toHaveAttribute('aria-expanded', 'false');

  // Latin query, Kazakh Cyrillic name.
  await search.fill('Serikuly');
  await expect(status).toHaveText('Cases found for “Serikuly”: 2');
  await expect(grid).toBeHidden();
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText('Blogger held in Almaty');
  await expect(options.nth(0)).toContainText('Prisoner');
  await expect(options.nth(0)).toContainText('found in: names');
  await expect(options.nth(0).locator('mark')).toHaveText(['Серікұлы']);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(1)).toContainText('Civic Voice Foundation — suspended');
  await expect(options.nth(1)).toContainText('NGO');
  await expect(options.nth(1)).toContainText('found in: summary');
  await expect(options.nth(1).locator('.fts-snippet')).toHaveText('The suspension followed a statement in support of the blogger Айбек Серікұлы.');
  await expect(options.nth(1).locator('mark')).toHaveText(['Серікұлы']);
  await shot(page, testInfo, 'search');

  // Russian spelling of the Kazakh name; Kazakh and Russian spellings of a Latin name.
  await search.fill('Серикулы');
  await expect(status).toHaveText('Cases found for “Серикулы”: 2');
  await expect(options.nth(0).locator('mark')).toHaveText(['Серікұлы']);
  for (const q of ['Жақсылықов', 'Жаксылыков', 'Ерлан Жаксылыков']) {
    await search.fill(q);
    await expect(status).toHaveText(`Cases found for “${q}”: 1`);
    await expect(options).toHaveCount(1);
    await expect(options.nth(0)).toContainText('Activist case — art. 174');
    await expect(options.nth(0).locator('mark')).toHaveText(q.includes(' ') ? ['Yerlan', 'Zhaksylykov'] : ['Zhaksylykov']);
  }

  // The list's kind filter narrows the search.
  await search.fill('Serikuly');
  await expect(options).toHaveCount(2);
  const kind = page.getByRole('combobox', { name: 'Kind', exact: true });
  await kind.selectOption({ label: 'NGO under a measure' });
  await expect(status).toHaveText('Cases found for “Serikuly”: 1');
  await expect(options).toHaveCount(1);
  await expect(options.nth(0)).toContainText('Civic Voice Foundation — suspended');
  await shot(page, testInfo, 'search-filtered');
  await kind.selectOption({ label: 'Political prisoner' });
  await expect(options).toHaveCount(1);
  await expect(options.nth(0)).toContainText('Blogger held in Almaty');
  await kind.selectOption({ label: 'Any' });
  await expect(options).toHaveCount(2);

  // Arrows move through the results while focus stays in the field; Enter opens.
  await search.focus();
  await search.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  expect(await search.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
  await search.press('ArrowDown'); // stays on the last
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await search.press('ArrowUp');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Blogger held in Almaty' })).toBeVisible();

  // Back in the list, the search is still there; a click opens a result too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(search).toHaveValue('Serikuly');
  await expect(options).toHaveCount(2);
  await options.nth(1).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Civic Voice Foundation — suspended' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();

  // No result.
  await search.fill('Qwzxvbn');
  await expect(status).toHaveText('No case contains “Qwzxvbn”.');
  await expect(page.getByText('Try another spelling or fewer words.')).toBeVisible();
  await expect(options).toHaveCount(0);
  await shot(page, testInfo, 'search-none');

  // Escape clears the search and the table comes back.
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(grid.getByRole('row')).toHaveCount(4);
  await expect(search).toHaveAttribute('aria-expanded', 'false');
});

test('queries after a pause in typing, shows only the latest answer, and Enter before it arrives opens its first hit', async ({ page }) => {
  await importCases(page);
  const search = page.getByRole('combobox', { name: 'Search all case text' });
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  const status = page.getByRole('region', { name: 'Search results' }).getByRole('status');

  // Debounced: typing a word at an ordinary pace sends one query, not one per key.
  const sent: string[] = [];
  page.on('request', (r) => {
    if (isSearch(r)) sent.push((r.postDataJSON() as { query: string }).query);
  });
  await search.focus();
  await page.keyboard.type('Zhaksylykov', { delay: 30 });
  await expect(options).toHaveCount(1);
  // 11 keys; a busy machine may stall between some of them for longer than the pause,
  // so the bound is loose — but one query per key would fail it.
  expect(sent.at(-1)).toBe('Zhaksylykov');
  expect(sent.length).toBeLessThanOrEqual(6);

  // The answer to "Serikuly" is held back; the newer query's answer must win.
  await page.route('**/api/search.query', async (route) => {
    if ((route.request().postDataJSON() as { query: string }).query === 'Serikuly') await new Promise((resolve) => setTimeout(resolve, 1200));
    await route.continue();
  });
  const slow = page.waitForResponse((r) => isSearch(r.request()) && (r.request().postDataJSON() as { query: string }).query === 'Serikuly');
  await search.fill('Serikuly');
  await page.waitForRequest((r) => isSearch(r) && (r.postDataJSON() as { query: string }).query === 'Serikuly');
  await search.fill('Ерлан');
  await expect(status).toHaveText('Cases found for “Ерлан”: 1');
  await slow; // the stale answer has arrived…
  await page.waitForTimeout(100);
  await expect(status).toHaveText('Cases found for “Ерлан”: 1'); // …and was dropped
  await expect(options).toHaveCount(1);
  await expect(options.nth(0)).toContainText('Activist case — art. 174');

  // Enter right after typing, before the answer: the first hit of that answer opens.
  await search.fill('');
  await search.pressSequentially('Civic', { delay: 10 });
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Civic Voice Foundation — suspended' })).toBeVisible();
});

test('search in the Russian interface', async ({ page }, testInfo) => {
  await importCases(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Русский' }).check();
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Дела' }).click();
  const search = page.getByRole('combobox', { name: 'Поиск по всему тексту дел' });
  await search.fill('Serikuly');
  const results = page.getByRole('region', { name: 'Результаты поиска' });
  await expect(results.getByRole('status')).toHaveText('Найдено дел по запросу «Serikuly»: 2');
  await expect(results.getByRole('option').nth(0)).toContainText('найдено в: имена');
  await expect(results.getByRole('option').nth(1)).toContainText('найдено в: краткое описание');
  await shot(page, testInfo, 'search-ru');
});
