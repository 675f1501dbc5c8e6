import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { rest, startSyncthings, stopSyncthings, type Instance } from '../helpers/syncthing';

// Settings → Team against a real Syncthing on 127.0.0.1: the device's name saved in the
// folder's local/ corner, "not found" said plainly with no header badge, then the user types
// where Syncthing is, adds the folder through its REST API, and the header says it is shared.

test('Settings → Team names this device, finds Syncthing where the user says, adds the folder, and the header shows the state', async ({ page, dataDir }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const team = page.getByRole('region', { name: 'Team' });
  await team.getByLabel('This device’s name').fill('Ноутбук Айгүл');
  await team.getByLabel('This device’s name').press('Enter');
  await expect(team.getByText('Saved.')).toBeVisible();
  await expect.poll(async () => JSON.parse(await readFile(path.join(dataDir, 'local', 'device.json'), 'utf8')).name).toBe('Ноутбук Айгүл');

  const status = team.getByTestId('team-status');
  await expect(status).toContainText('Syncthing was not found on this machine.');
  await expect(page.getByTestId('sync-indicator')).toHaveCount(0);

  const home = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-syncthing-'));
  let instances: Instance[] = [];
  try {
    instances = await startSyncthings(home, ['a']);
    const [a] = instances as [Instance];
    await team.getByText('Where Syncthing is (only if it was not found)').click();
    await team.getByLabel('Syncthing address').fill(`127.0.0.1:${a.gui}`);
    await team.getByLabel('API key').fill(a.apiKey);
    await team.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(status).toContainText('Not shared');
    await expect(team.getByText(`This machine’s Syncthing device id: ${a.id}`)).toBeVisible();

    await team.getByRole('button', { name: 'Add this folder to Syncthing' }).click();
    await expect(team.getByText('Syncthing now shares this folder.')).toBeVisible();
    await expect(status).toContainText(/Up to date|Syncing/);
    const folders = await rest<{ id: string; label: string; path: string }[]>(a, 'config/folders');
    expect(folders).toEqual([expect.objectContaining({ label: 'Casefile', path: path.resolve(dataDir) })]);
    await expect(team.getByText('The folder is not shared with another device yet.')).toBeVisible();

    await page.reload();
    await expect(page.getByTestId('sync-indicator')).toHaveText(/Up to date|Syncing/);
    await page.getByTestId('sync-indicator').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Team' })).toBeFocused();
  } finally {
    await stopSyncthings(instances);
    await rm(home, { recursive: true, force: true });
  }
});
