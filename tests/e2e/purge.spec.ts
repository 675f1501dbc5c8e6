import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { createCase } from './helpers';

const exists = (p: string) => access(p).then(() => true, () => false);

/** Every file under the data folder that holds `marker` (snapshots read decompressed). */
async function filesHolding(dataDir: string, marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const e of await readdir(dataDir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    if (full.includes('.electron-profile')) continue;
    let bytes = await readFile(full);
    if (e.name.endsWith('.casefile-snapshot') && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    if (bytes.includes(Buffer.from(marker))) found.push(path.relative(dataDir, full));
  }
  return found;
}

test('Delete permanently from the Trash: the dialog says what may keep copies, asks for a word, and leaves no byte of the case', async ({ page, dataDir }) => {
  const name = 'Әбішев Кенжебек MKRPURGE';
  const id = await createCase(page, { kind: 'prisoner', title: 'Case to purge', name });
  // A snapshot that holds the case, so the dialog has snapshots to offer.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/^Backup made./)).toBeVisible();
  expect((await filesHolding(dataDir, name)).some((f) => f.startsWith('backups'))).toBe(true);

  await page.goto(page.url().replace(/#.*$/, `#/case/${id}`));
  await page.getByRole('button', { name: 'Move to Trash' }).click();
  // The window goes to the list once the case is in the Trash: a click on Trash before that would be overtaken by it.
  await expect(page.getByText('“Case to purge” was moved to the Trash.')).toBeVisible();
  await page.getByRole('link', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Delete “Case to purge” permanently' }).click();

  const dialog = page.getByRole('dialog', { name: 'Delete “Case to purge” permanently' });
  await expect(dialog).toBeVisible();
  const remain = dialog.getByTestId('purge-remain');
  await expect(remain).toContainText(/Snapshots of this folder \(backups\): \d+/);
  await expect(remain).toContainText('Copy to another drive');
  await expect(remain).toContainText('Syncthing');
  await expect(remain).toContainText('SSDs');
  const confirm = dialog.getByRole('button', { name: 'Delete permanently' });
  await expect(confirm).toBeDisabled();

  // Keyboard only: the checkbox, then the word, then Enter.
  const also = dialog.getByLabel(/Also remove it from the snapshots of this folder/);
  await also.focus();
  await page.keyboard.press('Space');
  await expect(also).toBeChecked();
  const word = dialog.getByLabel('To confirm, type DELETE');
  await word.focus();
  await page.keyboard.type('delete');
  await expect(confirm).toBeEnabled();
  await page.keyboard.press('Enter');

  await expect(page.getByText(/“Case to purge” was deleted permanently and removed from \d+ snapshot\(s\)\./)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('The Trash is empty.')).toBeVisible();
  expect(await exists(path.join(dataDir, 'trash', `${id}.json`))).toBe(false);
  expect((await readdir(path.join(dataDir, 'history'))).filter((n) => n.startsWith(id))).toEqual([]);
  expect(await filesHolding(dataDir, 'MKRPURGE')).toEqual([]);
});
