// The disk refuses a write in the middle of a bundle import (disk full, I/O error,
// permission, read-only). The import reports a typed "io" error and, like every
// failed operation, leaves the data folder as it was: no case of the bundle is
// stored and no case it would have replaced is changed. Once the disk works again,
// the same import goes through.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createServices } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import type { SearchService } from '../../../electron/services/search/service';
import type { DurableFs } from '../../../electron/services/disk/durableFile';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';
import { show, snapshot, snapshotDiff } from '../../helpers/faults';
import { caseDraft } from '../../helpers/faultsArbitraries';

type Step = 'open' | 'write' | 'rename';
type Fault = { failAt: number; step: Step; code: string };

const injected = (code: string) => Object.assign(new Error(`injected ${code}`), { code });
const isCaseTemp = (p: string, flags: unknown) => flags === 'wx' && path.basename(path.dirname(p)) === 'cases';

type FsState = { armed: Fault | null; opens: number; renames: number };

/**
 * File-system calls that, while armed, fail the `failAt`-th case file the import
 * writes: at opening its temp file, writing it, or renaming it into place (counted
 * apart, so the fault lands whatever order the store does these in).
 */
function faultyFs(state: FsState): DurableFs {
  return {
    open: (async (p: string, flags: string, mode?: number) => {
      const f = state.armed;
      const n = f && isCaseTemp(p, flags) ? ++state.opens : 0;
      if (f && n === f.failAt && f.step === 'open') throw injected(f.code);
      const handle = await open(p, flags, mode);
      if (f && n === f.failAt && f.step === 'write') handle.writeFile = async () => Promise.reject(injected(f.code));
      return handle;
    }) as DurableFs['open'],
    rename: (async (from: string, to: string) => {
      const f = state.armed;
      const n = f && path.basename(path.dirname(to)) === 'cases' ? ++state.renames : 0;
      if (f && n === f.failAt && f.step === 'rename') throw injected(f.code);
      return rename(from, to);
    }) as DurableFs['rename'],
    unlink,
  };
}

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore;
let dispatch: Dispatch;
const state: FsState = { armed: null, opens: 0, renames: 0 };
let existing: CaseFile;
let bundleNo = 0;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casefile-disk-faults-'));
  store = await CaseStore.open(dir, { fs: faultyFs(state) });
  dispatch = createDispatcher(createServices(store).handlers);
  existing = await store.create(CaseDraft.parse({ ...prisonerDraft({ title: 'Stored before' }), id: 'stored-before' }));
  await store.create(CaseDraft.parse(ngoDraft()));
});
afterAll(async () => {
  await store.close();
  await cleanup();
});

const bundleOf = (cases: unknown[]) => ({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases });

async function importWithFault(cases: Record<string, unknown>[], onConflict: 'fail' | 'newer', fault: Fault) {
  const before = await snapshot(dir);
  const listed = store.list();
  state.opens = 0;
  state.renames = 0;
  state.armed = fault;
  let r;
  try {
    r = await dispatch('bundle.import', { bundle: bundleOf(cases), onConflict });
  } finally {
    state.armed = null;
  }
  const where = `the disk refused write ${fault.failAt} of ${cases.length} at ${fault.step} (${fault.code}): ${show(r, 600)}`;
  expect(r, where).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('previous version is intact') } });
  expect(snapshotDiff(before, await snapshot(dir)), `${where} — yet files changed`).toEqual([]);
  expect(store.list(), where).toEqual(listed);
  // The disk works again: the same bundle imports whole.
  const again = await dispatch('bundle.import', { bundle: bundleOf(cases), onConflict });
  expect(again.ok, show(again, 600)).toBe(true);
}

describe('the disk refuses a write during a bundle import', () => {
  it('disk full on the last case of three: an io error, and nothing of the bundle is stored', async () => {
    const n = ++bundleNo;
    const cases = [0, 1, 2].map((j) => ({ ...prisonerDraft({ title: `Case ${j}` }), id: `full-${n}-${j}` }));
    await importWithFault(cases, 'fail', { failAt: 3, step: 'write', code: 'ENOSPC' });
  });

  it('at any write, any step, any code: an io error, no partial import, no replaced case changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseDraft(), { minLength: 2, maxLength: 5 }),
        fc.boolean(),
        fc.nat(),
        fc.constantFrom<Step>('open', 'write', 'rename'),
        fc.constantFrom('ENOSPC', 'EIO', 'EACCES', 'EROFS', 'EDQUOT'),
        async (drafts, replaceOne, at, step, code) => {
          const n = ++bundleNo;
          const cases: Record<string, unknown>[] = drafts.map((d, j) => ({ ...d, id: `fault-${n}-${j}` }));
          // Sometimes the first case is a newer revision of one already stored.
          // (`newer` takes it only when it was also edited later: each bundle is a day later than the last.)
          if (replaceOne) cases[0] = { ...cases[0]!, id: existing.id, rev: store.summary(existing.id)!.rev + 1, updatedAt: new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString() };
          await importWithFault(cases, 'newer', { failAt: 1 + (at % cases.length), step, code });
        },
      ),
      { numRuns: 20, endOnFailure: true },
    );
  });
});

