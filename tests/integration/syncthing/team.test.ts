// Casefile on a team's Syncthing, with the real engine: two (and for one test three)
// instances on 127.0.0.1, a data folder shared between them, Casefile driven through
// its service layer on each side. Needs Debian's `syncthing` (.ci/run installs it).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseFile } from '../../../shared/model';
import type { SyncStatus } from '../../../shared/team';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { createHandlers } from '../../../electron/services/handlers';
import { buildDataFolder, FAST_KDF, markersFound, MARKERS, snapshot } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import {
  dbStatus,
  ensureStignore,
  killSyncthing,
  pairAll,
  rest,
  restartSyncthing,
  scan,
  setOptions,
  setPaused,
  shareFolder,
  startSyncthings,
  stopSyncthings,
  syncthingAvailable,
  untilConnected,
  untilInSync,
  waitFor,
  type Instance,
} from '../../helpers/syncthing';

const PASS = 'correct horse — тұлпар — battery';

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

type Side = { store: CaseStore; dispatch: Dispatch; dir: string };

async function openSide(dir: string, passphrase?: string): Promise<Side> {
  const store = await CaseStore.open(dir, passphrase === undefined ? {} : { passphrase });
  return { store, dir, dispatch: createDispatcher(createHandlers(store)) };
}

