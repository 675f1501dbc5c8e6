import { appendFile, cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft, type AuditEntry } from '../../../shared/model';
import { HistoryLog } from '../../../electron/services/audit/historyLog';
import { SEALED_LINE_PREFIX } from '../../../electron/services/crypto/sealedLines';
import { decryptFolder, encryptFolder, openVault, recoverConversion, type ConvertOptions } from '../../../electron/services/folder/convert';
import { isFolderEncrypted } from '../../../electron/services/crypto/folderState';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { openBytesChunked, snapshotSealAad } from '../../../electron/services/crypto/streamSeal';
import { listFolder } from '../../../electron/services/disk/folderLayout';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { expectSamePlaintext, FAST_KDF, snapshot, type FolderSnapshot } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { ownHistoryRel } from '../../helpers/deviceHistory';

// Histories (sealed line by line) and snapshots (sealed whole) through the
// folder's conversions. Each kind of text carries a marker that must be absent
// from every byte of the encrypted folder.

const PASS = 'Құпия сөз — history';
const MARK = {
  change: 'Айгерім Нұрланқызы HMARKCHANGE',
  torn: 'Жазылмай қалған HMARKTORN',
  gone: 'Жойылған іс HMARKGONE',
  snapshot: 'Сақтық көшірме HMARKSNAP',
} as const;
const SNAPSHOT = 'backups/20260301T100000000Z--manual--1c0t.casefile-snapshot';

let root: string;
let cleanupRoot: () => Promise<void>;
let plainDir: string;
let original: FolderSnapshot;
let caseId: string;
let copies = 0;

function entry(rev: number, text: string): AuditEntry {
  return { at: `2026-03-0${rev}T10:00:00.000Z`, rev, cause: 'update', changes: [{ path: 'summary', old: 'было', new: `${text} ${rev}` }] };
}

/** The store's device's file: each copy of the plain folder carries its local/device.json along. */
const historyRel = (id: string) => ownHistoryRel(plainDir, id);

beforeAll(async () => {
  ({ dir: root, cleanup: cleanupRoot } = await tempDir('casefile-history-convert-'));
  plainDir = path.join(root, 'plain');
  await mkdir(plainDir);
  const store = await CaseStore.open(plainDir);
  try {
    caseId = (await store.create(CaseDraft.parse(prisonerDraft({ title: 'История' })))).id;
  } finally {
    await store.close();
  }
  const log = new HistoryLog(plainDir, null);
  await log.append(caseId, [entry(2, MARK.change), entry(3, MARK.change)]);
  // A kill mid-append: a line cut off inside a Cyrillic letter, then one more entry.
  const torn = Buffer.from(JSON.stringify(entry(4, MARK.torn)), 'utf8');
  await appendFile(path.join(plainDir, historyRel(caseId)), torn.subarray(0, torn.indexOf(Buffer.from('HMARKTORN')) + 'HMARKTORN'.length + 4));
  await log.append(caseId, [entry(5, MARK.change)]);
  // A history outlives its case.
  await log.append('gone-case', [entry(1, MARK.gone), entry(2, MARK.gone)]);
  const content = [
    { format: 'casefile-snapshot', version: 1, createdAt: '2026-03-01T10:00:00.000Z', reason: 'manual', skipped: [] },
    { path: 'cases/x.json', mtimeMs: 0, text: MARK.snapshot },
  ];
  await mkdir(path.join(plainDir, 'backups'));
  await writeFile(path.join(plainDir, SNAPSHOT), gzipSync(content.map((l) => `${JSON.stringify(l)}\n`).join('')), { mode: 0o600 });
  original = await snapshot(plainDir);
});
afterAll(() => cleanupRoot());

async function copyOfPlain(): Promise<string> {
  const dir = path.join(root, `copy-${copies++}`);
  await cp(plainDir, dir, { recursive: true, preserveTimestamps: true });
  return dir;
}

