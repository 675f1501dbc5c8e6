import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent, FolderProgress } from '../../../shared/events';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptFolder, openVault } from '../../../electron/services/folder/convert';
import { CaseCodec } from '../../../electron/services/store/caseCodec';
import { ReadPool } from '../../../electron/services/store/readPool';
import { entryOf } from '../../../electron/services/store/readEntries';
import { Session } from '../../../electron/services/session';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { archiveForTheseTests, copyArchive, summariesOf } from '../../helpers/copiedArchive';

// The first open of a copied archive (issue 20): every case file is new to the indexes, so
// each is read, validated and summarised — by the read pool's worker threads — with the
// progress the window shows, then indexed for search. A few hundred cases here, never 100,000.

const COUNT = 300;
const { made, freshCopy } = archiveForTheseTests(COUNT, 'casefile-firstopen-');

/** Each report in order: never backwards, one total, the last at that total. */
function expectOrderedToTotal(reports: ReadonlyArray<{ done: number; total: number }>, total: number): void {
  expect(reports.length).toBeGreaterThan(1);
  expect(new Set(reports.map((r) => r.total))).toEqual(new Set([total]));
  for (let i = 1; i < reports.length; i++) expect(reports[i]!.done).toBeGreaterThanOrEqual(reports[i - 1]!.done);
  expect(reports.at(-1)!.done).toBe(total);
}

describe('the read pool', () => {
  it('gives, from worker threads, exactly the entries the main thread gives, bad files and their reasons included', async () => {
    const dir = await freshCopy();
    const cases = path.join(dir, 'cases');
    // Three ways a file goes bad: not JSON, not a case, and a case under another case's name.
    await writeFile(path.join(cases, 'bench-000007.json'), '{"id": "bench-000007", "title": ');
    await writeFile(path.join(cases, 'bench-000008.json'), JSON.stringify({ ...made[8]!.case, status: 'lost' }));
    await writeFile(path.join(cases, 'bench-000009.json'), JSON.stringify(made[10]!.case));
    const files = (await readdir(cases)).sort().map((n) => path.join(cases, n));
    const codec = new CaseCodec(dir, null);
    const here = await Promise.all(files.map(async (f) => entryOf(await codec.readCase(f))));
    const pool = new ReadPool(dir, null, (f) => codec.readCase(f), { workers: 2, minFiles: 1 });
    const done: number[] = [];
    try {
      const pooled = await pool.read(files, (n) => done.push(n));
      expect(pool.running).toBe(2); // read by workers, not by the main thread's fallback
      expect(pooled).toEqual(here);
    } finally {
      await pool.close();
    }
    expect(pool.running).toBe(0);
    expect(done.reduce((a, b) => a + b, 0)).toBe(files.length);
    const bad = here.filter((e) => !e.ok).map((e) => (e.ok ? '' : e.reason));
    expect(bad).toHaveLength(3);
    expect(bad[0]).toMatch(/^not valid JSON/);
    expect(bad[1]).toMatch(/^not a valid case: status/);
    expect(bad[2]).toBe('holds case id "bench-000010" but is named bench-000009.json');
  });

  it('reads few files on the main thread (no worker started)', async () => {
    const dir = await freshCopy();
    const codec = new CaseCodec(dir, null);
    const pool = new ReadPool(dir, null, (f) => codec.readCase(f));
    const read = await pool.read([path.join(dir, 'cases', 'bench-000001.json')]);
    expect(read[0]!.ok && read[0]!.summary.id).toBe('bench-000001');
    expect(pool.running).toBe(0);
    await pool.close();
  });
});

