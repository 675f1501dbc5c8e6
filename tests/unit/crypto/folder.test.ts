import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CaseFile } from '../../../shared/model';
import { changePassphrase, decryptFolder, encryptFolder, openVault, recoverConversion, type ConvertOptions } from '../../../electron/services/folder/convert';
import { folderEncryption, isFolderEncrypted } from '../../../electron/services/crypto/folderState';
import { EncryptedJsonFile } from '../../../electron/services/crypto/encryptedJsonFile';
import { decryptBytes, encryptBytes } from '../../../electron/services/crypto/envelope';
import { WrongPassphraseError } from '../../../electron/services/crypto/errors';
import { aadForFile, aadForPath, JOURNAL_FILE, VAULT_FILE } from '../../../electron/services/disk/folderLayout';
import { ServiceError } from '../../../electron/services/errors';
import { loadSummaryIndex } from '../../../electron/services/store/summaryIndex';
import { buildDataFolder, expectSamePlaintext, FAST_KDF, isStoredEncrypted, markersFound, MARKERS, snapshot, type FolderSnapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

const PASS = 'Менің құпия сөзім — 🕊️ — كلمة';
const NEW_PASS = 'a new passphrase, Жаңа';

let root: string;
let cleanupRoot: () => Promise<void>;
/** A plain data folder built by the real store, and its bytes. */
let plainDir: string;
let original: FolderSnapshot;
let ids: string[];
let copies = 0;

beforeAll(async () => {
  ({ dir: root, cleanup: cleanupRoot } = await tempDir('casefile-crypto-folder-'));
  plainDir = path.join(root, 'plain');
  await mkdir(plainDir);
  ids = await buildDataFolder(plainDir);
  original = await snapshot(plainDir);
});
afterAll(() => cleanupRoot());

/** A fresh copy of the plain folder, times and all. */
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

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

async function mtimes(dir: string, names: Iterable<string>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const rel of names) out[rel] = (await stat(path.join(dir, rel))).mtimeMs;
  return out;
}

describe('the fixture', () => {
  it('is a realistic folder: cases, a trashed case, a quarantined file with its note, the index and meta.json — all in plain text', () => {
    const names = [...original.keys()];
    expect(names.filter((n) => n.startsWith('cases/'))).toHaveLength(ids.length - 1);
    expect(names.filter((n) => n.startsWith('trash/'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('quarantine/'))).toHaveLength(2);
    expect(names).toContain('summary-index.json');
    expect(names).toContain('meta.json');
    // Every marker is there to be found before encryption, or the leak check below would prove nothing.
    const found = markersFound(original).join('\n');
    for (const key of Object.keys(MARKERS)) expect(found).toContain(`${key} (`);
  });
});

describe('encrypting a folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await copyOfPlain();
  });

  it('leaves no marker in any byte of any file, and every file decrypts to its original', async () => {
    const progress: string[] = [];
    const report = await encryptFolder(dir, PASS, FAST_KDF, { onProgress: ({ done, total }) => void progress.push(`${done}/${total}`) });
    expect(report).toEqual({ converted: original.size - 1, unreadable: [], untouched: [] }); // all but meta.json
    expect(progress.at(-1)).toBe(`${original.size - 1}/${original.size - 1}`);
    const after = await snapshot(dir);
    expect(markersFound(after)).toEqual([]);
    expect([...after.keys()].sort()).toEqual([...original.keys(), VAULT_FILE].sort());
    expect(after.get('meta.json')!.equals(original.get('meta.json')!)).toBe(true);
    for (const [rel, bytes] of after) if (rel !== 'meta.json' && rel !== VAULT_FILE) expect(isStoredEncrypted(rel, bytes), rel).toBe(true);
    expect(await isFolderEncrypted(dir)).toBe(true);
    expect(await folderEncryption(dir)).toEqual({ state: 'encrypted' });
    const key = await openVault(dir, PASS);
    await expectSamePlaintext(dir, original, key);
  });

  it('keeps every file time (a trashed case\'s mtime is when it was trashed)', async () => {
    const before = await mtimes(dir, original.keys());
    await encryptFolder(dir, PASS, FAST_KDF);
    expect(await mtimes(dir, original.keys())).toEqual(before);
  });

  it('yields files the store can read through EncryptedJsonFile', async () => {
    await encryptFolder(dir, PASS, FAST_KDF);
    const key = await openVault(dir, PASS);
    for (const sub of ['cases', 'trash']) {
      for (const name of await readdir(path.join(dir, sub))) {
        const file = path.join(dir, sub, name);
        const c = CaseFile.parse(await new EncryptedJsonFile<unknown>(file, key, aadForFile(dir, file)).read());
        expect(`${c.id}.json`).toBe(name);
      }
    }
    const index = await loadSummaryIndex(path.join(dir, 'summary-index.json'), key);
    expect([...index.cases.keys()].sort()).toEqual((await readdir(path.join(dir, 'cases'))).map((n) => n.slice(0, -'.json'.length)).sort());
  });

  it('sweeps crash leftovers that may hold plaintext: temp files and rendered briefs', async () => {
    await writeFile(path.join(dir, 'cases', `.${ids[0]}.json.999.abcdef.tmp`), `{"name": "${MARKERS.name}"}`);
    await mkdir(path.join(dir, 'tmp'));
    await writeFile(path.join(dir, 'tmp', 'brief-1.pdf'), `%PDF ${MARKERS.note}`);
    await encryptFolder(dir, PASS, FAST_KDF);
    expect(markersFound(await snapshot(dir))).toEqual([]);
    await expectSamePlaintext(dir, original, await openVault(dir, PASS));
  });

  it('reports files it does not know, and leaves them alone', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'left alone');
    await writeFile(path.join(dir, 'cases', 'README.txt'), 'left alone');
    const report = await encryptFolder(dir, PASS, FAST_KDF);
    expect(report.untouched).toEqual(['cases/README.txt', 'notes.txt']);
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('left alone');
  });

  it('refuses a folder that is already encrypted, that is not a data folder, or an empty passphrase — changing nothing', async () => {
    await encryptFolder(dir, PASS, FAST_KDF);
    const before = await snapshot(dir);
    const again = await rejection(encryptFolder(dir, PASS, FAST_KDF));
    expect((again as ServiceError).code).toBe('conflict');
    expect(await snapshot(dir)).toEqual(before);

    const fresh = await copyOfPlain();
    const empty = await rejection(encryptFolder(fresh, '', FAST_KDF));
    expect((empty as ServiceError).code).toBe('bad_input');
    expect(await snapshot(fresh)).toEqual(original);

    const notData = path.join(root, `not-data-${copies++}`);
    await mkdir(path.join(notData, 'cases'), { recursive: true });
    await writeFile(path.join(notData, 'cases', 'x.json'), '{}');
    expect(((await rejection(encryptFolder(notData, PASS, FAST_KDF))) as ServiceError).code).toBe('not_found');
    expect(await readFile(path.join(notData, 'cases', 'x.json'), 'utf8')).toBe('{}');
  });
});

