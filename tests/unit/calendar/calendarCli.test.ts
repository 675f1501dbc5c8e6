import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';
import { calendarDraft } from './calendarCase';
import { readIcs } from './readIcs';

let dir: string;
let cleanup: () => Promise<void>;
let caseId: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-calendar-cli-'));
  const store = await CaseStore.open(path.join(dir, 'data'));
  caseId = (await store.create(CaseDraft.parse(calendarDraft()))).id;
  await store.close();
});
afterEach(() => cleanup());

describe('casefile calendar', () => {
  it('writes the .ics a calendar app reads, neutral unless --with-titles', async () => {
    const run = await cli(['--data-dir', path.join(dir, 'data'), 'calendar', path.join(dir, 'all.ics')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote 6 event(s)');
    const text = await readFile(path.join(dir, 'all.ics'), 'utf8');
    expect(readIcs(text).map((e) => e.start)).toEqual(['2021-02-22', '2021-02-25', '2021-03-31', '2021-04-01', '2021-05-15', '2021-12-31']);
    expect(text).not.toMatch(/Әбішев|Abishev|Almaty/);

    const titled = await cli(['--data-dir', path.join(dir, 'data'), 'calendar', path.join(dir, 'one.ics'), '--case', caseId, '--with-titles', '--lang', 'ru']);
    expect(titled.code).toBe(0);
    const summaries = readIcs(await readFile(path.join(dir, 'one.ics'), 'utf8')).map((e) => e.summary);
    expect(summaries).toContain('Заседание: Hearing at Almaty city court');
    expect(summaries).toContain('Срок Casefile'); // the confidential deadline
  });

  it('refuses a file that is not .ics and an unknown case, writing nothing', async () => {
    const wrong = await cli(['--data-dir', path.join(dir, 'data'), 'calendar', path.join(dir, 'x.txt')]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('calendar writes FILE.ics');
    const missing = await cli(['--data-dir', path.join(dir, 'data'), 'calendar', path.join(dir, 'x.ics'), '--case', 'nope']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('No case with id "nope"');
    await expect(readFile(path.join(dir, 'x.ics'))).rejects.toThrow();
  });
});
