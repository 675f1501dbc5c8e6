import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { createSnapshot } from '../../../electron/services/backup';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { markersFound, snapshot } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// A restore that brings back a valid copy of a quarantined case makes that
// quarantine entry stale: it moves to retired-quarantine/ (kept, not deleted),
// so `verify` passes again and `recover` is not left to fail with a conflict.

const PASS = 'Құпия сөз — restore and quarantine';
const FAST = { CASEFILE_SCRYPT_N: '1024' };

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-restore-q-')));
afterEach(() => cleanup());

async function scenario(env: NodeJS.ProcessEnv): Promise<{ id: string; snapshotName: string; damaged: Buffer }> {
  const run = (args: string[]) => cli(['--data-dir', dir, ...args], env);
  const backup = await run(['backup']);
  expect(backup.code, backup.stderr).toBe(0);
  const snapshotName = /Snapshot (\S+):/.exec(backup.stdout)![1]!;
  const list = JSON.parse((await run(['list', '--json'])).stdout) as { id: string }[];
  const id = list[0]!.id;
  // Damage the case behind the app's back: the next open quarantines it.
  const file = path.join(dir, 'cases', `${id}.json`);
  const damaged = await readFile(file);
  damaged[Math.floor(damaged.length / 2)]! ^= 0x55;
  await writeFile(file, damaged);
  const opened = await run(['list']);
  expect(opened.stderr).toContain(`quarantined cases/${id}.json`);
  expect((await run(['verify'])).code).toBe(1);
  return { id, snapshotName, damaged };
}

async function expectRetired(env: NodeJS.ProcessEnv, id: string, snapshotName: string): Promise<string[]> {
  const run = (args: string[]) => cli(['--data-dir', dir, ...args], env);
  const restored = await run(['restore', snapshotName]);
  expect(restored.code, restored.stderr).toBe(0);
  expect(await readdir(path.join(dir, 'quarantine'))).toEqual([]);
  const retired = (await readdir(path.join(dir, 'retired-quarantine'))).sort();
  expect(retired).toHaveLength(2);
  expect(retired[0]).toMatch(new RegExp(`--cases--${id}\\.json$`));
  expect(retired[1]).toBe(`${retired[0]}.reason.txt`);
  const verify = await run(['verify']);
  expect(verify.stdout).toMatch(/^All well/);
  expect(verify.code).toBe(0);
  const info = await run(['info']);
  expect(info.stdout).toContain('quarantined files: 0');
  // Recovering the retired file is no longer offered: it is not in the quarantine.
  const recover = await run(['recover', `quarantine/${retired[0]}`]);
  expect(recover.code).toBe(2);
  expect(recover.stderr).toContain('not in the quarantine folder');
  const show = await run(['show', id]);
  expect(show.code).toBe(0);
  return retired;
}

describe('restore retires quarantine entries it made stale', () => {
  it('plain folder: the damaged bytes and their note are kept in retired-quarantine/', async () => {
    const store = await CaseStore.open(dir);
    await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Ү. — quarantined then restored' })));
    await store.close();
    const { id, snapshotName, damaged } = await scenario({});
    const retired = await expectRetired({}, id, snapshotName);
    expect((await readFile(path.join(dir, 'retired-quarantine', retired[0]!))).equals(damaged)).toBe(true);
    expect(await readFile(path.join(dir, 'retired-quarantine', retired[1]!), 'utf8')).toContain(`cases/${id}.json`);
  });

  it('encrypted folder: the same, the retired files stay sealed, and decrypting opens them like quarantined ones', async () => {
    const store = await CaseStore.open(dir);
    await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Ң. — MKRRETIRED sealed' })));
    await store.close();
    expect((await cli(['--data-dir', dir, 'encrypt'], { ...FAST, CASEFILE_NEW_PASSPHRASE: PASS })).code).toBe(0);
    const env = { CASEFILE_PASSPHRASE: PASS };
    const { id, snapshotName, damaged } = await scenario(env);
    const retired = await expectRetired(env, id, snapshotName);
    const sealed = await snapshot(dir);
    expect([...sealed.values()].some((b) => b.includes(Buffer.from('MKRRETIRED')))).toBe(false);
    expect(markersFound(sealed)).toEqual([]);
    const dec = await cli(['--data-dir', dir, 'decrypt'], env);
    expect(dec.code, dec.stderr).toBe(0);
    expect(dec.stderr).not.toContain('NOT encrypted');
    expect(dec.stderr).not.toContain('left as they were');
    // The damaged envelope comes back byte for byte; its note in plain text.
    expect((await readFile(path.join(dir, 'retired-quarantine', retired[0]!))).equals(damaged)).toBe(true);
    expect(await readFile(path.join(dir, 'retired-quarantine', retired[1]!), 'utf8')).toContain('authentication failed');
  });

  it('a restore from a snapshot that does not hold the case leaves its quarantine entry listed', async () => {
    // Kept by count, not by day: the scenario's own snapshot today does not rotate it out.
    const store = await CaseStore.open(dir);
    const emptyName = (await createSnapshot(dir, { reason: 'before-migration', key: null })).name;
    await store.create(CaseDraft.parse(prisonerDraft({ title: 'Made after the first snapshot' })));
    await store.close();
    await scenario({});
    expect((await cli(['--data-dir', dir, 'restore', emptyName])).code).toBe(0);
    expect(await readdir(path.join(dir, 'quarantine'))).toHaveLength(2);
    expect((await cli(['--data-dir', dir, 'verify'])).code).toBe(1);
  });
});