describe('decrypting a folder', () => {
  it('restores byte-identical originals with their times', async () => {
    const dir = await copyOfPlain();
    const times = await mtimes(dir, original.keys());
    await encryptFolder(dir, PASS, FAST_KDF);
    const report = await decryptFolder(dir, PASS);
    expect(report.converted).toBe(original.size - 1);
    expect(await snapshot(dir)).toEqual(original);
    expect(await mtimes(dir, original.keys())).toEqual(times);
    expect(await isFolderEncrypted(dir)).toBe(false);
  });

  it('leaves a damaged file as it is and says so (the store quarantines it on open)', async () => {
    const dir = await encryptedCopy();
    const victim = [...original.keys()].find((n) => n.startsWith('cases/'))!;
    const bytes = await readFile(path.join(dir, victim));
    bytes[bytes.length - 3]! ^= 1;
    await writeFile(path.join(dir, victim), bytes);
    const report = await decryptFolder(dir, PASS);
    expect(report.unreadable).toEqual([victim]);
    expect((await readFile(path.join(dir, victim))).equals(bytes)).toBe(true);
    const rest = new Map([...original].filter(([rel]) => rel !== victim));
    const after = await snapshot(dir);
    for (const [rel, b] of rest) expect(after.get(rel)!.equals(b), rel).toBe(true);
  });

  it('refuses a plain folder', async () => {
    const dir = await copyOfPlain();
    expect(((await rejection(decryptFolder(dir, PASS))) as ServiceError).code).toBe('bad_input');
    expect(((await rejection(openVault(dir, PASS))) as ServiceError).code).toBe('bad_input');
    expect(((await rejection(changePassphrase(dir, PASS, NEW_PASS))) as ServiceError).code).toBe('bad_input');
    expect(await snapshot(dir)).toEqual(original);
  });
});

