import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, expectSaved, readCaseFile, section } from './helpers';

// Back up, edit, restore: the old value is back on screen and on disk, the case's
// History shows the edit as old → new, and the restore left a safety snapshot.

const TITLE = 'Backup case — Айгүл';
const EDITED = 'Backup case — edited after the backup';

test('back up now, edit a case, restore the snapshot; History shows the edit', async ({ page, dataDir }) => {
  test.setTimeout(90_000);
  const id = await createCase(page, { kind: 'prisoner', title: TITLE, name: 'Айгүл Бекова' });

  // Settings → Backups → Back up now.
  await page.getByRole('link', { name: 'Settings' }).click();
  const backups = page.getByRole('region', { name: 'Backups' });
  // Long work reports its progress: the page asks for the progress stream.
  const made = page.waitForResponse((r) => r.url().endsWith('/api/backups.create'));
  await backups.getByRole('button', { name: 'Back up now' }).click();
  expect((await made).headers()['content-type']).toBe('application/x-ndjson; charset=utf-8');
  await expect(page.getByText(/^Backup made\. Cases: 1\. Size: [\d.,]+ (B|KB)\.$/)).toBeVisible();
  const table = backups.getByRole('table', { name: 'Backups' });
  const manual = table.getByRole('row').filter({ hasText: 'Made by you' });
  await expect(manual).toHaveCount(1);
  await expect(manual.getByRole('cell').nth(2)).toHaveText('1');
  // Settings says when the newest backup was taken, and why.
  await expect(backups.getByText(/^Newest backup: .+ \(Made by you\)\. Another is taken after the first change saved in each hour of work\.$/)).toBeVisible();

  // Edit the case.
  await page.evaluate(`location.hash = '#/case/${id}'`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await section(page, 'Basics').getByLabel('Title').fill(EDITED);
  await expectSaved(page);
  expect((await readCaseFile(dataDir, id)).title).toBe(EDITED);

  // History: newest first, the edit as old → new, after the creation.
  const history = section(page, 'History');
  const entries = history.getByRole('list', { name: 'Saved changes, newest first' }).locator('> li');
  await expect(entries.first()).toContainText('Edited');
  // In a sentence, and as the log records it under the technical details (issue 15).
  await expect(entries.first().locator('.history-line')).toHaveText(`Title changed from “${TITLE}” to “${EDITED}”`);
  await entries.first().getByText('Show the technical details').click();
  await expect(entries.first().locator('.history-change').filter({ hasText: /^title:/ })).toHaveText(`title: ${TITLE} → ${EDITED}`);
  await expect(entries.last()).toContainText('Created');

  // Restore the snapshot: a confirm dialog that explains the safety snapshot, then a reload.
  await page.getByRole('link', { name: 'Settings' }).click();
  await manual.getByRole('button', { name: /^Restore the backup of / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('a safety snapshot of the current state is taken first');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const restored = page.waitForResponse((r) => r.url().endsWith('/api/backups.restore'));
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  expect((await restored).headers()['content-type']).toBe('application/x-ndjson; charset=utf-8');
  await expect(page.getByText(/^The backup of .+ is restored\. The state before it was kept as a safety snapshot/)).toBeVisible({ timeout: 30_000 });

  // The old value is back, on disk and on screen; the safety snapshot is listed.
  expect((await readCaseFile(dataDir, id)).title).toBe(TITLE);
  await expect(table.getByRole('row').filter({ hasText: 'Before restoring a backup' })).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: new RegExp(TITLE) })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: new RegExp(EDITED) })).toHaveCount(0);
  await page.evaluate(`location.hash = '#/case/${id}'`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(section(page, 'History').getByRole('list', { name: 'Saved changes, newest first' }).locator('> li').last()).toContainText('Created');
});

test.describe('a damaged case file no backup holds', () => {
  test.use({ seedFiles: { 'cases/damaged-case.json': '{"kind": "political_prisoner", "title": "cut off' } });

  test('is listed under Damaged files; recovering it says why it cannot be', async ({ page }) => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const backups = page.getByRole('region', { name: 'Backups' });
    const damaged = backups.getByRole('listitem').filter({ hasText: 'damaged-case.json' });
    await expect(damaged).toContainText('not valid JSON');
    await damaged.getByRole('button', { name: /^Recover .*damaged-case\.json from a backup$/ }).click();
    await expect(page.getByText(/damaged-case\.json could not be recovered: .+/)).toBeVisible();
    // Still listed: nothing was changed.
    await expect(damaged).toBeVisible();
  });
});

