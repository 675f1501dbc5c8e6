import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptWithBackup } from '../../../electron/services/folder/folderOps';
import { createSnapshot, encodeSnapshotTo, listSnapshots, readSnapshot } from '../../../electron/services/backup';
import { restoreSnapshot } from '../../../electron/services/backup/restore';
import { lastWrite, writeStreamDurably } from '../../../electron/services/backup/snapshots';
import { verifySnapshots } from '../../../electron/services/backup/check';
import { isBlobRef, SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../../electron/services/backup/archive';
import { streamRecords } from '../../../electron/services/backup/snapshotReader';
import { ENVELOPE_MAGIC } from '../../../electron/services/crypto/envelope';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';
import { editSummary } from '../../helpers/editSummary';

// Version 3 snapshots: a manifest naming blobs kept once in backups/blobs/ (backup/blobPool).

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-incremental-')));
afterEach(() => cleanup());

const blobsDir = () => path.join(dir, 'backups', 'blobs');

/** Every blob file in the pool, relative to it. */
async function blobFiles(root = blobsDir()): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (e.isFile()) out.push(path.relative(root, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

/** The folder's files a restore writes (meta, cases, trash, histories), by path, byte for byte. */
async function folderFiles(): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  out.set('meta.json', await readFile(path.join(dir, 'meta.json')));
  for (const sub of ['cases', 'trash', 'history']) {
    for (const name of (await readdir(path.join(dir, sub)).catch(() => [] as string[])).sort()) {
      if (!name.startsWith('.')) out.set(`${sub}/${name}`, await readFile(path.join(dir, sub, name)));
    }
  }
  return out;
}

async function seed(n: number): Promise<{ ids: string[] }> {
  const store = await CaseStore.open(dir);
  try {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await store.create(CaseDraft.parse(i % 3 ? prisonerDraft({ title: `Дело ${i} Қ MKRINC${i}` }) : ngoDraft({ title: `Қоғам ${i} MKRINC${i}` })))).id);
    await store.trash(ids[1]!);
    return { ids };
  } finally {
    await store.close();
  }
}

const edit = (id: string, summary: string, passphrase?: string) => editSummary(dir, id, summary, passphrase);

/** A version 2 snapshot (the text of every file inside), as the Casefile before this one wrote them, of the folder as it is. */
async function writeVersionTwo(now: Date): Promise<string> {
  const rels = ['meta.json'];
  for (const sub of ['cases', 'trash', 'history']) for (const name of (await readdir(path.join(dir, sub)).catch(() => [] as string[])).sort()) rels.push(`${sub}/${name}`);
  const entries = await Promise.all(rels.map(async (rel) => ({ path: rel, mtimeMs: (await stat(path.join(dir, rel))).mtimeMs, text: await readFile(path.join(dir, rel), 'utf8') })));
  const cases = rels.filter((r) => r.startsWith('cases/')).length;
  const trash = rels.filter((r) => r.startsWith('trash/')).length;
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const name = `${stamp}--manual--${cases}c${trash}t.casefile-snapshot`;
  const header = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, createdAt: now.toISOString(), reason: 'manual' } as const;
  await mkdir(path.join(dir, 'backups'), { recursive: true });
  await writeStreamDurably(path.join(dir, 'backups'), 'v2', (write) => encodeSnapshotTo(write, header, entries, () => [], null).then(() => undefined), async () => name);
  return name;
}

