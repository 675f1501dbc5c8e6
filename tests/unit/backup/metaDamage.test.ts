// A flipped byte in meta.json used to make every command fail, `backups` and
// `restore` included, while the message said "restore it from a backup". Now the
// way back stays open: backups are listed, a restore brings back a good
// meta.json, and recovering a quarantined case puts a good meta.json back first —
// in a plain and an encrypted folder. Everything else still refuses, saying so.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type SnapshotInfo } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { Meta } from '../../../electron/services/store/meta';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

const PASS = 'Құпия сөз — meta damage';
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-meta-damage-')));
afterEach(() => cleanup());

async function setUp(encrypted: boolean): Promise<{ env: NodeJS.ProcessEnv; snapshot: string; good: string }> {
  const store = await CaseStore.open(dir);
  await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело — meta damage' })));
  await store.close();
  const env: NodeJS.ProcessEnv = encrypted ? { CASEFILE_PASSPHRASE: PASS } : {};
  if (encrypted) expect((await cli(['--data-dir', dir, 'encrypt'], { CASEFILE_SCRYPT_N: '1024', CASEFILE_NEW_PASSPHRASE: PASS })).code).toBe(0);
  const backup = await cli(['--data-dir', dir, 'backup'], env);
  expect(backup.code, backup.stderr).toBe(0);
  return { env, snapshot: /Snapshot (\S+):/.exec(backup.stdout)![1]!, good: await readFile(path.join(dir, 'meta.json'), 'utf8') };
}

/** One byte of meta.json flipped: a quote, so the file no longer parses. */
async function damageMeta(good: string): Promise<string> {
  const at = good.indexOf('"schemaVersion"');
  const bad = `${good.slice(0, at)}${String.fromCharCode(good.charCodeAt(at) ^ 0x01)}${good.slice(at + 1)}`;
  await writeFile(path.join(dir, 'meta.json'), bad);
  return bad;
}

for (const encrypted of [false, true]) {
  describe(encrypted ? 'encrypted folder' : 'plain folder', () => {
    it('backups lists, other commands refuse with a message that points at restore, and restore brings meta.json back', async () => {
      const { env, snapshot, good } = await setUp(encrypted);
      const bad = await damageMeta(good);
      const run = (args: string[]) => cli(['--data-dir', dir, ...args], env);

      const list = await run(['list']);
      expect(list.code).not.toBe(0);
      expect(list.stderr).toContain('meta.json in the data folder is damaged');
      expect(list.stderr).toContain('casefile restore');
      const verify = await run(['verify']);
      expect(verify.code).not.toBe(0);
      expect(verify.stderr).toContain('meta.json in the data folder is damaged');
      expect(await readFile(path.join(dir, 'meta.json'), 'utf8')).toBe(bad);

      const backups = await run(['backups', '--json']);
      expect(backups.code, backups.stderr).toBe(0);
      const rows = JSON.parse(backups.stdout) as SnapshotInfo[];
      expect(rows.map((s) => s.name)).toContain(snapshot);
      expect(rows.every((s) => s.problem === undefined)).toBe(true);

      const restore = await run(['restore', snapshot]);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain(`Restored ${snapshot}`);
      const now = await readFile(path.join(dir, 'meta.json'), 'utf8');
      expect(Meta.safeParse(JSON.parse(now)).success).toBe(true);
      expect(JSON.parse(now)).toEqual(JSON.parse(good));
      const after = await run(['list', '--json']);
      expect(after.code, after.stderr).toBe(0);
      expect((JSON.parse(after.stdout) as { title: string }[]).map((c) => c.title)).toEqual(['Дело — meta damage']);
      expect((await run(['verify'])).code).toBe(0);
    });

    it('recover of a quarantined case works with meta.json damaged: a good meta.json is put back first', async () => {
      const { env, good } = await setUp(encrypted);
      const run = (args: string[]) => cli(['--data-dir', dir, ...args], env);
      const id = (JSON.parse((await run(['list', '--json'])).stdout) as { id: string }[])[0]!.id;
      const caseFile = path.join(dir, 'cases', `${id}.json`);
      const damaged = await readFile(caseFile);
      damaged[Math.floor(damaged.length / 2)]! ^= 0x55;
      await writeFile(caseFile, damaged);
      expect((await run(['list'])).stderr).toContain(`quarantined cases/${id}.json`);
      const [quarantined] = (await readdir(path.join(dir, 'quarantine'))).filter((n) => !n.endsWith('.reason.txt'));
      await damageMeta(good);

      const recover = await run(['recover', `quarantine/${quarantined}`]);
      expect(recover.code, recover.stderr).toBe(0);
      expect(recover.stdout).toContain(`(${id})`);
      expect(JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'))).toEqual(JSON.parse(good));
      expect((await run(['verify'])).code).toBe(0);
    });
  });
}
