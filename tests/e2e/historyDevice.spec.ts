import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, expectSaved, section } from './helpers';

// A team shares one folder through Syncthing: the History names the device beside each
// change, as the device file of this machine names it (local/device.json).

test('History names the device that saved each change', async ({ page, dataDir }) => {
  test.setTimeout(60_000);
  const id = await createCase(page, { kind: 'prisoner', title: 'Device case — Серік', name: 'Серік Әлиев' });
  await page.evaluate(`location.hash = '#/case/${id}'`);
  await section(page, 'Basics').getByLabel('Title').fill('Device case — edited');
  await expectSaved(page);
  const device = JSON.parse(await readFile(path.join(dataDir, 'local', 'device.json'), 'utf8')) as { id: string; name: string };
  const entries = section(page, 'History').getByRole('list', { name: 'Saved changes, newest first' }).locator('> li');
  await expect(entries).toHaveCount(2);
  for (const entry of [entries.first(), entries.last()]) {
    await expect(entry.locator('.history-device')).toHaveText(`on ${device.name}`);
    await expect(entry.locator('.history-device')).toHaveAttribute('title', `Saved on the device “${device.name}”`);
  }
});
