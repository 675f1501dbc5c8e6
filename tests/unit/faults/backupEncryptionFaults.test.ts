// The disk refuses (ENOSPC, EIO, EACCES) while a snapshot is taken, a snapshot is
// restored, or the folder is encrypted or decrypted — at opening a temp file,
// writing it, fsyncing it or renaming it into place, at a write chosen at random.
// Each operation reports a typed "io" error; the folder stays as it was, or (for
// a restore or a conversion that had begun) is finished by the next open once the
// disk works again; it always opens, holds every case, and `casefile verify` passes.
import { cp, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft, CaseFile } from '../../../shared/model';
import { createSnapshot, listSnapshots, readSnapshot, RESTORE_JOURNAL, restoreSnapshot } from '../../../electron/services/backup';
import { decryptFolder, encryptFolder, openVault, recoverConversion } from '../../../electron/services/folder/convert';
import { folderEncryption } from '../../../electron/services/crypto/folderState';
import { wipe } from '../../../electron/services/crypto/wipe';
import { ServiceError } from '../../../electron/services/errors';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import type { DurableFs } from '../../../electron/services/disk/durableFile';
import { cli } from '../../helpers/cli';
import { expectSamePlaintext, FAST_KDF, snapshot as folderBytes, type FolderSnapshot } from '../../helpers/cryptoFolder';
import { snapshot, snapshotDiff } from '../../helpers/faults';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

const PASS = 'Құпия сөз — disk faults';
const CODES = ['ENOSPC', 'EIO', 'EACCES'] as const;
const STEPS = ['open', 'write', 'fsync', 'rename'] as const;
type Step = (typeof STEPS)[number];
type Fault = { step: Step; code: string; failAt: number };

const injected = (code: string) => Object.assign(new Error(`injected ${code}`), { code });

/**
 * File-system calls that count every durable write (a temp file opened with
 * "wx", and every rename) and, when armed, fail the `failAt`-th one at `step`.
 */
function faultyFs(fault: Fault | null, counts = { writes: 0, renames: 0 }): { fs: DurableFs; counts: typeof counts; fired: () => boolean } {
  let fired = false;
  const fs: DurableFs = {
    open: (async (p: string, flags: string, mode?: number) => {
      const n = flags === 'wx' ? ++counts.writes : 0;
      const hit = fault && n === fault.failAt;
      if (hit && fault.step === 'open') {
        fired = true;
        throw injected(fault.code);
      }
      const handle = await open(p, flags, mode);
      if (hit && fault.step === 'write') {
        handle.writeFile = async () => {
          fired = true;
          throw injected(fault.code);
        };
      }
      if (hit && fault.step === 'fsync') {
        handle.sync = async () => {
          fired = true;
          throw injected(fault.code);
        };
      }
      return handle;
    }) as DurableFs['open'],
    rename: (async (from: string, to: string) => {
      const n = ++counts.renames;
      if (fault?.step === 'rename' && n === fault.failAt) {
        fired = true;
        throw injected(fault.code);
      }
      return rename(from, to);
    }) as DurableFs['rename'],
    unlink,
  };
  return { fs, counts, fired: () => fired };
}

let base: string;
let cleanup: () => Promise<void>;
let plain: string;
let encrypted: string;
let plainBytes: FolderSnapshot;
let ids: string[];
let copies = 0;

beforeAll(async () => {
  ({ dir: base, cleanup } = await tempDir('casefile-backup-faults-'));
  plain = path.join(base, 'plain');
  const store = await CaseStore.open(plain);
  ids = [];
  for (let i = 0; i < 6; i++) {
    const c = await store.create(CaseDraft.parse(i % 2 ? ngoDraft({ title: `Қоғам ${i}` }) : prisonerDraft({ title: `Дело ${i} — Ұ` })));
    ids.push((await store.update(c.id, c.rev, CaseDraft.parse({ ...c, summary: `Edited ${i} — Әділет` }))).id);
  }
  await store.trash(ids[5]!);
  await store.backup('manual');
  await store.close();
  plainBytes = await folderBytes(plain);
  encrypted = path.join(base, 'encrypted');
  await cp(plain, encrypted, { recursive: true, preserveTimestamps: true });
  await encryptFolder(encrypted, PASS, FAST_KDF);
});
afterAll(() => cleanup());

async function copyOf(source: string): Promise<string> {
  const dir = path.join(base, `case-${++copies}`);
  await cp(source, dir, { recursive: true, preserveTimestamps: true });
  return dir;
}

