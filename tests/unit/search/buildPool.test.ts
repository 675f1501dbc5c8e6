import { readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { buildFromStore } from '../../../electron/services/search/buildPool';
import { CaseSearchIndex } from '../../../electron/services/search/caseSearchIndex';
import { encodeIndex, snapshotIndex } from '../../../electron/services/search/persistedIndex';
import { SearchService } from '../../../electron/services/search/service';
import { benchQueries } from '../../../scripts/bench/generate';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { archiveForTheseTests } from '../../helpers/copiedArchive';

// The search index built from every case by worker threads (issue 20: a copied archive's
// first open, a lost or outdated saved index): the workers count each case's terms, the
// main thread merges them in the store's order, and the index must be byte for byte the
// one the main thread builds alone — encrypted folders, changed files and all.

const COUNT = 260;
const PASS = 'correct horse battery staple';
const { made, freshCopy } = archiveForTheseTests(COUNT, 'casefile-buildpool-');

/** The build as the main thread made it before the workers: every case read and validated (`get`), indexed in the store's order. */
async function mainThreadBuild(store: CaseStore): Promise<CaseSearchIndex> {
  const bulk = CaseSearchIndex.bulk({ keepShortFieldsOnly: true });
  for (const id of store.ids()) {
    const c = await store.get(id);
    bulk.add(c, { ...store.fileState(id)!, rev: c.rev });
  }
  return bulk.finish();
}

/** How many of the build's workers ran (at most), seen at each merged chunk: 0 would mean the main thread did it all. */
function watchWorkers(store: CaseStore): { most: number; seen: () => void } {
  const make = store.workerPool.bind(store);
  let pool: { running: number } | undefined;
  store.workerPool = ((...args: Parameters<typeof make>) => (pool = make(...args))) as typeof store.workerPool;
  const watch = { most: 0, seen: () => (watch.most = Math.max(watch.most, pool?.running ?? 0)) };
  return watch;
}

const bytesOf = async (index: CaseSearchIndex) => encodeIndex(snapshotIndex(index)!);

describe('the search build on worker threads', () => {
  it('gives byte for byte the index the main thread builds, and the same hits for the bench queries', async () => {
    const store = await CaseStore.open(await freshCopy());
    try {
      const reference = await mainThreadBuild(store);
      let merged = 0;
      const workers = watchWorkers(store);
      const pooled = await buildFromStore(store, { workers: 2, minCases: 1, onCases: (n) => {
        merged += n;
        workers.seen();
      } });
      expect(merged).toBe(COUNT);
      expect(workers.most).toBe(2);
      expect(await bytesOf(pooled)).toEqual(await bytesOf(reference));
      // The main thread alone (too few cases for workers) reads through peek, not validating again: the same bytes.
      expect(await bytesOf(await buildFromStore(store, { minCases: Infinity }))).toEqual(await bytesOf(reference));
      for (const q of benchQueries(COUNT).slice(0, 60)) expect(pooled.searchRaw(q, { limit: 20 })).toEqual(reference.searchRaw(q, { limit: 20 }));
    } finally {
      await store.close();
    }
  });

  it('answers the service: mixed-script names, a quote from a source, and a confidential annotation marked so', async () => {
    const store = await CaseStore.open(await freshCopy());
    try {
      const search = new SearchService(store);
      // Titles carry the name in the case's own script (Cyrillic, Kazakh or Latin); quotes come from source texts.
      for (const g of [made[3]!, made[4]!, made[200]!, made[201]!]) {
        expect((await search.query({ query: g.case.title, limit: 5 }))[0]?.id).toBe(g.case.id);
        expect((await search.query({ query: g.quote, limit: 5 })).map((h) => h.id)).toContain(g.case.id);
      }
      // A word only case 123's confidential annotation holds (saved before the index is built).
      const c = await store.get(made[123]!.case.id);
      expect(c.annotations[9]!.confidential).toBe(true);
      await store.update(c.id, c.rev, CaseDraft.parse({ ...c, annotations: c.annotations.map((a, k) => (k === 9 ? { ...a, body: 'Witness Qoryqpaq spoke' } : a)) }));
      const [hit] = await search.query({ query: 'Qoryqpaq', limit: 1 });
      expect(hit).toMatchObject({ id: made[123]!.case.id, field: 'annotations', confidential: true });
    } finally {
      await store.close();
    }
  });

  it('opens sealed files in an encrypted folder with the key each worker was given: the same index', async () => {
    const dir = await freshCopy();
    await encryptFolder(dir, PASS, FAST_KDF);
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      const workers = watchWorkers(store);
      const pooled = await buildFromStore(store, { workers: 2, minCases: 1, onCases: workers.seen });
      expect(workers.most).toBe(2);
      expect(pooled.size).toBe(COUNT);
      expect(await bytesOf(pooled)).toEqual(await bytesOf(await mainThreadBuild(store)));
    } finally {
      await store.close();
    }
  });

  it('indexes a file changed behind the app (same size and mtime, another inode) from its new content, and never writes it', async () => {
    const dir = await freshCopy();
    const g = made[5]!;
    const file = path.join(dir, 'cases', `${g.case.id}.json`);
    const second = 1_767_225_600; // a whole second, which utimes sets exactly
    await utimes(file, second, second);
    const store = await CaseStore.open(dir);
    try {
      const before = await stat(file);
      const text = (await readFile(file, 'utf8')).replace('"Report 5"', '"Xylofonq"'); // same bytes long
      await writeFile(`${file}.new`, text);
      await rename(`${file}.new`, file); // as a sync tool lands a file: a new inode
      await utimes(file, second, second);
      const after = await stat(file);
      expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
      expect(after.ino).not.toBe(before.ino);
      const pooled = await buildFromStore(store, { workers: 2, minCases: 1 });
      expect(pooled.searchRaw('Xylofonq').hits.map((h) => h.id)).toEqual([g.case.id]);
      expect(pooled.fileOf(g.case.id)?.ino).toBe(after.ino);
      expect(await readFile(file, 'utf8')).toBe(text);
      expect(store.fileState(g.case.id)?.ino).toBe(after.ino); // read again (validated), its row corrected
    } finally {
      await store.close();
    }
  });

  it('stops its workers and fails when aborted (the store closing)', async () => {
    const store = await CaseStore.open(await freshCopy());
    try {
      const abort = new AbortController();
      const building = buildFromStore(store, { workers: 2, minCases: 1, signal: abort.signal, onCases: () => abort.abort(new Error('closing')) });
      await expect(building).rejects.toThrow('closing');
    } finally {
      await store.close();
    }
  });
});
