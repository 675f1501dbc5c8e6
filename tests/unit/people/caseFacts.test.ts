import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { CASE_FACTS_FILE } from '../../../electron/services/disk/folderLayout';
import type { CaseDraftInput } from '../../../shared/model';
import { ActorSummary } from '../../../shared/people';
import { Caseload } from '../../../shared/stats/caseload';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// The case facts kept between runs (people/caseFacts.ts): a second session answers
// people.list and stats.caseload without reading a case file; a case changed while the app
// was closed is read again; a damaged or foreign file is rebuilt; an encrypted folder's file
// holds no name in clear.

const PASS = 'Құпия сөз — facts';

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore | null = null;
let dispatch: Dispatch;
/** Case files the current session has read (the store's one read path for a case). */
let reads: string[] = [];
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-facts-')));
afterEach(async () => {
  await store?.close();
  store = null;
  await cleanup();
});

async function open(passphrase?: string): Promise<void> {
  await store?.close();
  store = await CaseStore.open(dir, passphrase ? { passphrase } : {});
  reads = [];
  const spied = store as unknown as { readCase: (file: string) => Promise<unknown> };
  const readCase = spied.readCase.bind(store);
  vi.spyOn(spied, 'readCase').mockImplementation((file: string) => {
    reads.push(path.basename(file, '.json'));
    return readCase(file);
  });
  dispatch = createDispatcher(createHandlers(store));
}

async function closeStore(): Promise<void> {
  await store!.close();
  store = null;
}