describe('incremental (content-addressed) snapshots', () => {
  it('after one edit, the next snapshot writes only the edited case and its history as blobs, plus a small manifest', async () => {
    const { ids } = await seed(12);
    const first = await createSnapshot(dir, { reason: 'manual', key: null, now: new Date('2026-12-01T10:00:00Z') });
    const before = await blobFiles();
    // Every file once: meta.json, 12 cases (one trashed), 12 histories.
    expect(before.length).toBe(1 + 12 + 12);
    expect(lastWrite.get(path.resolve(dir))!.blobs).toBe(before.length);

    await edit(ids[4]!, 'Moved to the colony in Zhaslyk MKREDIT');
    const backupsBefore = await readdir(path.join(dir, 'backups'));
    const second = await createSnapshot(dir, { reason: 'manual', key: null, now: new Date('2026-12-01T11:00:00Z') });
    const after = await blobFiles();
    const added = after.filter((b) => !before.includes(b));
    // The edited case and the history that records the edit: nothing else was read into the pool.
    expect(added).toHaveLength(2);
    expect(lastWrite.get(path.resolve(dir))!.blobs).toBe(2);
    const texts = await Promise.all(added.map((b) => readFile(path.join(blobsDir(), b), 'utf8')));
    expect(texts.some((t) => t.includes('MKREDIT') && t.includes(ids[4]!))).toBe(true);
    // In backups/ itself, one new file: the manifest, far smaller than the first full copy's blobs.
    expect((await readdir(path.join(dir, 'backups'))).filter((n) => !backupsBefore.includes(n))).toEqual([second.name]);
    expect(second.bytes).toBeLessThan(4096);
    // And they are the blobs the new manifest names for that case's file and its history.
    const named = new Map<string, string>();
    await streamRecords(dir, second.name, null, (r) => {
      if (isBlobRef(r)) named.set(r.path, r.sha256);
    });
    const ofEdited = [...named].filter(([p]) => p.includes(ids[4]!)).map(([, sha]) => `${sha.slice(0, 2)}/${sha}.bin`);
    expect(ofEdited.sort()).toEqual(added);
    expect(first.cases).toBe(11);
    expect(second).toMatchObject({ cases: 11, trashed: 1 });
  });

  it('an incremental snapshot restores byte for byte what a full one of the same state restores', async () => {
    const { ids } = await seed(10);
    await createSnapshot(dir, { reason: 'manual', key: null, now: new Date('2026-12-01T10:00:00Z') });
    await edit(ids[2]!, 'Second edit MKRSTATE');
    const state = await folderFiles();
    const incremental = await createSnapshot(dir, { reason: 'manual', key: null, now: new Date('2026-12-01T11:00:00Z') });
    expect(lastWrite.get(path.resolve(dir))!.blobs).toBe(2);
    const full = await writeVersionTwo(new Date('2026-12-01T11:30:00Z'));

    const at = new Date('2026-12-02T09:00:00Z');
    const changeFolder = async () => {
      await edit(ids[3]!, 'After the snapshots');
      await unlink(path.join(dir, 'cases', `${ids[5]}.json`));
    };
    await changeFolder();
    await restoreSnapshot(dir, incremental.name, null, { now: at });
    const fromIncremental = await folderFiles();
    await changeFolder();
    await restoreSnapshot(dir, full, null, { now: at });
    const fromFull = await folderFiles();

    expect([...fromIncremental.keys()]).toEqual([...fromFull.keys()]);
    for (const [rel, bytes] of fromFull) expect(fromIncremental.get(rel)!.equals(bytes), rel).toBe(true);
    // And the cases are the very bytes the folder held when the snapshot was taken.
    for (const [rel, bytes] of state) if (!rel.startsWith('history/')) expect(fromIncremental.get(rel)!.equals(bytes), rel).toBe(true);
    expect(fromIncremental.get(`cases/${ids[2]}.json`)!.toString('utf8')).toContain('MKRSTATE');
  });

  it('a blob two snapshots share survives the rotation deleting one; blobs only the deleted one named go', async () => {
    const { ids } = await seed(6);
    const store = await CaseStore.open(dir);
    let olderBlob: string;
    try {
      await store.backup('manual');
      const c = await store.get(ids[0]!);
      const old = (await blobFiles()).find((b) => b.endsWith('.bin'))!;
      olderBlob = old;
      await store.update(ids[0]!, c.rev, CaseDraft.parse({ ...c, summary: 'Replaced MKRROT' }));
      await store.settled();
      // Same day, same kind: the rotation keeps the newest, so the first snapshot is deleted.
      await store.backup('manual');
    } finally {
      await store.close();
    }
    const kept = await listSnapshots(dir);
    expect(kept).toHaveLength(1);
    const content = await readSnapshot(dir, kept[0]!.name, null);
    expect(content.entries.find((e) => e.path === `cases/${ids[0]}.json`)!.text).toContain('MKRROT');
    // Every blob the survivor names is there (it reads whole and verifies), and the pool holds no other.
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
    expect(await blobFiles()).toHaveLength(content.entries.length);
    expect(olderBlob).toBeTruthy();
    const texts = await Promise.all((await blobFiles()).map((b) => readFile(path.join(blobsDir(), b), 'utf8')));
    // The case's text before the edit was named only by the deleted snapshot: gone.
    expect(texts.filter((t) => t.startsWith('{') && t.includes(ids[0]!) && t.includes('"rev"') && !t.includes('MKRROT') && !t.includes('"cause"'))).toEqual([]);
  });

  it('purging a case removes its blobs from the pool, keeps the others, and the snapshots still restore', async () => {
    const { ids } = await seed(5);
    const store = await CaseStore.open(dir);
    try {
      await store.backup('manual');
      // ids[1] is in the Trash: purge it, snapshots included.
      const report = await store.purge(ids[1]!, { snapshots: true });
      expect(report.snapshots?.rewritten).toBe(1);
    } finally {
      await store.close();
    }
    const all = await blobFiles();
    const texts = await Promise.all(all.map((b) => readFile(path.join(blobsDir(), b))));
    expect(texts.some((t) => t.includes(Buffer.from(`MKRINC1`)))).toBe(false);
    expect(texts.some((t) => t.includes(Buffer.from(`MKRINC2`)))).toBe(true);
    const [snap] = await listSnapshots(dir);
    expect(snap).toMatchObject({ cases: 4, trashed: 0 });
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
    await restoreSnapshot(dir, snap!.name, null);
    expect((await readdir(path.join(dir, 'cases'))).sort()).toEqual(ids.filter((id) => id !== ids[1]).map((id) => `${id}.json`).sort());
  });

  it('in an encrypted folder the pool holds sealed blobs only, and its snapshots restore', async () => {
    const PASS = 'correct horse battery staple 42';
    const { ids } = await seed(4);
    await encryptWithBackup(dir, PASS, FAST_KDF);
    await edit(ids[0]!, 'Sealed edit MKRSEALED', PASS);
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      await store.backup('manual');
    } finally {
      await store.close();
    }
    const files = await blobFiles();
    expect(files.length).toBeGreaterThan(4);
    for (const b of files) {
      const bytes = await readFile(path.join(blobsDir(), b));
      expect(bytes.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC), b).toBe(true);
      expect(bytes.includes(Buffer.from('MKRINC')) || bytes.includes(Buffer.from('MKRSEALED')), b).toBe(false);
    }
    for (const snap of await readdir(path.join(dir, 'backups'))) {
      if (snap.endsWith('.casefile-snapshot')) expect((await readFile(path.join(dir, 'backups', snap))).includes(Buffer.from('MKR'))).toBe(false);
    }
    const reopened = await CaseStore.open(dir, { passphrase: PASS });
    try {
      expect((await reopened.verify()).problems.filter((p) => p.file.startsWith('backups/'))).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('a version 2 snapshot (text inside) still lists, verifies, restores, and is purged as one', async () => {
    const { ids } = await seed(4);
    const name = await writeVersionTwo(new Date('2026-12-01T10:00:00Z'));
    await edit(ids[0]!, 'Changed after the old snapshot');
    expect((await listSnapshots(dir)).map((s) => s.name)).toContain(name);
    expect((await verifySnapshots(dir, null)).problems).toEqual([]);
    await restoreSnapshot(dir, name, null);
    const back = JSON.parse(await readFile(path.join(dir, 'cases', `${ids[0]}.json`), 'utf8')) as { summary?: string };
    expect(back.summary).not.toBe('Changed after the old snapshot');
    // The restore took a safety snapshot, in the new format: blobs beside it.
    expect((await blobFiles()).length).toBeGreaterThan(0);
  });

  it('a missing blob makes the snapshot that names it damaged, in the listing and in verify', async () => {
    await seed(3);
    const snap = await createSnapshot(dir, { reason: 'manual', key: null });
    const victim = (await blobFiles())[0]!;
    await writeFile(path.join(blobsDir(), victim), 'changed');
    const problems = (await verifySnapshots(dir, null)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(`backups/${snap.name}`);
    await unlink(path.join(blobsDir(), victim));
    await expect(restoreSnapshot(dir, snap.name, null)).rejects.toThrow(/damaged/);
  });
});
