import { watch } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { isEncryptedBytes, WrongPassphraseError } from '../../../electron/services/crypto';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { encryptBytes } from '../../../electron/services/crypto/envelope';
import { renderBriefOperation } from '../../../electron/services/briefs/service';
import { ServiceError } from '../../../electron/services/errors';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { SUMMARY_INDEX_FILE } from '../../../electron/services/disk/folderLayout';
import { buildDataFolder, FAST_KDF, markersFound, MARKERS, snapshot } from '../../helpers/cryptoFolder';
import { fullPrisonerDraft, ngoDraft, tempDir } from '../../helpers/fixtures';

// The store on an encrypted data folder: the same store code, the encrypted
// adapter underneath. Every test uses a cheap scrypt (FAST_KDF); production tunes it.

const PASS = 'құпия сөз — test passphrase';

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore | undefined;
let ids: string[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ids = await buildDataFolder(dir, 1);
  await encryptFolder(dir, PASS, FAST_KDF);
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await cleanup();
});

async function rejection(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error('expected a ServiceError');
}

const open = async (passphrase = PASS) => (store = await CaseStore.open(dir, { passphrase }));
const bytesOf = (rel: string) => readFile(path.join(dir, rel));

describe('opening an encrypted folder', () => {
  it('without a passphrase: the "encrypted" error, and nothing is read or changed', async () => {
    const before = await snapshot(dir);
    const err = await rejection(CaseStore.open(dir));
    expect(err.code).toBe('encrypted');
    expect(err.message).toBe('This data folder is encrypted. Give the passphrase (CASEFILE_PASSPHRASE or the prompt).');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('with a wrong passphrase: WrongPassphraseError (bad_input), nothing changed, the lock released', async () => {
    const before = await snapshot(dir);
    const err = await rejection(CaseStore.open(dir, { passphrase: 'not it' }));
    expect(err).toBeInstanceOf(WrongPassphraseError);
    expect(err.code).toBe('bad_input');
    expect(err.message).toBe('The passphrase is wrong. Nothing was changed.');
    expect(await snapshot(dir)).toEqual(before);
    await open(); // the lock was released
  });

  it('with the passphrase: lists, reads, searches the trash and the quarantine as a plain folder would', async () => {
    const s = await open();
    expect(s.encrypted).toBe(true);
    expect(s.quarantinedNow).toEqual([]);
    expect(s.count()).toBe(3);
    const marked = await s.get(ids[0]!);
    expect(marked.kind === 'political_prisoner' && marked.person.name).toBe(MARKERS.name);
    const trash = await s.listTrash();
    expect(trash.map((t) => t.id)).toEqual([ids.at(-1)]);
    const quarantine = await s.listQuarantine();
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]!.reason).toMatch(/^cases\/damaged-case\.json: not valid JSON/);
    const report = await s.verify();
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^quarantined: cases\/damaged-case\.json: not valid JSON/)]);
  });

  it('close() wipes the data key after releasing the lock', async () => {
    const s = await open();
    const key = (s as unknown as { dataKey: Buffer }).dataKey;
    expect(key.some((b) => b !== 0)).toBe(true);
    await s.close();
    store = undefined;
    expect(key.every((b) => b === 0)).toBe(true);
    await (await CaseStore.open(dir, { passphrase: PASS })).close(); // the lock is free
  });

  it('an interrupted encryption needs the passphrase, then is finished on open', async () => {
    const plainDir = path.join(dir, '..', `${path.basename(dir)}-plain`);
    await buildDataFolder(plainDir, 0);
    try {
      await expect(encryptFolder(plainDir, PASS, FAST_KDF, { onStep: (step) => { if (step === 'commit') throw new Error('crash'); } })).rejects.toThrow('crash');
      expect((await rejection(CaseStore.open(plainDir))).code).toBe('encrypted');
      const s = await CaseStore.open(plainDir, { passphrase: PASS });
      try {
        expect(s.encrypted).toBe(true);
        expect(s.count()).toBe(2);
      } finally {
        await s.close();
      }
      expect(markersFound(await snapshot(plainDir))).toEqual([]);
    } finally {
      await import('node:fs/promises').then((fs) => fs.rm(plainDir, { recursive: true, force: true }));
    }
  });
});

