import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEncryptedBytes } from '../../../electron/services/crypto';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { createSnapshot, listSnapshots, restoreSnapshot } from '../../../electron/services/backup';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { v1ToV2 } from '../../../electron/services/store/migrations/v1ToV2';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';
import { v1Full, v1Ngo, v1Prisoner, writeV1Folder, type V1Case } from '../../helpers/v1Folder';
import { ownHistoryFile } from '../../helpers/deviceHistory';

// A version-1 data folder opened by this build: migrated at open (a snapshot first),
// every case once in its history, tamper evidence and `verify` clean — plain and
// encrypted; refused, unchanged, by a build that reads only layout 1; a snapshot from
// before the migration restored comes back migrated; a case that does not convert is
// quarantined, never lost.

const PASS = 'құпия сөз — migration test';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-migration-')));
afterEach(() => cleanup());

const CASES: V1Case[] = [
  v1Full('full'),
  v1Ngo('ngo'),
  v1Prisoner('admin-arrest', { sentence: { type: 'prison', months: 0.33, verdictDate: '2021-02-09' }, person: { name: 'Байболат Күнболатұлы', aliases: [], birthYear: 1985 } }),
  v1Prisoner('placeholder', { charges: [{ article: '(not stated)', code: 'Administrative Code' }] }),
];
const TRASHED: V1Case[] = [v1Prisoner('trashed', { sentence: { type: 'suspended', months: 24 } })];

/** Every file under `root` (relative path → bytes), the lock file aside. */
async function filesOf(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name));
    out.set(rel, await readFile(path.join(root, rel)));
  }
  return out;
}

async function expectMigrated(store: CaseStore): Promise<void> {
  expect(store.schemaVersion).toBe(2);
  expect(store.quarantinedNow).toEqual([]);
  expect(store.tampered).toEqual([]);
  for (const raw of [...CASES, ...TRASHED]) {
    const history = await store.history(raw.id);
    expect(history.filter((e) => e.cause === 'migrate')).toHaveLength(1);
    expect(history.at(-1)).toMatchObject({ cause: 'migrate', rev: raw.rev + 1 });
  }
  const full = await store.get('full');
  expect(full.rev).toBe(4);
  if (full.kind !== 'political_prisoner') throw new Error('kind');
  expect(full.decisions[0]!.penalty!.term).toEqual({ months: 6, days: 15 });
  expect(full.person.born).toEqual({ date: '1975' });
  const arrest = await store.get('admin-arrest');
  if (arrest.kind !== 'political_prisoner') throw new Error('kind');
  expect(arrest.decisions).toEqual([{ id: 'v1-sentence', stage: 'verdict', date: '2021-02-09', penalty: { type: 'prison', term: { days: 10 } } }]);
  expect(store.list().map((c) => c.id).sort()).toEqual(CASES.map((c) => c.id).sort());
  expect((await store.listTrash()).map((t) => t.id)).toEqual(['trashed']);
  const report = await store.verify();
  expect(report.problems).toEqual([]);
  expect(report.warnings).toEqual([]);
}

