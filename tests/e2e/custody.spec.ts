import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, root, test as base } from './fixtures';
import { section } from './helpers';
import { reader, sourcesSection } from './sourcesHelpers';

// Custody in the window (browser mode): a source whose original was added with
// `casefile source add` shows its custody trail under the reader's header; "Save
// original…" hands the bytes to the browser as a download, the trail gains the line,
// and the case's history says it in a sentence.

const run = promisify(execFile);
const cli = (dir: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli.ts'), '--data-dir', dir, ...args], { cwd: root });
const BYTES = Buffer.from('Алматы қаласы сотының үкімі\nПриговор суда: 7 лет\n', 'utf8');

const CHOSEN = 'custody-case-id.txt';

const test = base.extend({
  // A folder made with the command line before the app starts: a case with one source whose original was added.
  dataDir: async ({ seedFiles }, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-custody-'));
    expect(seedFiles).toEqual({}); // this folder is made by the command line alone
    await cli(dir, 'import', path.join(root, 'tests/fixtures/sample-bundle.casefile.json'));
    await cli(dir, 'settings', '--prepared-by', 'Айгүл Серікқызы');
    const id = (JSON.parse((await cli(dir, 'list', '--json')).stdout) as Array<{ id: string }>)[0]!.id;
    await writeFile(path.join(dir, 'verdict.txt'), BYTES);
    await cli(dir, 'source', 'add', id, path.join(dir, 'verdict.txt'), '--title', 'Сот үкімі');
    await writeFile(path.join(dir, CHOSEN), id);
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

test('Save original… downloads the bytes and the custody trail and the history record it', async ({ dataDir, page }) => {
  const caseId = await readFile(path.join(dataDir, CHOSEN), 'utf8');
  await page.goto(`${new URL(page.url()).origin}/#/case/${caseId}`);
  await sourcesSection(page).getByRole('button', { name: 'Read “Сот үкімі”' }).click();
  const trail = reader(page).getByRole('region', { name: 'Custody of the original' });
  await expect(trail).toContainText('The original has not left Casefile.');

  const download = page.waitForEvent('download');
  await trail.getByRole('button', { name: 'Save original…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('verdict.txt');
  expect((await readFile((await file.path())!)).equals(BYTES)).toBe(true);
  await expect(trail.getByRole('status')).toHaveText('Handed to the browser as “verdict.txt”; the case history records it.');
  const list = trail.getByRole('list', { name: 'Every time the original left Casefile' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('Айгүл Серікқызы · downloaded by the browser');

  await expect(section(page, 'History')).toContainText('Айгүл Серікқызы downloaded the original “verdict.txt” through the browser');
});
