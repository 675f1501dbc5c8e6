import { cp, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { changePassphrase, decryptFolder, encryptFolder } from '../../../electron/services/folder/convert';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { conflictDetail, resolveConflict, scanConflicts } from '../../../electron/services/conflicts/service';
import { listFolder } from '../../../electron/services/disk/folderLayout';
import { syncConflictName } from '../../../electron/services/disk/syncConflictNames';
import { readFolderSettings, updateFolderSettings } from '../../../electron/services/settings/folderSettings';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { makeCaseConflict } from '../../helpers/syncConflicts';

// In an encrypted folder a conflict copy of a case is the other device's sealed file,
// bound to `cases/<id>.json`: it opens under that name, conversions carry it bound to
// it, and one that will not open is reported, never used. The settings and the vault
// have conflicts of their own; a vault copy is kept only when its passphrase opens it.

const PASS = 'Құпия сөз — conflicts';
const MARK = 'MKRCONFLICT Сапарбек Әлиұлы';
let root: string;
let cleanup: () => Promise<void>;
let dir: string;
let id: string;

const host = (store: CaseStore) => ({ store, sameDataKey: (k: Buffer) => store.sameDataKey(k) });
const here = (c: CaseFile) => ({ ...c, title: 'Edited on A' });
const there = (c: CaseFile) => ({ ...c, summary: `${MARK} — written on B` });

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-conflicts-enc-'));
  dir = path.join(root, 'a');
  const store = await CaseStore.open(dir);
  id = (await store.create(CaseDraft.parse(prisonerDraft({ title: 'Sealed case' })))).id;
  await store.close();
  await encryptFolder(dir, PASS, FAST_KDF);
});
afterEach(() => cleanup());

