import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addresseesFor, ADDRESSEES_FILE, loadSeedAddressBook, readAddressBook, writeAddressBook } from '../../../electron/services/addressees';
import { restoreSnapshot } from '../../../electron/services/backup';
import { decryptFolder, encryptFolder } from '../../../electron/services/folder/convert';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { ServiceError } from '../../../electron/services/errors';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import type { DurableFs } from '../../../electron/services/disk/durableFile';
import { formatIssue } from '../../../shared/errors';
import type { AddressBook } from '../../../shared/model/addressees';
import { buildDataFolder, FAST_KDF, snapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// The user's copy of the address book in the data folder: seeded on first use, kept
// when edited, reported by path (never a crash, never overwritten) when broken, and
// sealed like settings.json when the folder is encrypted.

const PASS = 'Құпия сөз — addressees';
/** A user's own entry, with a tag no shipped text contains. */
const MARK = 'Алматы қаласының прокуроры MKRADDRESSEE5b0e';
const MARK_TAG = 'MKRADDRESSEE5b0e';
/** Plain words of the seed that must not appear in the bytes of a sealed folder. */
const SEED_WORDS = ['casefile-addressees', 'Prosecutor General', 'Bolshaya Dmitrovka', 'Құрметті', 'Zhongnanhai'];

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-addressees-')));
afterEach(() => cleanup());

async function withStore<T>(options: { passphrase?: string }, work: (store: CaseStore) => Promise<T>): Promise<T> {
  const store = await CaseStore.open(dir, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The seed with one addressee of the user's own added to Kazakhstan. */
async function edited(title = MARK): Promise<AddressBook> {
  const book = structuredClone(await loadSeedAddressBook());
  book.countries.find((c) => c.country === 'KZ')!.addressees.push({
    id: 'kz-almaty-prosecutor',
    role: 'other',
    office: 'Алматы қаласының прокуратурасы',
    title,
    address: ['Алматы'],
    salutation: { en: 'Dear Prosecutor,', ru: 'Уважаемый прокурор!', kk: 'Құрметті прокурор!' },
    source: 'Entered by the advocate from the office’s letterhead',
    asOf: '2026-12',
  });
  return book;
}

/** Every file of the folder holding `needle` in any byte. */
async function filesHolding(needle: string): Promise<string[]> {
  return [...(await snapshot(dir))].filter(([, bytes]) => bytes.includes(Buffer.from(needle, 'utf8'))).map(([rel]) => rel);
}

describe('the address book in the data folder', () => {
  it('is seeded from assets/ on first use, then read from the folder', async () => {
    const file = path.join(dir, ADDRESSEES_FILE);
    await withStore({}, async (store) => {
      const first = await readAddressBook(store);
      expect(first).toMatchObject({ origin: 'seed', seeded: true, issues: [] });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(await loadSeedAddressBook());
      expect(addresseesFor(first.book, 'kz').map((a) => a.id)).toEqual(['kz-president', 'kz-prosecutor-general', 'kz-ombudsperson']);
      expect(addresseesFor(first.book, 'CN').map((a) => a.role)).not.toContain('ombudsperson');
      expect(addresseesFor(first.book, 'FR')).toEqual([]);

      const bytes = await readFile(file);
      const second = await readAddressBook(store);
      expect(second).toMatchObject({ origin: 'user', seeded: false, issues: [] });
      expect(await readFile(file)).toEqual(bytes);
    });
  });

  it('keeps the user’s edits, by hand in the file or saved through the service, across reopening', async () => {
    await withStore({}, (store) => readAddressBook(store));
    // By hand: the advocate corrects Kyrgyzstan's president's address in the file.
    const file = path.join(dir, ADDRESSEES_FILE);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as AddressBook;
    onDisk.countries.find((c) => c.country === 'KG')!.addressees[0]!.address = ['Чүй проспектиси 205', '720003 Бишкек'];
    await writeFile(file, JSON.stringify(onDisk));
    await withStore({}, async (store) => {
      const read = await readAddressBook(store);
      expect(read.origin).toBe('user');
      expect(addresseesFor(read.book, 'KG')[0]!.address).toEqual(['Чүй проспектиси 205', '720003 Бишкек']);
      // Through the service (what a future Settings page would call).
      await writeAddressBook(store, await edited());
    });
    await withStore({}, async (store) => {
      const read = await readAddressBook(store);
      expect(read.origin).toBe('user');
      expect(addresseesFor(read.book, 'KZ').at(-1)!.title).toBe(MARK);
    });
  });

  it('a broken copy is reported with the JSON path of each fault, the seed stands in, and the copy is left as it is', async () => {
    const file = path.join(dir, ADDRESSEES_FILE);
    const seed = await loadSeedAddressBook();
    await withStore({}, async (store) => {
      await readAddressBook(store);

      const bad = JSON.parse(await readFile(file, 'utf8')) as Record<string, any>;
      bad.countries[0].treaties[1].treaty = 'ICCPR-OP2';
      bad.countries[5].addressees[0].email = ['not an address'];
      delete bad.countries[7].addressees[0].source;
      const badText = JSON.stringify(bad, null, 2);
      await writeFile(file, badText);
      const read = await readAddressBook(store);
      expect(read).toMatchObject({ origin: 'seed', seeded: false });
      expect(read.book).toEqual(seed);
      expect(read.issues.map(formatIssue)).toEqual([
        expect.stringMatching(/^countries\[0\]\.treaties\[1\]\.treaty: expected one of "ICCPR"/),
        'countries[5].addressees[0].email[0]: expected an e-mail address',
        expect.stringMatching(/^countries\[7\]\.addressees\[0\]\.source: required/),
      ]);
      expect(await readFile(file, 'utf8')).toBe(badText);

      // Cut short mid-write: not JSON at all.
      await writeFile(file, '{"format": "casefile-addressees", "countries": [');
      const cut = await readAddressBook(store);
      expect(cut).toMatchObject({ origin: 'seed', seeded: false, book: seed });
      expect(cut.issues).toHaveLength(1);
      expect(formatIssue(cut.issues[0]!)).toMatch(/^\(top level\): addressees\.json is not valid JSON \(.+\); the shipped address book is used until it is mended$/);
      expect(await readFile(file, 'utf8')).toBe('{"format": "casefile-addressees", "countries": [');
    });
  });

  it('a disk that refuses the first copy: the shipped book is used, the fault reported, and the copy made on the next use', async () => {
    let full = true;
    const diskFull: DurableFs = {
      open: (async (p: string, flags: string, mode?: number) => {
        if (full && path.basename(p).includes(ADDRESSEES_FILE)) throw Object.assign(new Error('injected ENOSPC'), { code: 'ENOSPC' });
        return open(p, flags, mode);
      }) as DurableFs['open'],
      rename,
      unlink,
    };
    const store = await CaseStore.open(dir, { fs: diskFull });
    try {
      const refused = await readAddressBook(store);
      expect(refused).toMatchObject({ origin: 'seed', seeded: false, book: await loadSeedAddressBook() });
      expect(refused.issues.map(formatIssue)).toEqual([expect.stringMatching(/^\(top level\): the shipped address book could not be copied into the data folder \(ENOSPC\)/)]);
      expect((await snapshot(dir)).has(ADDRESSEES_FILE)).toBe(false);
      full = false;
      expect(await readAddressBook(store)).toMatchObject({ origin: 'seed', seeded: true, issues: [] });
      expect((await snapshot(dir)).has(ADDRESSEES_FILE)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses to save an invalid book, by path, and writes nothing', async () => {
    await withStore({}, async (store) => {
      const book = (await edited()) as Record<string, any>;
      book.countries[0].addressees.at(-1).salutation = { en: 'Dear Prosecutor,', ru: 'Уважаемый прокурор!' };
      const error = await writeAddressBook(store, book).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('bad_input');
      expect((error as ServiceError).issues!.map(formatIssue)).toEqual([`countries[0].addressees[${book.countries[0].addressees.length - 1}].salutation.kk: required for Kazakhstan: expected the salutation in Kazakh`]);
      expect((await snapshot(dir)).has(ADDRESSEES_FILE)).toBe(false);
    });
  });

  it('a first read and a save at the same moment: the save is what stays', async () => {
    await withStore({}, async (store) => {
      const next = await edited();
      const [, saved] = await Promise.all([readAddressBook(store), writeAddressBook(store, next)]);
      expect(addresseesFor(saved, 'KZ').at(-1)!.title).toBe(MARK);
      expect((await readAddressBook(store)).book).toEqual(saved);
    });
  });

  it('in an encrypted folder it is sealed on disk — no plaintext in any byte — and converted with the folder both ways', async () => {
    await buildDataFolder(dir, 0);
    // Made plain first: encryption must convert it (the folder layout lists it).
    await withStore({}, (store) => readAddressBook(store));
    const report = await encryptFolder(dir, PASS, FAST_KDF);
    expect(report.untouched).toEqual([]);
    const file = path.join(dir, ADDRESSEES_FILE);
    expect(isEncryptedBytes(await readFile(file))).toBe(true);
    for (const word of SEED_WORDS) expect(await filesHolding(word), word).toEqual([]);

    await withStore({ passphrase: PASS }, async (store) => {
      expect((await readAddressBook(store)).origin).toBe('user');
      await writeAddressBook(store, await edited());
    });
    expect(isEncryptedBytes(await readFile(file))).toBe(true);
    expect(await filesHolding(MARK_TAG)).toEqual([]);
    expect(await filesHolding('Алматы қаласының')).toEqual([]);
    for (const word of SEED_WORDS) expect(await filesHolding(word), word).toEqual([]);
    await withStore({ passphrase: PASS }, async (store) => {
      const read = await readAddressBook(store);
      expect(read).toMatchObject({ origin: 'user', issues: [] });
      expect(addresseesFor(read.book, 'KZ').at(-1)!.title).toBe(MARK);
    });

    // Decrypted: plain JSON again, with the user's entry.
    expect((await decryptFolder(dir, PASS)).untouched).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8')).countries[0].addressees.at(-1).title).toBe(MARK);
  });

  it('seeded for the first time in an encrypted folder, it is written sealed', async () => {
    await buildDataFolder(dir, 0);
    await encryptFolder(dir, PASS, FAST_KDF);
    await withStore({ passphrase: PASS }, async (store) => expect(await readAddressBook(store)).toMatchObject({ origin: 'seed', seeded: true }));
    expect(isEncryptedBytes(await readFile(path.join(dir, ADDRESSEES_FILE)))).toBe(true);
    for (const word of SEED_WORDS) expect(await filesHolding(word), word).toEqual([]);
    // A sealed copy opened without the folder's key (here: copied under another name) is reported, not overwritten.
    const sealed = await readFile(path.join(dir, ADDRESSEES_FILE));
    await withStore({ passphrase: PASS }, async (store) => {
      await writeFile(path.join(dir, ADDRESSEES_FILE), sealed.subarray(0, sealed.length - 3));
      const read = await readAddressBook(store);
      expect(read).toMatchObject({ origin: 'seed', seeded: false });
      expect(formatIssue(read.issues[0]!)).toMatch(/^\(top level\): addressees\.json could not be opened/);
    });
    expect(await readFile(path.join(dir, ADDRESSEES_FILE))).toEqual(sealed.subarray(0, sealed.length - 3));
  });

  it('travels in snapshots and comes back with a restore', async () => {
    await buildDataFolder(dir, 0);
    await withStore({}, async (store) => writeAddressBook(store, await edited()));
    const name = await withStore({}, async (store) => (await store.backup('manual')).name);
    await withStore({}, async (store) => writeAddressBook(store, await edited('Someone else')));
    await restoreSnapshot(dir, name, null);
    await withStore({}, async (store) => expect(addresseesFor((await readAddressBook(store)).book, 'KZ').at(-1)!.title).toBe(MARK));
  });
});
