import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { Session, type SessionOptions } from '../../../electron/services/session';
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { CaseCodec } from '../../../electron/services/store/caseCodec';
import { unlockVault, wrapDataKey } from '../../../electron/services/crypto/vault';
import { wipe } from '../../../electron/services/crypto/wipe';
import { encryptBytes } from '../../../electron/services/crypto/envelope';
import { PASSPHRASE_CHANGED_MESSAGE } from '../../../electron/services/folder/live/vaultGuard';
import type { CoreEvent } from '../../../shared/events';
import { CaseDraft, type CaseFile, type CaseSummary } from '../../../shared/model';
import type { SearchHit } from '../../../shared/model/search';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// Another device writes into the data folder as Syncthing does — from another process, a
// temp file renamed onto the name — and the open app follows: the list, the search index
// and the events, with the app's own writes neither re-read nor announced twice, and a
// passphrase changed elsewhere stopping every write until the new one is given.

const run = promisify(execFile);

let dir: string;
let dataDir: string;
let cleanup: () => Promise<void>;
let session: Session;
let dispatch: Dispatch;
let events: CoreEvent[];

async function startSession(options: SessionOptions = {}, passphrase?: string): Promise<void> {
  session = await Session.start(dataDir, { scrypt: FAST_KDF, live: { debounceMs: 30 }, ...options }, passphrase);
  dispatch = createDispatcher(session.handlers);
  events = [];
  session.events.listen((e) => events.push(e));
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  dataDir = path.join(dir, 'data');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await session?.close();
  await cleanup();
});

/** Polls until `check` gives a value; fails saying what was awaited after a bound (never a timing assertion). */
async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Writes `bytes` to `rel` from another process, as Syncthing does: a temp file beside it, then a rename. */
async function syncthingWrite(rel: string, bytes: string | Buffer): Promise<void> {
  const target = path.join(dataDir, rel);
  const payload = path.join(dir, `payload-${Math.random().toString(36).slice(2)}`);
  await writeFile(payload, bytes);
  const script = `const fs=require('fs'),p=require('path');const [src,dst]=process.argv.slice(1);const tmp=p.join(p.dirname(dst),'.syncthing.'+p.basename(dst)+'.tmp');fs.copyFileSync(src,tmp);fs.renameSync(tmp,dst);`;
  await run(process.execPath, ['-e', script, payload, target]);
  await unlink(payload);
}

/** A case as another device saved it. */
function otherDevicesCase(title: string, overrides: Partial<CaseFile> = {}): CaseFile {
  const now = new Date().toISOString();
  return { ...finalizeCase(CaseDraft.parse(prisonerDraft({ title })), { id: `other-${Math.random().toString(36).slice(2, 10)}`, rev: 1, createdAt: now, updatedAt: now }), ...overrides } as CaseFile;
}

