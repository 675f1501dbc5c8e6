import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The window refreshes from the core's events, not by polling or on focus: a case saved
// through the HTTP API by someone else appears in the open list and an open case view
// without a reload; and Cancel in the Brief dialog stops a render on its way, leaving no
// file anywhere and saying so.

// Holds every brief render of this file's servers long enough to press Cancel during it
// (read only by the services' test hook; the cancel ends the wait early).
test.beforeAll(() => {
  process.env.CASEFILE_TEST_BRIEF_DELAY_MS = '60000';
});
test.afterAll(() => {
  delete process.env.CASEFILE_TEST_BRIEF_DELAY_MS;
});

/** A call through browser mode's API as any other client of this server would make it, with the page's session token. */
async function callApi(page: Page, op: string, input: unknown): Promise<{ ok: boolean; value?: Record<string, unknown> }> {
  const token = (await page.evaluate("sessionStorage.getItem('casefile.token')")) as string | null;
  const origin = new URL(page.url()).origin;
  const response = await fetch(`${origin}/api/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-casefile-token': token! }, body: JSON.stringify(input) });
  return (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
}

const draft = (title: string) => ({
  kind: 'political_prisoner',
  title,
  person: { name: 'Aigerim Saparova' },
  detention: { status: 'imprisoned' },
});

test('a case saved through the API by another client appears in the open list, and an open case shows its new version, without reload or focus', async ({ page, casefileMode }) => {
  test.skip(casefileMode !== 'browser', 'the test saves through browser mode’s HTTP API');
  // One case to start from, so the window shows its list (an empty folder shows the welcome).
  expect((await callApi(page, 'cases.create', { case: draft('Already here') })).ok).toBe(true);
  await page.reload();
  const grid = page.getByRole('grid', { name: 'Cases' });
  await expect(grid.getByRole('row', { name: /Already here/ })).toBeVisible();
  let loads = 0;
  page.on('load', () => loads++);
  const created = await callApi(page, 'cases.create', { case: draft('Saved from elsewhere') });
  expect(created.ok).toBe(true);
  await expect(grid.getByRole('row', { name: /Saved from elsewhere/ })).toBeVisible();

  const id = created.value!.id as string;
  await page.evaluate(`location.hash = '#/case/${id}'`);
  await expect(page.getByRole('heading', { level: 1, name: 'Saved from elsewhere' })).toBeVisible();
  const { rev: _rev, ...saved } = created.value!;
  expect((await callApi(page, 'cases.update', { id, baseRev: 1, case: { ...saved, title: 'Renamed elsewhere' } })).ok).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Renamed elsewhere' })).toBeVisible();
  expect(loads).toBe(0);
});

test('Cancel during a brief render stops it: no file is written or downloaded, and the toast says nothing changed', async ({ page, casefileMode, dataDir }) => {
  test.skip(casefileMode !== 'browser', 'the render is held by a hook of the browser-mode server this test starts');
  const created = await callApi(page, 'cases.create', { case: draft('Held brief') });
  const id = created.value!.id as string;
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.evaluate(`location.hash = '#/case/${id}'`);
  await expect(page.getByRole('heading', { level: 1, name: 'Held brief' })).toBeVisible();
  await page.getByRole('button', { name: 'Brief…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a brief' });
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  await expect(dialog.getByRole('button', { name: 'Creating…' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('The document was not created: you stopped it. Nothing was saved and nothing in the data folder changed.')).toBeVisible();
  // The dialog stays open to try again; nothing came down and nothing is left in the folder's working place.
  await expect(dialog.getByRole('button', { name: 'Create PDF' })).toBeEnabled();
  expect(downloads).toBe(0);
  const working = await readdir(path.join(dataDir, 'tmp')).catch(() => [] as string[]);
  expect(working).toEqual([]);
});
