import { copyFile, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptWithBackup } from '../../../electron/services/folder/folderOps';
import { createSnapshot, listSnapshots, pruneSnapshots, readSnapshot } from '../../../electron/services/backup';
import { restoreSnapshot } from '../../../electron/services/backup/restore';
import { lastWrite } from '../../../electron/services/backup/snapshots';
import { releaseRecords } from '../../../electron/services/backup/snapshotRecords';
import { verifySnapshots } from '../../../electron/services/backup/check';
import { ENVELOPE_MAGIC } from '../../../electron/services/crypto/envelope';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { editSummary } from '../../helpers/editSummary';
import { rewriteBehindTheBack } from '../../helpers/behindTheBack';

// The shortcuts that make a snapshot after one edit cost the edit: the newest
// snapshot's lines kept locally (backup/snapshotRecords), the pool's shards trusted
// while unchanged (backup/poolPresence), the rotation collecting only what it
// deleted (backup/blobGc). Each must fall back to the full path when it does not hold.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-shortcuts-')));
afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

const recordsDir = () => path.join(dir, 'local', 'snapshot-records');
const blobsDir = () => path.join(dir, 'backups', 'blobs');
const how = () => lastWrite.get(path.resolve(dir))!;
let clock = Date.parse('2026-12-01T08:00:00Z');
/** Snapshot times an hour apart, all on one day unless told. */
const at = (hours = 1) => new Date((clock += hours * 3_600_000));

async function seed(n: number): Promise<string[]> {
  const store = await CaseStore.open(dir);
  try {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await store.create(CaseDraft.parse(prisonerDraft({ title: `Дело ${i} MKRSHORT${i}` })))).id);
    return ids;
  } finally {
    await store.close();
  }
}

const edit = (id: string, summary: string, passphrase?: string) => editSummary(dir, id, summary, passphrase);

const snap = (key: Buffer | null = null, hours = 1) => createSnapshot(dir, { reason: 'manual', key, now: at(hours) });
const caseText = async (name: string, id: string) => (await readSnapshot(dir, name, null)).entries.find((e) => e.path === `cases/${id}.json`)!.text;

async function blobFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(blobsDir(), { withFileTypes: true, recursive: true }).catch(() => [])) if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  return out.sort();
}

/** Sets a case file's mtime to a whole second, which utimes can give back exactly. */
async function wholeSecondMtime(id: string): Promise<void> {
  const file = path.join(dir, 'cases', `${id}.json`);
  await utimes(file, 1_796_000_000, 1_796_000_000);
}

/** A case file rewritten behind the app's back: other bytes of the same length, the old mtime, in place or as a sync tool delivers. */
const changeBehindTheBack = (id: string, how: 'in place' | 'new inode') => rewriteBehindTheBack(path.join(dir, 'cases', `${id}.json`), (text) => text.replace('MKRSHORT', 'MKRBHIND'), how);

