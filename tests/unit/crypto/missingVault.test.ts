import { copyFile, cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptBytes } from '../../../electron/services/crypto/envelope';
import { cli, cliProcess } from '../../helpers/cli';
import { snapshot } from '../../helpers/cryptoFolder';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

// An encrypted folder whose vault.json is gone must not pass for a plain one:
// every command refuses, says what is missing and what to do, and leaves every
// byte as it was. Put back, vault.json opens the folder as if nothing happened.

const PASS = 'Менің құпия сөзім — vault test';
const FAST = { CASEFILE_SCRYPT_N: '1024' };

let base: string;
let cleanup: () => Promise<void>;
let encrypted: string;
let ids: string[];

beforeAll(async () => {
  ({ dir: base, cleanup } = await tempDir('casefile-missing-vault-'));
  encrypted = path.join(base, 'encrypted');
  const store = await CaseStore.open(encrypted);
  ids = [
    (await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Қ. — live' })))).id,
    (await store.create(CaseDraft.parse(ngoDraft({ title: 'Әділет — to be trashed' })))).id,
  ];
  await store.trash(ids[1]!);
  await store.backup('manual');
  await store.close();
  const r = await cli(['--data-dir', encrypted, 'encrypt'], { ...FAST, CASEFILE_NEW_PASSPHRASE: PASS });
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => cleanup());

/** A copy of the encrypted folder with vault.json removed (kept beside it, to put back). */
async function withoutVault(name: string): Promise<{ dir: string; kept: string }> {
  const dir = path.join(base, name);
  await cp(encrypted, dir, { recursive: true, preserveTimestamps: true });
  const kept = path.join(base, `${name}.vault.json`);
  await copyFile(path.join(dir, 'vault.json'), kept);
  await rm(path.join(dir, 'vault.json'));
  return { dir, kept };
}

describe('an encrypted folder without vault.json', () => {
  it('every command refuses (exit 2) naming vault.json and where its copy is, and no byte of the folder changes', async () => {
    const { dir } = await withoutVault('refuse');
    const before = await snapshot(dir);
    for (const args of [['list'], ['info'], ['verify'], ['backups'], ['show', ids[0]!], ['backup'], ['encrypt'], ['decrypt'], ['change-passphrase']]) {
      for (const env of [{}, { CASEFILE_PASSPHRASE: PASS, CASEFILE_NEW_PASSPHRASE: `${PASS} 2`, ...FAST }]) {
        const r = await cli(['--data-dir', dir, ...args], env);
        const what = `${args.join(' ')} ${Object.keys(env).length ? 'with' : 'without'} a passphrase`;
        expect(r.code, `${what}: ${r.stdout}${r.stderr}`).not.toBe(0);
        expect(r.stdout, what).not.toContain('No cases.');
        if (args[0] === 'decrypt' || args[0] === 'change-passphrase') {
          // These ask about the encryption first: "not encrypted" would be the old, wrong answer.
          expect(r.stderr, what).not.toContain('not encrypted');
        }
        expect(r.stderr, what).toMatch(/vault\.json is missing/);
        expect(r.stderr, what).toContain('backup --copy-to');
        expect(r.code, what).toBe(2);
      }
    }
    expect(await snapshot(dir)).toEqual(before);
  });

  it('the real command line exits 2 with the message, and quarantines nothing', async () => {
    const { dir } = await withoutVault('process');
    const before = await snapshot(dir);
    const r = await cliProcess(['--data-dir', dir, 'list'], { CASEFILE_PASSPHRASE: PASS });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^casefile: This data folder is encrypted \(.+ is sealed\) but its key file vault\.json is missing/);
    expect(r.stderr).not.toContain('quarantined');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('with vault.json put back, the folder opens whole: every case, the trash, nothing quarantined', async () => {
    const { dir, kept } = await withoutVault('put-back');
    expect((await cli(['--data-dir', dir, 'list'], { CASEFILE_PASSPHRASE: PASS })).code).toBe(2);
    await copyFile(kept, path.join(dir, 'vault.json'));
    const list = await cli(['--data-dir', dir, 'list'], { CASEFILE_PASSPHRASE: PASS });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toBe('');
    expect(list.stdout).toContain('Дело Қ. — live');
    const info = await cli(['--data-dir', dir, 'info'], { CASEFILE_PASSPHRASE: PASS });
    expect(info.stdout).toContain('encrypted');
    expect(info.stdout).toContain('Cases: 1, in the Trash: 1, quarantined files: 0');
    const verify = await cli(['--data-dir', dir, 'verify'], { CASEFILE_PASSPHRASE: PASS });
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('a plain folder holding one stray sealed file among plain ones (a decryption leaves a damaged one so) still opens, and that file is quarantined', async () => {
    const { dir, cleanup: done } = await tempDir('casefile-stray-');
    try {
      const store = await CaseStore.open(dir);
      await store.create(CaseDraft.parse(prisonerDraft({ title: 'Plain and well' })));
      await store.close();
      await writeFile(path.join(dir, 'cases', 'stray.json'), encryptBytes(Buffer.alloc(32, 7), '{"x":1}', 'cases/stray.json'));
      const r = await cli(['--data-dir', dir, 'list']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Plain and well');
      expect(r.stderr).toContain('quarantined cases/stray.json');
    } finally {
      await done();
    }
  });
});

describe('passphrases on the command line', () => {
  it('decrypt and change-passphrase without a passphrase exit 5 ("encrypted"), like every other command', async () => {
    const before = await snapshot(encrypted);
    for (const command of ['decrypt', 'change-passphrase']) {
      const r = await cli(['--data-dir', encrypted, command]);
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toMatch(/encrypted and no passphrase was given/);
      expect(r.stderr).toContain('CASEFILE_PASSPHRASE');
    }
    // The current passphrase given, the new one missing: that is bad input.
    const noNew = await cli(['--data-dir', encrypted, 'change-passphrase'], { CASEFILE_PASSPHRASE: PASS });
    expect(noNew.code).toBe(2);
    expect(noNew.stderr).toContain('CASEFILE_NEW_PASSPHRASE');
    expect(await snapshot(encrypted)).toEqual(before);
  });

  it('a passphrase shorter than 8 characters is refused by encrypt and change-passphrase (exit 2), as the app refuses it', async () => {
    const { dir, cleanup: done } = await tempDir('casefile-short-');
    try {
      const store = await CaseStore.open(dir);
      await store.create(CaseDraft.parse(prisonerDraft()));
      await store.close();
      const plain = await snapshot(dir);
      const r = await cli(['--data-dir', dir, 'encrypt'], { ...FAST, CASEFILE_NEW_PASSPHRASE: 'Қазақ' });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('at least 8 characters');
      expect(await snapshot(dir)).toEqual(plain);
      const before = await snapshot(encrypted);
      const cp = await cli(['--data-dir', encrypted, 'change-passphrase'], { ...FAST, CASEFILE_PASSPHRASE: PASS, CASEFILE_NEW_PASSPHRASE: '12345' });
      expect(cp.code).toBe(2);
      expect(cp.stderr).toContain('too short');
      expect(await snapshot(encrypted)).toEqual(before);
    } finally {
      await done();
    }
  });
});
