import { copyFile, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { isEncryptedBytes } from '../../../electron/services/crypto';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { SearchService } from '../../../electron/services/search/service';
import { SEARCH_INDEX_FILE } from '../../../electron/services/disk/folderLayout';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

// The search index saved in the data folder: a second open answers from it
// without reading the case files, re-indexes only what changed behind its back,
// and rebuilds from the cases whenever the saved copy does not check out.

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore | undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await cleanup();
});

const indexFile = () => path.join(dir, SEARCH_INDEX_FILE);
const caseFile = (id: string) => path.join(dir, 'cases', `${id}.json`);

/** Opens the folder with a search service whose store counts how often every case is read for a build. */
async function openCounting(passphrase?: string) {
  store = await CaseStore.open(dir, passphrase ? { passphrase } : {});
  const s = store;
  const counts = { wholeReads: 0 };
  const all = s.all.bind(s);
  s.all = async function* () {
    counts.wholeReads++;
    yield* all();
  };
  const search = new SearchService(s);
  const ids = async (query: string) => (await search.query({ query, limit: 20 })).map((h) => h.id);
  return { store: s, search, counts, ids };
}

async function seed(passphrase?: string): Promise<CaseFile[]> {
  const { store: s, search } = await openCounting(passphrase);
  const made = [
    await s.create(CaseDraft.parse(prisonerDraft({ person: { name: 'Жанар Садыкова', aliases: [] }, summary: 'Held in Atyrau since March' }))),
    await s.create(CaseDraft.parse(ngoDraft({ summary: 'Registration suspended by the ministry in Oral' }))),
  ];
  await search.warm();
  await s.close(); // saves the index on the way out
  store = undefined;
  return made;
}