/** Every file under `dir` (relative names), Syncthing's own markers left out. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).filter((rel) => !rel.startsWith('.st'));
}

async function caseFilesIn(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, 'cases')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
}

describe('a data folder shared through Syncthing', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let A: Instance;
  let B: Instance;
  const instances: Instance[] = [];
  const stores: CaseStore[] = [];

  beforeAll(async () => {
    expect(syncthingAvailable(), 'syncthing is not installed: `apt-get install syncthing` (.ci/run does it)').toBe(true);
    ({ dir: root, cleanup } = await tempDir('casefile-syncthing-'));
    instances.push(...(await startSyncthings(root, ['a', 'b'])));
    [A, B] = instances as [Instance, Instance];
    await pairAll([A, B]);
    await untilConnected([A, B]);
  });

  afterAll(async () => {
    for (const store of stores) await store.close().catch(() => undefined);
    await stopSyncthings(instances);
    // KEEP_SYNCTHING=1 keeps the homes and logs for a look after a failure.
    if (!process.env.KEEP_SYNCTHING) await cleanup?.();
  });

  async function side(dir: string, passphrase?: string): Promise<Side> {
    const s = await openSide(dir, passphrase);
    stores.push(s.store);
    return s;
  }

  /** The Casefile side talks to its machine's Syncthing as a user would set it: the config.xml path in Settings → Team. */
  async function pointAt(s: Side, inst: Instance): Promise<SyncStatus> {
    return ok(s.dispatch('team.setSyncthing', { configPath: path.join(inst.home, 'config.xml') }));
  }

  it('team.syncStatus says so when no Syncthing is found, without failing', async () => {
    const s = await side(path.join(root, 'alone'));
    const status = await ok(s.dispatch('team.setSyncthing', { configPath: path.join(root, 'nowhere', 'config.xml') }));
    expect(status.state).toBe('not_found');
    expect(status.message).toMatch(/No Syncthing config\.xml/);
    const silent = await ok(s.dispatch('team.setSyncthing', { address: '127.0.0.1:1', apiKey: 'nothing-listens' }));
    expect(silent.state).toBe('not_running');
    // Machine-local: kept in local/ (never synced, never converted), as typed.
    expect(JSON.parse(await readFile(path.join(root, 'alone', 'local', 'syncthing.json'), 'utf8'))).toEqual({ address: '127.0.0.1:1', apiKey: 'nothing-listens' });
    const refused = await ok(s.dispatch('team.setSyncthing', { address: `127.0.0.1:${A.gui}`, apiKey: 'not-the-key' }));
    expect(refused).toMatchObject({ state: 'refused', message: expect.stringMatching(/API key/) });
    const shareRefused = await s.dispatch('team.shareFolder', { devices: [] });
    expect(shareRefused).toMatchObject({ ok: false, error: { code: 'bad_input', message: expect.stringMatching(/nothing was changed/) } });
    expect(await rest<unknown[]>(A, 'config/folders')).toEqual([]);
    await s.store.close();
  });

  it('team.shareFolder adds the folder on A; a case A creates arrives on B; the status reports not shared → syncing → up to date with the peer', async () => {
    const dirA = path.join(root, 'share-a');
    const dirB = path.join(root, 'share-b');
    const a = await side(dirA);
    await ensureStignore(dirA);
    const before = await pointAt(a, A);
    expect(before.state).toBe('not_shared');
    expect(before.thisDevice).toBe(A.id);
    const folderId = before.folderId!;
    expect(folderId).toMatch(/^casefile-[a-z2-7]{10}$/);

    const created = await ok(a.dispatch('cases.create', { case: prisonerDraft({ title: 'Shared from A — Әбішев' }) }));
    const evidence = randomBytes(600 * 1024).toString('hex').slice(0, 900 * 1024);
    await ok(a.dispatch('sources.intake', { fileName: 'evidence.txt', dataBase64: Buffer.from(evidence).toString('base64') }));
    // B makes the folder ready first, as a user does who pastes the folder id into Syncthing on the second laptop, with its
    // bandwidth held low so the sync can be seen under way (Syncthing 1.19 takes up an earlier offer only a minute later).
    await mkdir(dirB, { recursive: true });
    await ensureStignore(dirB);
    await setOptions(B, { maxRecvKbps: 64 });
    await shareFolder(folderId, [{ inst: B, dir: dirB, peers: [A] }]);
    const shared = await ok(a.dispatch('team.shareFolder', { devices: [{ id: B.id.toLowerCase(), name: 'b' }] }));
    expect(shared.folderId).toBe(folderId);
    expect(['syncing', 'up_to_date']).toContain(shared.state);
    const config = await rest<{ id: string; label: string; path: string; versioning: { type: string }; devices: { deviceID: string }[] }>(A, `config/folders/${folderId}`);
    expect(config).toMatchObject({ id: folderId, label: 'Casefile', path: path.resolve(dirA), versioning: { type: '' } });
    expect(config.devices.map((d) => d.deviceID).sort()).toEqual([A.id, B.id].sort());
    // Asking again changes nothing (B is in it already).
    await ok(a.dispatch('team.shareFolder', { devices: [{ id: B.id }] }));
    expect((await rest<{ devices: unknown[] }>(A, `config/folders/${folderId}`)).devices).toHaveLength(2);

    const syncing = await waitFor('A to report the folder syncing with bytes left', async () => {
      const s = await ok(a.dispatch('team.syncStatus', {}));
      return s.state === 'syncing' && s.needBytes > 0 ? s : null;
    }, 60_000, 200);
    expect(syncing.peers.map((p) => p.id)).toEqual([B.id]);
    await setOptions(B, { maxRecvKbps: 0 });

    await untilInSync(A, B, folderId);
    const upToDate = await waitFor('A to report the folder up to date', async () => {
      const s = await ok(a.dispatch('team.syncStatus', {}));
      return s.state === 'up_to_date' ? s : null;
    });
    expect(upToDate.peers).toEqual([expect.objectContaining({ id: B.id, name: 'b', connected: true, encrypted: false, completion: 100 })]);
    expect(upToDate.peers[0]!.lastSeen).toBeDefined();

    // Opened here after the sync; an open store following another device's writes live is tests/unit/team/liveChanges.test.ts.
    const b = await side(dirB);
    const listed = await ok(b.dispatch('cases.list', {}));
    expect(listed.map((c) => c.id)).toContain(created.id);
    expect((await ok(b.dispatch('cases.get', { id: created.id }))).title).toBe('Shared from A — Әбішев');
    const bStatus = await pointAt(b, B);
    expect(bStatus).toMatchObject({ state: 'up_to_date', folderId, thisDevice: B.id });
  });

  it('both edit the same case while the folder is paused on B: a sync-conflict copy appears, is settled through conflicts.resolve, and both devices read one history holding both edits and the lost version', async () => {
    const folderId = 'casefile-conflict';
    const dirA = path.join(root, 'conflict-a');
    const dirB = path.join(root, 'conflict-b');
    const a = await side(dirA);
    await ensureStignore(dirA);
    await mkdir(dirB, { recursive: true });
    await ensureStignore(dirB);
    const created = await ok(a.dispatch('cases.create', { case: prisonerDraft({ title: 'Both edit this' }) }));
    await shareFolder(folderId, [{ inst: A, dir: dirA }, { inst: B, dir: dirB }]);
    await untilInSync(A, B, folderId);
    await waitFor('the case on B', async () => (await caseFilesIn(dirB)).length === 1);
    const b = await side(dirB);

    await setPaused(B, folderId, true);
    expect(await pointAt(b, B)).toMatchObject({ state: 'paused', folderId, peers: [expect.objectContaining({ id: A.id })] });
    await ok(a.dispatch('cases.update', { id: created.id, baseRev: created.rev, case: { ...prisonerDraft(), title: 'A version — Алматы' } }));
    await ok(b.dispatch('cases.update', { id: created.id, baseRev: created.rev, case: { ...prisonerDraft(), title: 'B version — Астана' } }));
    await scan(A, folderId);
    await setPaused(B, folderId, false);

    const conflictOn = async (dir: string) => (await readdir(path.join(dir, 'cases'))).filter((n) => /\.sync-conflict-\d{8}-\d{6}-[A-Z2-7]{7}\.json$/.test(n));
    const where = await waitFor('a sync-conflict copy of the case file on A or B', async () => {
      for (const dir of [dirA, dirB]) if ((await conflictOn(dir)).length > 0) return dir;
      return null;
    });
    await untilInSync(A, B, folderId);
    await untilInSync(B, A, folderId);
    const conflictName = (await conflictOn(where))[0]!;
    const titles = [];
    for (const name of [`${created.id}.json`, conflictName]) {
      const parsed = CaseFile.safeParse(JSON.parse(await readFile(path.join(where, 'cases', name), 'utf8')));
      expect(parsed.success, `${name} is a valid case file`).toBe(true);
      titles.push(parsed.data!.title);
    }
    expect(titles.sort()).toEqual(['A version — Алматы', 'B version — Астана']);
    const status = await ok(a.dispatch('team.setSyncthing', { configPath: path.join(A.home, 'config.xml') }));
    if (where === dirA) expect(status.conflicts).toBeGreaterThanOrEqual(1);

    // Settled where the copy is, keeping this side: the version lost goes whole into the case's history,
    // the copy is removed after the save, and the removal and the new revision reach the other side.
    const here = where === dirA ? a : b;
    const there = where === dirA ? b : a;
    const listed = await ok(here.dispatch('conflicts.list', {}));
    const conflict = listed.find((c) => c.file === `cases/${conflictName}`);
    expect(conflict).toMatchObject({ kind: 'case', caseId: created.id, valid: true });
    const kept = (await ok(here.dispatch('cases.get', { id: created.id }))).title;
    const lost = titles.find((t) => t !== kept)!;
    const resolved = await ok(here.dispatch('conflicts.resolve', { file: `cases/${conflictName}`, keep: 'current' }));
    expect(resolved.rev).toBeGreaterThan(created.rev + 1);
    expect(await conflictOn(where)).toEqual([]);
    await scan(where === dirA ? A : B, folderId);
    const otherDir = where === dirA ? dirB : dirA;
    await waitFor('the copy removed and the settled revision on the other side', async () => {
      if ((await conflictOn(otherDir)).length > 0) return false;
      const onDisk = CaseFile.safeParse(JSON.parse(await readFile(path.join(otherDir, 'cases', `${created.id}.json`), 'utf8')));
      return onDisk.success && onDisk.data.rev === resolved.rev;
    });
    await waitFor('every history file on the other side', async () => (await readdir(path.join(otherDir, 'history'))).filter((n) => n.startsWith(`${created.id}.`)).length >= 2);
    await untilInSync(A, B, folderId);
    await untilInSync(B, A, folderId);

    // The other side reads one history of the case, merged from both devices' files: both edits, and the settlement holding the lost version.
    await there.store.close();
    const reopened = await side(otherDir);
    expect((await ok(reopened.dispatch('cases.get', { id: created.id }))).title).toBe(kept);
    const history = await ok(reopened.dispatch('cases.history', { id: created.id }));
    const updates = history.filter((e) => e.cause === 'update');
    expect(updates).toHaveLength(2);
    expect(new Set(updates.map((e) => e.device?.id)).size).toBe(2);
    const settled = history.find((e) => e.cause === 'sync-conflict');
    expect(settled?.rev).toBe(resolved.rev);
    expect(JSON.stringify(settled?.syncConflict?.lost)).toContain(lost);
    expect(await ok(reopened.dispatch('conflicts.list', {}))).toEqual([]);
  });

  it('an encrypted folder syncs with no plaintext byte on B and opens there with the passphrase', async () => {
    const folderId = 'casefile-encrypted';
    const dirA = path.join(root, 'enc-a');
    const dirB = path.join(root, 'enc-b');
    const ids = await buildDataFolder(dirA, 1);
    await encryptFolder(dirA, PASS, FAST_KDF);
    await ensureStignore(dirA);
    await mkdir(dirB, { recursive: true });
    await ensureStignore(dirB);
    await shareFolder(folderId, [{ inst: A, dir: dirA }, { inst: B, dir: dirB }]);
    await untilInSync(A, B, folderId);
    await waitFor('every case file of A on B', async () => (await caseFilesIn(dirB)).length === (await caseFilesIn(dirA)).length);

    const raw = await snapshot(dirB);
    expect(raw.size).toBeGreaterThan(3);
    expect(markersFound(raw)).toEqual([]);
    const b = await side(dirB, PASS);
    const listed = await ok(b.dispatch('cases.list', {}));
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining(ids.slice(0, 2)));
    expect(JSON.stringify(await ok(b.dispatch('cases.get', { id: ids[0]! })))).toContain(MARKERS.name);
    await b.store.close();
    await expect(CaseStore.open(dirB)).rejects.toMatchObject({ code: 'encrypted' });
  });

  it('a case deleted for good on A: Syncthing removes it on B and carries the tombstone; B opens with no tampering, verify clean, the case gone from its list', async () => {
    const folderId = 'casefile-purge';
    const dirA = path.join(root, 'purge-a');
    const dirB = path.join(root, 'purge-b');
    const a = await side(dirA);
    await ensureStignore(dirA);
    await mkdir(dirB, { recursive: true });
    await ensureStignore(dirB);
    const target = await ok(a.dispatch('cases.create', { case: prisonerDraft({ title: 'To be deleted for good — Әбішев' }) }));
    const other = await ok(a.dispatch('cases.create', { case: prisonerDraft({ title: 'Stays' }) }));
    await shareFolder(folderId, [{ inst: A, dir: dirA }, { inst: B, dir: dirB }]);
    await untilInSync(A, B, folderId);
    await waitFor('both cases on B', async () => (await caseFilesIn(dirB)).length === 2);
    // B opens the folder once, so its own manifest lists the case.
    let b = await side(dirB);
    expect(b.store.tampered).toEqual([]);
    await b.store.close();

    await ok(a.dispatch('cases.trash', { id: target.id }));
    await ok(a.dispatch('trash.purge', { id: target.id }));
    await scan(A, folderId);
    await untilInSync(A, B, folderId);
    const tombstone = await waitFor('the case gone from B and the tombstone there', async () => {
      const gone = !(await filesUnder(dirB)).some((rel) => rel.includes(target.id) && !rel.startsWith('purged'));
      const names = await readdir(path.join(dirB, 'purged')).catch(() => [] as string[]);
      return gone && names.length === 1 ? names[0]! : null;
    });
    expect(tombstone).toMatch(/^[a-z2-7]{8}\.jsonl$/);
    expect(await readFile(path.join(dirB, 'purged', tombstone), 'utf8')).not.toContain('Әбішев');

    b = await side(dirB);
    expect(b.store.tampered).toEqual([]);
    expect((await ok(b.dispatch('cases.list', {}))).map((c) => c.id)).toEqual([other.id]);
    const verify = await b.store.verify();
    expect(verify.problems).toEqual([]);
    expect(verify.warnings).toEqual([]);
    await b.store.close();
  });

  it('an untrusted office box receives only ciphertext: no case file name, no marker', async () => {
    const [C] = await startSyncthings(path.join(root, 'third'), ['c']);
    instances.push(C!);
    // A and B know C as untrusted; C knows them as ordinary devices.
    const trio = [A, B, C!];
    for (const x of trio) {
      for (const y of trio) {
        if (x === y) continue;
        const known = await rest<{ deviceID: string }[]>(x, 'config/devices');
        if (!known.some((d) => d.deviceID === y.id)) await rest(x, 'config/devices', 'POST', { deviceID: y.id, name: y.name, addresses: [`tcp://127.0.0.1:${y.listen}`], untrusted: y === C });
      }
    }
    await untilConnected(trio);
    const folderId = 'casefile-officebox';
    const dirA = path.join(root, 'box-a');
    const dirC = path.join(root, 'box-c');
    const ids = await buildDataFolder(dirA, 0);
    await ensureStignore(dirA);
    await mkdir(dirC, { recursive: true });
    const password = 'office-box folder password 7c1f';
    await shareFolder(folderId, [
      { inst: A, dir: dirA, passwordFor: { c: password } },
      { inst: C!, dir: dirC, type: 'receiveencrypted' },
    ]);
    await waitFor('C to hold the folder (encrypted)', async () => {
      const s = await rest<{ state: string; needFiles: number; localFiles: number }>(C!, `db/status?folder=${folderId}`);
      return s.state === 'idle' && s.needFiles === 0 && s.localFiles >= ids.length;
    });
    const names = await filesUnder(dirC);
    expect(names.length).toBeGreaterThanOrEqual(ids.length);
    for (const id of ids) expect(names.some((n) => n.includes(id)), `a file name on C holds case id ${id}`).toBe(false);
    expect(names.some((n) => /cases|meta\.json|history/.test(n))).toBe(false);
    expect(markersFound(await snapshot(dirC))).toEqual([]);
    const a = await side(dirA);
    const status = await pointAt(a, A);
    expect(status.peers).toEqual([expect.objectContaining({ id: C!.id, encrypted: true })]);
  });

  it('a device killed mid-sync and restarted loses nothing A acknowledged', async () => {
    const folderId = 'casefile-kill';
    const dirA = path.join(root, 'kill-a');
    const dirB = path.join(root, 'kill-b');
    const a = await side(dirA);
    await ensureStignore(dirA);
    await mkdir(dirB, { recursive: true });
    await ensureStignore(dirB);
    const acknowledged = [];
    for (let i = 0; i < 12; i++) acknowledged.push(await ok(a.dispatch('cases.create', { case: prisonerDraft({ title: `Acknowledged ${i} — Қарағанды`, summary: randomBytes(40 * 1024).toString('base64') }) })));
    await setOptions(B, { maxRecvKbps: 48 });
    await shareFolder(folderId, [{ inst: A, dir: dirA }, { inst: B, dir: dirB }]);
    const midway = await waitFor('B part-way through receiving', async () => {
      const st = await dbStatus(B, folderId);
      return st.state === 'syncing' && st.inSyncFiles > 0 && st.needFiles > 0 ? st : null;
    }, 60_000, 100);
    expect(midway.needFiles, 'B is killed before it has everything').toBeGreaterThan(0);
    await killSyncthing(B, 'SIGKILL');
    await restartSyncthing(B);
    await setOptions(B, { maxRecvKbps: 0 });
    await untilConnected([A, B]);
    await untilInSync(A, B, folderId, 120_000);
    await waitFor('all 12 case files on B', async () => (await caseFilesIn(dirB)).length === 12);
    const b = await side(dirB);
    for (const c of acknowledged) expect(await ok(b.dispatch('cases.get', { id: c.id }))).toEqual(c);
  });
});