// The disk refuses an fsync: of the temp file (before the rename, so the previous
// version is still the file) or of the folder (after it, so the new version is the
// file, only not yet known to be durable). Each is told as what it is.
describe('the disk refuses an fsync during a save', () => {
  type SyncFault = { target: 'file' | 'folder'; code: string; times: number };
  let fault: SyncFault | null = null;
  const failingSync = (h: Awaited<ReturnType<typeof open>>) => {
    const f = fault!;
    h.sync = async () => {
      if (f.times-- > 0) throw injected(f.code);
    };
  };
  const syncFaultFs: DurableFs = {
    open: (async (p: string, flags: string, mode?: number) => {
      const handle = await open(p, flags, mode);
      if (fault?.target === 'file' && isCaseTemp(p, flags)) failingSync(handle);
      if (fault?.target === 'folder' && flags === 'r' && path.basename(p) === 'cases') failingSync(handle);
      return handle;
    }) as DurableFs['open'],
    rename,
    unlink,
  };

  let syncDir: string;
  let syncCleanup: () => Promise<void>;
  let syncStore: CaseStore;
  let search: SearchService;
  let call: Dispatch;
  beforeAll(async () => {
    ({ dir: syncDir, cleanup: syncCleanup } = await tempDir('casefile-sync-faults-'));
    syncStore = await CaseStore.open(syncDir, { fs: syncFaultFs });
    const services = createServices(syncStore);
    search = services.search;
    call = createDispatcher(services.handlers);
  });
  afterAll(async () => {
    await syncStore.close();
    await syncCleanup();
  });

  const onDisk = async (id: string) => JSON.parse(await readFile(path.join(syncDir, 'cases', `${id}.json`), 'utf8')) as CaseFile;
  const found = async (word: string) => (await search.query({ query: word, limit: 10 })).map((h) => h.id);
  const saveWith = async (f: SyncFault, id: string, baseRev: number, summary: string) => {
    fault = f;
    try {
      return await call('cases.update', { id, baseRev, case: { ...prisonerDraft(), summary } });
    } finally {
      fault = null;
    }
  };

  it.each(['ENOSPC', 'EIO', 'EACCES'])('of the temp file (%s): an io error, the previous version on disk, in the list, the history and the search', async (code) => {
    const c = await syncStore.create(CaseDraft.parse(prisonerDraft({ summary: 'Kept Zhanaozen' })));
    expect(await found('Zhanaozen')).toContain(c.id);
    const before = await snapshot(syncDir);
    const r = await saveWith({ target: 'file', code, times: 1 }, c.id, 1, `Lost Pavlodar ${code}`);
    expect(r, show(r)).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('previous version is intact') } });
    expect(snapshotDiff(before, await snapshot(syncDir))).toEqual([]);
    expect((await onDisk(c.id)).rev).toBe(1);
    expect(syncStore.summary(c.id)?.rev).toBe(1);
    expect((await syncStore.history(c.id)).map((e) => e.rev)).toEqual([1]);
    expect(await found(`Pavlodar`)).not.toContain(c.id);
    // The user's retry, from the same revision, goes through.
    const again = await saveWith({ target: 'file', code, times: 0 }, c.id, 1, 'Saved Pavlodar');
    expect(again.ok, show(again)).toBe(true);
    expect((await onDisk(c.id)).rev).toBe(2);
  });

  it.each(['ENOSPC', 'EIO', 'EACCES'])('of the folder, lasting (%s): the save stands everywhere the file is, and verify says the disk did not confirm it', async (code) => {
    const c = await syncStore.create(CaseDraft.parse(prisonerDraft({ summary: 'Old Zhanaozen' })));
    expect(await found('Zhanaozen')).toContain(c.id);
    const r = await saveWith({ target: 'folder', code, times: 99 }, c.id, 1, `New Semey ${code}`);
    expect(r, show(r)).toMatchObject({ ok: true, value: { rev: 2 } });
    expect((await onDisk(c.id)).rev).toBe(2);
    expect(syncStore.summary(c.id)?.rev).toBe(2);
    expect((await syncStore.get(c.id)).summary).toBe(`New Semey ${code}`);
    expect((await syncStore.history(c.id)).map((e) => e.rev)).toEqual([1, 2]);
    expect(await found('Semey')).toContain(c.id);
    const report = await syncStore.verify();
    expect(report.problems).toContainEqual({
      file: path.join('cases', `${c.id}.json`),
      message: expect.stringMatching(new RegExp(`revision 2 was saved, but the disk did not confirm it \\(${code}\\)`)),
    });
    const info = await call('app.info', {});
    expect(info.ok && info.value.unconfirmedSaves).toContainEqual({ file: path.join('cases', `${c.id}.json`), id: c.id, rev: 2, reason: code });
    // The next edit builds on what the user saw: no conflict with their own save.
    const next = await saveWith({ target: 'folder', code, times: 0 }, c.id, 2, 'Newer Semey');
    expect(next.ok, show(next)).toBe(true);
    expect((await onDisk(c.id)).rev).toBe(3);
    // Its folder confirmed, the earlier save is confirmed with it: nothing left to report for this case.
    const after = await call('app.info', {});
    expect(after.ok && after.value.unconfirmedSaves.filter((u) => u.id === c.id)).toEqual([]);
    expect((await syncStore.verify()).problems.filter((p) => p.file === path.join('cases', `${c.id}.json`))).toEqual([]);
  });

  it('of the folder, once: tried again, the save stands and nothing is reported', async () => {
    const c = await syncStore.create(CaseDraft.parse(prisonerDraft({ summary: 'Once' })));
    const warnings = syncStore.unconfirmedSaves.length;
    const r = await saveWith({ target: 'folder', code: 'EIO', times: 1 }, c.id, 1, 'Twice');
    expect(r, show(r)).toMatchObject({ ok: true, value: { rev: 2 } });
    expect(syncStore.unconfirmedSaves.length).toBe(warnings);
    expect((await syncStore.history(c.id)).map((e) => e.rev)).toEqual([1, 2]);
  });
});
