import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedJsonFile } from '../../../electron/services/crypto/encryptedJsonFile';
import { decryptBytes, isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { EncryptedFileError } from '../../../electron/services/crypto/errors';
import { aadForFile, aadForPath } from '../../../electron/services/disk/folderLayout';
import { wipe } from '../../../electron/services/crypto/wipe';
import { DurableJsonFile, type DurableFs } from '../../../electron/services/disk/durableFile';
import { MIXED_SCRIPTS, tempDir } from '../../helpers/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-crypto-'));
});
afterEach(() => cleanup());

type Doc = { name: string; notes: string[] };
const doc: Doc = { name: MIXED_SCRIPTS, notes: ['Қамауда', '🕊️', 'حقوق'] };

describe('the encrypted lowdb adapter', () => {
  it('round-trips JSON, returns null for a missing file, and leaves no temp file', async () => {
    const file = path.join(dir, 'a.json');
    const key = randomBytes(32);
    const db = new EncryptedJsonFile<Doc>(file, key, 'cases/a.json');
    expect(await db.read()).toBeNull();
    await db.write(doc);
    await db.write({ ...doc, notes: [] });
    expect(await db.read()).toEqual({ ...doc, notes: [] });
    expect(await readdir(dir)).toEqual(['a.json']);
    const bytes = await readFile(file);
    expect(isEncryptedBytes(bytes)).toBe(true);
    expect(bytes.includes(Buffer.from('Қамауда'))).toBe(false);
  });

  it('holds exactly the text DurableJsonFile would write, so decrypting a folder gives identical files', async () => {
    const key = randomBytes(32);
    await new DurableJsonFile<Doc>(path.join(dir, 'plain.json')).write(doc);
    await new EncryptedJsonFile<Doc>(path.join(dir, 'enc.json'), key, 'x').write(doc);
    const plain = await readFile(path.join(dir, 'plain.json'));
    expect(decryptBytes(key, await readFile(path.join(dir, 'enc.json')), 'x').equals(plain)).toBe(true);
  });

  it('works under lowdb', async () => {
    const key = randomBytes(32);
    const db = new Low<Doc>(new EncryptedJsonFile<Doc>(path.join(dir, 'low.json'), key, 'low.json'), { name: '', notes: [] });
    await db.read();
    db.data.notes.push('Әділет');
    await db.write();
    const again = new Low<Doc>(new EncryptedJsonFile<Doc>(path.join(dir, 'low.json'), key, 'low.json'), { name: '', notes: [] });
    await again.read();
    expect(again.data.notes).toEqual(['Әділет']);
  });

  it('throws EncryptedFileError for a damaged, swapped or plain file', async () => {
    const key = randomBytes(32);
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    await new EncryptedJsonFile<Doc>(a, key, 'cases/a.json').write(doc);
    await new EncryptedJsonFile<Doc>(b, key, 'cases/b.json').write({ name: 'b', notes: [] });
    // b's file put in a's place.
    await rename(b, a);
    await expect(new EncryptedJsonFile<Doc>(a, key, 'cases/a.json').read()).rejects.toBeInstanceOf(EncryptedFileError);
    // One flipped byte.
    await new EncryptedJsonFile<Doc>(a, key, 'cases/a.json').write(doc);
    const bytes = await readFile(a);
    bytes[40]! ^= 4;
    await writeFile(a, bytes);
    await expect(new EncryptedJsonFile<Doc>(a, key, 'cases/a.json').read()).rejects.toThrow('authentication failed');
    // A plain JSON file dropped in.
    await writeFile(a, JSON.stringify(doc));
    await expect(new EncryptedJsonFile<Doc>(a, key, 'cases/a.json').read()).rejects.toMatchObject({ reason: 'not_encrypted' });
  });

  it('fails rather than write garbage once the key is wiped (the folder was locked)', async () => {
    const key = randomBytes(32);
    const file = path.join(dir, 'a.json');
    const db = new EncryptedJsonFile<Doc>(file, key, 'a.json');
    await db.write(doc);
    wipe(key);
    await expect(db.write({ name: 'after lock', notes: [] })).rejects.toThrow(/locked/);
    await expect(db.read()).rejects.toThrow(/locked/);
  });

  it('writes through the injected file-system calls (fault tests keep working)', async () => {
    const calls: string[] = [];
    const fs: DurableFs = {
      open: (async (p: string, flags: string, mode?: number) => {
        calls.push('open');
        return open(p, flags, mode);
      }) as DurableFs['open'],
      rename: (async (from: string, to: string) => {
        calls.push('rename');
        return rename(from, to);
      }) as DurableFs['rename'],
      unlink,
    };
    await new EncryptedJsonFile<Doc>(path.join(dir, 'a.json'), randomBytes(32), 'a.json', fs).write(doc);
    expect(calls).toEqual(['open', 'rename', 'open']);
  });

  it('names files as the store will: a case keeps its name in the Trash', () => {
    expect(aadForPath('cases/abc.json')).toBe('cases/abc.json');
    expect(aadForPath('trash/abc.json')).toBe('cases/abc.json');
    expect(aadForPath('quarantine/2026-01-01--abc.json')).toBe('quarantine/2026-01-01--abc.json');
    expect(aadForPath('summary-index.json')).toBe('summary-index.json');
    expect(aadForFile(dir, path.join(dir, 'trash', 'x.json'))).toBe('cases/x.json');
  });
});
