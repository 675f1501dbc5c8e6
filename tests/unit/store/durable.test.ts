import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { ServiceError } from '../../../electron/services/errors';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { DurableJsonFile, writeFileDurably, type DurableFs } from '../../../electron/services/disk/durableFile';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

const fault = (code: string) => Object.assign(new Error(`injected ${code}`), { code });

describe('the durable adapter', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const file = path.join(dir, 'a.json');
    const db = new DurableJsonFile<{ v: number }>(file);
    expect(await db.read()).toBeNull();
    await db.write({ v: 1 });
    await db.write({ v: 2 });
    expect(await db.read()).toEqual({ v: 2 });
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('syncs the file before renaming it and the folder after', async () => {
    const calls: string[] = [];
    const fs: DurableFs = {
      open: (async (p: string, flags: string, mode?: number) => {
        const handle = await open(p, flags, mode);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          calls.push(`sync ${p === dir ? 'folder' : 'temp'}`);
          return sync();
        };
        return handle;
      }) as DurableFs['open'],
      rename: (async (a: string, b: string) => {
        calls.push('rename');
        return rename(a, b);
      }) as DurableFs['rename'],
      unlink,
    };
    await writeFileDurably(path.join(dir, 'b.json'), '{}', fs);
    expect(calls).toEqual(['sync temp', 'rename', 'sync folder']);
  });

  for (const [step, code] of [['write', 'ENOSPC'], ['rename', 'EIO'], ['open', 'EACCES']] as const) {
    it(`a failed ${step} (${code}) keeps the previous version and reports a typed error`, async () => {
      let failing = false;
      const fs: DurableFs = {
        open: (async (p: string, flags: string, mode?: number) => {
          if (failing && step === 'open') throw fault(code);
          const handle = await open(p, flags, mode);
          if (failing && step === 'write') handle.writeFile = async () => Promise.reject(fault(code));
          return handle;
        }) as DurableFs['open'],
        rename: (async (a: string, b: string) => {
          if (failing && step === 'rename') throw fault(code);
          return rename(a, b);
        }) as DurableFs['rename'],
        unlink,
      };
      const store = await CaseStore.open(dir, { fs });
      try {
        const c = await store.create(CaseDraft.parse(prisonerDraft({ summary: 'version 1' })));
        const before = await readFile(path.join(dir, 'cases', `${c.id}.json`), 'utf8');
        failing = true;
        const err = await store.update(c.id, 1, CaseDraft.parse(prisonerDraft({ summary: 'version 2' }))).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ServiceError);
        expect((err as ServiceError).code).toBe('io');
        expect((err as ServiceError).message).toMatch(/previous version is intact/);
        expect(await readFile(path.join(dir, 'cases', `${c.id}.json`), 'utf8')).toBe(before);
        expect((await store.get(c.id)).rev).toBe(1); // memory agrees with the disk
        expect((await readdir(path.join(dir, 'cases'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
        failing = false; // the app keeps working once the disk does
        expect((await store.update(c.id, 1, CaseDraft.parse(prisonerDraft({ summary: 'version 2' })))).rev).toBe(2);
      } finally {
        await store.close();
      }
    });
  }
});
