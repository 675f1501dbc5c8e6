import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { runCli, type CliIo } from '../../../electron/cli/run';
import { copyBackupsOut } from '../../../electron/services/backup/copyOut';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli, root } from '../../helpers/cli';
import { markersFound, snapshot } from '../../helpers/cryptoFolder';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

// The way off the machine: `backup --copy-to DIR` writes the newest snapshot
// AND vault.json to a set of their own; on another machine that set, and the
// passphrase, are all it takes to get every case back.

const PASS = 'Құпия сөз — copied out 🕊️';
const NEW_PASS = 'another passphrase, Жаңа';
const FAST = { CASEFILE_SCRYPT_N: '1024' };
const SECRET = 'MKRCOPYOUT Айгерім — адвокат видел следы побоев';

let base: string;
let cleanup: () => Promise<void>;
let data: string;
let usb: string;
const ids: string[] = [];

/** `casefile --data-dir DIR backup --copy-to DEST`, in this process. */
const copyOut = (dir: string, dest: string, cliIo: CliIo) => runCli(['--data-dir', dir, 'backup', '--copy-to', dest], cliIo);

function io(env: NodeJS.ProcessEnv): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, cwd: root }, out, err };
}

beforeAll(async () => {
  ({ dir: base, cleanup } = await tempDir('casefile-copy-out-'));
  data = path.join(base, 'laptop');
  usb = path.join(base, 'usb');
  await mkdir(usb);
  const store = await CaseStore.open(data);
  ids.push((await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Ә. — copied', summary: SECRET })))).id);
  ids.push((await store.create(CaseDraft.parse(ngoDraft({ title: 'Қоғам — trashed' })))).id);
  await store.trash(ids[1]!);
  await store.close();
  const r = await cli(['--data-dir', data, 'encrypt'], { ...FAST, CASEFILE_NEW_PASSPHRASE: PASS });
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => cleanup());

describe('backup --copy-to', () => {
  let set: string;
  let snapshotName: string;

  it('takes a snapshot and copies it with vault.json into a new set, with nothing readable in it', async () => {
    const { io: cliIo, out } = io({ CASEFILE_PASSPHRASE: PASS });
    expect(await copyOut(data, usb, cliIo)).toBe(0);
    const sets = await readdir(usb);
    expect(sets).toHaveLength(1);
    set = path.join(usb, sets[0]!);
    expect(out.join('\n')).toContain(`Copied to ${set}`);
    const files = await snapshot(set);
    // The snapshot is a manifest; the files it names come along as blobs (backups/blobs/), each byte for byte as sealed in the folder.
    const blobs = [...files.keys()].filter((n) => n.startsWith('backups/blobs/'));
    expect(blobs.length).toBeGreaterThan(0);
    for (const b of blobs) expect(files.get(b)!.equals(await readFile(path.join(data, ...b.split('/'))))).toBe(true);
    const names = [...files.keys()].filter((n) => !n.startsWith('backups/blobs/')).sort();
    expect(names.filter((n) => n.startsWith('backups/'))).toHaveLength(1);
    snapshotName = names.find((n) => n.startsWith('backups/'))!.slice('backups/'.length);
    expect(snapshotName).toMatch(/--manual--1c1t\.casefile-snapshot$/);
    expect(names).toEqual(['RESTORE.txt', `backups/${snapshotName}`, 'vault.json'].sort());
    expect(files.get('vault.json')!.equals(await readFile(path.join(data, 'vault.json')))).toBe(true);
    expect(files.get(`backups/${snapshotName}`)!.equals(await readFile(path.join(data, 'backups', snapshotName)))).toBe(true);
    expect([...files.values()].some((b) => b.includes(Buffer.from('MKRCOPYOUT')))).toBe(false);
    expect(markersFound(files)).toEqual([]);
    expect(files.get('RESTORE.txt')!.toString('utf8')).toContain(`restore ${snapshotName}`);
  });

  it('on a new machine, the set alone and the passphrase bring every case back, readable', async () => {
    const fresh = path.join(base, 'new-machine');
    await mkdir(fresh);
    const { cp } = await import('node:fs/promises');
    await cp(set, fresh, { recursive: true });
    // Without the passphrase: refused, as any encrypted folder.
    expect((await cli(['--data-dir', fresh, 'restore', snapshotName])).code).toBe(5);
    const wrong = await cli(['--data-dir', fresh, 'restore', snapshotName], { CASEFILE_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(2);
    const restored = await cli(['--data-dir', fresh, 'restore', snapshotName], { CASEFILE_PASSPHRASE: PASS });
    expect(restored.code, restored.stderr).toBe(0);
    const list = await cli(['--data-dir', fresh, 'list'], { CASEFILE_PASSPHRASE: PASS });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Дело Ә. — copied');
    const show = await cli(['--data-dir', fresh, 'show', ids[0]!], { CASEFILE_PASSPHRASE: PASS });
    expect(show.stdout).toContain(SECRET);
    const info = await cli(['--data-dir', fresh, 'info'], { CASEFILE_PASSPHRASE: PASS });
    expect(info.stdout).toContain('encrypted');
    expect(info.stdout).toContain('Cases: 1, in the Trash: 1, quarantined files: 0');
    const history = await cli(['--data-dir', fresh, 'history', ids[0]!], { CASEFILE_PASSPHRASE: PASS });
    expect(history.stdout).toMatch(/create/);
    const verify = await cli(['--data-dir', fresh, 'verify'], { CASEFILE_PASSPHRASE: PASS });
    expect(verify.code, verify.stdout).toBe(0);
    // And the restored folder is as sealed as the original.
    expect(markersFound(await snapshot(fresh))).toEqual([]);
    expect([...(await snapshot(fresh)).values()].some((b) => b.includes(Buffer.from('MKRCOPYOUT')))).toBe(false);
  });

  it('backups/ copied without vault.json cannot be restored anywhere: which is why the set carries it', async () => {
    const bare = path.join(base, 'bare');
    await mkdir(path.join(bare, 'backups'), { recursive: true });
    await writeFile(path.join(bare, 'backups', snapshotName), await readFile(path.join(set, 'backups', snapshotName)));
    const r = await cli(['--data-dir', bare, 'restore', snapshotName], { CASEFILE_PASSPHRASE: PASS });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('vault.json is missing');
  });

  it('after a passphrase change, an older set still opens with the passphrase it was made under (the README says why to re-copy)', async () => {
    const cp = await cli(['--data-dir', data, 'change-passphrase'], { ...FAST, CASEFILE_PASSPHRASE: PASS, CASEFILE_NEW_PASSPHRASE: NEW_PASS });
    expect(cp.code, cp.stderr).toBe(0);
    const older = path.join(base, 'older-set');
    const { cp: copy } = await import('node:fs/promises');
    await copy(set, older, { recursive: true });
    expect((await cli(['--data-dir', older, 'restore', snapshotName], { CASEFILE_PASSPHRASE: NEW_PASS })).code).toBe(2);
    expect((await cli(['--data-dir', older, 'restore', snapshotName], { CASEFILE_PASSPHRASE: PASS })).code).toBe(0);
    // A new copy carries the new wrapping.
    const { io: cliIo } = io({ CASEFILE_PASSPHRASE: NEW_PASS });
    expect(await copyOut(data, usb, cliIo)).toBe(0);
    const newest = (await readdir(usb)).sort().at(-1)!;
    expect((await readFile(path.join(usb, newest, 'vault.json'))).equals(await readFile(path.join(data, 'vault.json')))).toBe(true);
  });

  it('a plain folder copies its snapshot alone (there is no key), and that set restores too', async () => {
    const { dir: plain, cleanup: done } = await tempDir('casefile-copy-plain-');
    try {
      const store = await CaseStore.open(plain);
      await store.create(CaseDraft.parse(prisonerDraft({ title: 'Plain Қ case' })));
      await store.close();
      const out = path.join(plain, '..', `${path.basename(plain)}-usb`);
      await mkdir(out);
      expect(await copyOut(plain, out, io({}).io)).toBe(0);
      const set = path.join(out, (await readdir(out))[0]!);
      expect((await readdir(set)).sort()).toEqual(['RESTORE.txt', 'backups']);
      const name = (await readdir(path.join(set, 'backups')))[0]!;
      expect((await cli(['--data-dir', set, 'restore', name])).code).toBe(0);
      expect((await cli(['--data-dir', set, 'list'])).stdout).toContain('Plain Қ case');
    } finally {
      await done();
    }
  });

  it('refuses a destination inside the data folder, or one that is not there, copying nothing', async () => {
    await expect(copyBackupsOut(data, path.join(data, 'backups'), { key: null })).rejects.toMatchObject({ code: 'bad_input' });
    await expect(copyBackupsOut(data, path.join(base, 'no-such-drive'), { key: null })).rejects.toMatchObject({ code: 'not_found' });
    const { io: cliIo } = io({});
    expect(await copyOut(data, usb, cliIo)).toBe(5); // encrypted, and no passphrase given
    expect(await copyOut(data, path.join(base, 'no-such-drive'), io({ CASEFILE_PASSPHRASE: PASS }).io)).toBe(2);
  });
});