describe('changing the passphrase', () => {
  it('rewraps the key only: the new passphrase opens, the old one fails, no data file changes', async () => {
    const dir = await encryptedCopy();
    const before = await snapshot(dir);
    const key = await openVault(dir, PASS);
    await changePassphrase(dir, PASS, NEW_PASS);
    const after = await snapshot(dir);
    for (const [rel, bytes] of before) if (rel !== VAULT_FILE) expect(after.get(rel)!.equals(bytes), rel).toBe(true);
    expect(after.get(VAULT_FILE)!.equals(before.get(VAULT_FILE)!)).toBe(false);
    expect((await openVault(dir, NEW_PASS)).equals(key)).toBe(true);
    expect(await rejection(openVault(dir, PASS))).toBeInstanceOf(WrongPassphraseError);
    await decryptFolder(dir, NEW_PASS);
    expect(await snapshot(dir)).toEqual(original);
  });
});

describe('a wrong passphrase changes nothing on disk', () => {
  const WRONG = 'not the passphrase';

  async function expectUntouched(dir: string, attempt: () => Promise<unknown>): Promise<void> {
    const before = await snapshot(dir);
    const err = await rejection(attempt());
    expect(err).toBeInstanceOf(WrongPassphraseError);
    expect((err as ServiceError).code).toBe('bad_input');
    expect(err.message).toBe('The passphrase is wrong. Nothing was changed.');
    expect(await snapshot(dir)).toEqual(before);
  }

  it('for openVault, decryptFolder and changePassphrase — even with crash leftovers lying about', async () => {
    const dir = await encryptedCopy();
    // A leftover temp file: the very first thing a successful call sweeps.
    await writeFile(path.join(dir, 'cases', '.x.json.1.aaaaaa.tmp'), 'leftover');
    await expectUntouched(dir, () => openVault(dir, WRONG));
    await expectUntouched(dir, () => decryptFolder(dir, WRONG));
    await expectUntouched(dir, () => changePassphrase(dir, WRONG, NEW_PASS));
  });

  it('for an interrupted encryption and an interrupted decryption', async () => {
    const crash: ConvertOptions = { onStep: (step) => { if (step.startsWith('write cases/')) throw new Error('crash'); } };
    const encrypting = await copyOfPlain();
    await rejection(encryptFolder(encrypting, PASS, FAST_KDF, crash));
    expect(await folderEncryption(encrypting)).toEqual({ state: 'interrupted', operation: 'encrypt' });
    for (const attempt of [() => recoverConversion(encrypting, WRONG), () => openVault(encrypting, WRONG), () => encryptFolder(encrypting, WRONG, FAST_KDF), () => decryptFolder(encrypting, WRONG), () => changePassphrase(encrypting, WRONG, NEW_PASS)]) {
      await expectUntouched(encrypting, attempt);
    }
    const decrypting = await encryptedCopy();
    await rejection(decryptFolder(decrypting, PASS, crash));
    expect(await folderEncryption(decrypting)).toEqual({ state: 'interrupted', operation: 'decrypt' });
    for (const attempt of [() => recoverConversion(decrypting, WRONG), () => openVault(decrypting, WRONG), () => decryptFolder(decrypting, WRONG)]) {
      await expectUntouched(decrypting, attempt);
    }
  });
});

