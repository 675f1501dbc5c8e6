// A case deleted for good on one machine of a team, as the others see it: the purge writes a
// synced tombstone (purged/<device>.jsonl: the case id, the date, the device, nothing of the
// case), and the other machines, whose own manifests still list the case, read its absence
// as that purge, not as tampering: no finding at open, verify clean, the case gone from their
// list, search and indexes, their manifest dropping it. A case deleted elsewhere but still
// here (a device that was offline saved it again) is kept and reported, never deleted.
// Two machines are two folders kept in step by copying files as Syncthing would, skipping
// what the folder's own `.stignore` tells Syncthing to leave.
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import type { DeviceInfo } from '../../../shared/team';
import { readManifest } from '../../../electron/services/audit/manifest';
import { readTombstones } from '../../../electron/services/audit/tombstones';
import { decryptFolder, encryptFolder, openVault } from '../../../electron/services/folder/convert';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { createServices } from '../../../electron/services/handlers';
import { SYNC_IGNORE_BEGIN, SYNC_IGNORE_END } from '../../../electron/services/disk/syncIgnore';
import { tempDir } from '../../helpers/fixtures';
import { buildFolder, folderBytes, markersIn, MARK, openStore, PASS, type Built } from '../../helpers/purgeFolder';

const AIGUL: DeviceInfo = { id: 'aaaaaaaa', name: 'Айгүлдің ноутбугы' };
const SERIK: DeviceInfo = { id: 'bbbbbbbb', name: 'Office box' };
const TOMBSTONE = 'purged/aaaaaaaa.jsonl';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-tombstone-'));
});
afterEach(() => cleanup());

async function asDevice(dir: string, device: DeviceInfo): Promise<void> {
  await mkdir(path.join(dir, 'local'), { recursive: true });
  await writeFile(path.join(dir, 'local', 'device.json'), JSON.stringify(device));
}

/** Whether the folder's `.stignore` block (the app's patterns, in Syncthing's syntax) keeps `rel` off the other machines. */
async function ignoredBy(dir: string): Promise<(rel: string) => boolean> {
  const lines = (await readFile(path.join(dir, '.stignore'), 'utf8')).split('\n');
  const patterns = lines.slice(lines.indexOf(SYNC_IGNORE_BEGIN) + 1, lines.indexOf(SYNC_IGNORE_END));
  expect(patterns.length).toBeGreaterThan(5);
  return (rel) => {
    const top = rel.split('/')[0]!;
    const base = rel.split('/').at(-1)!;
    if (rel === '.stignore') return true; // Syncthing never syncs it
    return patterns.some((p) => {
      if (p === '(?d).*.tmp') return base.startsWith('.') && base.endsWith('.tmp');
      if (p.endsWith('.*')) return top.startsWith(p.slice(1, -1));
      return top === p.slice(1);
    });
  };
}

async function syncedFiles(dir: string, ignored: (rel: string) => boolean): Promise<Set<string>> {
  const out = new Set<string>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (!ignored(rel)) out.add(rel);
  }
  return out;
}

/**
 * One pass of Syncthing from `from` to `to` when only `from` changed: every synced file that
 * differs is copied, every synced file `from` no longer has is removed — except `keep`, the
 * files `to` changed itself meanwhile (Syncthing keeps a modified file over a deletion).
 */
async function syncOneWay(from: string, to: string, keep: ReadonlySet<string> = new Set()): Promise<void> {
  const ignored = await ignoredBy(from);
  const source = await syncedFiles(from, ignored);
  for (const rel of source) {
    if (keep.has(rel)) continue;
    const a = await readFile(path.join(from, rel));
    const b = await readFile(path.join(to, rel)).catch(() => null);
    if (b && a.equals(b)) continue;
    await mkdir(path.dirname(path.join(to, rel)), { recursive: true });
    await cp(path.join(from, rel), path.join(to, rel), { preserveTimestamps: true });
  }
  for (const rel of await syncedFiles(to, ignored)) if (!source.has(rel) && !keep.has(rel)) await rm(path.join(to, rel));
}

/** Folder A (device Aigul) with the case to purge and another, and B (device Serik) in step with it, opened once there so B's own manifest lists both. */
async function twoMachines(encrypted: boolean): Promise<{ a: string; b: string; built: Built }> {
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  await asDevice(a, AIGUL);
  const built = await buildFolder(a, { encrypted, snapshots: 1 });
  await asDevice(b, SERIK);
  await syncOneWay(a, b);
  const store = await openStore(b, encrypted);
  try {
    expect(store.tampered).toEqual([]);
    const services = createServices(store);
    // B's search index holds the case's words, as a machine that has worked with it does.
    await services.search.warm();
    await services.search.save();
    expect((await services.handlers['search.query']({ query: 'MKR-SUMMARY-51a', limit: 50 }, {})).map((h) => h.id)).toEqual([built.target]);
  } finally {
    await store.close();
  }
  expect((await readManifest(b, encrypted ? await openVault(b, PASS) : null)).items.has(built.target)).toBe(true);
  return { a, b, built };
}

