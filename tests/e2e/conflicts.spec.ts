import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, root, test as base } from './fixtures';
import { section } from './helpers';

// A Syncthing conflict copy of a case, there before the app starts: the header counts
// it, the Conflicts view shows both versions field by field, and a merge that takes one
// field from each side is what the case then holds, with the conflict gone.

const run = promisify(execFile);
let made: { id: string; file: string };

const test = base.extend({
  // Playwright reads what a fixture needs from its first parameter's pattern: this one needs no other fixture.
  // oxlint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-conflicts-'));
    const dir = path.join(parent, 'a');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'tests/helpers/conflictFolderChild.ts'), dir], { cwd: root, timeout: 60_000 });
    made = JSON.parse(stdout) as { id: string; file: string };
    await use(dir);
    await rm(parent, { recursive: true, force: true });
  },
});

test('the user merges a sync conflict field by field and the case holds the merge', async ({ page, dataDir }) => {
  const nav = page.getByRole('navigation').getByRole('link', { name: 'Sync conflicts: 1 to settle' });
  await expect(nav).toBeVisible();
  await nav.click();
  await expect(page.getByRole('heading', { name: 'Sync conflicts' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Conflicts to settle' });
  await expect(list).toContainText('Дело Кенжебека Абишева — апелляция');
  await list.getByRole('button', { name: 'Compare' }).click();

  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: /This computer’s version/ })).toContainText('revision 2');
  await expect(table.getByRole('columnheader', { name: /Version from device 7XK3ABC/ })).toContainText('revision 2');
  const region = table.getByRole('row', { name: /city or region/ });
  await expect(region).toContainText('Атырау');
  const summary = table.getByRole('row', { name: /summary/ });
  await expect(summary).toContainText('Summary from this laptop');
  await expect(summary).toContainText('Summary from the other laptop');

  // The other laptop's region, this laptop's summary and title (the default), by keyboard.
  const regionPick = page.getByRole('group', { name: 'Keep for “city or region”' });
  await regionPick.getByLabel('this computer').focus();
  await page.keyboard.press('ArrowDown');
  await expect(regionPick.getByLabel('other device')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Keep for “summary”' }).getByLabel('this computer')).toBeChecked();
  await page.getByRole('button', { name: 'Merge the chosen fields' }).click();
  await expect(page.getByText('Conflict settled. The version not kept is in the case’s history.')).toBeVisible();
  await expect(page.getByText('No sync conflicts. Every device agrees.')).toBeVisible();
  await expect(nav).toBeHidden();
  expect((await readdir(path.join(dataDir, 'cases'))).sort()).toEqual([`${made.id}.json`]);

  await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('grid', { name: 'Cases' }).getByRole('row', { name: /Дело Кенжебека Абишева — апелляция/ }).click();
  const basics = section(page, 'Basics');
  await expect(basics.getByLabel('Title')).toHaveValue('Дело Кенжебека Абишева — апелляция');
  await expect(basics.getByLabel('City or region')).toHaveValue('Атырау');
  await expect(basics.getByLabel('Summary')).toHaveValue('Summary from this laptop');
});
