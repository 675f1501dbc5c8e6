// A flipped byte in a snapshot is found where backups are listed and verified —
// `casefile backups`, backups.list (Settings → Backups) and `casefile verify` —
// in a plain and an encrypted folder; the other snapshots stay listed as fine.
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft, type SnapshotInfo } from '../../../shared/model';
import { createSnapshot } from '../../../electron/services/backup';
import { Session } from '../../../electron/services/session';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

const PASS = 'Құпия сөз — damaged snapshot';
let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-damaged-snapshot-'));
});
afterAll(() => cleanup());

async function folderWithTwoSnapshots(name: string, encrypted: boolean): Promise<{ dir: string; env: NodeJS.ProcessEnv; older: string; newer: string }> {
  const dir = path.join(root, name);
  const store = await CaseStore.open(dir);
  await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело — damaged snapshot' })));
  await store.close();
  // Kept by count, not by day: two snapshots taken today both stay.
  const older = (await createSnapshot(dir, { reason: 'before-migration', key: null })).name;
  const env: NodeJS.ProcessEnv = encrypted ? { CASEFILE_PASSPHRASE: PASS } : {};
  // Encrypting re-seals the older snapshot (the conversion's path), and takes one more before it.
  if (encrypted) expect((await cli(['--data-dir', dir, 'encrypt'], { CASEFILE_SCRYPT_N: '1024', CASEFILE_NEW_PASSPHRASE: PASS })).code).toBe(0);
  expect((await cli(['--data-dir', dir, 'backup'], env)).code).toBe(0);
  const list = await cli(['--data-dir', dir, 'backups', '--json'], env);
  const rows = JSON.parse(list.stdout) as SnapshotInfo[];
  expect(rows.every((s) => s.problem === undefined)).toBe(true);
  expect(rows.map((s) => s.name)).toContain(older);
  return { dir, env, newer: rows.find((s) => s.reason === 'manual')!.name, older };
}

async function flipByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x04;
  const st = { atime: new Date(), mtime: new Date(Date.now() + 5_000) };
  await writeFile(file, bytes);
  await utimes(file, st.atime, st.mtime);
}

for (const encrypted of [false, true]) {
  describe(encrypted ? 'encrypted folder' : 'plain folder', () => {
    it('backups lists the damaged snapshot as damaged, verify fails naming it, the others are fine', async () => {
      const { dir, env, older, newer } = await folderWithTwoSnapshots(encrypted ? 'enc' : 'plain', encrypted);
      await flipByte(path.join(dir, 'backups', older));

      const json = await cli(['--data-dir', dir, 'backups', '--json'], env);
      expect(json.code, json.stderr).toBe(0);
      const rows = JSON.parse(json.stdout) as SnapshotInfo[];
      expect(rows.find((s) => s.name === older)?.problem).toMatch(/authentication failed|gzip|checksum|not JSON|cut off/);
      expect(rows.filter((s) => s.problem !== undefined).map((s) => s.name)).toEqual([older]);
      expect(rows.find((s) => s.name === newer)).toBeDefined();

      const table = await cli(['--data-dir', dir, 'backups'], env);
      expect(table.stdout).toContain(`DAMAGED: ${older} cannot be restored`);
      expect(table.stdout).not.toContain(`DAMAGED: ${newer}`);

      const verify = await cli(['--data-dir', dir, 'verify'], env);
      expect(verify.code).toBe(1);
      expect(verify.stdout).toContain(`backups/${older}: this backup is damaged`);
      expect(verify.stdout).not.toContain(`backups/${newer}`);

      // What Settings → Backups gets: the same mark, through the app's own session.
      const session = await Session.start(dir, {}, encrypted ? PASS : undefined);
      try {
        const listed = await session.handlers['backups.list']({}, {});
        expect(listed.find((s) => s.name === older)?.problem).toBeDefined();
        expect(listed.find((s) => s.name === newer)?.problem).toBeUndefined();
        // Listed again, the answer is the same (from the check already made, the file unchanged).
        expect((await session.handlers['backups.list']({}, {})).find((s) => s.name === older)?.problem).toBeDefined();
      } finally {
        await session.close();
      }

      // Restoring it is refused as before, and the folder is untouched.
      const restore = await cli(['--data-dir', dir, 'restore', older], env);
      expect(restore.code).not.toBe(0);
      expect(restore.stderr).toContain('is damaged');
    });
  });
}