describe('an interruption at every step', () => {
  type Op = { name: string; start: () => Promise<string>; run: (dir: string, options: ConvertOptions) => Promise<unknown>; passphrases: string[] };
  const ops: Op[] = [
    { name: 'encryptFolder', start: copyOfPlain, run: (dir, o) => encryptFolder(dir, PASS, FAST_KDF, o), passphrases: [PASS] },
    { name: 'decryptFolder', start: encryptedCopy, run: (dir, o) => decryptFolder(dir, PASS, o), passphrases: [PASS] },
    { name: 'changePassphrase', start: encryptedCopy, run: (dir, o) => changePassphrase(dir, PASS, NEW_PASS, undefined, o), passphrases: [PASS, NEW_PASS] },
  ];

  /** Opens the folder as the app will: recover, then the passphrase that works (if encrypted). */
  async function openAsTheAppWill(dir: string, passphrases: string[]): Promise<Buffer | null> {
    const first = await recoverConversion(dir);
    if (first.state === 'needs_passphrase') await recoverConversion(dir, passphrases[0]);
    if (!(await isFolderEncrypted(dir))) return null;
    const keys: Buffer[] = [];
    for (const p of passphrases) keys.push(...(await openVault(dir, p).then((k) => [k], () => [])));
    expect(keys).toHaveLength(1); // exactly one passphrase opens it: the old or the new
    return keys[0]!;
  }

  for (const op of ops) {
    it(`${op.name}: stopped before each step, the folder opens with the original plaintext, and the operation can be rerun`, async () => {
      const steps: string[] = [];
      await op.run(await op.start(), { onStep: (s) => void steps.push(s) });
      expect(steps.length).toBeGreaterThan(op.name === 'changePassphrase' ? 0 : original.size);
      const outcomes = new Map<string, number>();
      for (let k = 0; k <= steps.length; k++) {
        const dir = await op.start();
        let seen = 0;
        const crash: ConvertOptions = { onStep: () => { if (seen++ === k) throw new Error(`crash before step ${k}`); } };
        const result = await op.run(dir, crash).then(() => 'done', (err: Error) => err.message);
        expect(result).toBe(k === steps.length ? 'done' : `crash before step ${k}`);
        const key = await openAsTheAppWill(dir, op.passphrases);
        await expectSamePlaintext(dir, original, key);
        const outcome = key ? 'encrypted' : 'plain';
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
      // Rerunning after an interruption finishes the job.
      const dir = await op.start();
      let seen = 0;
      await rejection(op.run(dir, { onStep: () => { if (seen++ === Math.floor(steps.length / 2)) throw new Error('crash'); } }));
      await op.run(dir, {});
      const key = op.name === 'decryptFolder' ? null : await openVault(dir, op.passphrases.at(-1)!);
      await expectSamePlaintext(dir, original, key);
      console.info(`${op.name}: ${steps.length} steps; after an interruption the folder was ${[...outcomes].map(([o, n]) => `${o} ${n}×`).join(', ')}`);
    });
  }

  it('an interrupted encryption can be followed straight by a decryption, and an interrupted decryption by opening', async () => {
    const crash: ConvertOptions = { onStep: (step) => { if (step.startsWith('write trash/')) throw new Error('crash'); } };
    const encrypting = await copyOfPlain();
    await rejection(encryptFolder(encrypting, PASS, FAST_KDF, crash));
    await decryptFolder(encrypting, PASS);
    expect(await snapshot(encrypting)).toEqual(original);

    const decrypting = await encryptedCopy();
    await rejection(decryptFolder(decrypting, PASS, crash));
    expect(((await rejection(encryptFolder(decrypting, PASS, FAST_KDF))) as ServiceError).code).toBe('conflict');
    await expectSamePlaintext(decrypting, original, await openVault(decrypting, PASS));
    expect(await folderEncryption(decrypting)).toEqual({ state: 'encrypted' });
  });

  it('a committed conversion whose journal was not yet deleted needs no passphrase', async () => {
    const dir = await copyOfPlain();
    await rejection(encryptFolder(dir, PASS, FAST_KDF, { onStep: (s) => { if (s === 'cleanup') throw new Error('crash'); } }));
    expect((await readdir(dir))).toContain(JOURNAL_FILE);
    expect(await folderEncryption(dir)).toEqual({ state: 'encrypted' });
    expect(await recoverConversion(dir)).toEqual({ state: 'finished', operation: 'encrypt', outcome: 'completed', encrypted: true });
    expect(await readdir(dir)).not.toContain(JOURNAL_FILE);
    await rejection(decryptFolder(dir, PASS, { onStep: (s) => { if (s === 'cleanup') throw new Error('crash'); } }));
    expect(await folderEncryption(dir)).toEqual({ state: 'plain' });
    expect(await recoverConversion(dir)).toEqual({ state: 'finished', operation: 'decrypt', outcome: 'completed', encrypted: false });
    expect(await snapshot(dir)).toEqual(original);
  });

  it('an interrupted decryption is rolled back to encrypted: a crash never leaves the folder less protected', async () => {
    const dir = await encryptedCopy();
    let n = 0;
    await rejection(decryptFolder(dir, PASS, { onStep: (s) => { if (s.startsWith('write') && ++n === 3) throw new Error('crash'); } }));
    // Two files are plain right now.
    expect(markersFound(await snapshot(dir)).length).toBeGreaterThan(0);
    expect(await recoverConversion(dir)).toEqual({ state: 'needs_passphrase', operation: 'decrypt' });
    expect(await recoverConversion(dir, PASS)).toEqual({ state: 'finished', operation: 'decrypt', outcome: 'rolled_back', encrypted: true });
    await expectSamePlaintext(dir, original, await openVault(dir, PASS));
  });

  it('quarantined raw bytes that are themselves a damaged envelope survive a round trip', async () => {
    const dir = await copyOfPlain();
    const name = 'quarantine/2026-01-01T00-00-00-000Z--broken.json';
    const damaged = encryptBytes(Buffer.alloc(32, 7), 'an old encrypted case', 'cases/broken.json');
    await writeFile(path.join(dir, name), damaged);
    await encryptFolder(dir, PASS, FAST_KDF);
    const key = await openVault(dir, PASS);
    expect(decryptBytes(key, await readFile(path.join(dir, name)), aadForPath(name)).equals(damaged)).toBe(true);
    await decryptFolder(dir, PASS);
    expect((await readFile(path.join(dir, name))).equals(damaged)).toBe(true);
  });
});
