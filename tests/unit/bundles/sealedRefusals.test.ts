import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/fixtures';
import { folderListing } from './zipHelpers';
import { caseWithOriginal, ok, openFolder, SEAL_PASS, type Folder } from './sealedHelpers';

// Each damaged or wrongly-keyed sealed bundle is refused with what happened and what to do,
// and the receiving folder is byte for byte as it was: no case file, no original, no history line.

describe('sealed bundles that must not open', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let a: Folder;
  let b: Folder;
  let forB: Buffer; // a container with one original, sealed for b's own key
  let withPass: Buffer; // the same, sealed with SEAL_PASS
  let forOthers: Buffer; // sealed for a key b does not hold

  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir());
    a = await openFolder(path.join(root, 'a'));
    await caseWithOriginal(a);
    b = await openFolder(path.join(root, 'b'), true);
    const key = ok(await b.dispatch('bundle.makeKey', {})).publicKey!;
    const stranger = await identityToRecipient(await generateX25519Identity());
    const write = async (name: string, seal: { passphrase: string } | { recipients: string[] }) =>
      readFile(ok(await a.dispatch('bundle.exportFile', { path: path.join(root, name), seal })).path);
    forB = await write('for-b.json', { recipients: [key] });
    withPass = await write('pass.json', { passphrase: SEAL_PASS });
    forOthers = await write('others.json', { recipients: [stranger] });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await cleanup();
  });

  /** Imports `bytes` into b both ways (window bytes, command-line path); each must fail with `message`, b unchanged. */
  async function refused(name: string, bytes: Buffer, message: RegExp, passphrase?: string) {
    const before = await folderListing(b.dir);
    const file = path.join(root, name);
    await writeFile(file, bytes);
    const viaPath = await b.dispatch('bundle.importFile', { path: file, ...(passphrase ? { passphrase } : {}) });
    const viaBytes = await b.dispatch('bundle.import', { file: { fileName: name, dataBase64: bytes.toString('base64') }, ...(passphrase ? { passphrase } : {}) });
    for (const r of [viaPath, viaBytes]) {
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('bad_input');
      expect(!r.ok && r.error.message).toMatch(message);
      expect(!r.ok && r.error.message).toMatch(/Nothing was stored\.$/);
    }
    expect(await folderListing(b.dir)).toEqual(before);
    expect(ok(await b.dispatch('cases.list', {}))).toEqual([]);
  }

  it('a plain folder, which has no key of its own, is told so', async () => {
    const file = path.join(root, 'control.casefile.zip.age');
    await writeFile(file, forB);
    const listing = await folderListing(b.dir);
    const c = await openFolder(path.join(root, 'c'));
    try {
      const other = await c.dispatch('bundle.importFile', { path: file });
      expect(!other.ok && other.error.message).toMatch(/sealed for other recipients' keys: this data folder has no key of its own/);
    } finally {
      await c.close();
    }
    expect(await folderListing(b.dir)).toEqual(listing);
  });

  it('sealed for someone else’s key', async () => {
    await refused('others.casefile.zip.age', forOthers, /^"others\.casefile\.zip\.age" is sealed for other recipients' keys: this data folder's key is not among them \(or the part of the header meant for it was altered\)\. Ask the sender to seal it for this folder's public key/);
  });

  it('no passphrase, then a wrong passphrase', async () => {
    await refused('pass.casefile.zip.age', withPass, /^"pass\.casefile\.zip\.age" is sealed with a passphrase: give the passphrase its sender told you/);
    await refused('pass.casefile.zip.age', withPass, /^The passphrase does not open "pass\.casefile\.zip\.age": check it with its sender/, 'not the passphrase');
  });

  it('a file cut short: in its header, in its content, by its last bytes', async () => {
    await refused('cut.age', forB.subarray(0, 40), /is incomplete: it ends inside its sealed header/);
    await refused('cut.age', forB.subarray(0, Math.floor(forB.length / 2)), /is incomplete or its end was altered: its last sealed part fails its check/);
    await refused('cut.age', forB.subarray(0, forB.length - 1), /is incomplete or its end was altered/);
  });

  it('one flipped byte: in the header, in the middle of the content', async () => {
    // One base64 character changed for another valid one (a flipped bit could make it no base64 at all: a parse error, not this check).
    const swap = (bytes: Buffer, at: number) => (bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41);
    // In the header's MAC: the header fails its check.
    const mac = Buffer.from(forB);
    swap(mac, mac.indexOf('\n--- ') + 10);
    await refused('flip.age', mac, /was altered or damaged: its sealed header fails its check/);
    // In the stanza that wraps the key for b: it no longer opens for b, and the message says it may have been altered.
    const stanza = Buffer.from(forB);
    swap(stanza, stanza.indexOf('-> X25519 ') + 20);
    await refused('flip.age', stanza, /this data folder's key is not among them \(or the part of the header meant for it was altered\)/);
    const middle = Buffer.from(forB);
    middle[Math.floor(middle.length / 3)]! ^= 0x01;
    expect(forB.length).toBeGreaterThan(3 * 64 * 1024); // the flipped byte is in a part before the last
    await refused('flip.age', middle, /was altered or damaged: its sealed content fails its check after \d+ bytes/);
  });

  // Last, as it changes b: the intact file opens with b's key, so the refusals above were the damage, not the set-up.
  it('the intact file opens with the folder’s own key', async () => {
    const file = path.join(root, 'intact.casefile.zip.age');
    await writeFile(file, forB);
    const report = ok(await b.dispatch('bundle.importFile', { path: file }));
    expect(report.results).toMatchObject([{ action: 'created' }]);
  });
});
