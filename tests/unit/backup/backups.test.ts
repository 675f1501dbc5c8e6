import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { createDispatcher } from '../../../electron/services/dispatch';
import { Session } from '../../../electron/services/session';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { listSnapshots, readSnapshot, RESTORE_JOURNAL } from '../../../electron/services/backup';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { cli } from '../../helpers/cli';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-backup-')));
afterEach(() => cleanup());

const SECRET = 'Жанар Қуанышқызы MKRBACKUP';

async function seed(): Promise<CaseFile> {
  const store = await CaseStore.open(dir);
  try {
    return await store.create(CaseDraft.parse(prisonerDraft({ title: `Case of ${SECRET}`, summary: 'Detained in Almaty.' })));
  } finally {
    await store.close();
  }
}

async function allBytes(root: string): Promise<Array<[string, Buffer]>> {
  const out: Array<[string, Buffer]> = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push([path.join(entry.parentPath, entry.name), await readFile(path.join(entry.parentPath, entry.name))]);
  }
  return out;
}

describe('snapshots, restore and recovery', () => {
  it('restores the folder as the snapshot held it, after snapshotting the present', async () => {
    const c = await seed();
    const session = await Session.start(dir);
    const call = createDispatcher(session.handlers);
    try {
      const snap = await call('backups.create', {});
      expect(snap.ok && snap.value).toMatchObject({ reason: 'manual', cases: 1, trashed: 0 });
      const edited = await call('cases.update', { id: c.id, baseRev: 1, case: { ...c, summary: 'Moved to Astana.' } });
      expect(edited.ok).toBe(true);
      const second = await call('cases.create', { case: prisonerDraft({ title: 'Created after the snapshot' }) });
      expect(second.ok).toBe(true);

      const restored = await call('backups.restore', { name: snap.ok ? snap.value.name : '' });
      if (!restored.ok) throw new Error(restored.error.message);
      expect(restored.value.safetySnapshot.reason).toBe('before-restore');
      expect(restored.value.safetySnapshot.cases).toBe(2);

      const back = await call('cases.get', { id: c.id });
      expect(back.ok && back.value.summary).toBe('Detained in Almaty.');
      const list = await call('cases.list', {});
      expect(list.ok && list.value.map((s) => s.title)).toEqual([`Case of ${SECRET}`]);
      // The case's history is restored with it (the edit made after the snapshot is gone from it too), and says it was restored.
      const history = await call('cases.history', { id: c.id });
      expect(history.ok && history.value.map((e) => [e.cause, e.rev])).toEqual([['create', 1], ['backup-restore', 1]]);
      expect(await readdir(dir)).not.toContain(RESTORE_JOURNAL);

      // And the restore can itself be undone from the safety snapshot.
      const undo = await call('backups.restore', { name: restored.value.safetySnapshot.name });
      expect(undo.ok).toBe(true);
      const again = await call('cases.get', { id: c.id });
      expect(again.ok && again.value.summary).toBe('Moved to Astana.');
    } finally {
      await session.close();
    }
    const verify = await cli(['--data-dir', dir, 'verify']);
    expect(verify.stdout).toMatch(/^All well/);
  });

  it('refuses a name that is not a snapshot of this folder, and a damaged snapshot, changing nothing', async () => {
    await seed();
    const session = await Session.start(dir);
    const call = createDispatcher(session.handlers);
    try {
      const bad = await call('backups.restore', { name: '../meta.json' });
      expect(!bad.ok && bad.error.code).toBe('bad_input');
      const snap = await call('backups.create', {});
      if (!snap.ok) throw new Error(snap.error.message);
      const file = path.join(dir, 'backups', snap.value.name);
      const bytes = await readFile(file);
      bytes[bytes.length - 12]! ^= 0xff;
      await writeFile(file, bytes);
      const damaged = await call('backups.restore', { name: snap.value.name });
      expect(!damaged.ok && damaged.error.message).toMatch(/is damaged/);
      expect((await listSnapshots(dir)).map((s) => s.reason)).toEqual(['manual']); // no safety snapshot: nothing began
    } finally {
      await session.close();
    }
  });

  it('finishes a restore that a crash interrupted, on the next open', async () => {
    const c = await seed();
    let name: string;
    {
      const store = await CaseStore.open(dir);
      name = (await store.backup('manual')).name;
      await store.update(c.id, 1, CaseDraft.parse({ ...c, summary: 'Changed after the snapshot.' }));
      await store.close();
    }
    // As a crash leaves it: the journal written, the files not yet (or half) put back.
    await writeFile(path.join(dir, RESTORE_JOURNAL), JSON.stringify({ format: 'casefile-restore', snapshot: name, at: '2026-11-22T12:00:00.000Z' }));
    const store = await CaseStore.open(dir);
    try {
      expect((await store.get(c.id)).summary).toBe('Detained in Almaty.');
      expect(await readdir(dir)).not.toContain(RESTORE_JOURNAL);
      expect((await store.history(c.id)).map((e) => [e.cause, e.at])).toEqual([['create', expect.any(String)], ['backup-restore', '2026-11-22T12:00:00.000Z']]);
    } finally {
      await store.close();
    }
  });

  it('recovers a quarantined case from the newest snapshot holding a valid copy', async () => {
    const c = await seed();
    {
      const store = await CaseStore.open(dir);
      await store.backup('manual');
      await store.close();
    }
    await writeFile(path.join(dir, 'cases', `${c.id}.json`), '{ "torn": ');
    const session = await Session.start(dir);
    const call = createDispatcher(session.handlers);
    try {
      const info = await call('app.info', {});
      if (!info.ok) throw new Error(info.error.message);
      expect(info.value.quarantined).toHaveLength(1);
      const recovered = await call('backups.recover', { file: info.value.quarantined[0]!.file });
      if (!recovered.ok) throw new Error(recovered.error.message);
      expect(recovered.value).toMatchObject({ id: c.id, rev: 1 });
      const back = await call('cases.get', { id: c.id });
      expect(back.ok && back.value.title).toBe(c.title);
      const after = await call('app.info', {});
      expect(after.ok && after.value.quarantined).toEqual([]);
      const history = await call('cases.history', { id: c.id });
      expect(history.ok && history.value.map((e) => e.cause)).toEqual(['create', 'recover']);
      // Nothing left to recover from: said so, not pretended.
      const again = await call('backups.recover', { file: 'quarantine/nothing--cases--nope.json' });
      expect(!again.ok && again.error.code).toBe('not_found');
    } finally {
      await session.close();
    }
  });

  it('a passphrase too short to be accepted is refused before the folder is snapshotted for nothing', async () => {
    await seed();
    const session = await Session.start(dir, { scrypt: FAST_KDF });
    try {
      const refused = await createDispatcher(session.handlers)('vault.encrypt', { passphrase: 'short' });
      expect(!refused.ok && refused.error.code).toBe('bad_input');
      expect(await listSnapshots(dir)).toEqual([]);
      expect(session.status()).toMatchObject({ encrypted: false });
    } finally {
      await session.close();
    }
  });

  it('in an encrypted folder, snapshots and histories hold no plaintext, and restore works through the key', async () => {
    const c = await seed();
    const session = await Session.start(dir, { scrypt: FAST_KDF });
    const call = createDispatcher(session.handlers);
    try {
      const enc = await call('vault.encrypt', { passphrase: 'correct horse' });
      if (!enc.ok) throw new Error(enc.error.message);
      expect(enc.value).toMatchObject({ encrypted: true, locked: false });
      expect((await listSnapshots(dir)).map((s) => s.reason)).toEqual(['before-encrypt']);
      await call('cases.update', { id: c.id, baseRev: 1, case: { ...c, summary: `Seen by ${SECRET} in court.` } });
      const snap = await call('backups.create', {});
      if (!snap.ok) throw new Error(snap.error.message);
      for (const [file, bytes] of await allBytes(dir)) {
        expect(bytes.includes(Buffer.from('MKRBACKUP')), file).toBe(false);
        expect(bytes.includes(Buffer.from('Almaty')), file).toBe(false);
      }
      const old = (await listSnapshots(dir)).find((s) => s.reason === 'before-encrypt')!;
      const restored = await call('backups.restore', { name: old.name });
      if (!restored.ok) throw new Error(restored.error.message);
      const back = await call('cases.get', { id: c.id });
      expect(back.ok && back.value.summary).toBe('Detained in Almaty.');
      // A snapshot is readable only with the folder's key.
      await expect(readSnapshot(dir, snap.value.name, null)).rejects.toThrow(/encrypted/);
    } finally {
      await session.close();
    }
  });
});