async function encryptedCopy(): Promise<string> {
  const dir = await copyOfPlain();
  await encryptFolder(dir, PASS, FAST_KDF);
  return dir;
}

/** Every marker (whole, and its ASCII tag) found in any byte of any file. */
function leaks(snap: FolderSnapshot): string[] {
  const found: string[] = [];
  for (const [rel, bytes] of snap) {
    for (const marker of Object.values(MARK)) {
      for (const needle of [marker, marker.split(' ').at(-1)!]) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${needle} in ${rel}`);
    }
  }
  return found;
}

const lines = (bytes: Buffer) => bytes.toString('latin1').split('\n').filter((l) => l !== '');

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('the layout', () => {
  it('lists histories as line-by-line targets and snapshots as whole ones, each bound to its own path', async () => {
    const { targets, untouched } = await listFolder(plainDir);
    expect(untouched).toEqual([]);
    const histories = [historyRel(caseId), historyRel('gone-case')].sort((a, b) => a.localeCompare(b));
    expect(targets.filter((t) => t.rel.startsWith('history/') || t.rel.startsWith('backups/'))).toEqual([
      ...histories.map((rel) => ({ rel, aad: rel, format: 'lines' })),
      { rel: SNAPSHOT, aad: SNAPSHOT, format: 'gzip' },
    ]);
    expect(targets.find((t) => t.rel === `cases/${caseId}.json`)?.format).toBe('json');
  });

  it('reports unknown files in history/ and backups/, and skips temp files (a snapshot being written is one)', async () => {
    const dir = await copyOfPlain();
    await writeFile(path.join(dir, 'history', 'notes.txt'), 'x');
    await writeFile(path.join(dir, 'backups', 'copied.zip'), 'x');
    await writeFile(path.join(dir, 'history', `.${caseId}.jsonl.1.abcdef.tmp`), 'x');
    await writeFile(path.join(dir, 'backups', '.20260301T100000000Z--manual--1c0t.casefile-snapshot.1.abcdef.tmp'), 'x');
    const { targets, untouched } = await listFolder(dir);
    expect(untouched).toEqual(['backups/copied.zip', 'history/notes.txt']);
    expect(targets.map((t) => t.rel).filter((rel) => rel.includes('/.'))).toEqual([]);
  });
});

describe('encrypting and decrypting', () => {
  it('seals every history line and the snapshot: no marker left, the same entries read back, then byte-identical plain files', async () => {
    const dir = await copyOfPlain();
    const times = Object.fromEntries(await Promise.all([...original.keys()].map(async (rel) => [rel, (await stat(path.join(dir, rel))).mtimeMs] as const)));
    const plainRead = await new HistoryLog(dir, null).read(caseId);
    expect(plainRead.damaged).toBe(1);
    expect(plainRead.entries.map((e) => e.rev)).toEqual([1, 2, 3, 5]); // 1: the store's own "create"

    const report = await encryptFolder(dir, PASS, FAST_KDF);
    expect(report).toEqual({ converted: original.size - 1, unreadable: [], untouched: [] });
    const after = await snapshot(dir);
    expect(leaks(original).length).toBeGreaterThanOrEqual(Object.keys(MARK).length);
    expect(leaks(after)).toEqual([]);
    for (const rel of [historyRel(caseId), historyRel('gone-case')]) {
      const stored = lines(after.get(rel)!);
      expect(stored).toHaveLength(lines(original.get(rel)!).length);
      for (const line of stored) expect(line.startsWith(SEALED_LINE_PREFIX), rel).toBe(true);
    }
    const key = await openVault(dir, PASS);
    const sealedSnapshot = after.get(SNAPSHOT)!;
    expect(isEncryptedBytes(sealedSnapshot)).toBe(true);
    // Sealed in chunks as a stream (a snapshot may be larger than memory), bound to its stamp and reason.
    const opened = openBytesChunked(key, sealedSnapshot, snapshotSealAad(path.basename(SNAPSHOT)));
    expect(opened.equals(original.get(SNAPSHOT)!)).toBe(true);
    expect(gunzipSync(opened).toString('utf8')).toContain(MARK.snapshot);
    expect(await new HistoryLog(dir, key).read(caseId)).toEqual(plainRead);
    expect((await new HistoryLog(dir, key).read('gone-case')).entries).toHaveLength(2);
    await expectSamePlaintext(dir, original, key);
    for (const [rel, ms] of Object.entries(times)) expect((await stat(path.join(dir, rel))).mtimeMs, rel).toBe(ms);

    const back = await decryptFolder(dir, PASS);
    expect(back).toEqual({ converted: original.size - 1, unreadable: [], untouched: [] });
    expect(await snapshot(dir)).toEqual(original);
    for (const [rel, ms] of Object.entries(times)) expect((await stat(path.join(dir, rel))).mtimeMs, rel).toBe(ms);
  });

  it('sweeps crash leftovers in history/ and backups/ that may hold plaintext', async () => {
    const dir = await copyOfPlain();
    await writeFile(path.join(dir, 'history', `.${caseId}.jsonl.1.abcdef.tmp`), MARK.change);
    await writeFile(path.join(dir, 'backups', `.${path.basename(SNAPSHOT)}.1.abcdef.tmp`), MARK.snapshot);
    await encryptFolder(dir, PASS, FAST_KDF);
    expect(leaks(await snapshot(dir))).toEqual([]);
    await expectSamePlaintext(dir, original, await openVault(dir, PASS));
  });

  it('appending to an encrypted history after the conversion keeps every line sealed and readable', async () => {
    const dir = await encryptedCopy();
    const key = await openVault(dir, PASS);
    await new HistoryLog(dir, key).append(caseId, [entry(6, MARK.change)]);
    expect(leaks(await snapshot(dir))).toEqual([]);
    expect((await new HistoryLog(dir, key).read(caseId)).entries.map((e) => e.rev)).toEqual([1, 2, 3, 5, 6]);
    await decryptFolder(dir, PASS);
    const plain = await new HistoryLog(dir, null).read(caseId);
    expect(plain).toEqual({ entries: expect.any(Array), damaged: 1 });
    expect(plain.entries.map((e) => e.rev)).toEqual([1, 2, 3, 5, 6]);
  });
});

describe('damage', () => {
  it('a tampered history line is reported and kept as it is; every other line is converted, both ways', async () => {
    const dir = await encryptedCopy();
    const file = path.join(dir, historyRel(caseId));
    const stored = lines(await readFile(file));
    const victim = stored[1]!;
    const i = Math.floor(victim.length / 2);
    stored[1] = `${victim.slice(0, i)}${victim[i] === 'A' ? 'B' : 'A'}${victim.slice(i + 1)}`;
    await writeFile(file, stored.map((l) => `${l}\n`).join(''));

    const report = await decryptFolder(dir, PASS);
    expect(report.unreadable).toEqual([historyRel(caseId)]);
    const decrypted = lines(await readFile(file));
    expect(decrypted[1]).toBe(stored[1]);
    expect(decrypted.filter((l) => l.startsWith(SEALED_LINE_PREFIX))).toEqual([stored[1]]);
    const plainRead = await new HistoryLog(dir, null).read(caseId);
    expect(plainRead.entries.map((e) => e.rev)).toEqual([1, 3, 5]);
    expect(plainRead.damaged).toBe(2);
    // Everything else in the folder is back to its original bytes.
    const now = await snapshot(dir);
    for (const [rel, bytes] of original) if (rel !== historyRel(caseId)) expect(now.get(rel)!.equals(bytes), rel).toBe(true);

    const again = await encryptFolder(dir, PASS, FAST_KDF);
    expect(again.unreadable).toEqual([historyRel(caseId)]);
    const resealed = lines(await readFile(file));
    expect(resealed[1]).toBe(stored[1]);
    for (const line of resealed) expect(line.startsWith(SEALED_LINE_PREFIX)).toBe(true);
    expect(leaks(await snapshot(dir))).toEqual([]);
    expect(await new HistoryLog(dir, await openVault(dir, PASS)).read(caseId)).toEqual(plainRead);
  });

  it('a history under another case\'s name, and a damaged snapshot, are left exactly as they are', async () => {
    const dir = await encryptedCopy();
    const moved = path.join(dir, historyRel('other-case'));
    await cp(path.join(dir, historyRel('gone-case')), moved);
    const snap = path.join(dir, SNAPSHOT);
    const bytes = await readFile(snap);
    bytes[bytes.length - 5]! ^= 1;
    await writeFile(snap, bytes);
    const movedBytes = await readFile(moved);

    const report = await decryptFolder(dir, PASS);
    expect(report.unreadable.sort()).toEqual([SNAPSHOT, historyRel('other-case')].sort());
    expect((await readFile(moved)).equals(movedBytes)).toBe(true);
    expect((await readFile(snap)).equals(bytes)).toBe(true);
    expect(await new HistoryLog(dir, null).read('other-case')).toEqual({ entries: [], damaged: 2 });
    expect((await readFile(path.join(dir, historyRel('gone-case')))).equals(original.get(historyRel('gone-case'))!)).toBe(true);
  });
});

describe('an interruption at every step', () => {
  /** Opens the folder as the app will: recover, then the passphrase (if encrypted). */
  async function openAsTheAppWill(dir: string): Promise<Buffer | null> {
    const first = await recoverConversion(dir);
    if (first.state === 'needs_passphrase') await recoverConversion(dir, PASS);
    return (await isFolderEncrypted(dir)) ? openVault(dir, PASS) : null;
  }

  const ops = [
    { name: 'encryptFolder', start: copyOfPlain, run: (dir: string, o: ConvertOptions) => encryptFolder(dir, PASS, FAST_KDF, o) },
    { name: 'decryptFolder', start: encryptedCopy, run: (dir: string, o: ConvertOptions) => decryptFolder(dir, PASS, o) },
  ];

  for (const op of ops) {
    it(`${op.name}: stopped before each step, the folder opens with the original histories and snapshot, and a rerun finishes`, async () => {
      const steps: string[] = [];
      await op.run(await op.start(), { onStep: (s) => void steps.push(s) });
      expect(steps).toContain(`write ${historyRel(caseId)}`);
      expect(steps).toContain(`rename ${SNAPSHOT}`);
      for (let k = 0; k <= steps.length; k++) {
        const dir = await op.start();
        let seen = 0;
        const result = await op.run(dir, { onStep: () => { if (seen++ === k) throw new Error(`crash before ${steps[k]}`); } }).then(() => 'done', (err: Error) => err.message);
        expect(result).toBe(k === steps.length ? 'done' : `crash before ${steps[k]}`);
        const key = await openAsTheAppWill(dir);
        await expectSamePlaintext(dir, original, key);
        if (key) expect(leaks(await snapshot(dir))).toEqual([]);
        // Any prefix of the work can be redone.
        if (k < steps.length) {
          const redo = await op.start();
          let n = 0;
          await rejection(op.run(redo, { onStep: () => { if (n++ === k) throw new Error('crash'); } }));
          const rerun = await op.run(redo, {}).then(() => null, (err: Error & { code?: string }) => err);
          if (rerun) {
            // Stopped after its commit, an encryption is done: only opening remains, which sweeps the journal.
            expect([steps[k], rerun.code]).toEqual(['cleanup', 'conflict']);
            await recoverConversion(redo);
          }
          await expectSamePlaintext(redo, original, op.name === 'encryptFolder' ? await openVault(redo, PASS) : null);
        }
      }
    });
  }
});
