// The disk refuses a write in the middle of a bundle import (disk full, I/O error,
// permission, read-only). The import reports a typed "io" error and, like every
// failed operation, leaves the data folder as it was: no case of the bundle is
// stored and no case it would have replaced is changed. Once the disk works again,
// the same import goes through.
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createServices } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/store/caseStore';
import type { DurableFs } from '../../../electron/services/store/durableFile';
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
          if (replaceOne) cases[0] = { ...cases[0]!, id: existing.id, rev: store.summary(existing.id)!.rev + 1 };
          await importWithFault(cases, 'newer', { failAt: 1 + (at % cases.length), step, code });
        },
      ),
      { numRuns: 20, endOnFailure: true },
    );
  });
});