describe('the session: lock and unlock', () => {
  it('an encrypted folder starts locked; every operation but the vault answers "encrypted" until unlocked', async () => {
    const c = await seed();
    {
      const s = await Session.start(dir, { scrypt: FAST_KDF });
      const r = await createDispatcher(s.handlers)('vault.encrypt', { passphrase: 'пароль Қазақ' });
      expect(r.ok).toBe(true);
      await s.close();
    }
    const session = await Session.start(dir);
    const call = createDispatcher(session.handlers);
    try {
      expect(session.status()).toEqual({ encrypted: true, locked: true, idleLockMinutes: 10 });
      const refused = await call('cases.list', {});
      expect(!refused.ok && refused.error.code).toBe('encrypted');
      const wrong = await call('vault.unlock', { passphrase: 'nope' });
      expect(!wrong.ok && wrong.error).toMatchObject({ code: 'bad_input', message: expect.stringMatching(/passphrase is wrong/) });
      const right = await call('vault.unlock', { passphrase: 'пароль Қазақ' });
      expect(right.ok && right.value.locked).toBe(false);
      const got = await call('cases.get', { id: c.id });
      expect(got.ok && got.value.title).toBe(c.title);

      const idle = await call('vault.setIdleLock', { minutes: 5 });
      expect(idle.ok && idle.value.idleLockMinutes).toBe(5);
      const locked = await call('vault.lock', {});
      expect(locked.ok && locked.value).toEqual({ encrypted: true, locked: true, idleLockMinutes: 5 });
      expect(session.store).toBeNull();
      const after = await call('cases.get', { id: c.id });
      expect(!after.ok && after.error.code).toBe('encrypted');

      // Change the passphrase (a wrong current one changes nothing), then decrypt.
      await call('vault.unlock', { passphrase: 'пароль Қазақ' });
      const badChange = await call('vault.changePassphrase', { passphrase: 'wrong', newPassphrase: 'new one, longer' });
      expect(!badChange.ok && badChange.error.code).toBe('bad_input');
      expect(session.status().locked).toBe(false);
      const changed = await call('vault.changePassphrase', { passphrase: 'пароль Қазақ', newPassphrase: 'new one, longer' });
      expect(changed.ok).toBe(true);
      const dec = await call('vault.decrypt', { passphrase: 'new one, longer' });
      // The answer also says what the decryption did to the files (issue 16: the command line prints it from here).
      expect(dec.ok && dec.value).toEqual({ encrypted: false, locked: false, idleLockMinutes: 0, conversion: { converted: expect.any(Number), untouched: [], unreadable: [] } });
      expect(dec.ok && dec.value.conversion.converted).toBeGreaterThan(0);
      expect((await listSnapshots(dir)).map((s) => s.reason).sort()).toEqual(['before-decrypt', 'before-encrypt']);
      const plain = await readFile(path.join(dir, 'cases', `${c.id}.json`), 'utf8');
      expect(JSON.parse(plain).title).toBe(c.title);
    } finally {
      await session.close();
    }
  });

  it('locks itself after the idle minutes, and use of the app puts that off', async () => {
    await seed();
    let now = Date.parse('2026-11-22T10:00:00Z');
    {
      const s = await Session.start(dir, { scrypt: FAST_KDF });
      await createDispatcher(s.handlers)('vault.encrypt', { passphrase: 'pw, long enough' });
      await s.close();
    }
    const session = await Session.start(dir, { clock: () => now, idleCheckMs: 5 }, 'pw, long enough');
    const call = createDispatcher(session.handlers);
    const settle = () => new Promise((r) => setTimeout(r, 40));
    try {
      expect(session.status().locked).toBe(false);
      now += 9 * 60_000;
      await call('vault.status', { active: true });
      now += 9 * 60_000;
      await settle();
      expect(session.status().locked).toBe(false); // 9 minutes since the last use
      now += 2 * 60_000;
      await settle();
      expect(session.status().locked).toBe(true);
    } finally {
      await session.close();
    }
  });
});