describe('a version-1 folder at open', () => {
  it('is migrated after a snapshot of it as it was; reopened, nothing is migrated twice', async () => {
    await writeV1Folder(dir, CASES, { trash: TRASHED });
    const v1Bytes = await readFile(path.join(dir, 'cases', 'full.json'), 'utf8');
    const store = await CaseStore.open(dir);
    try {
      await expectMigrated(store);
    } finally {
      await store.close();
    }
    const meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ format: 'casefile-data', schemaVersion: 2 });
    expect(typeof meta.migratedAt).toBe('string');
    expect((await readdir(dir)).includes('migration.json')).toBe(false);
    const snapshots = await listSnapshots(dir);
    expect(snapshots.map((s) => s.reason)).toEqual(['before-migration']);
    expect(snapshots[0]).toMatchObject({ cases: CASES.length, trashed: TRASHED.length });
    // The file on disk is version 2, in the store's own form.
    const onDisk = JSON.parse(await readFile(path.join(dir, 'cases', 'full.json'), 'utf8'));
    expect(onDisk.sentence).toBeUndefined();
    expect(onDisk.rev).toBe(4);
    expect(v1Bytes).toContain('"sentence"');

    const again = await CaseStore.open(dir);
    try {
      await expectMigrated(again);
    } finally {
      await again.close();
    }
  });

  it('encrypted: migrated under the folder key, every case file still sealed, verify clean', async () => {
    await writeV1Folder(dir, CASES, { trash: TRASHED });
    await encryptFolder(dir, PASS, FAST_KDF);
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      await expectMigrated(store);
    } finally {
      await store.close();
    }
    for (const sub of ['cases', 'trash']) {
      for (const name of await readdir(path.join(dir, sub))) {
        const bytes = await readFile(path.join(dir, sub, name));
        expect(isEncryptedBytes(bytes)).toBe(true);
        expect(bytes.includes(Buffer.from('Кенжебек'))).toBe(false);
      }
    }
    for (const line of (await readFile(ownHistoryFile(dir, 'full'), 'utf8')).trim().split('\n')) expect(line.startsWith('CFSEAL:')).toBe(true);
  });

  it('a build that reads only layout 1 refuses the migrated folder, saying a newer Casefile wrote it, and changes nothing', async () => {
    await writeV1Folder(dir, CASES, { trash: TRASHED });
    await (await CaseStore.open(dir)).close();
    const before = await filesOf(dir);
    await expect(CaseStore.open(dir, { schemaVersion: 1, migrations: [] })).rejects.toThrow(/written by a newer Casefile \(layout 2; this one reads up to 1\)\. Update Casefile; nothing was changed\./);
    expect(await filesOf(dir)).toEqual(before);
  });

  it('a migration cut short leaves the folder raised to layout 2 with its journal: an older build refuses it, the next open finishes it', async () => {
    await writeV1Folder(dir, CASES, { trash: TRASHED });
    // The real step, stopped after it has converted the first cases (as a crash would stop it).
    let converted = 0;
    const cut = {
      ...v1ToV2,
      up: (ctx: Parameters<typeof v1ToV2.up>[0]) =>
        v1ToV2.up({
          ...ctx,
          now: () => {
            if (++converted > 2) throw new Error('power cut');
            return new Date().toISOString();
          },
        }),
    };
    await expect(CaseStore.open(dir, { migrations: [cut] })).rejects.toThrow('power cut');
    expect(JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')).schemaVersion).toBe(2);
    expect(JSON.parse(await readFile(path.join(dir, 'migration.json'), 'utf8'))).toEqual({ format: 'casefile-migration', from: 1, to: 2 });
    const half = await filesOf(dir);
    await expect(CaseStore.open(dir, { schemaVersion: 1, migrations: [] })).rejects.toThrow(/written by a newer Casefile/);
    expect(await filesOf(dir)).toEqual(half);

    const store = await CaseStore.open(dir);
    try {
      await expectMigrated(store);
    } finally {
      await store.close();
    }
    expect((await readdir(dir)).includes('migration.json')).toBe(false);
    // Only the first open took a snapshot: the one of the folder as it was.
    expect((await listSnapshots(dir)).map((s) => s.reason)).toEqual(['before-migration']);
  });

  it('the snapshot taken before the migration, restored, comes back migrated on the next open', async () => {
    await writeV1Folder(dir, CASES, { trash: TRASHED });
    const first = await CaseStore.open(dir);
    const edited = await first.get('ngo');
    const { id: _i, rev: _r, createdAt: _c, updatedAt: _u, ...draft } = edited;
    await first.update('ngo', edited.rev, { ...draft, summary: 'Edited after the migration.' } as never);
    const { lock, dataKey } = await first.detach();
    const name = (await listSnapshots(dir)).find((s) => s.reason === 'before-migration')!.name;
    await restoreSnapshot(dir, name, dataKey);
    expect(JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')).schemaVersion).toBe(1);
    expect(await readFile(path.join(dir, 'cases', 'full.json'), 'utf8')).toContain('"sentence"');
    const store = await CaseStore.open(dir, { held: { lock, dataKey } });
    try {
      expect(store.schemaVersion).toBe(2);
      expect(store.tampered).toEqual([]);
      const full = await store.get('full');
      if (full.kind !== 'political_prisoner') throw new Error('kind');
      expect(full.decisions).toHaveLength(1);
      // The snapshot's state: the edit made after the migration is not in it.
      expect((await store.get('ngo')).summary).toBe('Suspended for three months.');
      for (const raw of [...CASES, ...TRASHED]) {
        const history = await store.history(raw.id);
        expect(history.at(-2)?.cause).toBe('backup-restore');
        expect(history.at(-1)).toMatchObject({ cause: 'migrate', rev: raw.rev + 1 });
      }
      const report = await store.verify();
      expect(report.problems).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('a case whose version-1 fields do not convert is quarantined unchanged, its note naming the path; the rest migrate', async () => {
    const bad = v1Prisoner('bad-sentence', { sentence: { type: 'prison', months: -2 } });
    await writeV1Folder(dir, [...CASES, bad], { trash: TRASHED });
    const original = await readFile(path.join(dir, 'cases', 'bad-sentence.json'));
    const store = await CaseStore.open(dir);
    try {
      const quarantined = await store.listQuarantine();
      expect(quarantined).toHaveLength(1);
      expect(quarantined[0]!.file).toMatch(/^quarantine\/.*--cases--bad-sentence\.json$/);
      expect(quarantined[0]!.reason).toMatch(/^cases\/bad-sentence\.json: this version-1 case could not be brought to version 2: sentence\.months: /);
      expect(await readFile(path.join(dir, quarantined[0]!.file))).toEqual(original);
      expect(store.has('bad-sentence')).toBe(false);
      expect(store.tampered).toEqual([]);
      const report = await store.verify();
      // The quarantined file is reported, as every quarantined file is; nothing else.
      expect(report.problems.map((p) => p.file)).toEqual([quarantined[0]!.file]);
    } finally {
      await store.close();
    }
  });

  it('a quarantine a crash cut short (the copy made, the original not yet removed) is finished, not made twice', async () => {
    const bad = v1Prisoner('bad-sentence', { sentence: { type: 'prison', months: -2 } });
    await writeV1Folder(dir, [...CASES, bad], { trash: TRASHED });
    const original = await readFile(path.join(dir, 'cases', 'bad-sentence.json'));
    const earlier = path.join(dir, 'quarantine', '2026-01-01T00-00-00-000Z--cases--bad-sentence.json');
    await writeFile(earlier, original);
    const store = await CaseStore.open(dir);
    try {
      const quarantined = await store.listQuarantine();
      expect(quarantined.map((q) => q.file)).toEqual(['quarantine/2026-01-01T00-00-00-000Z--cases--bad-sentence.json']);
      expect(quarantined[0]!.reason).toMatch(/^cases\/bad-sentence\.json: this version-1 case could not be brought to version 2: sentence\.months: /);
      expect(await readdir(path.join(dir, 'cases'))).not.toContain('bad-sentence.json');
    } finally {
      await store.close();
    }
  });

  it('recover: a case quarantined later is replaced by its version-1 copy from an old snapshot, converted', async () => {
    await writeV1Folder(dir, CASES, { trash: TRASHED });
    await createSnapshot(dir, { reason: 'manual', key: null });
    // Damaged before the migration: the migration passes it over and the open quarantines it.
    await writeFile(path.join(dir, 'cases', 'admin-arrest.json'), '{"id": "admin-arr');
    const store = await CaseStore.open(dir);
    try {
      const [q] = await store.listQuarantine();
      expect(q!.file).toMatch(/--cases--admin-arrest\.json$/);
      const { case: recovered } = await store.recoverQuarantined(q!.file);
      if (recovered.kind !== 'political_prisoner') throw new Error('kind');
      expect(recovered.decisions).toEqual([{ id: 'v1-sentence', stage: 'verdict', date: '2021-02-09', penalty: { type: 'prison', term: { days: 10 } } }]);
      expect(recovered.person.born).toEqual({ date: '1985' });
      expect(await store.get('admin-arrest')).toEqual(recovered);
      const report = await store.verify();
      expect(report.problems).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
