import { access } from 'node:fs/promises';
import path from 'node:path';
import { issuesFromZod } from '../../../shared/errors';
import { AddressBook, countryEntry, type Addressee } from '../../../shared/model/addressees';
import type { Issue } from '../../../shared/model/integrity';
import { ServiceError } from '../errors';
import type { CaseStoreBase } from '../store/caseStore';
import { ADDRESSEES_FILE } from '../disk/folderLayout';
import { loadSeedAddressBook } from './seed';

// addressees.json: the user's copy of the address book, written through the store's
// derived-file door like settings.json, so it is sealed under its own name when the
// folder is encrypted and written durably; the folder layout lists it, so encrypting
// and decrypting a folder convert it with the rest.
//
// A copy that will not open, parse or validate is never overwritten: it is the user's
// work, reported with the path of each fault so they can mend it, and the shipped
// seed stands in meanwhile.

export type AddressBookRead = {
  book: AddressBook;
  /** `user`: the copy in the data folder; `seed`: the shipped book, because the copy is missing or broken. */
  origin: 'user' | 'seed';
  /** True when this read wrote the seed into the data folder (first use). */
  seeded: boolean;
  /** What is wrong with the user's copy (empty when it is sound). */
  issues: Issue[];
};

const EMPTY_PATH: Issue['path'] = [];

async function exists(store: CaseStoreBase): Promise<boolean> {
  return access(path.join(store.dataDir, ADDRESSEES_FILE)).then(
    () => true,
    () => false,
  );
}

// One operation at a time per folder: a first read that seeds must not write the
// seed over a copy the user saved meanwhile.
const queues = new WeakMap<CaseStoreBase, Promise<unknown>>();

function serial<T>(store: CaseStoreBase, run: () => Promise<T>): Promise<T> {
  const done = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(store, done.catch(() => undefined));
  return done;
}

function encode(book: AddressBook): Buffer {
  return Buffer.from(`${JSON.stringify(book, null, 2)}\n`, 'utf8');
}

/**
 * The address book in force: the user's copy, seeded from assets/ on first use. Never throws on a broken copy.
 * `seed: false` reads without writing (a brief only reads: rendering one must leave the folder as it was).
 */
export function readAddressBook(store: CaseStoreBase, opts: { seed?: boolean } = {}): Promise<AddressBookRead> {
  return serial(store, () => readNow(store, opts.seed ?? true));
}

async function readNow(store: CaseStoreBase, seed: boolean): Promise<AddressBookRead> {
  const bytes = await store.readDerivedFile(ADDRESSEES_FILE);
  if (!bytes) {
    const shipped = await loadSeedAddressBook();
    if (!seed) return { book: shipped, origin: 'seed', seeded: false, issues: [] };
    if (await exists(store)) {
      // Present but unreadable: sealed under another name or key, or damaged. Keep it for the user.
      return { book: shipped, origin: 'seed', seeded: false, issues: [{ path: EMPTY_PATH, message: `${ADDRESSEES_FILE} could not be opened (damaged, or sealed for another folder); the shipped address book is used until it is replaced` }] };
    }
    try {
      await store.writeDerivedFile(ADDRESSEES_FILE, encode(shipped));
    } catch (err) {
      // The book is still usable as shipped; the copy is tried again on the next read.
      const code = (err as NodeJS.ErrnoException)?.code ?? String(err);
      return { book: shipped, origin: 'seed', seeded: false, issues: [{ path: EMPTY_PATH, message: `the shipped address book could not be copied into the data folder (${code}); it is used as shipped, and copied on the next use once the disk accepts it` }] };
    }
    return { book: shipped, origin: 'seed', seeded: true, issues: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return { book: await loadSeedAddressBook(), origin: 'seed', seeded: false, issues: [{ path: EMPTY_PATH, message: `${ADDRESSEES_FILE} is not valid JSON (${(err as Error).message}); the shipped address book is used until it is mended` }] };
  }
  const parsed = AddressBook.safeParse(json);
  if (!parsed.success) return { book: await loadSeedAddressBook(), origin: 'seed', seeded: false, issues: issuesFromZod(parsed.error) };
  return { book: parsed.data, origin: 'user', seeded: false, issues: [] };
}

/** Replaces the user's copy with `input`, validated first: a fault is refused by its path and nothing is written. */
export async function writeAddressBook(store: CaseStoreBase, input: unknown): Promise<AddressBook> {
  const parsed = AddressBook.safeParse(input);
  if (!parsed.success) throw new ServiceError('bad_input', 'The address book was not saved: correct the fields listed and save again.', issuesFromZod(parsed.error));
  const book = parsed.data;
  await serial(store, () => store.writeDerivedFile(ADDRESSEES_FILE, encode(book)));
  return book;
}

/** The bodies to write to in `country` (ISO code): none when the book does not know the country. */
export function addresseesFor(book: AddressBook, country: string): Addressee[] {
  return countryEntry(book, country)?.addressees ?? [];
}
