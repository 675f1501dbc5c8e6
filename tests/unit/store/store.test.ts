import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { ServiceError } from '../../../electron/services/errors';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { LOCK_FILE } from '../../../electron/services/disk/lock';
import type { Migration } from '../../../electron/services/store/meta';
import { fullPrisonerDraft, MIXED_SCRIPTS, ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

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

const draft = (input: unknown) => CaseDraft.parse(input);
const readJson = async (rel: string) => JSON.parse(await readFile(path.join(dir, rel), 'utf8')) as CaseFile;

async function rejection(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error('expected a ServiceError');
}

describe('saving and loading', () => {
  it('round-trips every field and every script byte-exact through the file on disk', async () => {
    store = await CaseStore.open(dir);
    const created = await store.create(draft(fullPrisonerDraft()));
    expect(created.rev).toBe(1);
    expect(created.sources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const onDisk = await readFile(path.join(dir, 'cases', `${created.id}.json`));
    expect(onDisk.toString('utf8')).toContain(MIXED_SCRIPTS); // stored as UTF-8, not \u escapes
    expect(JSON.parse(onDisk.toString('utf8'))).toEqual(created);

    await store.close();
    store = await CaseStore.open(dir);
    const loaded = await store.get(created.id);
    expect(loaded).toEqual(created);
    expect(loaded.title).toBe(`Full case ${MIXED_SCRIPTS}`);
    expect(Buffer.from(loaded.summary, 'utf8').equals(Buffer.from(created.summary, 'utf8'))).toBe(true);
  });

  it('keeps lone surrogates and control characters exactly', async () => {
    store = await CaseStore.open(dir);
    const odd = 'half \ud83d pair, tab\t, nul \u0000, bidi \u202e override';
    const c = await store.create(draft(prisonerDraft({ summary: odd })));
    await store.close();
    store = await CaseStore.open(dir);
    expect((await store.get(c.id)).summary).toBe(odd);
  });

  it('assigns ids to parts, keeps given ones, and sets meta', async () => {
    store = await CaseStore.open(dir, { now: () => new Date('2026-11-22T10:00:00.000Z') });
    const c = await store.create(draft(prisonerDraft({ events: [{ date: '2020', type: 'arrest', title: 'a' }, { id: 'keep-me', date: '2021', type: 'charge', title: 'b' }] })));
    expect(c.events[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.events[1]!.id).toBe('keep-me');
    expect(c).toMatchObject({ rev: 1, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' });
  });

  it('refuses a case whose references dangle, and writes nothing', async () => {
    store = await CaseStore.open(dir);
    const err = await rejection(store.create(draft(prisonerDraft({ events: [{ date: '2020', type: 'arrest', title: 'a', sourceIds: ['nope'] }] }))));
    expect(err.code).toBe('bad_input');
    expect(err.issues).toEqual([{ path: ['events', 0, 'sourceIds', 0], message: 'no source with id "nope" in this case' }]);
    expect(await readdir(path.join(dir, 'cases'))).toEqual([]);
  });

  it('writes files only its user can read', async () => {
    if (process.platform === 'win32') return;
    store = await CaseStore.open(dir);
    const c = await store.create(draft(prisonerDraft()));
    const { stat } = await import('node:fs/promises');
    expect((await stat(path.join(dir, 'cases', `${c.id}.json`))).mode & 0o077).toBe(0);
  });
});

describe('revisions', () => {
  it('increments rev on every saved change and refuses a stale one with the version on disk', async () => {
    store = await CaseStore.open(dir);
    const c = await store.create(draft(prisonerDraft()));
    const windowA = await store.update(c.id, 1, draft({ ...prisonerDraft(), summary: 'from window A' }));
    expect(windowA.rev).toBe(2);
    expect(windowA.createdAt).toBe(c.createdAt);

    const err = await rejection(store.update(c.id, 1, draft({ ...prisonerDraft(), summary: 'from window B' })));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/changed elsewhere/);
    expect(err.current?.summary).toBe('from window A');
    expect((await readJson(`cases/${c.id}.json`)).summary).toBe('from window A');

    const resolved = await store.update(c.id, 2, draft({ ...prisonerDraft(), summary: 'B on top of A' }));
    expect(resolved.rev).toBe(3);
  });

  it('refuses an update whose body names another id', async () => {
    store = await CaseStore.open(dir);
    const c = await store.create(draft(prisonerDraft()));
    const err = await rejection(store.update(c.id, 1, draft({ ...prisonerDraft(), id: 'other' })));
    expect(err.code).toBe('bad_input');
  });

  it('refuses a change of kind, naming kind, and leaves the file as it was', async () => {
    store = await CaseStore.open(dir);
    const c = await store.create(draft(fullPrisonerDraft()));
    const before = await readFile(path.join(dir, 'cases', `${c.id}.json`));
    const err = await rejection(store.update(c.id, 1, draft(ngoDraft())));
    expect(err.code).toBe('bad_input');
    expect(err.issues).toEqual([{ path: ['case', 'kind'], message: 'expected "political_prisoner"' }]);
    expect(err.message).toMatch(/kind/);
    expect((await readFile(path.join(dir, 'cases', `${c.id}.json`))).equals(before)).toBe(true);
    expect((await store.get(c.id)).kind).toBe('political_prisoner');
  });

  it('serialises concurrent updates: exactly one of two racing saves wins', async () => {
    store = await CaseStore.open(dir);
    const c = await store.create(draft(prisonerDraft()));
    const results = await Promise.allSettled([
      store.update(c.id, 1, draft({ ...prisonerDraft(), summary: 'A' })),
      store.update(c.id, 1, draft({ ...prisonerDraft(), summary: 'B' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await readJson(`cases/${c.id}.json`)).rev).toBe(2);
  });
});

describe('trash', () => {
  it('moves a trashed case to trash/ and restores it unchanged', async () => {
    store = await CaseStore.open(dir);
    const c = await store.create(draft(ngoDraft()));
    const entry = await store.trash(c.id);
    expect(entry).toMatchObject({ id: c.id, title: c.title });
    expect(await readdir(path.join(dir, 'cases'))).toEqual([]);
    expect(await readdir(path.join(dir, 'trash'))).toEqual([`${c.id}.json`]);
    expect(store.list()).toEqual([]);
    expect((await store.listTrash()).map((t) => t.id)).toEqual([c.id]);
    expect((await rejection(store.get(c.id))).code).toBe('not_found');

    await store.close();
    store = await CaseStore.open(dir); // still in the trash after a restart
    expect(store.list()).toEqual([]);
    const restored = await store.restore(c.id);
    expect(restored).toEqual(c);
    expect(await readdir(path.join(dir, 'trash'))).toEqual([]);
    expect(await store.get(c.id)).toEqual(c);
  });

  it('recovers a case quarantined from the Trash back into the Trash, not into the list', async () => {
    store = await CaseStore.open(dir);
    const c = await store.create(draft(ngoDraft()));
    await store.backup('manual');
    await store.trash(c.id);
    await store.close();
    store = undefined;
    await writeFile(path.join(dir, 'trash', `${c.id}.json`), '{"kind": "ngo_susp');
    store = await CaseStore.open(dir);
    const [q] = store.quarantinedNow;
    expect(q?.file).toMatch(/--trash--/);
    const { case: recovered } = await store.recoverQuarantined(q!.file);
    expect(recovered).toEqual(c);
    expect(store.list()).toEqual([]);
    expect(await readdir(path.join(dir, 'cases'))).toEqual([]);
    expect((await store.listTrash()).map((t) => t.id)).toEqual([c.id]);
    expect(await readJson(`trash/${c.id}.json`)).toEqual(c);
    expect((await store.history(c.id)).map((e) => e.cause)).toEqual(['create', 'trash', 'recover']);
    expect((await store.verify()).ok).toBe(true);
  });

  it('says so when restoring what the trash does not hold', async () => {
    store = await CaseStore.open(dir);
    expect((await rejection(store.restore('missing'))).code).toBe('not_found');
  });
});

describe('peek: a case for quoting', () => {
  it('reads an unchanged file without a second validation, and hands a changed one to get, which quarantines it', async () => {
    store = await CaseStore.open(dir, { cacheSize: 0 });
    const c = await store.create(draft(fullPrisonerDraft()));
    expect(await store.peek(c.id)).toEqual(c);
    expect(await store.peek('no-such-case')).toBeNull();
    await writeFile(path.join(dir, 'cases', `${c.id}.json`), '{"kind": "political_prisoner", "title": 5}');
    expect(await store.peek(c.id)).toBeNull();
    expect(store.has(c.id)).toBe(false);
    expect(store.quarantinedNow.map((q) => q.reason)).toEqual([expect.stringMatching(/not a valid case/)]);
  });
});

describe('the lock: one writer per data folder', () => {
  it('a second store in this process is refused while the first is open, and allowed after', async () => {
    store = await CaseStore.open(dir);
    const err = await rejection(CaseStore.open(dir));
    expect(err.code).toBe('locked');
    expect(err.message).toContain(`in use by PID ${process.pid}`);
    await store.close();
    store = await CaseStore.open(dir);
  });

  it('another live process holding the lock is named by PID', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
      const err = await rejection(CaseStore.open(dir));
      expect(err.code).toBe('locked');
      expect(err.message).toContain(`data folder is in use by PID ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    store = await CaseStore.open(dir);
    const lock = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
  });

  it('takes over an empty lock file (a crash while it was being written)', async () => {
    await writeFile(path.join(dir, LOCK_FILE), '');
    store = await CaseStore.open(dir);
  });

  it('removes the lock on close', async () => {
    store = await CaseStore.open(dir);
    await store.close();
    store = undefined;
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });
});

describe('quarantine', () => {
  it('moves a damaged file aside with its reason, and every other case still loads', async () => {
    store = await CaseStore.open(dir);
    const good = await store.create(draft(prisonerDraft()));
    const alsoGood = await store.create(draft(ngoDraft()));
    await store.close();

    await writeFile(path.join(dir, 'cases', 'truncated.json'), '{"kind": "political_prisoner", "ti');
    const wrongShape = { ...(await readJson(`cases/${good.id}.json`)), id: 'wrong-shape', rev: 'two' };
    await writeFile(path.join(dir, 'cases', 'wrong-shape.json'), JSON.stringify(wrongShape));
    const misnamed = { ...(await readJson(`cases/${good.id}.json`)), id: 'another-id' };
    await writeFile(path.join(dir, 'cases', 'misnamed.json'), JSON.stringify(misnamed));

    store = await CaseStore.open(dir);
    expect(store.list().map((c) => c.id).sort()).toEqual([good.id, alsoGood.id].sort());
    const reasons = store.quarantinedNow.map((q) => q.reason).sort();
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^cases\/misnamed\.json: holds case id "another-id"/);
    expect(reasons[1]).toMatch(/^cases\/truncated\.json: not valid JSON/);
    expect(reasons[2]).toMatch(/^cases\/wrong-shape\.json: not a valid case: rev: expected number, got string/);

    // Moved, not rewritten: the bytes are kept for recovery.
    const quarantined = await readdir(path.join(dir, 'quarantine'));
    const truncatedCopy = quarantined.find((n) => n.endsWith('--truncated.json'))!;
    expect(await readFile(path.join(dir, 'quarantine', truncatedCopy), 'utf8')).toBe('{"kind": "political_prisoner", "ti');
    expect(await readdir(path.join(dir, 'cases'))).toHaveLength(2);
    expect((await store.listQuarantine()).length).toBe(3);

    const report = await store.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.message.startsWith('quarantined:'))).toHaveLength(3);
  });
});

describe('schema version and migrations', () => {
  it('a new folder records the current layout', async () => {
    store = await CaseStore.open(dir);
    expect(JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'))).toMatchObject({ format: 'casefile-data', schemaVersion: 2 });
  });

  it('runs the migration hook on an older folder, one recorded step at a time', async () => {
    // A fake layout 0 in which cases called their title "name".
    await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ format: 'casefile-data', schemaVersion: 0, createdAt: '2025-01-01T00:00:00.000Z' }));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'cases'));
    const current = finalizeCase(draft(prisonerDraft({ title: 'Old title' })), { id: 'old-case', rev: 4, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' });
    const { title, ...rest } = current;
    await writeFile(path.join(dir, 'cases', 'old-case.json'), JSON.stringify({ ...rest, name: title }));

    const seen: number[] = [];
    const migrations: Migration[] = [
      {
        from: 0,
        description: 'rename name → title',
        async up({ casesDir }) {
          seen.push(0);
          for (const f of await readdir(casesDir)) {
            const file = path.join(casesDir, f);
            const c = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
            if ('name' in c) {
              c.title = c.name;
              delete c.name;
            }
            await writeFile(file, JSON.stringify(c));
          }
        },
      },
      { from: 1, description: 'no-op', up: async () => void seen.push(1) },
    ];
    store = await CaseStore.open(dir, { migrations, schemaVersion: 2 });
    expect(seen).toEqual([0, 1]);
    expect((await store.get('old-case')).title).toBe('Old title');
    expect(store.quarantinedNow).toEqual([]);
    expect(JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 });
  });

  it('refuses a folder written by a newer Casefile and changes nothing', async () => {
    const meta = JSON.stringify({ format: 'casefile-data', schemaVersion: 99, createdAt: '2030-01-01T00:00:00.000Z' });
    await writeFile(path.join(dir, 'meta.json'), meta);
    const err = await rejection(CaseStore.open(dir));
    expect(err.code).toBe('unsupported');
    expect(err.message).toMatch(/newer Casefile/);
    expect(await readFile(path.join(dir, 'meta.json'), 'utf8')).toBe(meta);
    expect(await readdir(dir)).not.toContain(LOCK_FILE); // the lock is released on failure
  });
});

describe('verify', () => {
  it('passes a healthy folder and names each problem otherwise', async () => {
    store = await CaseStore.open(dir);
    const c = await store.create(draft(fullPrisonerDraft()));
    expect(await store.verify()).toMatchObject({ ok: true, problems: [] });

    const onDisk = await readJson(`cases/${c.id}.json`);
    onDisk.sources[0]!.text += ' (edited by hand)';
    onDisk.annotations[0]!.sourceId = 'gone';
    await writeFile(path.join(dir, 'cases', `${c.id}.json`), JSON.stringify(onDisk));
    const report = await store.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.message)).toEqual([
      'sources[0] "Статья": the text does not match its sha256 (it was changed outside Casefile)',
      'annotations[0].sourceId: no source with id "gone" in this case',
      // Tamper evidence: the file is no longer the revision its history records.
      expect.stringMatching(/^altered: the case file is not the revision 1 its history records/),
    ]);
  });
});
