// Snapshots written before chunked sealing (version 1: gzip of JSON lines, sealed
// whole with one GCM tag bound to the full name) are still read: listed as whole,
// restored (streamed, staged, swapped in only once the final tag has checked out),
// and opened by a decryption of the folder; one flipped byte is found and nothing
// of such a snapshot reaches the folder.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft, CaseFile } from '../../../shared/model';
import { listCheckedSnapshots, RESTORE_STAGING, restoreSnapshot, snapshotAad } from '../../../electron/services/backup';
import { decryptFolder, encryptFolder, openVault } from '../../../electron/services/folder/convert';
import { encryptBytes } from '../../../electron/services/crypto/envelope';
import { wipe } from '../../../electron/services/crypto/wipe';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

const PASS = 'Құпия сөз — version 1 snapshots';
const NAME = '20260301T100000000Z--manual--1c0t.casefile-snapshot';
let base: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: base, cleanup } = await tempDir('casefile-v1-snapshots-')));
afterAll(() => cleanup());

/** A version 1 snapshot's packed bytes, exactly as the earlier Casefile wrote them. */
function versionOne(meta: string, c: CaseFile): Buffer {
  const lines = [
    { format: 'casefile-snapshot', version: 1, createdAt: '2026-03-01T10:00:00.000Z', reason: 'manual' },
    { path: 'meta.json', mtimeMs: 1_700_000_000_000, text: meta },
    { path: `cases/${c.id}.json`, mtimeMs: 1_700_000_000_000, text: JSON.stringify(c, null, 2) },
  ].map((l) => `${JSON.stringify(l)}\n`);
  const sha256 = createHash('sha256').update(lines.join('')).digest('hex');
  return gzipSync(`${lines.join('')}${JSON.stringify({ end: true, files: 2, skipped: [], sha256 })}\n`);
}

async function encryptedFolderWithV1(name: string): Promise<{ dir: string; c: CaseFile; packed: Buffer }> {
  const dir = path.join(base, name);
  const store = await CaseStore.open(dir);
  const c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело v1 — as it was' })));
  await store.close();
  await encryptFolder(dir, PASS, FAST_KDF);
  const key = await openVault(dir, PASS);
  const packed = versionOne(await readFile(path.join(dir, 'meta.json'), 'utf8'), c);
  await mkdir(path.join(dir, 'backups'), { recursive: true });
  await writeFile(path.join(dir, 'backups', NAME), encryptBytes(key, packed, snapshotAad(NAME)));
  wipe(key);
  // The folder moves on: the case changes after the snapshot.
  const later = await CaseStore.open(dir, { passphrase: PASS });
  await later.update(c.id, c.rev, CaseDraft.parse({ ...c, title: 'Changed since' }));
  await later.close();
  return { dir, c, packed };
}

describe('version 1 snapshots (sealed whole)', () => {
  it('are listed as whole and restore the case as they hold it', async () => {
    const { dir, c } = await encryptedFolderWithV1('restore');
    const key = await openVault(dir, PASS);
    try {
      expect((await listCheckedSnapshots(dir, key)).find((s) => s.name === NAME)?.problem).toBeUndefined();
      await restoreSnapshot(dir, NAME, key);
    } finally {
      wipe(key);
    }
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      expect(await store.get(c.id)).toEqual(c);
    } finally {
      await store.close();
    }
  });

  it('a flipped byte is listed as damaged, and its restore changes nothing and leaves no staging behind', async () => {
    const { dir, c } = await encryptedFolderWithV1('damaged');
    const file = path.join(dir, 'backups', NAME);
    const bytes = await readFile(file);
    bytes[bytes.length - 40]! ^= 0x01; // in the ciphertext's tail: only the final tag can tell
    await writeFile(file, bytes);
    const key = await openVault(dir, PASS);
    try {
      expect((await listCheckedSnapshots(dir, key)).find((s) => s.name === NAME)?.problem).toMatch(/authentication failed/);
      await expect(restoreSnapshot(dir, NAME, key)).rejects.toThrow(/is damaged \(authentication failed/);
    } finally {
      wipe(key);
    }
    expect(await readdir(dir)).not.toContain(RESTORE_STAGING);
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      expect((await store.get(c.id)).title).toBe('Changed since');
    } finally {
      await store.close();
    }
  });

  it('decrypting the folder opens it (streamed) to the very bytes that were sealed', async () => {
    const { dir, packed } = await encryptedFolderWithV1('decrypt');
    const report = await decryptFolder(dir, PASS);
    expect(report.unreadable).toEqual([]);
    const plain = await readFile(path.join(dir, 'backups', NAME));
    expect(plain.equals(packed)).toBe(true);
    expect(gunzipSync(plain).toString('utf8')).toContain('Дело v1 — as it was');
  });
});
