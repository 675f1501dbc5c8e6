import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { importBundle } from './helpers';

// Settings → Calendar in browser mode: the user types a folder, the app writes
// casefile-deadlines.ics there at once, and rewrites it when a deadline is marked done
// in the Deadlines view. The file names no one unless titles are asked for.

const events = (ics: string) => ics.match(/BEGIN:VEVENT/g)?.length ?? 0;

test('Settings → Calendar keeps a subscription file current after a deadline is marked done', async ({ page, dataDir }) => {
  const bundle = {
    format: 'casefile-bundle',
    version: 1,
    exportedAt: '2026-11-22T10:00:00.000Z',
    cases: [{
      kind: 'political_prisoner',
      title: 'Calendar Prisoner',
      person: { name: 'Ерлан Жақыпов' },
      deadlines: [
        { id: 'd-1', date: '2030-03-10', title: 'Cassation complaint' },
        { id: 'd-2', date: '2030-04', title: 'Reply to WGAD' },
      ],
    }],
  };
  await importBundle(page, { name: 'calendar.casefile.json', buffer: Buffer.from(JSON.stringify(bundle)) });
  const dialog = page.getByRole('dialog', { name: 'Import a bundle' });
  await expect(dialog.getByRole('status')).toContainText('Cases in the bundle: 1');
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  const out = path.join(dataDir, '..', `${path.basename(dataDir)}-calendars`);
  await mkdir(out, { recursive: true });
  await page.getByRole('link', { name: 'Settings' }).click();
  const calendar = page.getByRole('region', { name: 'Calendar' });
  await expect(calendar.getByText('Notifications come from the desktop app; browser mode shows none.')).toBeVisible();
  await calendar.getByLabel('Folder for the calendar file').fill(out);
  await calendar.getByRole('button', { name: 'Keep the file here' }).click();
  const file = path.join(out, 'casefile-deadlines.ics');
  await expect(calendar.getByText(`Kept up to date: ${file}`)).toBeVisible();
  const first = await readFile(file, 'utf8');
  expect(events(first)).toBe(2);
  expect(first).toContain('DTSTART;VALUE=DATE:20300430'); // April 2030 stands on its last day
  expect(first).not.toMatch(/Жақыпов|Calendar Prisoner|Cassation/);

  await page.getByRole('link', { name: 'Deadlines' }).click();
  await page.getByRole('button', { name: 'Mark “Cassation complaint” done' }).click();
  await expect(page.getByText('“Cassation complaint” is marked done.')).toBeVisible();
  await expect.poll(async () => events(await readFile(file, 'utf8'))).toBe(1);
});