describe('writing to an encrypted folder', () => {
  it('a save writes an envelope durably (no temp file left), bound to its name; the index is encrypted too', async () => {
    const s = await open();
    const c = await s.create(CaseDraft.parse({ ...fullPrisonerDraft(), title: 'MKRNEWSAVE новое дело' }));
    const bytes = await bytesOf(`cases/${c.id}.json`);
    expect(isEncryptedBytes(bytes)).toBe(true);
    expect(bytes.includes(Buffer.from('MKRNEWSAVE'))).toBe(false);
    expect((await readdir(path.join(dir, 'cases'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const updated = await s.update(c.id, 1, CaseDraft.parse({ ...fullPrisonerDraft(), title: 'MKRNEWSAVE 2' }));
    expect(updated.rev).toBe(2);
    await s.trash(c.id);
    expect(isEncryptedBytes(await bytesOf(`trash/${c.id}.json`))).toBe(true);
    await s.restore(c.id);
    await s.close();
    store = undefined;

    const index = await bytesOf(SUMMARY_INDEX_FILE);
    expect(isEncryptedBytes(index)).toBe(true);
    expect(index.includes(Buffer.from('MKRNEWSAVE'))).toBe(false);
    const again = await open();
    expect(again.quarantinedNow).toEqual([]);
    expect((await again.get(c.id)).title).toBe('MKRNEWSAVE 2');
    expect(markersFound(await snapshot(dir))).toEqual([]);
  });

  it('briefs render to memory: data/tmp never appears, and no PDF touches the folder', async () => {
    const s = await open();
    const seen: string[] = [];
    const watcher = watch(dir, { recursive: true }, (_event, name) => name && seen.push(String(name)));
    try {
      const out = await renderBriefOperation(s, { ids: [ids[0]!], lang: 'en', mode: 'internal', format: 'pdf' }, {});
      expect(Buffer.from(out.dataBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(out.bytes).toBe(Buffer.from(out.dataBase64, 'base64').length);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      watcher.close();
    }
    expect(seen.filter((n) => n === 'tmp' || n.startsWith('tmp/') || n.endsWith('.pdf'))).toEqual([]);
    await expect(stat(path.join(dir, 'tmp'))).rejects.toMatchObject({ code: 'ENOENT' });
    for (const bytes of (await snapshot(dir)).values()) expect(bytes.includes(Buffer.from('%PDF-'))).toBe(false);
  });
});

describe('damaged files in an encrypted folder', () => {
  it('a tampered case file is quarantined with the engine’s reason, sealed under its quarantine name; the others load', async () => {
    const victim = ids[1]!;
    const file = path.join(dir, 'cases', `${victim}.json`);
    const bytes = await readFile(file);
    bytes[bytes.length - 40]! ^= 0x01;
    await writeFile(file, bytes);
    const s = await open();
    expect(s.quarantinedNow).toHaveLength(1);
    expect(s.quarantinedNow[0]!.reason).toBe(`cases/${victim}.json: authentication failed — the file was altered or damaged`);
    expect(s.count()).toBe(2);
    expect(s.has(victim)).toBe(false);
    await s.get(ids[0]!);

    const moved = s.quarantinedNow[0]!.file;
    expect(isEncryptedBytes(await bytesOf(moved))).toBe(true);
    expect(isEncryptedBytes(await bytesOf(`${moved}.reason.txt`))).toBe(true);
    const reasons = (await s.listQuarantine()).map((q) => q.reason);
    expect(reasons).toContain(`cases/${victim}.json: authentication failed — the file was altered or damaged`);
    expect(reasons.every((r) => !r.startsWith('reason unreadable'))).toBe(true);
    expect(markersFound(await snapshot(dir))).toEqual([]);
  });

  it('a case file swapped for another is refused (bound to its name), and a plain file dropped in is sealed in quarantine', async () => {
    const [a, b] = ids as [string, string];
    await writeFile(path.join(dir, 'cases', `${b}.json`), await bytesOf(`cases/${a}.json`));
    await writeFile(path.join(dir, 'cases', 'dropped.json'), JSON.stringify({ note: 'MKRDROPPED plaintext' }));
    const s = await open();
    const reasons = s.quarantinedNow.map((q) => q.reason).sort();
    expect(reasons).toEqual([
      `cases/${b}.json: authentication failed — the file was altered or damaged`,
      'cases/dropped.json: not an encrypted Casefile file (it may have been replaced by a plain file)',
    ].sort()); // the id is random: it may sort before "dropped" or after
    for (const bytes of (await snapshot(dir)).values()) expect(bytes.includes(Buffer.from('MKRDROPPED'))).toBe(false);
  });

  it('a damaged summary index is rebuilt from the case files', async () => {
    await writeFile(path.join(dir, SUMMARY_INDEX_FILE), encryptBytes(Buffer.alloc(32, 7), '{}', SUMMARY_INDEX_FILE));
    const s = await open();
    expect(s.count()).toBe(3);
    expect(s.quarantinedNow).toEqual([]);
  });

  it('a plain store still writes plain files', async () => {
    const plainDir = `${dir}-plain2`;
    const s = await CaseStore.open(plainDir, { passphrase: 'ignored on a plain folder' });
    try {
      expect(s.encrypted).toBe(false);
      const c = await s.create(CaseDraft.parse(ngoDraft()));
      expect(JSON.parse(await readFile(path.join(plainDir, 'cases', `${c.id}.json`), 'utf8')).id).toBe(c.id);
    } finally {
      await s.close();
      await import('node:fs/promises').then((fs) => fs.rm(plainDir, { recursive: true, force: true }));
    }
  });
});