describe('conflicts in an encrypted folder', () => {
  it('a sealed copy holds no plaintext, opens under the case’s name and is settled like a plain one', async () => {
    const { file, there: theirs } = await makeCaseConflict(dir, id, { here, there }, { passphrase: PASS });
    const bytes = await readFile(path.join(dir, file));
    expect(isEncryptedBytes(bytes)).toBe(true);
    expect(bytes.includes(Buffer.from('Сапарбек'))).toBe(false);
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      expect(store.list().map((c) => c.id)).toEqual([id]);
      expect(store.quarantinedNow).toEqual([]);
      const detail = await conflictDetail(store, file);
      expect(detail.conflict.valid).toBe(true);
      expect(detail.copy).toEqual(theirs);
      await resolveConflict(host(store), { file, keep: 'merge', picks: { summary: 'copy' } });
      expect(await store.get(id)).toMatchObject({ title: 'Edited on A', summary: theirs.summary, rev: 3 });
      expect(await readdir(path.join(dir, 'cases'))).toEqual([`${id}.json`]);
    } finally {
      await store.close();
    }
  });

  it('a copy that will not open under its case’s name is reported and never used', async () => {
    const other = await (async () => {
      const s = await CaseStore.open(dir, { passphrase: PASS });
      try {
        return (await s.create(CaseDraft.parse(prisonerDraft({ title: 'Another case' })))).id;
      } finally {
        await s.close();
      }
    })();
    // Another case's sealed file, put where a copy of the first one would be: bound to the wrong name.
    const name = syncConflictName(`${id}.json`, new Date('2026-12-07T10:15:02Z'), 'SWAPPED');
    await cp(path.join(dir, 'cases', `${other}.json`), path.join(dir, 'cases', name));
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      const [c] = await scanConflicts(store);
      expect(c).toMatchObject({ file: `cases/${name}`, valid: false });
      expect(c!.problem).toMatch(/does not open/);
      await expect(resolveConflict(host(store), { file: `cases/${name}`, keep: 'both' })).rejects.toMatchObject({ code: 'bad_input' });
      expect(store.list()).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('decrypting and encrypting the folder carry a copy bound to its case’s name', async () => {
    const { file, there: theirs } = await makeCaseConflict(dir, id, { here, there }, { passphrase: PASS });
    const listed = (await listFolder(dir)).targets.find((t) => t.rel === file);
    expect(listed).toEqual({ rel: file, aad: `cases/${id}.json`, format: 'json' });
    await decryptFolder(dir, PASS);
    const plain = await readFile(path.join(dir, file), 'utf8');
    expect(JSON.parse(plain)).toEqual(theirs);
    await encryptFolder(dir, PASS, FAST_KDF);
    expect(isEncryptedBytes(await readFile(path.join(dir, file)))).toBe(true);
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      expect((await conflictDetail(store, file)).copy).toEqual(theirs);
    } finally {
      await store.close();
    }
  });

  it('a vault.json changed on another device is kept only with the passphrase that opens it', async () => {
    const other = path.join(root, 'b');
    await cp(dir, other, { recursive: true });
    await changePassphrase(other, PASS, 'new passphrase from laptop B', FAST_KDF);
    const name = syncConflictName('vault.json', new Date('2026-12-07T10:15:02Z'), 'LAPTOPB');
    await cp(path.join(other, 'vault.json'), path.join(dir, name));
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      expect(await scanConflicts(store)).toEqual([expect.objectContaining({ file: name, kind: 'vault', valid: true })]);
      await expect(resolveConflict(host(store), { file: name, keep: 'copy', passphrase: PASS })).rejects.toMatchObject({ code: 'bad_input' });
      await expect(resolveConflict(host(store), { file: name, keep: 'merge' })).rejects.toMatchObject({ code: 'bad_input' });
      await resolveConflict(host(store), { file: name, keep: 'copy', passphrase: 'new passphrase from laptop B' });
      expect(await scanConflicts(store)).toEqual([]);
    } finally {
      await store.close();
    }
    await expect(CaseStore.open(dir, { passphrase: PASS })).rejects.toBeDefined();
    const reopened = await CaseStore.open(dir, { passphrase: 'new passphrase from laptop B' });
    expect(reopened.list().map((c) => c.id)).toEqual([id]);
    await reopened.close();
  });

  it('a settings.json conflict keeps one side, sealed like the file it replaces', async () => {
    let store = await CaseStore.open(dir, { passphrase: PASS });
    await updateFolderSettings(store, { preparedBy: 'Адвокат Б. (laptop B)' });
    await store.close();
    const name = syncConflictName('settings.json', new Date('2026-12-07T10:15:02Z'), 'LAPTOPB');
    await cp(path.join(dir, 'settings.json'), path.join(dir, name));
    store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      await updateFolderSettings(store, { preparedBy: 'Адвокат А.' });
      const detail = await conflictDetail(store, name);
      expect(detail.changes.map((c) => c.path)).toEqual(['preparedBy']);
      await resolveConflict(host(store), { file: name, keep: 'copy' });
      expect((await readFolderSettings(store)).preparedBy).toBe('Адвокат Б. (laptop B)');
      expect(isEncryptedBytes(await readFile(path.join(dir, 'settings.json')))).toBe(true);
      expect(await scanConflicts(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('a conflict of a trashed case', () => {
  it('keeps the Trash’s version or both, and refuses to edit a trashed case', async () => {
    const { file, there: theirs } = await makeCaseConflict(dir, id, { here, there }, { passphrase: PASS });
    // This device then trashed the case; Syncthing moved its copy with it.
    let store = await CaseStore.open(dir, { passphrase: PASS });
    await store.trash(id);
    await store.close();
    const trashCopy = file.replace(/^cases\//, 'trash/');
    await rename(path.join(dir, file), path.join(dir, trashCopy));
    store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      expect(store.quarantinedNow).toEqual([]);
      expect(await scanConflicts(store)).toEqual([expect.objectContaining({ file: trashCopy, where: 'trash', valid: true })]);
      await expect(resolveConflict(host(store), { file: trashCopy, keep: 'copy' })).rejects.toMatchObject({ code: 'conflict' });
      const done = await resolveConflict(host(store), { file: trashCopy, keep: 'current' });
      expect(done.caseId).toBe(id);
      const last = (await store.history(id)).at(-1)!;
      expect(last).toMatchObject({ cause: 'sync-conflict', syncConflict: { kept: 'current', lost: [theirs] } });
      expect(await scanConflicts(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
