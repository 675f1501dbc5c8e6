import { readdir, readFile, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { createSnapshot, readSnapshot } from '../../../electron/services/backup';
import { restoreSnapshot } from '../../../electron/services/backup/restore';
import { lastWrite } from '../../../electron/services/backup/snapshots';
import { releaseRecords } from '../../../electron/services/backup/snapshotRecords';
import { verifySnapshots } from '../../../electron/services/backup/check';
import { SUMMARY_INDEX_FILE } from '../../../electron/services/disk/folderLayout';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { rewriteBehindTheBack } from '../../helpers/behindTheBack';

// A snapshot taken by the running store does not stat the live case files again: it
// takes the states the store confirmed (backup/incremental, `known`). These tests show
// where that stops: a file changed while the app was closed is read again whichever way
// the store opened, a change the store was told of while open is read again, and what
// the snapshot holds restores byte for byte what the folder held.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-vouched-')));
afterEach(async () => {
  releaseRecords();
  await cleanup();
});

const how = () => lastWrite.get(path.resolve(dir))!;
const caseFile = (id: string) => path.join(dir, 'cases', `${id}.json`);

async function seed(n: number): Promise<string[]> {
  const store = await CaseStore.open(dir);
  try {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await store.create(CaseDraft.parse(prisonerDraft({ title: `Дело ${i} MKRVOUCH${i}` })))).id);
    return ids;
  } finally {
    await store.close();
  }
}

/** A snapshot through a store opened as the app opens it (trusting its index, confirming after) or with a full stat. */
async function backupThrough(trusting: boolean, before?: (store: CaseStore) => Promise<void>): Promise<string> {
  releaseRecords(); // a new process: only what is on disk
  const store = await CaseStore.open(dir, trusting ? { confirmInBackground: true } : {});
  try {
    await before?.(store);
    return (await store.backup('manual')).name;
  } finally {
    await store.close();
  }
}

const caseText = async (name: string, id: string) => (await readSnapshot(dir, name, null)).entries.find((e) => e.path === `cases/${id}.json`)!.text;

/** Other bytes of the same length, the old mtime: the case's marker swapped for the other one. */
const changeBehindTheBack = (id: string, how: 'in place' | 'new inode') =>
  rewriteBehindTheBack(caseFile(id), (text) => (text.includes('MKRVOUCH') ? text.replace('MKRVOUCH', 'MKRBHIND') : text.replace('MKRBHIND', 'MKRVOUCH')), how);

describe('a snapshot taken by the running store', () => {
  it('takes the case files the store vouches for without a stat, reads the edited one, and restores byte for byte', async () => {
    const ids = await seed(5);
    await backupThrough(false);
    let edited = '';
    const name = await backupThrough(true, async (store) => {
      const c = await store.get(ids[3]!);
      await store.update(ids[3]!, c.rev, CaseDraft.parse({ ...c, summary: 'Edited MKREDITED' }));
      await store.settled();
      edited = await readFile(caseFile(ids[3]!), 'utf8');
    });
    // Four unchanged cases vouched for; the edited one (its entry is not the recorded state), the histories and the top files stat'ed.
    expect(how()).toMatchObject({ previousFrom: 'copy', trusted: 4, blobs: 2 });
    expect(how().statted).toBeGreaterThan(1);
    expect(await caseText(name, ids[3]!)).toBe(edited);

    const held = new Map<string, Buffer>();
    for (const f of await readdir(path.join(dir, 'cases'))) held.set(`cases/${f}`, await readFile(path.join(dir, 'cases', f)));
    // The same folder snapshotted the long way (every file read), for comparison.
    for (const f of await readdir(path.join(dir, 'local', 'snapshot-records'))) await unlink(path.join(dir, 'local', 'snapshot-records', f));
    releaseRecords();
    const full = await createSnapshot(dir, { reason: 'manual', key: null, now: new Date(Date.now() + 60_000) });
    expect(how().previousFrom).toBe('manifest');
    const lines = async (n: string) => (await readSnapshot(dir, n, null)).entries.map((e) => [e.path, e.text]).sort();
    expect(await lines(name)).toEqual(await lines(full.name));

    const store = await CaseStore.open(dir);
    const c = await store.get(ids[0]!);
    await store.update(ids[0]!, c.rev, CaseDraft.parse({ ...c, summary: 'After the snapshot' }));
    await store.close();
    await restoreSnapshot(dir, name, null);
    for (const [rel, bytes] of held) expect((await readFile(path.join(dir, rel))).equals(bytes), rel).toBe(true);
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
  });

  for (const trusting of [true, false]) {
    for (const kind of ['in place', 'new inode'] as const) {
      it(`a case changed while the app was closed (same size, same mtime, ${kind}) is read again (${trusting ? 'trusting open, confirmed in the background' : 'full open'})`, async () => {
        const ids = await seed(4);
        await utimes(caseFile(ids[1]!), 1_796_000_000, 1_796_000_000); // a whole second: utimes gives it back exactly
        // Opened with a full stat and closed: the summary index holds the file's state, the one the snapshot below records.
        await (await CaseStore.open(dir)).close();
        await backupThrough(trusting);
        const changed = await changeBehindTheBack(ids[1]!, kind);
        const name = await backupThrough(trusting);
        expect(how().previousFrom).toBe('copy');
        expect(how().trusted).toBeGreaterThanOrEqual(3);
        expect(await caseText(name, ids[1]!)).toBe(changed);
      });
    }
  }

  it('a damaged or missing summary index (what a trusting open lists from) vouches for nothing stale: the changed case is read again', async () => {
    const ids = await seed(3);
    await utimes(caseFile(ids[0]!), 1_796_000_000, 1_796_000_000);
    await (await CaseStore.open(dir)).close();
    await backupThrough(true);
    const changed = await changeBehindTheBack(ids[0]!, 'in place');
    const index = path.join(dir, SUMMARY_INDEX_FILE);
    const bytes = await readFile(index);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(index, bytes);
    let name = await backupThrough(true);
    expect(await caseText(name, ids[0]!)).toBe(changed);
    const again = await changeBehindTheBack(ids[0]!, 'new inode');
    await unlink(index);
    name = await backupThrough(true);
    expect(await caseText(name, ids[0]!)).toBe(again);
  });

  it('a case another program changed while the app is open is read again once the store has been told (the live folder refreshes it)', async () => {
    const ids = await seed(3);
    await utimes(caseFile(ids[2]!), 1_796_000_000, 1_796_000_000);
    await backupThrough(false);
    let changed = '';
    const name = await backupThrough(true, async (store) => {
      await store.confirmed();
      changed = await changeBehindTheBack(ids[2]!, 'in place');
      await store.refreshFromDisk();
    });
    expect(how().trusted).toBe(2);
    expect(await caseText(name, ids[2]!)).toBe(changed);
  });
});