const caseJson = (c: CaseFile) => `${JSON.stringify(c, null, 2)}\n`;
const ok = async <T,>(op: string, input: unknown): Promise<T> => {
  const r = (await dispatch(op as never, input as never)) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const changesOf = (id: string) => events.flatMap((e) => (e.type === 'cases.changed' && e.data.id === id ? [e.data] : []));
const listed = async () => (await ok<CaseSummary[]>('cases.list', {})).map((c) => c.id);
const found = async (query: string) => (await ok<SearchHit[]>('search.query', { query })).map((h) => h.id);

describe('cases changed by another device', () => {
  beforeEach(() => startSession());

  it('a new case renamed into cases/ reaches the list, the search index and the events as external', async () => {
    await ok('search.query', { query: 'warm' }); // the index is built before the case arrives: the change must update it
    const c = otherDevicesCase('Арман Жақсылықов — Syncthing arrival');
    await syncthingWrite(`cases/${c.id}.json`, caseJson(c));
    expect(await until('the external event', () => changesOf(c.id)[0])).toEqual({ id: c.id, rev: 1, cause: 'external' });
    expect(await listed()).toContain(c.id);
    expect(await until('the search hit', async () => (await found('Жақсылықов')).includes(c.id) || undefined)).toBe(true);
    expect(await readdir(path.join(dataDir, 'cases'))).not.toContain(`.syncthing.${c.id}.json.tmp`);
  });

  it('an edited case shows its new content; a deleted one leaves the list and the index', async () => {
    const mine = await ok<CaseFile>('cases.create', { case: prisonerDraft({ title: 'Original wording Бекболат' }) });
    await ok('search.query', { query: 'Бекболат' });
    const edited: CaseFile = { ...mine, title: 'Revised on the office laptop Сейітқали', rev: 2, updatedAt: new Date().toISOString() };
    await syncthingWrite(`cases/${mine.id}.json`, caseJson(edited));
    expect(await until('the edit', () => changesOf(mine.id).find((d) => d.cause === 'external'))).toEqual({ id: mine.id, rev: 2, cause: 'external' });
    expect((await ok<CaseFile>('cases.get', { id: mine.id })).title).toBe(edited.title);
    expect(await until('the new word indexed', async () => (await found('Сейітқали')).includes(mine.id) || undefined)).toBe(true);
    expect(await found('Бекболат')).not.toContain(mine.id);

    await unlink(path.join(dataDir, 'cases', `${mine.id}.json`));
    expect(await until('the removal', () => changesOf(mine.id).find((d) => d.rev === undefined))).toEqual({ id: mine.id, cause: 'external' });
    expect(await listed()).not.toContain(mine.id);
    expect(await until('the index to forget it', async () => !(await found('Сейітқали')).includes(mine.id) || undefined)).toBe(true);
  });

  it('an invalid file is quarantined with its reason and the watch goes on', async () => {
    await syncthingWrite('cases/broken-from-sync.json', '{"kind":"political_prisoner","title":');
    const q = await until('the quarantine', async () => (await session.store!.listQuarantine()).find((e) => e.file.includes('broken-from-sync')));
    expect(q.reason).toMatch(/JSON|parse|Unexpected|end/i);
    expect(await readdir(path.join(dataDir, 'cases'))).not.toContain('broken-from-sync.json');
    const next = otherDevicesCase('After the damaged one');
    await syncthingWrite(`cases/${next.id}.json`, caseJson(next));
    await until('the next case', () => changesOf(next.id)[0]);
    expect(await listed()).toContain(next.id);
  });

  it("the app's own save is one event and is not read back; a conflict copy is left alone and told", async () => {
    const seen: string[] = [];
    session.onSyncConflictSeen((rel) => seen.push(rel));
    const mine = await ok<CaseFile>('cases.create', { case: prisonerDraft({ title: 'Saved here' }) });
    const reads = vi.spyOn(CaseCodec.prototype, 'readCase');
    await ok('cases.update', { id: mine.id, baseRev: 1, case: { ...mine, title: 'Saved here, twice' } });
    await ok('settings.set', { preparedBy: 'Адвокат Сәуле' });
    const conflict = `cases/${mine.id}.sync-conflict-20261207-101010-ABCDEFG.json`;
    await syncthingWrite(conflict, caseJson({ ...mine, title: 'The other side of a clash' }));
    // A marker written after the app's own save: once it is heard, every batch before it was handled.
    const marker = otherDevicesCase('Marker');
    await syncthingWrite(`cases/${marker.id}.json`, caseJson(marker));
    await until('the marker', () => changesOf(marker.id)[0]);
    await until('the conflict copy to be told', () => seen.includes(conflict) || undefined);
    expect(changesOf(mine.id)).toEqual([
      { id: mine.id, rev: 1, cause: 'create' },
      { id: mine.id, rev: 2, cause: 'update' },
    ]);
    expect(reads.mock.calls.map(([file]) => path.basename(file))).toEqual([`${marker.id}.json`]);
    expect(events.filter((e) => e.type === 'history.changed' || e.type === 'settings.changed')).toEqual([]);
    expect(await readdir(path.join(dataDir, 'cases'))).toContain(path.basename(conflict));
    expect(await session.store!.listQuarantine()).toEqual([]);
    expect(await listed()).toEqual(expect.arrayContaining([mine.id, marker.id]));
    expect(await listed()).toHaveLength(2);
  });

  it("another device's history, settings and address book are announced", async () => {
    const mine = await ok<CaseFile>('cases.create', { case: prisonerDraft() });
    await syncthingWrite(`history/${mine.id}.abcdefgh.jsonl`, '{"line":"from the office laptop"}\n');
    expect(await until('history.changed', () => events.find((e) => e.type === 'history.changed'))).toEqual({ type: 'history.changed', data: { id: mine.id } });
    await syncthingWrite('settings.json', `${JSON.stringify({ format: 'casefile-settings', version: 1, preparedBy: 'Office' })}\n`);
    expect(await until('settings.changed', () => events.find((e) => e.type === 'settings.changed'))).toEqual({ type: 'settings.changed', data: { file: 'settings' } });
    expect((await ok<{ preparedBy?: string }>('settings.get', {})).preparedBy).toBe('Office');
    await syncthingWrite('addressees.json', '{}\n');
    await until('addressees', () => events.find((e) => e.type === 'settings.changed' && e.data.file === 'addressees'));
  });
});

describe('the scan that stands in for a watch', () => {
  it('finds a new case without notifications', async () => {
    await startSession({ live: { poll: true, pollMs: 50, debounceMs: 10 } });
    const c = otherDevicesCase('Found by the scan');
    await syncthingWrite(`cases/${c.id}.json`, caseJson(c));
    expect(await until('the scan', () => changesOf(c.id)[0])).toEqual({ id: c.id, rev: 1, cause: 'external' });
  });
});

describe('a passphrase changed on another device', () => {
  /** vault.json as the other device writes it after its change: the same data key, wrapped under `next`. */
  async function changePassphraseElsewhere(current: string, next: string): Promise<void> {
    const header = JSON.parse(await readFile(path.join(dataDir, 'vault.json'), 'utf8')) as unknown;
    const key = await unlockVault(header, current);
    const rewrapped = await wrapDataKey(key, next, FAST_KDF);
    wipe(key);
    await syncthingWrite('vault.json', `${JSON.stringify(rewrapped, null, 2)}\n`);
  }

  async function encryptedFolderWithCase(options: SessionOptions): Promise<CaseFile> {
    await startSession(options);
    const c = await ok<CaseFile>('cases.create', { case: prisonerDraft({ title: 'Encrypted and shared' }) });
    await ok('vault.encrypt', { passphrase: 'first passphrase 1' });
    return c;
  }

  it('is seen by the watch: the folder stops writing, says why, and opens with the new passphrase only', async () => {
    const c = await encryptedFolderWithCase({});
    await changePassphraseElsewhere('first passphrase 1', 'second passphrase 2');
    await until('folder.passphraseChanged', () => events.find((e) => e.type === 'folder.passphraseChanged'));
    expect(session.status()).toMatchObject({ encrypted: true, locked: true, passphraseChanged: true });
    const before = await readFile(path.join(dataDir, 'cases', `${c.id}.json`));
    const refused = (await dispatch('cases.update', { id: c.id, baseRev: c.rev, case: { ...c, title: 'Not written' } })) as { ok: false; error: { code: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('encrypted');
    expect(await readFile(path.join(dataDir, 'cases', `${c.id}.json`))).toEqual(before);
    const old = (await dispatch('vault.unlock', { passphrase: 'first passphrase 1' })) as { ok: boolean; error?: { code: string } };
    expect(old.ok).toBe(false);
    await ok('vault.unlock', { passphrase: 'second passphrase 2' });
    expect(session.status()).toEqual({ encrypted: true, locked: false, idleLockMinutes: 10 });
    const saved = await ok<CaseFile>('cases.update', { id: c.id, baseRev: c.rev, case: { ...c, title: 'Written after the new passphrase' } });
    expect(saved.rev).toBe(c.rev + 1);
  });

  it('is seen by the next write when nothing watches: that write is refused, nothing is written', async () => {
    const c = await encryptedFolderWithCase({ live: false });
    await changePassphraseElsewhere('first passphrase 1', 'second passphrase 2');
    const file = path.join(dataDir, 'cases', `${c.id}.json`);
    const before = { bytes: await readFile(file), ino: (await stat(file)).ino };
    const refused = (await dispatch('cases.update', { id: c.id, baseRev: c.rev, case: { ...c, title: 'Not written' } })) as { ok: false; error: { code: string; message: string } };
    expect(refused.error).toMatchObject({ code: 'encrypted', message: PASSPHRASE_CHANGED_MESSAGE });
    expect({ bytes: await readFile(file), ino: (await stat(file)).ino }).toEqual(before);
    await until('folder.passphraseChanged', () => events.find((e) => e.type === 'folder.passphraseChanged'));
    expect(session.status().passphraseChanged).toBe(true);
    await ok('vault.unlock', { passphrase: 'second passphrase 2' });
    expect((await ok<CaseFile>('cases.update', { id: c.id, baseRev: c.rev, case: { ...c, title: 'Saved after unlock' } })).title).toBe('Saved after unlock');
  });
});

describe('a folder encrypted on another device', () => {
  it('leaves case files sealed with a key it does not hold alone until vault.json arrives, then asks for the passphrase', async () => {
    await startSession();
    const mine = await ok<CaseFile>('cases.create', { case: prisonerDraft({ title: 'Plain here, sealed there' }) });
    const key = randomBytes(32);
    const sealed = encryptBytes(key, caseJson({ ...mine, rev: 2 }), `cases/${mine.id}.json`);
    const newcomer = otherDevicesCase('Sealed newcomer');
    await syncthingWrite(`cases/${mine.id}.json`, sealed);
    await syncthingWrite(`cases/${newcomer.id}.json`, encryptBytes(key, caseJson(newcomer), `cases/${newcomer.id}.json`));
    const marker = otherDevicesCase('Marker after the sealed files');
    await syncthingWrite(`cases/${marker.id}.json`, caseJson(marker));
    await until('the marker', () => changesOf(marker.id)[0]);
    expect(changesOf(mine.id)).toEqual([{ id: mine.id, rev: 1, cause: 'create' }]);
    expect(changesOf(newcomer.id)).toEqual([]);
    expect(await session.store!.listQuarantine()).toEqual([]);
    expect(await readFile(path.join(dataDir, 'cases', `${mine.id}.json`))).toEqual(sealed);
    expect(await listed()).toEqual(expect.arrayContaining([mine.id, marker.id]));

    await syncthingWrite('vault.json', `${JSON.stringify(await wrapDataKey(key, 'their passphrase 1', FAST_KDF), null, 2)}\n`);
    await until('folder.passphraseChanged', () => events.find((e) => e.type === 'folder.passphraseChanged'));
    expect(session.status()).toMatchObject({ encrypted: true, locked: true, passphraseChanged: true });
  });
});

describe('closing', () => {
  it('stops the watch: a case written after close is found by the next open, not by a leftover watch', async () => {
    await startSession();
    await mkdir(path.join(dataDir, 'cases'), { recursive: true });
    await session.close();
    const heard = events.length;
    const c = otherDevicesCase('Written while closed');
    await syncthingWrite(`cases/${c.id}.json`, caseJson(c));
    await new Promise((r) => setTimeout(r, 200));
    expect(events.length).toBe(heard);
    await startSession();
    expect(await listed()).toContain(c.id);
  });
});
