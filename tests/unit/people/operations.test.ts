import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { restoreSnapshot } from '../../../electron/services/backup';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { PEOPLE_FILE } from '../../../electron/services/disk/folderLayout';
import { syncConflictName } from '../../../electron/services/disk/syncConflictNames';
import type { CaseDraftInput } from '../../../shared/model';
import { ActorDetail, ActorSummary, type PeopleQuery } from '../../../shared/people';
import { FAST_KDF, snapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// people.list / people.get / people.merge / people.split through the dispatcher over a real
// folder: spellings met across scripts, the index following saves, merges and splits kept
// in people.json on disk (sealed in an encrypted folder), the confidential lawyer kept back.

const PASS = 'Құпия сөз — people';

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore | null = null;
let dispatch: Dispatch;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-people-')));
afterEach(async () => {
  await store?.close();
  store = null;
  await cleanup();
});

async function open(passphrase?: string): Promise<void> {
  await store?.close();
  store = await CaseStore.open(dir, passphrase ? { passphrase } : {});
  dispatch = createDispatcher(createHandlers(store));
}

async function call<T>(op: Parameters<Dispatch>[0], input: unknown): Promise<T> {
  const r = await dispatch(op, input as never);
  if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const list = async (q: PeopleQuery = {}) => (await call<unknown[]>('people.list', q)).map((s) => ActorSummary.parse(s));
const get = async (key: string, includeConfidential?: boolean) => ActorDetail.parse(await call('people.get', { key, ...(includeConfidential ? { includeConfidential } : {}) }));

const prisoner = (name: string, extra: Partial<Extract<CaseDraftInput, { kind: 'political_prisoner' }>>): CaseDraftInput => ({ kind: 'political_prisoner', title: `${name} case`, person: { name, aliases: [] }, ...extra });

async function seed(): Promise<void> {
  await call('cases.create', { case: prisoner('Асель', { lawyer: 'Жанна Садыкова', decisions: [{ stage: 'verdict', date: '2022-09', body: 'Алматинский городской суд', outcome: 'судья Тоқаев А.' }] }) });
  await call('cases.create', { case: prisoner('Bolat', { lawyer: 'Жанна Садыкова', decisions: [{ stage: 'verdict', date: '2023-02', body: 'Almaty City Court' }], events: [{ type: 'hearing', date: '2023-01-10', title: 'Hearing before judge A. Tokayev' }] }) });
  await call('cases.create', { case: prisoner('Daulet', { arrest: { by: 'КНБ' }, events: [{ type: 'hearing', date: '2023-03', title: 'Суд', description: 'председательствовал судья Токаев А.' }] }) });
}

describe('the people index over a folder', () => {
  it('meets spellings across scripts, but not different names of one court, and follows saves', async () => {
    await open();
    await seed();
    const judges = await list({ role: 'judge' });
    expect(judges).toHaveLength(1);
    expect(judges[0]).toMatchObject({ type: 'person', caseCount: 3, appearanceCount: 3, curated: false });
    expect(new Set(judges[0]!.spellings)).toEqual(new Set(['Тоқаев А.', 'A. Tokayev', 'Токаев А.']));
    // Found by any spelling, in any script, typed in part.
    expect((await list({ text: 'tokaev' })).map((a) => a.key)).toEqual([judges[0]!.key]);
    expect((await list({ text: 'ТОКАЕ' })).map((a) => a.key)).toEqual([judges[0]!.key]);
    // The two names of the Almaty city court are two actors until merged by hand.
    const courts = await list({ role: 'court' });
    expect(courts.map((c) => c.name).sort()).toEqual(['Almaty City Court', 'Алматинский городской суд']);
    expect(await list({ minCases: 2 })).toEqual([judges[0]]);

    const detail = await get(judges[0]!.key);
    expect(detail.appearances.map((a) => [a.date, a.spelling, a.path.join('.')])).toEqual([
      ['2022-09', 'Тоқаев А.', 'decisions.0.outcome'],
      ['2023-01-10', 'A. Tokayev', 'events.0.title'],
      ['2023-03', 'Токаев А.', 'events.0.description'],
    ]);

    // A save replaces the case's appearances; a trashed case takes its own away.
    const daulet = store!.list({}).find((c) => c.title === 'Daulet case')!;
    const current = await store!.get(daulet.id);
    await call('cases.update', { id: daulet.id, baseRev: current.rev, case: { ...current, arrest: { by: 'Комитет национальной безопасности' } } });
    expect((await list({ role: 'arresting_agency' })).map((a) => a.name)).toEqual(['Комитет национальной безопасности']);
    await call('cases.trash', { id: daulet.id });
    expect((await list({ role: 'judge' }))[0]!.caseCount).toBe(2);
  });

  it('reports the first build’s progress, and a cancelled build leaves the next call to build again', async () => {
    await open();
    await seed();
    await open(); // a fresh session: its index is not built yet
    const gone = new AbortController();
    gone.abort();
    const cancelled = await dispatch('people.list', {}, { signal: gone.signal });
    expect(cancelled.ok || cancelled.error.code).toBe('cancelled');
    const progress: { done: number; total: number }[] = [];
    const r = await dispatch('people.list', {}, { onProgress: (p) => progress.push(p) });
    expect(r.ok).toBe(true);
    expect(progress[0]).toEqual({ done: 0, total: 3, label: 'people' });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, label: 'people' });
    // Built once: the next call reads no case and reports nothing.
    const again: unknown[] = [];
    await dispatch('people.list', {}, { onProgress: (p) => again.push(p) });
    expect(again).toEqual([]);
  });

  it('keeps the confidential lawyer out unless asked', async () => {
    await open();
    await seed();
    expect((await list()).some((a) => a.roles.includes('lawyer'))).toBe(false);
    expect(await list({ text: 'Садыкова' })).toEqual([]);
    const lawyers = await list({ role: 'lawyer', includeConfidential: true });
    expect(lawyers).toHaveLength(1);
    expect(lawyers[0]).toMatchObject({ name: 'Жанна Садыкова', caseCount: 2, confidentialOnly: true });
    const refused = await dispatch('people.get', { key: lawyers[0]!.key });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'not_found', issues: [{ path: ['includeConfidential'] }] });
    expect((await get(lawyers[0]!.key, true)).appearances.every((a) => a.confidential && a.role === 'lawyer')).toBe(true);
  });

  it('merges two names of one court and splits them back, the corrections kept in people.json on disk', async () => {
    await open();
    await seed();
    const courts = await list({ role: 'court' });
    const merged = ActorSummary.parse(await call('people.merge', { keys: courts.map((c) => c.key), name: 'Almaty City Court' }));
    expect(merged).toMatchObject({ name: 'Almaty City Court', caseCount: 2, curated: true });
    expect(merged.key).toMatch(/^g:/);
    const onDisk = JSON.parse(await readFile(path.join(dir, PEOPLE_FILE), 'utf8'));
    expect(onDisk).toMatchObject({ format: 'casefile-people', version: 1, groups: [{ name: 'Almaty City Court' }] });
    expect(onDisk.groups[0].keys).toHaveLength(2);

    // Another session over the same folder (another device, after sync) sees the merge.
    await open();
    expect((await list({ role: 'court' })).map((c) => [c.key, c.caseCount])).toEqual([[merged.key, 2]]);
    // A case saved later with a third spelling that folds like one of them joins the merged court.
    await call('cases.create', { case: prisoner('Erlan', { decisions: [{ stage: 'appeal', body: 'ALMATY CITY COURT' }] }) });
    expect((await list({ role: 'court' }))[0]).toMatchObject({ key: merged.key, caseCount: 3 });

    const split = await call<{ kept: ActorSummary; split: ActorSummary }>('people.split', { key: merged.key, spellings: ['Алматинский городской суд'] });
    expect(split.kept).toMatchObject({ key: merged.key, caseCount: 2, spellings: ['Almaty City Court', 'ALMATY CITY COURT'] });
    expect(split.split).toMatchObject({ name: 'Алматинский городской суд', caseCount: 1, curated: true });
    await open();
    expect((await list({ role: 'court' })).map((c) => c.caseCount).sort()).toEqual([1, 2]);

    // A split that names a spelling the actor lacks, or takes every spelling, is refused by its path.
    const wrong = await dispatch('people.split', { key: merged.key, spellings: ['Верховный суд'] });
    expect(wrong.ok || wrong.error.issues?.[0]?.path).toEqual(['spellings', 0]);
    const all = await dispatch('people.split', { key: merged.key, spellings: ['Almaty City Court', 'ALMATY CITY COURT'] });
    expect(all.ok || all.error.issues?.[0]?.path).toEqual(['spellings']);
    const stale = await dispatch('people.merge', { keys: ['n:nobody', merged.key] });
    expect(stale.ok || stale.error).toMatchObject({ code: 'not_found', issues: [{ path: ['keys', 0] }] });
  });

  it('splits two spellings that fold alike (a judge and a namesake)', async () => {
    await open();
    await seed();
    const [judge] = await list({ role: 'judge' });
    const { kept, split } = await call<{ kept: ActorSummary; split: ActorSummary }>('people.split', { key: judge!.key, spellings: ['A. Tokayev'] });
    expect(kept.spellings.sort()).toEqual(['Тоқаев А.', 'Токаев А.'].sort());
    expect(split).toMatchObject({ spellings: ['A. Tokayev'], caseCount: 1 });
  });

  it('never overwrites a damaged people.json, and folds in a Syncthing conflict copy', async () => {
    await open();
    await seed();
    const courts = await list({ role: 'court' });
    await writeFile(path.join(dir, PEOPLE_FILE), '{ not json');
    const refused = await dispatch('people.merge', { keys: courts.map((c) => c.key) });
    expect(refused.ok || refused.error.code).toBe('bad_input');
    expect(await readFile(path.join(dir, PEOPLE_FILE), 'utf8')).toBe('{ not json');
    // The index still answers, uncorrected.
    expect(await list({ role: 'court' })).toHaveLength(2);

    // Device B merged the courts while this device merged nothing: B's file arrives as a conflict copy.
    const fromB = { format: 'casefile-people', version: 1, groups: [{ id: 'bbbbbbbb', name: 'Almaty City Court', keys: courts.map((c) => c.key.slice(2)), spellings: [] }] };
    await writeFile(path.join(dir, PEOPLE_FILE), `${JSON.stringify({ format: 'casefile-people', version: 1, groups: [] })}\n`);
    const copy = syncConflictName(PEOPLE_FILE, new Date('2026-12-01T10:00:00Z'), 'BBBBBBB');
    await writeFile(path.join(dir, copy), JSON.stringify(fromB));
    expect((await list({ role: 'court' })).map((c) => c.key)).toEqual(['g:bbbbbbbb']);
    // The next change writes the union and removes the copy.
    const [judge] = await list({ role: 'judge' });
    await call('people.split', { key: judge!.key, spellings: ['A. Tokayev'] });
    const file = JSON.parse(await readFile(path.join(dir, PEOPLE_FILE), 'utf8'));
    expect(file.groups.map((g: { id: string }) => g.id)).toContain('bbbbbbbb');
    expect([...(await snapshot(dir)).keys()].some((rel) => rel.includes('sync-conflict'))).toBe(false);
  });

  it('travels in snapshots and comes back with a restore', async () => {
    await open();
    await seed();
    const courts = await list({ role: 'court' });
    const merged = ActorSummary.parse(await call('people.merge', { keys: courts.map((c) => c.key), name: 'Almaty City Court' }));
    const name = (await store!.backup('manual')).name;
    await call('people.split', { key: merged.key, spellings: ['Алматинский городской суд'] });
    expect(JSON.parse(await readFile(path.join(dir, PEOPLE_FILE), 'utf8')).groups).toHaveLength(2);
    await store!.close();
    store = null;
    await restoreSnapshot(dir, name, null);
    expect(JSON.parse(await readFile(path.join(dir, PEOPLE_FILE), 'utf8')).groups.map((g: { name?: string }) => g.name)).toEqual(['Almaty City Court']);
    await open();
    expect((await list({ role: 'court' })).map((c) => [c.key, c.caseCount])).toEqual([[merged.key, 2]]);
  });

  it('in an encrypted folder, people.json is sealed: no name in it is in any byte of the folder', async () => {
    await open();
    await seed();
    const courts = await list({ role: 'court' });
    await call('people.merge', { keys: courts.map((c) => c.key), name: 'Merged court MKRPEOPLE7' });
    expect((await readFile(path.join(dir, PEOPLE_FILE), 'utf8')).includes('MKRPEOPLE7')).toBe(true);
    await store!.close();
    store = null;
    expect((await encryptFolder(dir, PASS, FAST_KDF)).untouched).toEqual([]);
    expect(isEncryptedBytes(await readFile(path.join(dir, PEOPLE_FILE)))).toBe(true);
    await open(PASS);
    expect((await list({ role: 'court' }))[0]).toMatchObject({ name: 'Merged court MKRPEOPLE7', caseCount: 2 });
    const [judge] = await list({ role: 'judge' });
    await call('people.merge', { keys: [judge!.key, (await list({ role: 'arresting_agency' }))[0]!.key], name: 'Second merge MKRPEOPLE8' });
    await store!.close();
    store = null;
    const bytes = await snapshot(dir);
    for (const needle of ['MKRPEOPLE7', 'MKRPEOPLE8', 'casefile-people', 'Almaty City Court', 'Tokayev']) {
      expect([...bytes].filter(([, b]) => b.includes(Buffer.from(needle, 'utf8'))).map(([rel]) => rel), needle).toEqual([]);
    }
  });
});