describe('the newest snapshot kept locally', () => {
  it('the snapshot after an edit starts from the local copy, and restores byte for byte what the folder held', async () => {
    const ids = await seed(6);
    await snap();
    expect(how().previousFrom).toBe('none');
    await edit(ids[2]!, 'An edit MKREDIT');
    const second = await snap();
    expect(how()).toMatchObject({ previousFrom: 'copy', blobs: 2 });
    const held = new Map<string, Buffer>();
    for (const name of await readdir(path.join(dir, 'cases'))) held.set(name, await readFile(path.join(dir, 'cases', name)));
    await edit(ids[3]!, 'After the snapshot');
    await restoreSnapshot(dir, second.name, null);
    for (const [name, bytes] of held) expect((await readFile(path.join(dir, 'cases', name))).equals(bytes), name).toBe(true);
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
  });

  for (const kind of ['in place', 'new inode'] as const) {
    it(`a case changed behind the app's back (same size, same mtime, ${kind}) is read again, not taken from the copy`, async () => {
      const ids = await seed(4);
      await wholeSecondMtime(ids[1]!);
      await snap();
      const changed = await changeBehindTheBack(ids[1]!, kind);
      const second = await snap();
      expect(how().previousFrom).toBe('copy');
      expect(await caseText(second.name, ids[1]!)).toBe(changed);
    });
  }

  it('a missing, damaged or stale copy (the manifest replaced by a copy of itself) falls back to reading the manifest', async () => {
    const ids = await seed(4);
    await wholeSecondMtime(ids[2]!);
    let last = await snap();
    const copyOf = (name: string) => path.join(recordsDir(), `${name}.records`);
    expect((await stat(copyOf(last.name))).isFile()).toBe(true);

    // A new process: nothing held in memory, only what is on disk.
    releaseRecords();
    await unlink(copyOf(last.name));
    await edit(ids[0]!, 'First MKRONE');
    last = await snap();
    expect(how()).toMatchObject({ previousFrom: 'manifest', blobs: 2 });

    const bytes = await readFile(copyOf(last.name));
    bytes[bytes.length - 40]! ^= 0xff;
    await writeFile(copyOf(last.name), bytes);
    releaseRecords();
    await edit(ids[1]!, 'Second MKRTWO');
    last = await snap();
    expect(how()).toMatchObject({ previousFrom: 'manifest', blobs: 2 });

    // Put back from elsewhere (a new inode, a new ctime): the copy no longer speaks for it.
    const manifest = path.join(dir, 'backups', last.name);
    await copyFile(manifest, `${manifest}.back`);
    await rename(`${manifest}.back`, manifest);
    const changed = await changeBehindTheBack(ids[2]!, 'in place');
    last = await snap();
    expect(how().previousFrom).toBe('manifest');
    expect(await caseText(last.name, ids[2]!)).toBe(changed);
    expect(await caseText(last.name, ids[0]!)).toContain('MKRONE');
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
  });

  it('a copy from a snapshot other than the newest one is not taken for it', async () => {
    const ids = await seed(3);
    const first = await snap();
    await edit(ids[0]!, 'Edited MKRNEWEST');
    const second = await snap();
    // The newest's copy swapped for the older one's: it names the old manifest's state, not this one's.
    await copyFile(path.join(recordsDir(), `${first.name}.records`), path.join(recordsDir(), `${second.name}.records`));
    releaseRecords();
    const third = await snap();
    expect(how().previousFrom).toBe('manifest');
    expect(await caseText(third.name, ids[0]!)).toContain('MKRNEWEST');
  });

  it('in an encrypted folder the copy is sealed, holds no plain hash or name, and is used', async () => {
    const PASS = 'correct horse battery staple 42';
    const ids = await seed(3);
    await snap();
    expect((await readdir(recordsDir())).length).toBeGreaterThan(0);
    await encryptWithBackup(dir, PASS, FAST_KDF);
    // The conversion re-seals every manifest: the plain copies are gone with it.
    expect(await readdir(recordsDir()).catch(() => [])).toEqual([]);
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      await store.backup('manual');
      for (const f of await readdir(recordsDir())) {
        const bytes = await readFile(path.join(recordsDir(), f));
        expect(bytes.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC), f).toBe(true);
        expect(bytes.includes(Buffer.from(ids[0]!)), f).toBe(false);
      }
      const c = await store.get(ids[0]!);
      await store.update(ids[0]!, c.rev, CaseDraft.parse({ ...c, summary: 'Sealed MKRSEALED' }));
      await store.settled();
      await store.backup('manual');
      expect(how()).toMatchObject({ previousFrom: 'copy', blobs: 2 });
      expect((await store.verify()).problems.filter((p) => p.file.startsWith('backups/'))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('a purge takes the copies away with the case', async () => {
    const ids = await seed(3);
    const store = await CaseStore.open(dir);
    try {
      await store.backup('manual');
      await store.trash(ids[1]!);
      await store.purge(ids[1]!, { snapshots: true });
    } finally {
      await store.close();
    }
    for (const f of await readdir(recordsDir()).catch(() => [] as string[])) expect((await readFile(path.join(recordsDir(), f))).includes(Buffer.from(ids[1]!)), f).toBe(false);
  });
});

describe('the pool trusted by its shards', () => {
  it('unchanged shards are not listed; a blob removed behind the app is noticed, and the file read into the pool again', async () => {
    await seed(4);
    await snap();
    vi.useFakeTimers({ toFake: ['Date'] });
    // Later than any shard's change by more than the racy margin.
    vi.setSystemTime(Date.now() + 60_000);
    await snap();
    await snap();
    expect(how()).toMatchObject({ previousFrom: 'copy', shardsListed: 0, blobs: 0 });
    const blobs = await blobFiles();
    const victim = blobs[Math.floor(blobs.length / 2)]!;
    await unlink(victim);
    vi.setSystemTime(Date.now() + 60_000);
    const after = await snap();
    expect(how().shardsListed).toBe(1);
    expect(how().blobs).toBe(1);
    expect((await stat(victim)).isFile()).toBe(true);
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
    await restoreSnapshot(dir, after.name, null);
  });

  it('a shard changed moments before it was recorded is listed again (a change in the same tick could leave its ctime)', async () => {
    await seed(3);
    await snap();
    await snap();
    await snap();
    // No time has passed since the shards were written: none is trusted.
    expect(how().previousFrom).toBe('copy');
    expect(how().shardsListed).toBe((await readdir(blobsDir())).length);
  });
});

describe('the rotation collecting only what it deleted', () => {
  it('a blob an older snapshot still names survives; one only the deleted snapshot named goes', async () => {
    clock = Date.parse('2026-12-10T08:00:00Z');
    const ids = await seed(4);
    const store = async (fn: (s: CaseStore) => Promise<void>) => {
      const s = await CaseStore.open(dir, { now: () => at(0) });
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    };
    await store((s) => s.backup('manual').then(() => undefined)); // day 1
    const dayOne = new Set(await blobFiles());
    at(24);
    await edit(ids[0]!, 'Day two, first MKRDAY2A');
    await store((s) => s.backup('manual').then(() => undefined));
    const middle = new Set((await blobFiles()).filter((b) => !dayOne.has(b)));
    expect(middle.size).toBe(2);
    at(1);
    await edit(ids[0]!, 'Day two, second MKRDAY2B');
    await store((s) => s.backup('manual').then(() => undefined));
    const kept = await listSnapshots(dir);
    expect(kept).toHaveLength(2);
    const now = new Set(await blobFiles());
    // Day one's blobs stay (its snapshot is kept); the case text only the deleted snapshot named is gone.
    for (const b of dayOne) expect(now.has(b), b).toBe(true);
    const middleTexts = await Promise.all([...middle].filter((b) => now.has(b)).map((b) => readFile(b, 'utf8')));
    expect(middleTexts.filter((t) => t.includes('MKRDAY2A') && t.includes('"rev"'))).toEqual([]);
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
    expect(await readdir(recordsDir())).toHaveLength(2);
  });

  it('the copy of a snapshot deleted by a rotation a crash cut short is what the next one collects from', async () => {
    const ids = await seed(3);
    const first = await snap();
    await edit(ids[0]!, 'Replaced MKRCRASH');
    await snap(null, 24); // another day: both kept
    const before = await blobFiles();
    // The crash: the first snapshot's manifest deleted, its blobs not yet.
    await unlink(path.join(dir, 'backups', first.name));
    await pruneSnapshots(dir, null);
    const after = await blobFiles();
    const gone = before.filter((b) => !after.includes(b));
    expect(gone.length).toBeGreaterThan(0);
    expect(await readdir(recordsDir())).toHaveLength(1);
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
  });
});