describe('the saved search index', () => {
  it('is written when the store closes, and a second open answers from it without reading every case', async () => {
    const [a, b] = await seed();
    expect((await readFile(indexFile())).toString('latin1', 0, 40)).toMatch(/^\{"format":"casefile-search-index"/);
    const { counts, ids } = await openCounting();
    expect(await ids('Sadykova')).toEqual([a!.id]);
    expect(await ids('Atyrau')).toEqual([a!.id]); // a long field: quoted from the case read for that hit
    expect(await ids('Oral ministry')).toEqual([b!.id]);
    expect(counts.wholeReads).toBe(0);
  });

  it('follows changes made in the app since it was saved, then saves them at close', async () => {
    const [a] = await seed();
    let session = await openCounting();
    await session.store.update(a!.id, 1, CaseDraft.parse(prisonerDraft({ person: { name: 'Жанар Садыкова', aliases: [] }, summary: 'Moved to Pavlodar' })));
    expect(await session.ids('Pavlodar')).toEqual([a!.id]);
    await session.store.close();
    session = await openCounting();
    expect(await session.ids('Pavlodar')).toEqual([a!.id]);
    expect(await session.ids('Atyrau')).toEqual([]);
    expect(session.counts.wholeReads).toBe(0);
  });

  it('re-indexes a case edited behind the app’s back, even keeping size and modification time', async () => {
    const [a] = await seed();
    const file = caseFile(a!.id);
    const when = new Date('2026-01-02T03:04:05.000Z');
    await utimes(file, when, when);
    await (await openCounting()).store.close(); // summary and search index now know this time
    store = undefined;
    const original = await readFile(file, 'utf8');
    const edited = original.replace('Held in Atyrau since March', 'Held in Semeys since March');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(original));
    await writeFile(`${file}.new`, edited);
    await copyFile(`${file}.new`, file);
    await unlink(`${file}.new`);
    await utimes(file, when, when);
    const { ids, counts } = await openCounting();
    expect(await ids('Semeys')).toEqual([a!.id]);
    expect(await ids('Atyrau')).toEqual([]);
    expect(counts.wholeReads).toBe(0); // one case re-read, not all
  });

  it('drops a case whose file was removed, and finds one added, behind the app’s back', async () => {
    const [a, b] = await seed();
    const copy = { ...(JSON.parse(await readFile(caseFile(b!.id), 'utf8')) as CaseFile), id: 'copied-in', summary: 'A copy about Taraz' };
    await unlink(caseFile(a!.id));
    await writeFile(caseFile('copied-in'), JSON.stringify(copy, null, 2));
    const { ids } = await openCounting();
    expect(await ids('Sadykova')).toEqual([]);
    expect(await ids('Taraz')).toEqual(['copied-in']);
  });

  const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
    ['truncated', (b) => b.subarray(0, b.length - 7)],
    ['one byte of the body flipped', (b) => {
      const c = Buffer.from(b);
      c[c.length - 3]! ^= 0x01;
      return c;
    }],
    ['an indexed word changed in the body, checksum left as it was', (b) => Buffer.from(b.toString('latin1').replace('sadikova', 'aktobeva'), 'latin1')],
    ['made by another normaliser (a change of the folding rules)', (b) => Buffer.from(b.toString('latin1').replace(/"normalizer":\d+/, '"normalizer":1'), 'latin1')],
    ['another format version', (b) => Buffer.from(b.toString('latin1').replace(/"version":\d+/, '"version":99'), 'latin1')],
    ['empty', () => Buffer.alloc(0)],
    ['not an index at all', () => Buffer.from('{"format":"something-else"}\n[]')],
  ];

  it.each(damages)('%s: detected and rebuilt from the cases; every search still right', async (_name, damage) => {
    const [a, b] = await seed();
    const bytes = await readFile(indexFile());
    const damaged = damage(bytes);
    expect(damaged.equals(bytes)).toBe(false);
    await writeFile(indexFile(), damaged);
    const { ids, counts, store: s } = await openCounting();
    expect(await ids('Atyrau')).toEqual([a!.id]);
    expect(await ids('Aktobeva')).toEqual([]);
    expect(await ids('Oral')).toEqual([b!.id]);
    expect(counts.wholeReads).toBe(1);
    await s.close();
    store = undefined;
    // …and the rebuilt copy was saved in its place.
    expect((await readFile(indexFile())).toString('latin1', 0, 40)).toMatch(/^\{"format":"casefile-search-index"/);
    const again = await openCounting();
    expect(await again.ids('Atyrau')).toEqual([a!.id]);
    expect(again.counts.wholeReads).toBe(0);
  });

  it('a missing file is simply built again', async () => {
    const [a] = await seed();
    await rm(indexFile());
    const { ids, counts } = await openCounting();
    expect(await ids('Atyrau')).toEqual([a!.id]);
    expect(counts.wholeReads).toBe(1);
  });
});

describe('the saved search index in an encrypted folder', () => {
  const PASS = 'correct horse battery staple';

  it('is sealed under its own name: no plaintext on disk, and it opens with the key', async () => {
    await seed();
    await encryptFolder(dir, PASS, FAST_KDF);
    // The first open after encrypting re-reads the cases (every file was rewritten) and saves the index sealed.
    let session = await openCounting(PASS);
    expect(await session.ids('Sadykova')).toHaveLength(1);
    await session.store.close();
    const bytes = await readFile(indexFile());
    expect(isEncryptedBytes(bytes)).toBe(true);
    for (const marker of ['Sadykova', 'Садыкова', 'Atyrau', 'atirau', 'casefile-search-index']) expect(bytes.includes(marker), marker).toBe(false);
    session = await openCounting(PASS);
    expect(await session.ids('Atyrau')).toHaveLength(1);
    expect(session.counts.wholeReads).toBe(0);
  });

  it('a plain index dropped into an encrypted folder (or one sealed for another name) is not trusted', async () => {
    await seed();
    const plain = await readFile(indexFile());
    await encryptFolder(dir, PASS, FAST_KDF);
    await (await openCounting(PASS)).store.close();
    await writeFile(indexFile(), plain);
    const session = await openCounting(PASS);
    expect(await session.ids('Atyrau')).toHaveLength(1);
    expect(session.counts.wholeReads).toBe(1);
    await session.store.close();
    expect(isEncryptedBytes(await readFile(indexFile()))).toBe(true);
  });
});
