import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli, cliProcess } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { makeCaseConflict } from '../../helpers/syncConflicts';

// `casefile conflicts` and `casefile verify` over a folder holding a real conflict copy.

let root: string;
let cleanup: () => Promise<void>;
let dir: string;
let id: string;

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-cli-conflicts-'));
  dir = path.join(root, 'a');
  const store = await CaseStore.open(dir);
  id = (await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Абишева' })))).id;
  await store.close();
});
afterEach(() => cleanup());

const edits = { here: (c: CaseFile) => ({ ...c, title: 'Дело Абишева (A)' }), there: (c: CaseFile) => ({ ...c, region: 'Жаңаөзен' }) };

describe('casefile conflicts', () => {
  it('lists, shows and settles a conflict; verify fails while it is there and passes after', async () => {
    const { file } = await makeCaseConflict(dir, id, edits);
    const verifyBefore = await cliProcess(['--data-dir', dir, 'verify']);
    expect(verifyBefore.code).toBe(1);
    expect(verifyBefore.stdout).toContain(`${file}: unresolved sync conflict`);

    const list = await cli(['--data-dir', dir, 'conflicts']);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toContain('1 unresolved sync conflict(s):');
    expect(list.stdout).toContain(`  ${file}`);
    expect(list.stdout).toContain('case "Дело Абишева (A)": this folder rev 2');
    expect(list.stdout).toContain('device 7XK3ABC');

    const json = JSON.parse((await cli(['--data-dir', dir, 'conflicts', 'list', '--json'])).stdout) as unknown[];
    expect(json).toEqual([expect.objectContaining({ file, caseId: id, valid: true })]);

    const show = await cli(['--data-dir', dir, 'conflicts', 'show', file]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('  region: — → "Жаңаөзен"');
    expect(show.stdout).toContain('  title: "Дело Абишева (A)" → "Дело Абишева"');

    const bad = await cli(['--data-dir', dir, 'conflicts', 'resolve', file, '--keep', 'merge']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--keep must be one of: current, copy, both');

    const resolved = await cli(['--data-dir', dir, 'conflicts', 'resolve', file, '--keep', 'copy']);
    expect(resolved).toMatchObject({ code: 0, stderr: '' });
    expect(resolved.stdout).toContain(`Case ${id} is now at revision 3; the version not kept is in its history.`);
    expect(await readdir(path.join(dir, 'cases'))).toEqual([`${id}.json`]);

    const history = await cli(['--data-dir', dir, 'history', id]);
    expect(history.stdout).toContain('sync conflict settled');

    expect((await cli(['--data-dir', dir, 'conflicts'])).stdout).toBe('No unresolved sync conflicts.');
    expect((await cliProcess(['--data-dir', dir, 'verify'])).code).toBe(0);

    const gone = await cli(['--data-dir', dir, 'conflicts', 'show', file]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('no unresolved conflict copy');
  });
});