test('exports carry the change history only when asked to', async ({ page }) => {
  const id = await createCase(page, { kind: 'prisoner', title: TITLE, name: 'Айгүл Бекова' });
  await section(page, 'Basics').getByLabel('Title').fill(EDITED);
  await expectSaved(page);

  const exportAll = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('banner').getByRole('button', { name: 'Export all' }).click()]);
    return JSON.parse(await readFile((await download.path())!, 'utf8'));
  };
  expect((await exportAll()).history).toBeUndefined();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: 'Include each case’s change history in exports' }).check();
  const withHistory = await exportAll();
  await expect(page.getByText(/^Exported \(all cases\) with change history to casefile-export-/)).toBeVisible();
  expect(withHistory.history[id].map((e: { cause: string }) => e.cause)).toEqual(['create', 'update']);
  expect(withHistory.history[id][1].changes).toContainEqual({ path: 'title', old: TITLE, new: EDITED });

  // The same choice, offered beside the list's "Export selected".
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: new RegExp(EDITED) }).getByRole('checkbox').check();
  await expect(page.getByRole('checkbox', { name: 'With change history' })).toBeChecked();
});

test('a backup copied to another drive: a missing folder is refused, a real one gets a new set with the snapshot and how to restore it', async ({ page }, testInfo) => {
  await createCase(page, { kind: 'prisoner', title: TITLE, name: 'Айгүл Бекова' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Backups' }).getByRole('button', { name: 'Copy to another drive…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy a backup to another drive' });
  const folder = dialog.getByRole('textbox', { name: 'Folder to copy to' });

  const drive = testInfo.outputPath('usb-drive');
  await folder.fill(path.join(drive, 'not-plugged-in'));
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That folder is not there: plug in the drive, or create the folder, and try again. Nothing was copied.');

  await mkdir(drive, { recursive: true });
  await folder.fill(drive);
  await folder.press('Enter');
  await expect(dialog.getByText('Copied to')).toBeVisible();
  const [set] = await readdir(drive);
  expect(set).toMatch(/^casefile-backup-/);
  await expect(dialog.getByRole('status')).toContainText(path.join(drive, set!));
  // The folder is not encrypted: the set is the snapshot and the note on restoring it.
  expect((await readdir(path.join(drive, set!))).sort()).toEqual(['RESTORE.txt', 'backups']);
  await expect(dialog.getByRole('status')).toContainText('neither is this copy');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The snapshot the copy was made from is listed.
  await expect(page.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: 'Made by you' })).toHaveCount(1);
});

test('a damaged backup is marked as damaged in Settings → Backups and offers no restore', async ({ page, dataDir }) => {
  test.setTimeout(60_000);
  await createCase(page, { kind: 'prisoner', title: 'Damaged backup case — Ұлан', name: 'Ұлан Серікұлы' });
  await page.getByRole('link', { name: 'Settings' }).click();
  const backups = page.getByRole('region', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  const table = backups.getByRole('table', { name: 'Backups' });
  const manual = table.getByRole('row').filter({ hasText: 'Made by you' });
  await expect(manual).toHaveCount(1);
  await expect(manual.getByRole('button', { name: /^Restore the backup of / })).toBeVisible();
  await expect(manual).not.toContainText('Damaged');

  // One byte flipped on disk, behind the app's back (and a new mtime, as any change gives).
  const name = (await readdir(path.join(dataDir, 'backups'))).find((n) => n.includes('--manual--'))!;
  const file = path.join(dataDir, 'backups', name);
  const bytes = await readFile(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x04;
  await writeFile(file, bytes);

  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  const row = page.getByRole('region', { name: 'Backups' }).getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: 'Made by you' });
  await expect(row).toContainText('Damaged');
  await expect(row).toContainText(/Cannot be restored: .+\. Take a new backup\./);
  await expect(row.getByRole('button', { name: /^Restore the backup of / })).toHaveCount(0);
});