/** How many durable writes and renames an operation makes when nothing fails (on a copy). */
async function countWrites(source: string, run: (dir: string, fs: DurableFs) => Promise<unknown>): Promise<{ writes: number; renames: number }> {
  const dir = await copyOf(source);
  const f = faultyFs(null);
  await run(dir, f.fs);
  return f.counts;
}

/**
 * A fault at a write of the operation: for ENOSPC the very first one (a snapshot's
 * only file, a restore's safety snapshot, a conversion's journal), otherwise one at
 * random, so both "nothing begun yet" and "in the middle" are met on every run.
 */
function randomFault(counts: { writes: number; renames: number }, step: Step, code: string): Fault {
  const of = step === 'rename' ? counts.renames : counts.writes;
  return { step, code, failAt: code === 'ENOSPC' ? 1 : 1 + Math.floor(Math.random() * of) };
}

async function expectIoError(promise: Promise<unknown>, fired: () => boolean): Promise<ServiceError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(fired(), 'the fault was hit').toBe(true);
  expect(err).toBeInstanceOf(ServiceError);
  expect((err as ServiceError).code).toBe('io');
  expect((err as ServiceError).message).toMatch(/disk is full|disk reported an error|permission denied/);
  return err as ServiceError;
}

async function expectVerifies(dir: string, passphrase?: string): Promise<void> {
  const r = await cli(['--data-dir', dir, 'verify'], passphrase ? { CASEFILE_PASSPHRASE: passphrase } : {});
  expect(r.stdout, r.stderr).toMatch(/^All well/);
  expect(r.code).toBe(0);
}

const noTemp = async (dir: string) => {
  for (const sub of ['.', 'cases', 'trash', 'history', 'backups', 'quarantine']) {
    const names = await readdir(path.join(dir, sub)).catch(() => [] as string[]);
    expect(names.filter((n) => n.endsWith('.tmp')), `temp files in ${sub}`).toEqual([]);
  }
};

describe('snapshot creation', () => {
  for (const mode of ['plain', 'encrypted'] as const) {
    it(`${mode}: a refused write fails the snapshot with an "io" error and changes nothing`, async () => {
      const source = mode === 'plain' ? plain : encrypted;
      const withKey = async <T>(dir: string, work: (key: Buffer | null) => Promise<T>) => {
        const key = mode === 'plain' ? null : await openVault(dir, PASS);
        try {
          return await work(key);
        } finally {
          wipe(key);
        }
      };
      const counts = await countWrites(source, (dir, fs) => withKey(dir, (key) => createSnapshot(dir, { reason: 'manual', key, fs })));
      for (const code of CODES) {
        for (const step of STEPS) {
          const dir = await copyOf(source);
          const before = await snapshot(dir);
          const f = faultyFs(randomFault(counts, step, code));
          const err = await expectIoError(withKey(dir, (key) => createSnapshot(dir, { reason: 'manual', key, fs: f.fs })), f.fired);
          expect(err.message).toContain('No case was changed');
          expect(snapshotDiff(before, await snapshot(dir)), `${code} at ${step}`).toEqual([]);
          await expectVerifies(dir, mode === 'encrypted' ? PASS : undefined);
          // The disk works again: the next snapshot is whole.
          const taken = await withKey(dir, (key) => createSnapshot(dir, { reason: 'manual', key }));
          await withKey(dir, (key) => readSnapshot(dir, taken.name, key));
        }
      }
    });
  }
});

