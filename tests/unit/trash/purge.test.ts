// "Delete permanently" from the Trash (trash.purge): after it, no byte of the case is
// left in any file of the data folder — histories, manifest, summary and search
// indexes, originals, snapshots decompressed — unless the user chose to keep the
// snapshots; an original another case uses stays; verify and the next open report
// no tampering; an encrypted folder purges as well; a live case is refused.
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/handlers';
import { readSnapshot } from '../../../electron/services/backup';
import { readManifest } from '../../../electron/services/audit/manifest';
import { tempDir } from '../../helpers/fixtures';
import { decryptFolder } from '../../../electron/services/folder/convert';
import { buildFolder, folderBytes, markersIn, MARK, openStore, PASS, SHARED_MARK, type Built } from '../../helpers/purgeFolder';

const exists = (file: string) => access(file).then(() => true, () => false);
const originalFile = (dir: string, sha: string, root = '') => path.join(dir, root, 'files', sha.slice(0, 2), `${sha}.bin`);

for (const encrypted of [false, true]) {
  describe(encrypted ? 'encrypted folder' : 'plain folder', () => {
    let dir: string;
    let cleanup: () => Promise<void>;
    let built: Built;

    beforeEach(async () => {
      ({ dir, cleanup } = await tempDir('casefile-purge-'));
      built = await buildFolder(dir, { encrypted, snapshots: 2 });
      // A search index saved while the case was live holds its words: the purge must not leave them there.
      const store = await openStore(dir, encrypted);
      const services = createServices(store);
      await services.search.warm();
      await services.search.save();
      await store.close();
    });
    afterEach(() => cleanup());

    it('removes the case, its histories, its own original and its snapshot entries; keeps the shared original; verify finds nothing', async () => {
      if (!encrypted) {
        // The test's own premise: before the purge, the case is in every kind of file the purge must clean.
        const before = markersIn(await folderBytes(dir)).map((f) => f.replace(/^.* in /, '').split('/')[0]);
        for (const where of ['cases', 'history', 'search-index.bin', 'backups', 'files']) expect(before).toContain(where);
      }
      const store = await openStore(dir, encrypted);
      const { handlers } = createServices(store);
      await handlers['cases.trash']({ id: built.target }, {});
      const progress: number[] = [];
      const report = await handlers['trash.purge']({ id: built.target, snapshots: true }, { onProgress: (p) => progress.push(p.done) });
      expect(report).toMatchObject({ id: built.target, originalsRemoved: 1, originalsShared: 1, snapshotsUntouched: 0 });
      expect(report.snapshots).toMatchObject({ total: 2, checked: 2, rewritten: 2, cancelled: false, poolRemoved: 1 });
      expect(report.files).toBeGreaterThanOrEqual(4); // trash file, history, original, its layout
      expect(report.overwritten).toBe(report.files);
      expect(progress.at(-1)).toBe(2);
      expect(await handlers['trash.list']({}, {})).toEqual([]);
      expect((await handlers['cases.list']({}, {})).map((c) => c.id)).toEqual([built.other]);
      // While the folder is still open: the indexes are written now, not at close.
      if (!encrypted) expect(markersIn(await folderBytes(dir))).toEqual([]);
      const verify = await store.verify();
      expect(verify.problems).toEqual([]);
      expect(verify.ok).toBe(true);
      await store.close();

      expect(await exists(path.join(dir, 'trash', `${built.target}.json`))).toBe(false);
      expect((await readdir(path.join(dir, 'history'))).filter((n) => n.startsWith(built.target))).toEqual([]);
      expect(await exists(originalFile(dir, built.onlySha))).toBe(false);
      expect(await exists(originalFile(dir, built.onlySha, 'backups'))).toBe(false);
      expect(await exists(originalFile(dir, built.sharedSha))).toBe(true);
      expect(await exists(originalFile(dir, built.sharedSha, 'backups'))).toBe(true);
      expect((await readdir(path.join(dir, 'local'))).filter((n) => n.startsWith('purge-'))).toEqual([]);
      if (!encrypted) {
        const files = await folderBytes(dir);
        expect(markersIn(files)).toEqual([]);
        expect(markersIn(files, [SHARED_MARK]).length).toBeGreaterThan(0); // the other case's original is still there
      }

      // The next open: no tampering, the other case and its original whole, every snapshot reads without the case.
      const again = await openStore(dir, encrypted);
      expect(again.tampered).toEqual([]);
      expect(await again.originals.check(built.sharedSha)).toBe('ok');
      expect((await again.get(built.other)).title).toBe('Other case');
      for (const s of await again.listBackups()) {
        expect(s.problem).toBeUndefined();
        const content = await readSnapshot(dir, s.name, null).catch(() => null);
        if (content) expect(content.entries.filter((e) => e.path.includes(built.target))).toEqual([]);
      }
      const manifest = await readManifest(dir, null).catch(() => null);
      if (manifest) expect(manifest.items.has(built.target)).toBe(false);
      expect((await again.verify()).ok).toBe(true);
      await again.close();
      if (encrypted) {
        // Decrypted, the folder (its re-sealed snapshots included) holds no byte of the case either.
        await decryptFolder(dir, PASS);
        expect(markersIn(await folderBytes(dir))).toEqual([]);
        expect(markersIn(await folderBytes(dir), [SHARED_MARK]).length).toBeGreaterThan(0);
      }
    });

    it('keeps the snapshots when asked to, and says how many may still hold the case', async () => {
      const store = await openStore(dir, encrypted);
      const { handlers } = createServices(store);
      await handlers['cases.trash']({ id: built.target }, {});
      const report = await handlers['trash.purge']({ id: built.target }, {});
      expect(report.snapshots).toBeNull();
      expect(report.snapshotsUntouched).toBe(2);
      expect((await store.verify()).ok).toBe(true);
      await store.close();
      expect(await exists(originalFile(dir, built.onlySha))).toBe(false);
      expect(await exists(originalFile(dir, built.onlySha, 'backups'))).toBe(true); // a kept snapshot names it
      if (!encrypted) {
        // Only the snapshots (and the pool of their originals) still hold it, as the dialog says.
        const left = markersIn(await folderBytes(dir)).map((f) => f.replace(/^.* in /, ''));
        expect(left.length).toBeGreaterThan(0);
        for (const rel of left) expect(rel).toMatch(/^backups\/(.*\.casefile-snapshot \(decompressed\)|(files|blobs)\/[0-9a-f]{2}\/[0-9a-f]{64}\.bin)$/);
      }
      const again = await openStore(dir, encrypted);
      expect(again.tampered).toEqual([]);
      await again.close();
    });

    it('refuses a live case and a case not in the Trash, changing nothing', async () => {
      const store = await openStore(dir, encrypted);
      const { handlers } = createServices(store);
      await expect(handlers['trash.purge']({ id: built.target }, {})).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/Move it to the Trash first/) });
      await expect(handlers['trash.purge']({ id: 'no-such-case' }, {})).rejects.toMatchObject({ code: 'not_found' });
      expect((await store.get(built.target)).title).toBe(MARK.title);
      expect(await exists(originalFile(dir, built.onlySha))).toBe(true);
      expect((await store.verify()).ok).toBe(true);
      await store.close();
    });
  });
}
