import { execFileSync } from 'node:child_process';
import { copyFile, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { CaseStore, type StoreChange } from '../../../electron/services/folder/caseStore';
import { SUMMARY_INDEX_FILE } from '../../../electron/services/disk/folderLayout';
import { SearchService } from '../../../electron/services/search/service';
import { caseFactsOf } from '../../../electron/services/people/caseFacts';
import { ServiceError } from '../../../electron/services/errors';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// The app's open (confirmInBackground) lists from the summary index without looking at a
// case file, then checks every file in the background. These are the safety nets of that
// shortcut: what changed while the app was closed — even keeping size and mtime, or arriving
// as a new inode from a sync tool — is corrected after the check, read fresh by `get` at any
// time, and never written over by a save made from the row the list showed.

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

const caseFile = (id: string) => path.join(dir, 'cases', `${id}.json`);
const draft = (title: string) => CaseDraft.parse(prisonerDraft({ title, summary: `About ${title}` }));
const trusting = () => CaseStore.open(dir, { confirmInBackground: true });

async function seed(titles: string[]): Promise<CaseFile[]> {
  const s = await CaseStore.open(dir);
  const made: CaseFile[] = [];
  for (const t of titles) made.push(await s.create(draft(t)));
  await s.close();
  return made;
}

/** The case file rewritten with `title` and `summary` (the same lengths as before: the size stays), its mtime set back. */
async function editKeepingSizeAndMtime(c: CaseFile, title: string): Promise<void> {
  expect(title.length).toBe(c.title.length);
  const before = await stat(caseFile(c.id));
  const text = await readFile(caseFile(c.id), 'utf8');
  const next = text.replaceAll(c.title, title);
  expect(Buffer.byteLength(next)).toBe(before.size);
  // As `touch -r` does: the mtime to the nanosecond (utimes from JavaScript rounds it).
  const ref = `${caseFile(c.id)}.ref`;
  execFileSync('cp', ['-p', caseFile(c.id), ref]);
  await writeFile(caseFile(c.id), next);
  execFileSync('touch', ['-r', ref, caseFile(c.id)]);
  await unlink(ref);
  const after = await stat(caseFile(c.id));
  expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
}

/** As a sync tool delivers a file: written to a temp file beside it, mtime set to the source's, renamed over (a new inode). */
async function deliverLikeSyncTool(c: CaseFile, title: string): Promise<void> {
  const before = await stat(caseFile(c.id));
  const tmp = path.join(dir, 'cases', `.syncthing.${c.id}.json.tmp`);
  await writeFile(tmp, (await readFile(caseFile(c.id), 'utf8')).replaceAll(c.title, title));
  execFileSync('touch', ['-r', caseFile(c.id), tmp]);
  await rename(tmp, caseFile(c.id));
  expect((await stat(caseFile(c.id))).ino).not.toBe(before.ino);
}

function listen(s: CaseStore): StoreChange[] {
  const heard: StoreChange[] = [];
  s.subscribe((c) => heard.push(c));
  return heard;
}

const titles = (s: CaseStore) => s.list().map((c) => c.title).sort();

describe('a trusting open', () => {
  it('lists from the index, then corrects a file changed with the same size and mtime; the row, the event and the search follow', async () => {
    const [a, b] = await seed(['Alpha Abenov', 'Bravo Bekov']);
    await editKeepingSizeAndMtime(a!, 'Omega Orazov');
    store = await trusting();
    const heard = listen(store);
    const search = new SearchService(store);
    // Nothing was read at open: the list is the index's until the check.
    expect(titles(store)).toEqual(['Alpha Abenov', 'Bravo Bekov']);
    await store.confirmed();
    expect(titles(store)).toEqual(['Bravo Bekov', 'Omega Orazov']);
    expect(heard).toEqual([expect.objectContaining({ type: 'upsert', cause: 'external', case: expect.objectContaining({ id: a!.id, title: 'Omega Orazov' }) })]);
    expect((await search.query({ query: 'Orazov', limit: 5 })).map((h) => h.id)).toEqual([a!.id]);
    expect(await search.query({ query: 'Abenov', limit: 5 })).toEqual([]);
    expect((await store.get(b!.id)).title).toBe('Bravo Bekov');
  });

  it('reads a case fresh from its file before the check, and refuses a save from the stale row without touching the file', async () => {
    const [a] = await seed(['Alpha Abenov']);
    await editKeepingSizeAndMtime(a!, 'Omega Orazov');
    const onDisk = await readFile(caseFile(a!.id));
    store = await trusting();
    const heard = listen(store);
    expect(store.summary(a!.id)?.title).toBe('Alpha Abenov'); // the row, not yet checked
    // The edit began from the row the list showed (same revision: the change kept it).
    const stale = CaseDraft.parse({ ...prisonerDraft(), title: 'Alpha Abenov', summary: 'typed over the old version' });
    const refused = await store.update(a!.id, a!.rev, stale).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed outside Casefile.*Nothing was overwritten/), current: expect.objectContaining({ title: 'Omega Orazov' }) });
    expect(await readFile(caseFile(a!.id))).toEqual(onDisk);
    expect(store.summary(a!.id)?.title).toBe('Omega Orazov');
    expect(heard).toEqual([expect.objectContaining({ type: 'upsert', cause: 'external' })]);
    // Once read, the case saves as usual.
    const saved = await store.update(a!.id, a!.rev, CaseDraft.parse({ ...prisonerDraft(), title: 'Omega Orazov', summary: 'now an edit of what is there' }));
    expect(saved.rev).toBe(a!.rev + 1);
    await store.confirmed();
    expect(heard.filter((h) => h.cause === 'external')).toHaveLength(1);
    expect((await store.get(a!.id)).summary).toBe('now an edit of what is there');
  });

  it('refuses a save over a file a sync tool replaced (new inode, mtime kept) in a store opened the usual way', async () => {
    const [a] = await seed(['Alpha Abenov']);
    store = await CaseStore.open(dir);
    await deliverLikeSyncTool(a!, 'Delta Dosov');
    const onDisk = await readFile(caseFile(a!.id));
    await expect(store.update(a!.id, a!.rev, draft('Alpha Abenov'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(caseFile(a!.id))).toEqual(onDisk);
    expect(store.summary(a!.id)?.title).toBe('Delta Dosov');
  });

  it('takes in a copy from a sync tool, a deleted file and an added one (another inode) made while closed', async () => {
    const [a, b, c] = await seed(['Alpha Abenov', 'Bravo Bekov', 'Charlie Chen']);
    const [d] = await seed(['Echo Ermekov']);
    await deliverLikeSyncTool(a!, 'Delta Dosov');
    await unlink(caseFile(b!.id));
    // d was known to the index; moved away and brought back as a copy it is a new inode with its mtime kept.
    await copyFile(caseFile(d!.id), path.join(dir, 'copy'));
    await unlink(caseFile(d!.id));
    await rename(path.join(dir, 'copy'), caseFile(d!.id));
    // Added while closed: a case file the index never saw.
    const added = { ...c!, id: 'added-while-closed', title: 'Foxtrot Fedorov' };
    await writeFile(caseFile(added.id), `${JSON.stringify(added, null, 2)}\n`);
    store = await trusting();
    const heard = listen(store);
    // The deleted file's row went at once (its name is not in cases/); the rest waits for the check.
    expect(titles(store)).toEqual(['Alpha Abenov', 'Charlie Chen', 'Echo Ermekov']);
    await store.confirmed();
    expect(titles(store)).toEqual(['Charlie Chen', 'Delta Dosov', 'Echo Ermekov', 'Foxtrot Fedorov']);
    // d's copy holds the revision the app last wrote, byte for byte: not a change, so not told.
    expect(heard.map((h) => [h.type, h.type === 'upsert' ? h.case.id : h.id, h.cause]).sort()).toEqual(
      [
        ['upsert', a!.id, 'external'],
        ['upsert', added.id, 'external'],
      ].sort(),
    );
    expect(store.fileState(d!.id)?.ino).toBe((await stat(caseFile(d!.id))).ino);
    // The folder's tamper check ran after the files were checked: the edit behind the app's back and the deletion are reported.
    expect(store.tampered.map((t) => [t.caseId, t.verdict]).sort()).toEqual(
      [
        [a!.id, 'altered'],
        [b!.id, 'deleted'],
      ].sort(),
    );
  });

  it('confirms a copied folder (every file a new inode, nothing changed) without telling a change, and the next open reads no case for search or the caseload', async () => {
    const [a, b] = await seed(['Alpha Abenov', 'Bravo Bekov', 'Charlie Chen']);
    // The derived indexes made once and saved at close, as the app leaves them.
    const first = await CaseStore.open(dir);
    await new SearchService(first).warm();
    await caseFactsOf(first).entries();
    await first.close();
    const copy = path.join(dir, '..', `${path.basename(dir)}-copy`);
    execFileSync('cp', ['-a', dir, copy]);
    try {
      const copied = await CaseStore.open(copy, { confirmInBackground: true });
      store = copied;
      const heard = listen(copied);
      const search = new SearchService(copied);
      await search.warm();
      await caseFactsOf(copied).entries();
      await copied.confirmed();
      expect(heard).toEqual([]);
      expect(copied.tampered).toEqual([]);
      expect(titles(copied)).toEqual(['Alpha Abenov', 'Bravo Bekov', 'Charlie Chen']);
      expect(copied.fileState(a!.id)?.ino).toBe((await stat(path.join(copy, 'cases', `${a!.id}.json`))).ino);
      await copied.close();
      // Reopened: the saved search index and caseload facts carry the copy's file states, so no case is read to fill them in.
      const again = await CaseStore.open(copy);
      store = again;
      const reads: string[] = [];
      const get = again.get.bind(again);
      again.get = (id: string) => (reads.push(id), get(id));
      const search2 = new SearchService(again);
      await search2.warm();
      const facts = caseFactsOf(again);
      await facts.entries();
      expect(reads).toEqual([]);
      expect(facts.lastBuildReads).toBe(0);
      expect((await search2.query({ query: 'Bekov', limit: 5 })).map((h) => h.id)).toEqual([b!.id]);
    } finally {
      await store?.close();
      store = undefined;
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('keeps the saves made while the check runs, and does not tell them as external changes', async () => {
    const [a] = await seed(['Alpha Abenov']);
    store = await trusting();
    const heard = listen(store);
    const checking = store.confirmed();
    const made = await store.create(draft('Golf Galiev'));
    const got = await store.get(a!.id);
    await store.update(a!.id, got.rev, draft('Hotel Hasenov'));
    await checking;
    expect(titles(store)).toEqual(['Golf Galiev', 'Hotel Hasenov']);
    expect(heard.map((h) => h.cause)).toEqual(['create', 'update']);
    expect((await store.get(made.id)).title).toBe('Golf Galiev');
  });

  it('reads every file at open when the index is damaged', async () => {
    const [a] = await seed(['Alpha Abenov', 'Bravo Bekov']);
    await editKeepingSizeAndMtime(a!, 'Omega Orazov');
    const index = path.join(dir, SUMMARY_INDEX_FILE);
    const bytes = await readFile(index);
    // A bit of the rows line flipped (the agenda line, the third, is checked only when the agenda is asked for).
    const at = bytes.indexOf('"rows"') + 20;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    await writeFile(index, bytes);
    store = await trusting();
    expect(titles(store)).toEqual(['Bravo Bekov', 'Omega Orazov']);
    await store.confirmed();
    expect(titles(store)).toEqual(['Bravo Bekov', 'Omega Orazov']);
  });

  it('after the check, lists what an open that reads every file lists, whatever changed while closed (property)', async () => {
    const names = ['Ainur Akhmetova', 'Bolat Baimukhamedov', 'Dana Dzhaksybekova', 'Erlan Esenov'];
    const change = fc.constantFrom('keep', 'sameSize', 'syncTool', 'delete', 'copyAdded');
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: names.length, maxLength: names.length }), async (plan) => {
        const sub = await tempDir();
        const was = dir;
        dir = sub.dir;
        try {
          const made = await seed(names);
          for (const [i, what] of plan.entries()) {
            const c = made[i]!;
            const next = c.title.split('').reverse().join('');
            if (what === 'sameSize') await editKeepingSizeAndMtime(c, next);
            else if (what === 'syncTool') await deliverLikeSyncTool(c, next);
            else if (what === 'delete') await unlink(caseFile(c.id));
            else if (what === 'copyAdded') await writeFile(caseFile(`copy-${i}`), `${JSON.stringify({ ...c, id: `copy-${i}`, title: next }, null, 2)}\n`);
          }
          const s = await trusting();
          await s.confirmed();
          const fast = s.list();
          const read = await Promise.all(fast.map((row) => s.get(row.id)));
          await s.close();
          const full = await CaseStore.open(dir);
          const truth = full.list();
          await full.close();
          expect(fast).toEqual(truth);
          expect(read.map((c) => c.title)).toEqual(truth.map((c) => c.title));
        } finally {
          dir = was;
          await sub.cleanup();
        }
      }),
      { numRuns: 12 },
    );
  });
});