describe('restore', () => {
  it('a refused write fails the restore with an "io" error; the folder is the present one, or — the restore having begun — the snapshot once reopened', async () => {
    /** A folder that has moved on since its snapshot: one case edited, one created. */
    const movedOn = await copyOf(plain);
    const store = await CaseStore.open(movedOn);
    const c = await store.get(ids[0]!);
    await store.update(c.id, c.rev, CaseDraft.parse({ ...c, title: 'Changed after the snapshot' }));
    await store.create(CaseDraft.parse(prisonerDraft({ title: 'Created after the snapshot' })));
    await store.close();
    const snapName = (await listSnapshots(movedOn)).find((s) => s.reason === 'manual')!.name;
    const inSnapshot = (await readSnapshot(movedOn, snapName, null)).entries
      .filter((e) => e.path.startsWith('cases/'))
      .map((e) => CaseFile.parse(JSON.parse(e.text)))
      .sort((a, b) => a.id.localeCompare(b.id));
    const counts = await countWrites(movedOn, (dir, fs) => restoreSnapshot(dir, snapName, null, { fs }));
    let finishedByOpen = 0;
    for (const code of CODES) {
      for (const step of STEPS) {
        const dir = await copyOf(movedOn);
        const before = await snapshot(dir);
        const f = faultyFs(randomFault(counts, step, code));
        await expectIoError(restoreSnapshot(dir, snapName, null, { fs: f.fs }), f.fired);
        const begun = (await readdir(dir)).includes(RESTORE_JOURNAL);
        if (!begun) {
          // Only a safety snapshot (the blobs it wrote, or began to, and its local copy of lines) may have been added; cases, trash, histories and meta are as they were.
          const diff = snapshotDiff(before, await snapshot(dir)).filter((d) => !/^added (backups\/(.*--before-restore--|blobs\/)|local\/snapshot-records\/.*--before-restore--)/.test(d));
          expect(diff, `${code} at ${step}`).toEqual([]);
        }
        const reopened = await CaseStore.open(dir);
        try {
          expect(reopened.quarantinedNow).toEqual([]);
          if (begun) {
            finishedByOpen++;
            const now = await Promise.all(reopened.ids().sort().map((id) => reopened.get(id)));
            expect(now).toEqual(inSnapshot);
          } else {
            expect((await reopened.get(ids[0]!)).title).toBe('Changed after the snapshot');
          }
        } finally {
          await reopened.close();
        }
        await noTemp(dir);
        await expectVerifies(dir);
      }
    }
    console.info(`restore faults: ${CODES.length * STEPS.length} injected, ${finishedByOpen} after the journal (finished by the next open)`);
  });
});

describe('folder encryption and decryption', () => {
  it('encrypt: a refused write is an "io" error; the folder opens plain as it was, or (journal written) encrypted once reopened with the passphrase', async () => {
    const counts = await countWrites(plain, (dir, fs) => encryptFolder(dir, PASS, FAST_KDF, { fs }));
    const outcomes = new Map<string, number>();
    for (const code of CODES) {
      for (const step of STEPS) {
        const dir = await copyOf(plain);
        const f = faultyFs(randomFault(counts, step, code));
        const err = await expectIoError(encryptFolder(dir, PASS, FAST_KDF, { fs: f.fs }), f.fired);
        expect(err.message).toContain('No file was lost');
        const state = (await folderEncryption(dir)).state;
        outcomes.set(state, (outcomes.get(state) ?? 0) + 1);
        if (state === 'plain') {
          await recoverConversion(dir);
          await expectSamePlaintext(dir, plainBytes, null);
          await expectVerifies(dir);
        } else {
          expect(await recoverConversion(dir)).toMatchObject({ state: 'needs_passphrase', operation: 'encrypt' });
          expect(await recoverConversion(dir, PASS)).toMatchObject({ state: 'finished', encrypted: true });
          const key = await openVault(dir, PASS);
          try {
            await expectSamePlaintext(dir, plainBytes, key);
          } finally {
            wipe(key);
          }
          await expectVerifies(dir, PASS);
        }
      }
    }
    console.info(`encrypt faults: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  });

  it('decrypt: a refused write is an "io" error; the folder opens encrypted with every file as it was (an interrupted decryption rolls back)', async () => {
    const counts = await countWrites(encrypted, (dir, fs) => decryptFolder(dir, PASS, { fs }));
    const outcomes = new Map<string, number>();
    for (const code of CODES) {
      for (const step of STEPS) {
        const dir = await copyOf(encrypted);
        const f = faultyFs(randomFault(counts, step, code));
        await expectIoError(decryptFolder(dir, PASS, { fs: f.fs }), f.fired);
        const state = await folderEncryption(dir);
        const label = state.state === 'interrupted' ? `interrupted ${state.operation}` : state.state;
        outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
        const recovered = await recoverConversion(dir, PASS);
        if (recovered.state !== 'needs_passphrase' && recovered.encrypted) {
          const key = await openVault(dir, PASS);
          try {
            await expectSamePlaintext(dir, plainBytes, key);
          } finally {
            wipe(key);
          }
          await expectVerifies(dir, PASS);
        } else {
          // The commit (vault.json removed) had happened; only the cleanup after it failed.
          await expectSamePlaintext(dir, plainBytes, null);
          await expectVerifies(dir);
        }
      }
    }
    console.info(`decrypt faults: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  });
});