async function purgeOn(dir: string, encrypted: boolean, id: string, trashed = false): Promise<void> {
  const store = await openStore(dir, encrypted);
  try {
    const { handlers } = createServices(store);
    if (!trashed) await handlers['cases.trash']({ id }, {});
    await handlers['trash.purge']({ id, snapshots: true }, {});
  } finally {
    await store.close();
  }
}

const openB = (b: string, encrypted: boolean) => openStore(b, encrypted);

for (const encrypted of [false, true]) {
  describe(encrypted ? 'encrypted folder' : 'plain folder', () => {
    it('purged on A, the deletions and the tombstone synced to B: B opens with no finding, verify is clean, the case is gone from its list, search, indexes and manifest', async () => {
      const { a, b, built } = await twoMachines(encrypted);
      await purgeOn(a, encrypted, built.target);
      await syncOneWay(a, b);

      // The tombstone names the case's id, the date and the device, and nothing else of the case.
      const raw = await readFile(path.join(b, TOMBSTONE));
      expect(markersIn(new Map([[TOMBSTONE, raw]]))).toEqual([]);
      if (encrypted) {
        // Sealed like a history line: not even the id or the device's name shows.
        for (const clear of [built.target, AIGUL.name, 'caseId']) expect(raw.includes(Buffer.from(clear))).toBe(false);
      } else {
        const lines = raw.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(lines).toHaveLength(1);
        expect(Object.keys(lines[0]!).sort()).toEqual(['at', 'caseId', 'deviceId', 'deviceName']);
        expect(lines[0]).toMatchObject({ caseId: built.target, deviceId: AIGUL.id, deviceName: AIGUL.name });
      }

      const store = await openB(b, encrypted);
      try {
        expect(store.tampered).toEqual([]);
        const services = createServices(store);
        expect((await services.handlers['cases.list']({}, {})).map((c) => c.id)).toEqual([built.other]);
        expect(await services.handlers['trash.list']({}, {})).toEqual([]);
        await services.search.warm();
        expect(await services.handlers['search.query']({ query: 'MKR-SUMMARY-51a', limit: 50 }, {})).toEqual([]);
        const verify = await store.verify();
        expect(verify.problems).toEqual([]);
        expect(verify.warnings).toEqual([]);
        await services.search.save();
      } finally {
        await store.close();
      }
      // B's manifest dropped the case with a line like the purge's own: its next open has nothing to settle.
      const manifest = await readManifest(b, encrypted ? await openVault(b, PASS) : null);
      expect(manifest.items.has(built.target)).toBe(false);
      expect(manifest.items.has(built.other)).toBe(true);
      expect(manifest.faults).toEqual([]);
      if (!encrypted) {
        expect((await readFile(path.join(b, 'manifest.jsonl'), 'utf8')).trim().split('\n').at(-1)).toContain(`"removed":["${built.target}"]`);
        // Nothing of the case is left in any of B's files, its indexes included.
        expect(markersIn(await folderBytes(b)).filter((m) => !m.includes(' in backups/'))).toEqual([]);
      }
      const again = await openB(b, encrypted);
      expect(again.tampered).toEqual([]);
      await again.close();
    });

    it('without the tombstone the same absence is still tampering on B (the check reads the tombstone, nothing else); once it arrives, the next open is clean', async () => {
      const { a, b, built } = await twoMachines(encrypted);
      await purgeOn(a, encrypted, built.target);
      await syncOneWay(a, b);
      await rm(path.join(b, 'purged'), { recursive: true });
      const store = await openB(b, encrypted);
      try {
        expect(store.tampered.map((f) => [f.caseId, f.verdict])).toEqual([[built.target, 'deleted']]);
        expect((await store.verify()).problems.map((p) => p.message).join('\n')).toContain(`deleted: case ${built.target}`);
      } finally {
        await store.close();
      }
      // The tombstone arriving after the deletions (Syncthing keeps no order between files): the next open is clean.
      await syncOneWay(a, b);
      const later = await openB(b, encrypted);
      try {
        expect(later.tampered).toEqual([]);
        expect((await later.verify()).problems).toEqual([]);
      } finally {
        await later.close();
      }
    });

    it('the tombstone arriving before the deletions: B keeps the case and says it is still here, then reads the purge once the rest arrives', async () => {
      const { a, b, built } = await twoMachines(encrypted);
      await purgeOn(a, encrypted, built.target);
      await mkdir(path.join(b, 'purged'), { recursive: true });
      await cp(path.join(a, TOMBSTONE), path.join(b, TOMBSTONE));
      let store = await openB(b, encrypted);
      try {
        expect(store.tampered).toEqual([]);
        expect((await store.get(built.target)).title).toBe(MARK.title);
        const verify = await store.verify();
        expect(verify.problems).toEqual([]);
        expect(verify.warnings.map((w) => w.message)).toEqual([expect.stringContaining('still here: sync has not removed it yet')]);
      } finally {
        await store.close();
      }
      await syncOneWay(a, b);
      store = await openB(b, encrypted);
      try {
        expect(store.tampered).toEqual([]);
        expect(store.list().map((c) => c.id)).toEqual([built.other]);
        expect((await store.verify()).warnings).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('deleted for good on A, but B (offline) had taken it out of the Trash and saved it: B keeps it and verify says so plainly; back on A it is kept and reported too', async () => {
      const { a, b, built } = await twoMachines(encrypted);
      let store = await openStore(a, encrypted);
      await createServices(store).handlers['cases.trash']({ id: built.target }, {});
      await store.close();
      await syncOneWay(a, b);
      // B, offline, puts the case back and saves it.
      store = await openB(b, encrypted);
      const { handlers } = createServices(store);
      await handlers['cases.restore']({ id: built.target }, {});
      const back: CaseFile = await store.get(built.target);
      await store.update(back.id, back.rev, CaseDraft.parse({ ...back, summary: 'B kept working on it' }));
      await store.close();
      const changedOnB = new Set([`cases/${built.target}.json`, `history/${built.target}.${SERIK.id}.jsonl`]);
      for (const rel of changedOnB) expect((await stat(path.join(b, rel))).isFile()).toBe(true);
      // A purges its trashed copy; sync brings B the deletions and the tombstone, but B's changed files stay (modified beats deleted).
      await purgeOn(a, encrypted, built.target, true);
      await syncOneWay(a, b, changedOnB);

      store = await openB(b, encrypted);
      try {
        expect(store.tampered).toEqual([]);
        expect((await store.get(built.target)).summary).toBe('B kept working on it');
        const verify = await store.verify();
        const still = verify.warnings.filter((w) => w.message.includes('still here'));
        expect(still).toHaveLength(1);
        expect(still[0]!.file).toBe(`cases/${built.target}.json`);
        expect(still[0]!.message).toContain(`deleted for good on the device "${AIGUL.name}" (${AIGUL.id})`);
        expect(still[0]!.message).toContain('Casefile keeps it');
        // Not tampering; what A removed with it is said as it is: the original only it used is gone.
        expect(verify.problems.map((p) => p.file)).toEqual([`files/${built.onlySha.slice(0, 2)}/${built.onlySha}.bin`]);
      } finally {
        await store.close();
      }
      expect((await stat(path.join(b, `cases/${built.target}.json`))).isFile()).toBe(true);

      // Syncthing then carries B's copy back to A: A keeps it too and says the same.
      await syncOneWay(b, a);
      store = await openStore(a, encrypted);
      try {
        expect(store.tampered).toEqual([]);
        expect((await store.get(built.target)).summary).toBe('B kept working on it');
        expect((await store.verify()).warnings.filter((w) => w.message.includes('still here'))).toHaveLength(1);
      } finally {
        await store.close();
      }
    });
  });
}

describe('conversions', () => {
  it('decrypting the folder opens the tombstone, encrypting seals it again under its own name; each time it reads back', async () => {
    const { a, built } = await twoMachines(true);
    await purgeOn(a, true, built.target);
    const sealedFirst = await readFile(path.join(a, TOMBSTONE));
    expect(sealedFirst.includes(Buffer.from(built.target))).toBe(false);
    await decryptFolder(a, PASS);
    const plain = await readFile(path.join(a, TOMBSTONE));
    expect(JSON.parse(plain.toString('utf8'))).toMatchObject({ caseId: built.target, deviceId: AIGUL.id, deviceName: AIGUL.name });
    expect([...(await readTombstones(a, null)).keys()]).toEqual([built.target]);
    await encryptFolder(a, PASS, FAST_KDF);
    const sealed = await readFile(path.join(a, TOMBSTONE));
    for (const clear of [built.target, AIGUL.name, 'caseId']) expect(sealed.includes(Buffer.from(clear))).toBe(false);
    expect([...(await readTombstones(a, await openVault(a, PASS))).keys()]).toEqual([built.target]);
    // Bound to its own name: under another device's file name it does not open.
    await cp(path.join(a, TOMBSTONE), path.join(a, 'purged/cccccccc.jsonl'));
    expect((await readTombstones(a, await openVault(a, PASS))).get(built.target)?.deviceId).toBe(AIGUL.id);
    await rm(path.join(a, TOMBSTONE));
    expect((await readTombstones(a, await openVault(a, PASS))).size).toBe(0);
    await rm(path.join(a, 'purged/cccccccc.jsonl'));
    const store = await openStore(a, true);
    try {
      expect(store.tampered).toEqual([]);
      expect((await store.verify()).problems).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
