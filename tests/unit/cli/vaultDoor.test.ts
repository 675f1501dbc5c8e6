import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { folderEncryption } from '../../../electron/services/crypto';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { FAST_KDF, isStoredEncrypted, snapshot } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// encrypt, decrypt and change-passphrase ask for the passphrase and then go
// through the contract like every other command: the folder is opened as a
// Session (what opening does — quarantining a damaged file — is reported), the
// request is checked by the contract's schema (a refusal names its JSON path),
// and what the conversion did comes back in the operation's answer.

const PASS = 'Менің құпия сөзім 🕊️';
const NEXT = 'a different one, Жаңа';
const FAST = { CASEFILE_SCRYPT_N: '1024' };
const TOO_LONG = 'ж'.repeat(1025); // the contract's Passphrase is at most 1024 characters; the command line has no limit of its own

let dir: string;
let cleanup: () => Promise<void>;
const data = () => path.join(dir, 'data');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data(), ...args], { ...FAST, ...env });

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casefile-vault-door-'));
  const store = await CaseStore.open(data());
  await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Қ. — vault door' })));
  await store.close();
  // Only an open folder quarantines this: the old command line converted the folder without opening it.
  await writeFile(path.join(data(), 'cases', 'broken.json'), '{"title": "half a case", ');
  // A file Casefile does not know: left as it is, and the user told so.
  await writeFile(path.join(data(), 'notes-of-mine.txt'), 'my own notes');
});
afterAll(() => cleanup());

describe('the vault commands dispatch through the contract', () => {
  it('encrypt: the folder is opened as every command opens it (the damaged file quarantined and said), then the contract refuses a too-long passphrase naming its path: exit 2, the folder stays plain', async () => {
    const r = await run(['encrypt'], { CASEFILE_NEW_PASSPHRASE: TOO_LONG });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('casefile: warning: quarantined');
    expect(r.stderr).toContain('cases/broken.json');
    expect(r.stderr).toContain('The request for vault.encrypt is not valid; nothing was changed.');
    expect(r.stderr).toMatch(/^ {2}passphrase: .*1024/m);
    expect(r.stderr).not.toContain(TOO_LONG);
    const snap = await snapshot(data());
    expect(snap.has('vault.json')).toBe(false);
    expect([...snap.keys()].filter((rel) => rel.startsWith('cases/') && isStoredEncrypted(rel, snap.get(rel)!))).toEqual([]);
  });

  it('encrypt: encrypted on disk, with the before-encrypt snapshot; the file Casefile does not know is named as NOT encrypted (the answer of vault.encrypt carries it)', async () => {
    const r = await run(['encrypt'], { CASEFILE_NEW_PASSPHRASE: PASS });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('NOT encrypted');
    expect(r.stderr).toContain('  notes-of-mine.txt');
    const converted = Number(/^Encrypted (\d+) file\(s\) in /m.exec(r.stdout)?.[1]);
    const snap = await snapshot(data());
    const sealed = [...snap].filter(([rel, bytes]) => rel !== 'meta.json' && rel !== 'vault.json' && isStoredEncrypted(rel, bytes));
    expect(converted).toBeGreaterThan(0);
    expect(sealed.length).toBeGreaterThanOrEqual(converted);
    expect(snap.has('vault.json')).toBe(true);
    expect(snap.get('notes-of-mine.txt')?.toString()).toBe('my own notes');
    const info = await run(['info', '--json'], { CASEFILE_PASSPHRASE: PASS });
    expect(JSON.parse(info.stdout)).toMatchObject({ encrypted: true, caseCount: 1 });
    const backups = await run(['backups', '--json'], { CASEFILE_PASSPHRASE: PASS });
    expect((JSON.parse(backups.stdout) as Array<{ reason: string }>).map((s) => s.reason)).toContain('before-encrypt');
  });

  it('change-passphrase: a new passphrase the contract refuses exits 2 naming newPassphrase; the old one still opens', async () => {
    const before = await snapshot(data());
    const r = await run(['change-passphrase'], { CASEFILE_PASSPHRASE: PASS, CASEFILE_NEW_PASSPHRASE: TOO_LONG });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The request for vault.changePassphrase is not valid; nothing was changed.');
    expect(r.stderr).toMatch(/^ {2}newPassphrase: /m);
    expect((await snapshot(data())).get('vault.json')).toEqual(before.get('vault.json'));
    expect((await run(['list'], { CASEFILE_PASSPHRASE: PASS })).code).toBe(0);
  });

  it('change-passphrase, then decrypt with the new one: plain files on disk, the folder opens without a passphrase', async () => {
    const changed = await run(['change-passphrase'], { CASEFILE_PASSPHRASE: PASS, CASEFILE_NEW_PASSPHRASE: NEXT });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('The passphrase was changed');
    // The session's scrypt cost (the command line's, lowered under vitest) wraps the new vault too.
    expect((JSON.parse((await snapshot(data())).get('vault.json')!.toString('utf8')) as { kdf: { N: number } }).kdf.N).toBe(1024);
    const r = await run(['decrypt'], { CASEFILE_PASSPHRASE: NEXT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Decrypted \d+ file\(s\) in .*The data folder is no longer encrypted\.$/m);
    expect(r.stderr).toContain('notes-of-mine.txt'); // still named: left as it was
    const snap = await snapshot(data());
    expect(snap.has('vault.json')).toBe(false);
    for (const name of await readdir(path.join(data(), 'cases'))) expect(isStoredEncrypted(`cases/${name}`, snap.get(`cases/${name}`)!), name).toBe(false);
    const list = await run(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Дело Қ. — vault door');
  });

  it('decrypt on the plain folder now: refused before any passphrase is asked (exit 2), with the words the contract uses', async () => {
    const r = await run(['decrypt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('This data folder is not encrypted. Nothing was changed.');
  });
});

describe('an encryption that was interrupted', () => {
  it('encrypt with the passphrase it was started with finishes it (opening the folder does), and says so; a wrong one changes nothing', async () => {
    const folder = path.join(dir, 'interrupted');
    const store = await CaseStore.open(folder);
    for (const title of ['Первое дело', 'Екінші іс', 'Third case']) await store.create(CaseDraft.parse(prisonerDraft({ title })));
    await store.close();
    // Stopped after the second file, as a crash would stop it: the journal says "encrypting".
    const stop = new Error('stopped here');
    await expect(encryptFolder(folder, PASS, FAST_KDF, { onProgress: ({ done }) => { if (done === 2) throw stop; } })).rejects.toThrow();
    expect(await folderEncryption(folder)).toEqual({ state: 'interrupted', operation: 'encrypt' });

    const before = await snapshot(folder);
    const wrong = await cli(['--data-dir', folder, 'encrypt'], { ...FAST, CASEFILE_NEW_PASSPHRASE: 'not the one it began with' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('The passphrase is wrong');
    expect(await snapshot(folder)).toEqual(before);

    const r = await cli(['--data-dir', folder, 'encrypt'], { ...FAST, CASEFILE_NEW_PASSPHRASE: PASS });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Finished the encryption of ${folder} that was interrupted.`);
    expect(await folderEncryption(folder)).toEqual({ state: 'encrypted' });
    const list = await cli(['--data-dir', folder, 'list', '--json'], { CASEFILE_PASSPHRASE: PASS });
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(3);
  });
});
