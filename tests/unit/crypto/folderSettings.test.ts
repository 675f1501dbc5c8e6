import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreSnapshot } from '../../../electron/services/backup';
import { decryptFolder, encryptFolder } from '../../../electron/services/folder/convert';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { SETTINGS_FILE } from '../../../electron/services/disk/folderLayout';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { buildDataFolder, FAST_KDF, snapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// Issue 12, finding 10: the Brief dialog's "Prepared by" lived in the browser's
// localStorage, in plain text outside the data folder. It is now the folder's own
// setting (settings.json), sealed like the cases when the folder is encrypted, and
// carried through encryption and decryption.

const PASS = 'Құпия сөз — settings';
const NAME = 'Гүлнар Сейітқызы MKRPREPARED9d2e';
const NEW_NAME = 'Бюро «Әділет» MKRPREPARED-second';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-settings-')));
afterEach(() => cleanup());

/** The folder's operations through the one dispatcher every door uses, on a store opened for the call. */
async function withFolder<T>(options: { passphrase?: string }, work: (call: (op: 'settings.get' | 'settings.set', input: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  const store = await CaseStore.open(dir, options);
  try {
    const dispatch = createDispatcher(createHandlers(store));
    return await work(async (op, input) => {
      const r = await dispatch(op, input);
      if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
      return r.value;
    });
  } finally {
    await store.close();
  }
}

/** Every file of the folder that holds `text` (or its ASCII tag) in any byte. */
async function filesHolding(text: string): Promise<string[]> {
  const tag = text.split(' ').at(-1)!;
  return [...(await snapshot(dir))].filter(([, bytes]) => bytes.includes(Buffer.from(text)) || bytes.includes(Buffer.from(tag))).map(([rel]) => rel);
}

describe('the folder’s settings', () => {
  it('are kept in the data folder, sealed when it is encrypted, through encryption and decryption', async () => {
    await buildDataFolder(dir, 0);
    await withFolder({}, async (call) => {
      expect(await call('settings.get', {})).toEqual({});
      expect(await call('settings.set', { preparedBy: `  ${NAME} ` })).toEqual({ preparedBy: NAME });
      expect(await call('settings.get', {})).toEqual({ preparedBy: NAME });
    });
    // Plain folder: plain JSON, at the top of the folder.
    expect(JSON.parse(await readFile(path.join(dir, SETTINGS_FILE), 'utf8'))).toEqual({ format: 'casefile-settings', version: 1, preparedBy: NAME });

    const report = await encryptFolder(dir, PASS, FAST_KDF);
    expect(report.untouched).toEqual([]);
    expect(isEncryptedBytes(await readFile(path.join(dir, SETTINGS_FILE)))).toBe(true);
    expect(await filesHolding(NAME)).toEqual([]);

    // Encrypted: read back with the passphrase; a change is sealed too.
    await withFolder({ passphrase: PASS }, async (call) => {
      expect(await call('settings.get', {})).toEqual({ preparedBy: NAME });
      expect(await call('settings.set', { preparedBy: NEW_NAME })).toEqual({ preparedBy: NEW_NAME });
    });
    expect(isEncryptedBytes(await readFile(path.join(dir, SETTINGS_FILE)))).toBe(true);
    expect(await filesHolding(NEW_NAME)).toEqual([]);
    expect(await filesHolding(NAME)).toEqual([]);

    // Decrypted: plain again, the newest name.
    expect((await decryptFolder(dir, PASS)).untouched).toEqual([]);
    expect(JSON.parse(await readFile(path.join(dir, SETTINGS_FILE), 'utf8'))).toMatchObject({ preparedBy: NEW_NAME });
    await withFolder({}, async (call) => expect(await call('settings.get', {})).toEqual({ preparedBy: NEW_NAME }));
  });

  it('travel in snapshots (sealed with them when encrypted) and come back with a restore', async () => {
    await buildDataFolder(dir, 0);
    await withFolder({}, (call) => call('settings.set', { preparedBy: NAME }));
    const first = await CaseStore.open(dir);
    let name: string;
    try {
      name = (await first.backup('manual')).name;
    } finally {
      await first.close();
    }
    await withFolder({}, (call) => call('settings.set', { preparedBy: NEW_NAME }));
    await restoreSnapshot(dir, name, null);
    await withFolder({}, async (call) => expect(await call('settings.get', {})).toEqual({ preparedBy: NAME }));

    // Encrypted, a snapshot holds the name only sealed.
    await encryptFolder(dir, PASS, FAST_KDF);
    const sealed = await CaseStore.open(dir, { passphrase: PASS });
    try {
      await sealed.backup('manual');
    } finally {
      await sealed.close();
    }
    expect(await filesHolding(NAME)).toEqual([]);
  });

  it('a sealed settings file is bound to its name: under another name it does not open', async () => {
    await buildDataFolder(dir, 0);
    await encryptFolder(dir, PASS, FAST_KDF);
    await withFolder({ passphrase: PASS }, (call) => call('settings.set', { preparedBy: NAME }));
    await writeFile(path.join(dir, 'search-index.bin'), await readFile(path.join(dir, SETTINGS_FILE)));
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      expect(await store.readDerivedFile('search-index.bin')).toBeNull();
      expect(JSON.parse((await store.readDerivedFile(SETTINGS_FILE))!.toString('utf8'))).toMatchObject({ preparedBy: NAME });
    } finally {
      await store.close();
    }
  });

  it('null clears a setting; keys a newer Casefile wrote are kept; a damaged file reads as defaults and is rewritten whole', async () => {
    await withFolder({}, async (call) => {
      await call('settings.set', { preparedBy: NAME });
      const file = path.join(dir, SETTINGS_FILE);
      await writeFile(file, JSON.stringify({ format: 'casefile-settings', version: 2, preparedBy: NAME, theme: 'dark' }));
      expect(await call('settings.set', {})).toEqual({ preparedBy: NAME });
      expect(await call('settings.set', { preparedBy: null })).toEqual({});
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ format: 'casefile-settings', version: 1, theme: 'dark' });
      await writeFile(file, '{"format": "casefile-settings", "version": 1, "preparedBy": "cut');
      expect(await call('settings.get', {})).toEqual({});
      expect(await call('settings.set', { preparedBy: NEW_NAME })).toEqual({ preparedBy: NEW_NAME });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ format: 'casefile-settings', version: 1, preparedBy: NEW_NAME });
    });
  });

  it('refuses a blank or over-long name at the door, writing nothing', async () => {
    const store = await CaseStore.open(dir);
    try {
      const dispatch = createDispatcher(createHandlers(store));
      for (const bad of [{ preparedBy: '   ' }, { preparedBy: 'x'.repeat(201) }, { preparedBy: 7 }, { other: 'x' }]) {
        expect(await dispatch('settings.set', bad)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
      }
      expect((await snapshot(dir)).has(SETTINGS_FILE)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('changes made at once are applied one after the other: the file is whole and holds the last', async () => {
    await withFolder({}, async (call) => {
      const names = Array.from({ length: 12 }, (_, i) => `Имя ${i}`);
      await Promise.all(names.map((preparedBy) => call('settings.set', { preparedBy })));
      expect(await call('settings.get', {})).toEqual({ preparedBy: names.at(-1) });
    });
  });
});
