// A permanent deletion cut at each of its file-system calls (the disk fails there, as a
// crash would stop it): the next open finishes it or finds the case still whole in the
// Trash, never half of one; nothing of the other case is lost; no tampering is reported.
// And the snapshot pass cancelled between snapshots and inside one: each snapshot is
// then the old one or the new one, every one reads whole, and asking again finishes it.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../electron/services/backup';
import type { DurableFs } from '../../../electron/services/disk/durableFile';
import { createServices } from '../../../electron/services/handlers';
import { tempDir } from '../../helpers/fixtures';
import { buildFolder, folderBytes, markersIn, openStore, type Built } from '../../helpers/purgeFolder';

type Cut = { armed: boolean; calls: number; failAt: number };
const injected = () => Object.assign(new Error('injected EIO'), { code: 'EIO' });

/** Every open, rename and unlink counted while armed; the `failAt`-th fails with EIO. */
function cuttingFs(cut: Cut): DurableFs {
  const step = () => {
    if (!cut.armed) return;
    if (++cut.calls === cut.failAt) throw injected();
  };
  return {
    open: (async (p: string, flags?: string, mode?: number) => (step(), open(p, flags, mode))) as DurableFs['open'],
    rename: (async (a: string, b: string) => (step(), rename(a, b))) as DurableFs['rename'],
    unlink: (async (p: string) => (step(), unlink(p))) as DurableFs['unlink'],
  };
}

let dir: string;
let cleanup: () => Promise<void>;
afterEach(() => cleanup());

async function purgeWithCut(failAt: number): Promise<{ built: Built; calls: number; failed: boolean }> {
  ({ dir, cleanup } = await tempDir('casefile-purge-crash-'));
  const built = await buildFolder(dir, { encrypted: false, snapshots: 0 });
  const cut: Cut = { armed: false, calls: 0, failAt };
  const store = await openStore(dir, false, cuttingFs(cut));
  await store.trash(built.target);
  cut.armed = true;
  let failed = false;
  try {
    await store.purge(built.target);
  } catch (err) {
    failed = true;
    expect(err).toMatchObject({ code: 'io' });
  }
  cut.armed = false;
  await store.close();
  return { built, calls: cut.calls, failed };
}

describe('a purge cut short', () => {
  it('at every file-system call: the next open leaves the case gone or whole in the Trash, the other case intact, no tampering', async () => {
    const clean = await purgeWithCut(0);
    expect(clean.failed).toBe(false);
    const total = clean.calls;
    expect(total).toBeGreaterThan(8);
    await cleanup();
    let cutShort = 0;
    for (let failAt = 1; failAt <= total; failAt++) {
      const { built, failed } = await purgeWithCut(failAt);
      if (failed) cutShort++;
      const store = await openStore(dir, false);
      try {
        expect(store.tampered, `cut at call ${failAt}`).toEqual([]);
        const trashed = (await store.listTrash()).map((t) => t.id);
        if (trashed.includes(built.target)) {
          // Cut before the journal was whole: nothing was removed, and the case is still whole.
          expect((JSON.parse(await readFile(path.join(dir, 'trash', `${built.target}.json`), 'utf8')) as { sources: unknown[] }).sources.length, `cut at call ${failAt}`).toBe(2);
          expect(await store.originals.check(built.onlySha)).toBe('ok');
          await store.purge(built.target);
        }
        expect(await store.listTrash()).toEqual([]);
        expect(store.ids()).toEqual([built.other]);
        expect(await store.originals.check(built.sharedSha)).toBe('ok');
        expect(await store.originals.check(built.onlySha)).toBe('missing');
        const verify = await store.verify();
        expect(verify.problems, `cut at call ${failAt}`).toEqual([]);
      } finally {
        await store.close();
      }
      expect(markersIn(await folderBytes(dir)), `cut at call ${failAt}`).toEqual([]);
      const again = await openStore(dir, false);
      expect(again.tampered).toEqual([]);
      await again.close();
      if (failAt < total) await cleanup();
    }
    expect(cutShort).toBeGreaterThan(5);
  });
});

describe('the snapshot pass cancelled', () => {
  let built: Built;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir('casefile-purge-cancel-'));
    built = await buildFolder(dir, { encrypted: false, snapshots: 3 });
  });

  const holding = async (store: Awaited<ReturnType<typeof openStore>>) => {
    const rows = await store.listBackups();
    let n = 0;
    for (const s of rows) {
      expect(s.problem).toBeUndefined();
      const content = await readSnapshot(dir, s.name, null);
      if (content.entries.some((e) => e.path.includes(built.target))) n++;
    }
    return { total: rows.length, holding: n };
  };

  it('between snapshots: the first is rewritten, the others untouched, all whole; asking again finishes', async () => {
    const store = await openStore(dir, false);
    const { handlers } = createServices(store);
    await handlers['cases.trash']({ id: built.target }, {});
    expect(await holding(store)).toEqual({ total: 3, holding: 3 });
    const controller = new AbortController();
    const report = await handlers['trash.purge']({ id: built.target, snapshots: true }, { signal: controller.signal, onProgress: (p) => p.done === 1 && controller.abort() });
    expect(report.snapshots).toMatchObject({ total: 3, checked: 1, rewritten: 1, cancelled: true, poolRemoved: 0, poolKept: 1 });
    expect(report.snapshotsUntouched).toBe(2);
    expect(await holding(store)).toEqual({ total: 3, holding: 2 });
    expect((await store.verify()).ok).toBe(true);
    const second = await handlers['trash.purge']({ id: built.target, snapshots: true }, {});
    expect(second.snapshots).toMatchObject({ total: 3, rewritten: 2, cancelled: false, poolRemoved: 1 });
    expect(await holding(store)).toEqual({ total: 3, holding: 0 });
    await store.close();
    expect(markersIn(await folderBytes(dir))).toEqual([]);
  });

  it('inside a snapshot (as its new copy is begun): that snapshot stays the old one, no temp file is left', async () => {
    const controller = new AbortController();
    const fs: DurableFs = {
      open: (async (p: string, flags?: string, mode?: number) => {
        if (flags === 'wx' && path.basename(path.dirname(p)) === 'backups') controller.abort();
        return open(p, flags, mode);
      }) as DurableFs['open'],
      rename,
      unlink,
    };
    const store = await openStore(dir, false, fs);
    const { handlers } = createServices(store);
    await handlers['cases.trash']({ id: built.target }, {});
    const report = await handlers['trash.purge']({ id: built.target, snapshots: true }, { signal: controller.signal });
    expect(report.snapshots).toMatchObject({ total: 3, checked: 0, rewritten: 0, cancelled: true });
    expect(await holding(store)).toEqual({ total: 3, holding: 3 });
    const names = [...(await folderBytes(dir)).keys()].filter((n) => n.startsWith('backups/') && !n.startsWith('backups/files/'));
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });
});
