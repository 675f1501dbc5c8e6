import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { LEGACY_PREPARED_BY_KEY, loadPreparedBy, savePreparedBy } from '../../../renderer/features/briefs/preparedBy';
import { buildDataFolder, FAST_KDF, snapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// The Brief dialog's "Prepared by": an old localStorage value is moved into the data
// folder (sealed when encrypted) once and deleted; the folder's own value wins. The
// api is the real dispatcher on a real store; localStorage is a Map standing in for it.

const PASS = 'құпия — prepared by';
const OLD = 'Сәуле Жұмабаева MKRLEGACY41';

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore | undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-prepared-by-')));
afterEach(async () => {
  await store?.close();
  store = undefined;
  await cleanup();
});

function apiOn(s: CaseStore): Pick<Api, 'settings.get' | 'settings.set'> {
  const dispatch = createDispatcher(createHandlers(s));
  return { 'settings.get': (input) => dispatch('settings.get', input), 'settings.set': (input) => dispatch('settings.set', input) };
}

function storage(initial: Record<string, string>) {
  const map = new Map(Object.entries(initial));
  return { map, getItem: (k: string) => map.get(k) ?? null, removeItem: (k: string) => void map.delete(k) };
}

it('moves an old localStorage name into an encrypted folder, sealed, and deletes it from localStorage', async () => {
  await buildDataFolder(dir, 0);
  await encryptFolder(dir, PASS, FAST_KDF);
  store = await CaseStore.open(dir, { passphrase: PASS });
  const local = storage({ [LEGACY_PREPARED_BY_KEY]: `  ${OLD}  `, 'casefile.language': 'kk' });
  expect(await loadPreparedBy({ api: apiOn(store), storage: local })).toBe(OLD);
  expect([...local.map.keys()]).toEqual(['casefile.language']);
  await store.close();
  store = undefined;
  const files = await snapshot(dir);
  expect(files.has('settings.json')).toBe(true);
  expect([...files].filter(([, b]) => b.includes(Buffer.from('MKRLEGACY41'))).map(([rel]) => rel)).toEqual([]);
  // Once moved, it comes from the folder alone.
  store = await CaseStore.open(dir, { passphrase: PASS });
  expect(await loadPreparedBy({ api: apiOn(store), storage: storage({}) })).toBe(OLD);
});

it('the folder’s own name wins over an old one, which is still deleted; without storage the folder still answers', async () => {
  store = await CaseStore.open(dir);
  const api = apiOn(store);
  expect(await savePreparedBy({ api }, '  Бюро   «Әділет» ', '')).toBe(true);
  const local = storage({ [LEGACY_PREPARED_BY_KEY]: OLD });
  expect(await loadPreparedBy({ api, storage: local })).toBe('Бюро «Әділет»');
  expect(local.map.size).toBe(0);
  expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ preparedBy: 'Бюро «Әділет»' });
  expect(await loadPreparedBy({ api, storage: null })).toBe('Бюро «Әділет»');
  // An empty field clears it.
  expect(await savePreparedBy({ api }, '   ', 'Бюро «Әділет»')).toBe(true);
  expect(await loadPreparedBy({ api, storage: null })).toBe('');
});

it('keeps the old value in localStorage when the folder refuses it (nothing is lost)', async () => {
  store = await CaseStore.open(dir);
  const api = apiOn(store);
  const refusing = { ...api, 'settings.set': async () => ({ ok: false as const, error: { code: 'io' as const, message: 'disk full' } }) };
  const local = storage({ [LEGACY_PREPARED_BY_KEY]: OLD });
  expect(await loadPreparedBy({ api: refusing, storage: local })).toBe(OLD);
  expect(local.map.get(LEGACY_PREPARED_BY_KEY)).toBe(OLD);
});