async function call<T>(op: Parameters<Dispatch>[0], input: unknown): Promise<T> {
  const r = await dispatch(op, input as never);
  if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const people = async () => (await call<unknown[]>('people.list', {})).map((s) => ActorSummary.parse(s));
const stats = async () => Caseload.parse(await call('stats.caseload', {}));

const prisoner = (name: string, extra: Partial<Extract<CaseDraftInput, { kind: 'political_prisoner' }>>): CaseDraftInput => ({ kind: 'political_prisoner', title: `${name} case`, person: { name, aliases: [] }, ...extra });

async function seed(): Promise<string[]> {
  const made = [
    prisoner('Асель', { country: 'KZ', region: 'Алматы', lawyer: 'Жанна Садыкова MKRFACTSLAWYER', charges: [{ article: '174', code: 'Criminal Code' }], decisions: [{ stage: 'verdict', date: '2022-09', body: 'Алматинский городской суд', outcome: 'судья Тоқаев А.', penalty: { type: 'prison', term: { years: 5 } } }] }),
    prisoner('Bolat', { country: 'KZ', region: 'Astana', decisions: [{ stage: 'verdict', date: '2023-02', body: 'Almaty City Court MKRFACTSCOURT' }], events: [{ type: 'hearing', date: '2023-01-10', title: 'Hearing before judge A. Tokayev' }] }),
    prisoner('Daulet', { arrest: { by: 'КНБ', date: '2023-03-01' }, charges: [{ article: '405', code: 'Criminal Code' }] }),
  ];
  const ids: string[] = [];
  for (const c of made) ids.push((await call<{ id: string }>('cases.create', { case: c })).id);
  return ids;
}

/** Everything both views answer, for comparing sessions. */
async function answers() {
  return { people: await people(), stats: await stats() };
}

describe('the case facts kept between runs', () => {
  it('lets a second session answer people.list and stats.caseload without reading a case file', async () => {
    await open();
    await seed();
    await open(); // a fresh session, no facts file yet: every case is read once
    const first = await answers();
    expect(reads.sort()).toEqual(store!.ids().sort());
    expect(first.stats.total).toBe(3);
    expect(first.stats.articles.map((a) => a.key).sort()).toEqual(['174 (Criminal Code)', '405 (Criminal Code)']);
    await open(); // closing wrote the facts
    expect((await readFile(path.join(dir, CASE_FACTS_FILE), 'utf8')).split('\n')[0]).toContain('casefile-case-facts');
    expect(await answers()).toEqual(first);
    expect(reads).toEqual([]);
  });

  it('reads again a case changed while the app was closed, and only that one; drops a case gone', async () => {
    await open();
    const [asel, bolat, daulet] = await seed();
    await answers();
    await closeStore();
    // Another session (another device's copy, a tool) saves one case and trashes another; it never builds the facts.
    const other = await CaseStore.open(dir);
    const c = await other.get(daulet!);
    if (c.kind !== 'political_prisoner') throw new Error('expected a prisoner case');
    await other.update(c.id, c.rev, { ...c, arrest: { by: 'Комитет национальной безопасности', date: '2021-06-01' }, charges: [{ article: '174', code: 'Criminal Code' }] });
    await other.trash(bolat!);
    await other.close();
    await open();
    const after = await answers();
    expect(reads).toEqual([daulet]);
    expect(after.people.map((a) => a.name)).toContain('Комитет национальной безопасности');
    expect(after.people.map((a) => a.name)).not.toContain('КНБ');
    expect(after.people.flatMap((a) => a.spellings)).not.toContain('Almaty City Court MKRFACTSCOURT');
    expect(after.stats.total).toBe(2);
    expect(after.stats.articles).toEqual([{ key: '174 (Criminal Code)', count: 2 }]);
    expect(after.stats.years.find((y) => y.key === '2021')!.detentions).toBe(1);
    expect(asel).toBeDefined();
  });

  it('follows a save in the same session, and keeps it for the next', async () => {
    await open();
    const [asel] = await seed();
    await answers();
    const c = await store!.get(asel!);
    await call('cases.update', { id: c.id, baseRev: c.rev, case: { ...c, region: 'Astana' } });
    const saved = await answers();
    expect(Object.fromEntries(saved.stats.regions.map((r) => [r.key, r.count]))).toEqual({ astana: 2 });
    await open();
    expect(await answers()).toEqual(saved);
    expect(reads).toEqual([]);
  });

  it('rebuilds a damaged or foreign file, never trusting it, and writes a sound one again', async () => {
    await open();
    await seed();
    const sound = await answers();
    await closeStore();
    const file = path.join(dir, CASE_FACTS_FILE);
    const bytes = await readFile(file);
    // One byte of the body changed (a name): the checksum no longer matches.
    const at = bytes.indexOf(Buffer.from('Тоқаев', 'utf8'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 2] = bytes[at + 2]! ^ 0x01;
    await writeFile(file, bytes);
    await open();
    expect(await answers()).toEqual(sound);
    expect(reads).toHaveLength(3);
    await open();
    expect(await answers()).toEqual(sound);
    expect(reads).toEqual([]);
    // A file of another kind, or cut short.
    for (const foreign of ['{"format":"casefile-people","version":1,"groups":[]}\n', (await readFile(file, 'utf8')).slice(0, 400)]) {
      await closeStore();
      await writeFile(file, foreign);
      await open();
      expect(await answers()).toEqual(sound);
      expect(reads).toHaveLength(3);
    }
  });

  it('in an encrypted folder, the facts file is sealed: no name is in it in clear', async () => {
    await open();
    await seed();
    await answers();
    await closeStore();
    expect(await readFile(path.join(dir, CASE_FACTS_FILE), 'utf8')).toContain('MKRFACTSLAWYER');
    await encryptFolder(dir, PASS, FAST_KDF);
    // The plain file did not outlive the conversion (local/ is not converted).
    await expect(readFile(path.join(dir, CASE_FACTS_FILE))).rejects.toThrow();
    await open(PASS);
    const sealed = await answers();
    expect(reads).toHaveLength(3);
    await open(PASS);
    expect(await answers()).toEqual(sealed);
    expect(reads).toEqual([]);
    await closeStore();
    const bytes = await readFile(path.join(dir, CASE_FACTS_FILE));
    expect(isEncryptedBytes(bytes)).toBe(true);
    for (const needle of ['MKRFACTSLAWYER', 'MKRFACTSCOURT', 'Tokayev', 'casefile-case-facts']) expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
  });
});
