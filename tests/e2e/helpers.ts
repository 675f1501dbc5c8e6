import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { root } from './fixtures';

export const SAMPLE_BUNDLE = path.join(root, 'tests/fixtures/sample-bundle.casefile.json');

/** The id in the address bar of a case view (`#/case/<id>`). */
export async function caseIdOf(page: Page): Promise<string> {
  await expect(page).toHaveURL(/#\/case\/[A-Za-z0-9_-]+$/);
  return /#\/case\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;
}

/** The case file exactly as it is on disk, parsed. */
export async function readCaseFile(dataDir: string, id: string): Promise<Record<string, any>> {
  return JSON.parse(await readFile(path.join(dataDir, 'cases', `${id}.json`), 'utf8'));
}

/** The raw text of every case file in the data folder (cases/ or trash/). */
export async function caseFileTexts(dataDir: string, sub: 'cases' | 'trash' = 'cases'): Promise<string[]> {
  const dir = path.join(dataDir, sub);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  return Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')));
}

export function saveStatus(page: Page) {
  return page.locator('.save-status');
}

/** Waits until the case view says everything is on disk. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(page.getByRole('button', { name: /Fields not saved/ })).toHaveCount(0);
}

/** Creates a case through the "New case" dialog and waits for its case view. */
export async function createCase(
  page: Page,
  fields: { kind: 'prisoner'; title: string; name: string } | { kind: 'ngo'; title: string; name: string; measure?: string; authority: string },
): Promise<string> {
  await page.getByRole('banner').getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByRole('radio', { name: fields.kind === 'prisoner' ? /Political prisoner/ : /NGO under a measure/ }).check();
  await dialog.getByLabel('Title').fill(fields.title);
  if (fields.kind === 'prisoner') {
    await dialog.getByLabel('Person’s name').fill(fields.name);
  } else {
    await dialog.getByLabel('Organisation’s name').fill(fields.name);
    if (fields.measure) await dialog.getByLabel('Measure', { exact: true }).selectOption({ label: fields.measure });
    await dialog.getByLabel('Imposed by').fill(fields.authority);
  }
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: fields.title })).toBeVisible();
  return caseIdOf(page);
}

/** Imports a bundle file through the Import dialog (left open for inspection). */
export async function importBundle(page: Page, file: string | { name: string; buffer: Buffer }, onConflict?: RegExp): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await dialog.getByLabel('Bundle file').setInputFiles(typeof file === 'string' ? file : { name: file.name, mimeType: 'application/json', buffer: file.buffer });
  if (onConflict) await dialog.getByRole('radio', { name: onConflict }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
}

/** A section of the case view, found by its heading. */
export function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}
