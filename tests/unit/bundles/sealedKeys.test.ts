import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptFolder, encryptFolder } from '../../../electron/services/folder/convert';
import { SHARING_KEYS_FILE } from '../../../electron/services/disk/folderLayout';
import { cli } from '../../helpers/cli';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';
import { caseWithOriginal, ok, openFolder, PASS, reopenFolder, type Folder } from './sealedHelpers';

describe("the folder's sharing key and its partners' keys", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  const open: Folder[] = [];
  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterEach(async () => {
    for (const f of open.splice(0)) await f.close();
    await cleanup();
  });
  const folder = async (name: string, encrypted = false) => {
    const f = await openFolder(path.join(root, name), encrypted);
    open.push(f);
    return f;
  };
  const raw = (f: Folder) => readFile(path.join(f.dir, SHARING_KEYS_FILE));

  it('a plain folder makes no key of its own (it would lie in clear), but keeps a list of partners', async () => {
    const a = await folder('a');
    expect(ok(await a.dispatch('bundle.sharingKeys', {}))).toEqual({ publicKey: null, canMakeKey: false, partners: [] });
    const refused = await a.dispatch('bundle.makeKey', {});
    expect(!refused.ok && refused.error.message).toBe(
      'This data folder is not encrypted, and a private key kept in it would lie in clear on the disk. Encrypt the folder first (Settings → Encryption), then make its sharing key. Nothing was changed.',
    );
    await expect(raw(a)).rejects.toThrow(/ENOENT/);
    const key = await identityToRecipient(await generateX25519Identity());
    expect(ok(await a.dispatch('bundle.addPartner', { name: 'Kazakhstan Bureau', key })).partners).toEqual([{ name: 'Kazakhstan Bureau', key }]);
  });

  it('in an encrypted folder: one key, made once, sealed on disk with the partners; a key twice or with a bad checksum is refused', async () => {
    const a = await folder('a', true);
    const made = ok(await a.dispatch('bundle.makeKey', {}));
    expect(made).toMatchObject({ canMakeKey: true, partners: [] });
    expect(made.publicKey).toMatch(/^age1[a-z0-9]{58}$/);
    expect(ok(await a.dispatch('bundle.makeKey', {})).publicKey).toBe(made.publicKey);

    const partnerKey = await identityToRecipient(await generateX25519Identity());
    ok(await a.dispatch('bundle.addPartner', { name: 'Адвокаттар алқасы', key: partnerKey }));
    const twice = await a.dispatch('bundle.addPartner', { name: 'Other name', key: partnerKey });
    expect(!twice.ok && [twice.error.code, twice.error.message]).toEqual(['conflict', 'This key is in the list already, as “Адвокаттар алқасы”. Nothing was changed.']);
    const broken = `${partnerKey.slice(0, -1)}${partnerKey.endsWith('q') ? 'p' : 'q'}`;
    const bad = await a.dispatch('bundle.addPartner', { name: 'Typo', key: broken });
    expect(!bad.ok && bad.error.issues).toEqual([{ path: ['key'], message: 'the checksum of this key does not match' }]);

    const bytes = await raw(a);
    for (const secret of ['AGE-SECRET-KEY', made.publicKey!, partnerKey, 'Адвокаттар', 'casefile-sharing-keys']) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    expect(ok(await a.dispatch('bundle.removePartner', { key: partnerKey })).partners).toEqual([]);
  });

  it('decrypting the folder converts the file with the rest (the key then in clear, like every case); encrypting seals it again, the same key still opening bundles', async () => {
    const a = await folder('a', true);
    const publicKey = ok(await a.dispatch('bundle.makeKey', {})).publicKey!;
    await open.pop()!.close();

    await decryptFolder(a.dir, PASS);
    const plain = JSON.parse((await raw(a)).toString('utf8')) as { identity: string };
    expect(await identityToRecipient(plain.identity)).toBe(publicKey);
    const p = await reopenFolder(a.dir);
    open.push(p);
    // Kept, and shown, but not used to open bundles while the folder is plain; no new one is made.
    expect(ok(await p.dispatch('bundle.sharingKeys', {}))).toEqual({ publicKey, canMakeKey: false, partners: [] });
    await open.pop()!.close();

    await encryptFolder(a.dir, PASS, FAST_KDF);
    expect((await raw(a)).includes(Buffer.from('AGE-SECRET-KEY'))).toBe(false);
    const e = await reopenFolder(a.dir, PASS);
    open.push(e);
    expect(ok(await e.dispatch('bundle.sharingKeys', {})).publicKey).toBe(publicKey);

    const sender = await folder('sender');
    await caseWithOriginal(sender);
    const written = ok(await sender.dispatch('bundle.exportFile', { path: path.join(root, 'x.json'), files: false, seal: { recipients: [publicKey] } }));
    expect(ok(await e.dispatch('bundle.importFile', { path: written.path })).results).toHaveLength(1);
  });

  it('a snapshot carries the sharing keys, sealed, and a restore brings them back', async () => {
    const a = await folder('a', true);
    const publicKey = ok(await a.dispatch('bundle.makeKey', {})).publicKey!;
    const snap = ok(await a.dispatch('backups.create', {}));
    const snapshotBytes = await readFile(path.join(a.dir, 'backups', snap.name));
    expect(snapshotBytes.includes(Buffer.from('AGE-SECRET-KEY'))).toBe(false);
    await unlink(path.join(a.dir, SHARING_KEYS_FILE));
    expect(ok(await a.dispatch('bundle.sharingKeys', {})).publicKey).toBeNull();
    await open.pop()!.close();
    const restored = await cli(['--data-dir', a.dir, 'restore', snap.name], { CASEFILE_PASSPHRASE: PASS });
    expect(restored.code, restored.stderr).toBe(0);
    const back = await reopenFolder(a.dir, PASS);
    open.push(back);
    expect(ok(await back.dispatch('bundle.sharingKeys', {})).publicKey).toBe(publicKey);
  });
});