describe('the first open of a copied archive', () => {
  it('lists every case after reporting its reading in order up to the total; the next open reads nothing', async () => {
    const dir = await freshCopy();
    const reading: Array<{ done: number; total: number }> = [];
    const store = await CaseStore.open(dir, { onOpenProgress: (p) => void reading.push(p) });
    try {
      expectOrderedToTotal(reading, COUNT);
      expect(reading[0]!.done).toBe(0);
      expect(store.list().sort((a, b) => a.id.localeCompare(b.id))).toEqual(summariesOf(made));
      expect(store.quarantinedNow).toEqual([]);
    } finally {
      await store.close();
    }
    // Once indexed, the next open reads nothing and reports nothing.
    const again: unknown[] = [];
    const reopened = await CaseStore.open(dir, { onOpenProgress: (p) => void again.push(p) });
    expect(reopened.count()).toBe(COUNT);
    await reopened.close();
    expect(again).toEqual([]);
  });

  it('tells the window through the session: the search index builds with progress events, then every case is found', async () => {
    const dir = await freshCopy();
    const session = await Session.start(dir, {});
    const events: FolderProgress[] = [];
    const stop = session.events.listen((e: CoreEvent) => {
      if (e.type === 'folder.progress') events.push(e.data);
    });
    try {
      const listed = await session.handlers['cases.list']({}, {});
      expect(listed).toHaveLength(COUNT);
      // Every case is found by the name only its file holds (the name's spelling in the case's own script, plus its number).
      const g = made[123]!;
      const hits = await session.handlers['search.query']({ query: g.case.title, limit: 5 }, {});
      expect(hits[0]?.id).toBe(g.case.id);
      const indexing = events.filter((e) => e.phase === 'indexing');
      expectOrderedToTotal(indexing, COUNT);
      expect(indexing[0]!.done).toBe(0);
      for (const probe of [made[0]!, made[299]!]) expect((await session.handlers['search.query']({ query: probe.quote, limit: 3 }, {})).map((h) => h.id)).toContain(probe.case.id);
    } finally {
      stop();
      await session.close();
    }
  });

  it('quarantines a damaged file in the copy exactly as the open on the main thread does, and lists the rest', async () => {
    const dir = await freshCopy();
    const damaged = path.join(dir, 'cases', 'bench-000042.json');
    const bytes = await readFile(damaged);
    await writeFile(damaged, bytes.subarray(0, bytes.length >> 1));
    const expected = await new CaseCodec(dir, null).readCase(damaged);
    const store = await CaseStore.open(dir);
    try {
      expect(store.count()).toBe(COUNT - 1);
      expect(store.has('bench-000042')).toBe(false);
      expect(store.quarantinedNow).toHaveLength(1);
      expect(expected.ok).toBe(false);
      expect(store.quarantinedNow[0]!.reason).toBe(`${path.join('cases', 'bench-000042.json')}: ${expected.ok ? '' : expected.reason}`);
      // The damaged bytes themselves are kept in quarantine/, with the note of why, never overwritten.
      const kept = path.join(dir, store.quarantinedNow[0]!.file);
      expect(path.dirname(kept)).toBe(path.join(dir, 'quarantine'));
      expect(await readFile(kept)).toEqual(bytes.subarray(0, bytes.length >> 1));
      expect(await readFile(`${kept}.reason.txt`, 'utf8')).toBe(`${store.quarantinedNow[0]!.reason}\n`);
      expect((await readdir(path.join(dir, 'cases'))).includes('bench-000042.json')).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('opens an encrypted copy: its workers decrypt with the key, every case is listed and found', async () => {
    const plain = await freshCopy();
    await encryptFolder(plain, 'correct horse battery staple', FAST_KDF);
    const dir = await copyArchive(plain, path.join(path.dirname(plain), 'encrypted-copy'));
    // The pool's workers themselves open the sealed files (none falls back to the main thread).
    const key = await openVault(dir, 'correct horse battery staple');
    const codec = new CaseCodec(dir, key);
    const files = (await readdir(path.join(dir, 'cases'))).map((n) => path.join(dir, 'cases', n));
    const pool = new ReadPool(dir, key, (f) => codec.readCase(f), { workers: 2, minFiles: 1 });
    try {
      const pooled = await pool.read(files);
      expect(pool.running).toBe(2);
      expect(pooled.every((e) => e.ok)).toBe(true);
      expect(pooled).toEqual(await Promise.all(files.map(async (f) => entryOf(await codec.readCase(f)))));
    } finally {
      await pool.close();
      key.fill(0);
    }
    const reading: Array<{ done: number; total: number }> = [];
    const session = await Session.start(dir, { scrypt: FAST_KDF, store: { onOpenProgress: (p) => void reading.push(p) } }, 'correct horse battery staple');
    try {
      expectOrderedToTotal(reading, COUNT);
      expect(await session.handlers['cases.list']({}, {})).toHaveLength(COUNT);
      const g = made[77]!;
      expect((await session.handlers['search.query']({ query: g.case.title, limit: 5 }, {}))[0]?.id).toBe(g.case.id);
    } finally {
      await session.close();
    }
  });
});
