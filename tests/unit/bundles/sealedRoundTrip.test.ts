import { readFile } from 'node:fs/promises';
import { Decrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { AGE_MAGIC, openSealed } from '../../../electron/services/bundles/sealing';
import { caseWithOriginal, foldersEachTest, MARKERS, ok, originalBytes, SEAL_PASS } from './sealedHelpers';

describe('sealed bundles: export sealed, open only for its recipients', () => {
  const { folder, at } = foldersEachTest();

  const expectNoPlaintext = (bytes: Buffer) => {
    expect(bytes.subarray(0, AGE_MAGIC.length).equals(AGE_MAGIC)).toBe(true);
    for (const marker of Object.values(MARKERS)) expect(bytes.includes(Buffer.from(marker, 'utf8')), marker).toBe(false);
    // Nor the container's entry names: it is sealed as it streams (a 4-byte ZIP signature could occur in random bytes by chance; these names cannot).
    for (const name of ['bundle.json', 'files/']) expect(bytes.includes(Buffer.from(name)), name).toBe(false);
  };

  it('a JSON bundle sealed with a passphrase: named .age, no plaintext inside, opened by the passphrase into another folder', async () => {
    const a = await folder('a');
    const id = await caseWithOriginal(a);
    const written = ok(await a.dispatch('bundle.exportFile', { path: at('out.casefile.json'), files: false, history: true, seal: { passphrase: SEAL_PASS } }));
    expect(written).toMatchObject({ path: at('out.casefile.json.age'), format: 'json', sealed: 'passphrase', cases: 1 });
    const sealed = await readFile(written.path);
    expect(sealed.length).toBe(written.bytes);
    expectNoPlaintext(sealed);
    // The standard format: age's own decrypter (pure JavaScript scrypt) opens what the native one sealed.
    const d = new Decrypter();
    d.addPassphrase(SEAL_PASS);
    expect(JSON.parse(await d.decrypt(sealed, 'text'))).toMatchObject({ format: 'casefile-bundle', cases: [{ id }] });

    const b = await folder('b');
    const report = ok(await b.dispatch('bundle.import', { file: { fileName: 'out.casefile.json.age', dataBase64: sealed.toString('base64') }, passphrase: SEAL_PASS }));
    expect(report.results).toMatchObject([{ id, action: 'created' }]);
    const back = ok(await b.dispatch('cases.get', { id }));
    expect(back.kind === 'political_prisoner' && back.person.name).toBe(MARKERS.name);
    expect(back.annotations[0]!.body).toBe(MARKERS.note);
    expect(ok(await b.dispatch('cases.history', { id })).length).toBeGreaterThan(0);
  });

  it('sealed for two recipients: each opens it, a third does not', async () => {
    const a = await folder('a');
    await caseWithOriginal(a);
    const [x, y, z] = await Promise.all([generateX25519Identity(), generateX25519Identity(), generateX25519Identity()]);
    const recipients = await Promise.all([identityToRecipient(x), identityToRecipient(y)]);
    const written = ok(await a.dispatch('bundle.exportFile', { path: at('two.json'), files: false, seal: { recipients } }));
    expect(written).toMatchObject({ path: at('two.json.age'), sealed: 'recipients' });
    const sealed = await readFile(written.path);
    expectNoPlaintext(sealed);
    const plainX = await openSealed('two.json.age', written.path, { identities: [x] });
    const plainY = await openSealed('two.json.age', sealed, { identities: [y] });
    expect(plainX.equals(plainY)).toBe(true);
    expect(JSON.parse(plainX.toString('utf8')).format).toBe('casefile-bundle');
    await expect(openSealed('two.json.age', sealed, { identities: [z] })).rejects.toThrow(/"two\.json\.age" is sealed for other recipients' keys: this data folder's key is not among them/);
  });

  it('a container with originals sealed for a folder’s own key: opened there without a passphrase, the original byte for byte', async () => {
    const a = await folder('a');
    const id = await caseWithOriginal(a);
    const b = await folder('b', true);
    const keys = ok(await b.dispatch('bundle.makeKey', {}));
    expect(keys.publicKey).toMatch(/^age1[a-z0-9]{58}$/);
    const other = await identityToRecipient(await generateX25519Identity());
    const written = ok(await a.dispatch('bundle.exportFile', { path: at('with-files.json'), seal: { recipients: [other, keys.publicKey!] } }));
    expect(written).toMatchObject({ path: at('with-files.casefile.zip.age'), format: 'zip', originals: 1, sealed: 'recipients' });
    expectNoPlaintext(await readFile(written.path));

    const report = ok(await b.dispatch('bundle.importFile', { path: written.path }));
    expect(report.results).toMatchObject([{ id, action: 'created' }]);
    const original = ok(await b.dispatch('sources.original', { caseId: id, sourceId: 's1' }));
    expect(Buffer.from(original.dataBase64, 'base64').equals(originalBytes)).toBe(true);
  });

  it('a recipient key with a bad checksum, or given twice, is refused by its place and nothing is written', async () => {
    const a = await folder('a');
    await caseWithOriginal(a);
    const good = await identityToRecipient(await generateX25519Identity());
    const broken = `${good.slice(0, -1)}${good.endsWith('q') ? 'p' : 'q'}`;
    const bad = await a.dispatch('bundle.exportFile', { path: at('bad.json'), seal: { recipients: [good, broken] } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.issues).toEqual([{ path: ['seal', 'recipients', 1], message: expect.stringContaining(`"${broken}" is not a valid age public key`) }]);
    const twice = await a.dispatch('bundle.exportFile', { path: at('bad.json'), seal: { recipients: [good, good] } });
    expect(!twice.ok && twice.error.issues?.[0]).toMatchObject({ path: ['seal', 'recipients'], message: 'the same public key is given twice' });
    const typo = await a.dispatch('bundle.exportFile', { path: at('bad.json'), seal: { recipients: ['age1notakey'] } });
    expect(!typo.ok && typo.error.issues?.[0]?.path).toEqual(['seal', 'recipients', 0]);
    await expect(readFile(at('bad.json.age'))).rejects.toThrow(/ENOENT/);
  });
});
