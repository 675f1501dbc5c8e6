// `casefile purge ID [--snapshots] [--yes]`: refuses a live case and an unconfirmed
// purge with nothing deleted; with --yes deletes the trashed case and says what may
// still hold copies; --snapshots takes it out of the snapshots too.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';
import { buildFolder, folderBytes, markersIn, openStore, type Built } from '../../helpers/purgeFolder';

let dir: string;
let cleanup: () => Promise<void>;
let built: Built;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-cli-purge-'));
  built = await buildFolder(dir, { encrypted: false, snapshots: 2 });
});
afterEach(() => cleanup());

const trash = async (id: string) => {
  const store = await openStore(dir, false);
  await store.trash(id);
  await store.close();
};

describe('casefile purge', () => {
  it('refuses a live case (exit 3) and deletes nothing', async () => {
    const r = await cli(['--data-dir', dir, 'purge', built.target, '--yes']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Move it to the Trash first/);
    expect(await readdir(path.join(dir, 'cases'))).toContain(`${built.target}.json`);
  });

  it('without --yes and no terminal to ask, deletes nothing (exit 2)', async () => {
    await trash(built.target);
    const r = await cli(['--data-dir', dir, 'purge', built.target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing was deleted.*--yes/);
    expect(await readdir(path.join(dir, 'trash'))).toContain(`${built.target}.json`);
  });

  it('with --yes deletes it and names the snapshots that still hold it; --snapshots then clears them', async () => {
    await trash(built.target);
    const first = await cli(['--data-dir', dir, 'purge', built.target, '--yes']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Deleted case .* permanently: \d+ file\(s\) removed/);
    expect(first.stdout).toMatch(/2 snapshot\(s\) of this folder may still hold it/);
    expect(first.stdout).toMatch(/other drives.*Syncthing.*SSD/s);
    expect(await readdir(path.join(dir, 'trash'))).not.toContain(`${built.target}.json`);
    expect(markersIn(await folderBytes(dir)).length).toBeGreaterThan(0); // the snapshots, as it said
    const second = await cli(['--data-dir', dir, 'purge', built.target, '--snapshots', '--yes']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Removed it from 2 snapshot\(s\); 2 of 2 checked/);
    expect(markersIn(await folderBytes(dir))).toEqual([]);
    expect((await cli(['--data-dir', dir, 'verify'])).code).toBe(0);
  });
});
