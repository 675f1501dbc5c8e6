// A damaged vault.json is told apart from a wrong passphrase. One flipped byte in
// each field of a real vault.json, written by `casefile encrypt`: every one is
// reported as damage, with where the good copy is; the right passphrase with an
// intact vault.json opens; a wrong one is still "The passphrase is wrong".
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { openVault } from '../../../electron/services/folder/convert';
import { WrongPassphraseError, WRONG_PASSPHRASE_MESSAGE } from '../../../electron/services/crypto/errors';
import { wipe } from '../../../electron/services/crypto/wipe';
import { ServiceError } from '../../../electron/services/errors';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

const PASS = 'Құпия сөз — vault damage';
let dir: string;
let cleanup: () => Promise<void>;
let good: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casefile-vault-damage-'));
  const store = await CaseStore.open(dir);
  await store.create(CaseDraft.parse(prisonerDraft({ title: 'Vault damage' })));
  await store.close();
  const r = await cli(['--data-dir', dir, 'encrypt'], { CASEFILE_SCRYPT_N: '1024', CASEFILE_NEW_PASSPHRASE: PASS });
  expect(r.code, r.stderr).toBe(0);
  good = await readFile(path.join(dir, 'vault.json'), 'utf8');
});
afterAll(() => cleanup());

const vaultFile = () => path.join(dir, 'vault.json');

async function openWith(text: string, passphrase: string): Promise<unknown> {
  await writeFile(vaultFile(), text);
  try {
    wipe(await openVault(dir, passphrase));
    return null;
  } catch (err) {
    return err;
  } finally {
    await writeFile(vaultFile(), good);
  }
}

/** `text` with the character at `at` replaced by another that keeps the file's shape (a digit by a digit, a base64 letter by a letter). */
function flipAt(text: string, at: number): string {
  const c = text[at]!;
  const next = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : /[a-y]/i.test(c) ? String.fromCharCode(c.charCodeAt(0) + 1) : c === 'z' ? 'a' : c === 'Z' ? 'A' : c === '+' ? '/' : '+';
  return `${text.slice(0, at)}${next}${text.slice(at + 1)}`;
}

/** The index of the middle of a field's value in vault.json's text. */
function valueAt(text: string, field: string): number {
  const m = new RegExp(`"${field}": ("?)([^",\\n]+)`).exec(text);
  if (!m) throw new Error(`no ${field} in vault.json`);
  return m.index + m[0].length - Math.ceil(m[2]!.length / 2);
}

describe('a damaged vault.json is not a wrong passphrase', () => {
  it('the intact file opens, and a wrong passphrase is still said to be wrong', async () => {
    expect(await openWith(good, PASS)).toBeNull();
    const err = await openWith(good, 'not the passphrase at all');
    expect(err).toBeInstanceOf(WrongPassphraseError);
    expect((err as Error).message).toBe(WRONG_PASSPHRASE_MESSAGE);
  });

  const FIELDS = ['format', 'name', 'N', 'r', 'p', 'keylen', 'maxmem', 'salt', 'cipher', 'nonce', 'tag', 'wrappedKey', 'check'];
  for (const field of FIELDS) {
    it(`a changed character in "${field}" is reported as damage, with the right passphrase and a wrong one`, async () => {
      const bad = flipAt(good, valueAt(good, field));
      expect(bad).not.toBe(good);
      for (const passphrase of [PASS, 'not the passphrase at all']) {
        const err = await openWith(bad, passphrase);
        expect(err, `${field} with ${passphrase === PASS ? 'the right' : 'a wrong'} passphrase`).toBeInstanceOf(ServiceError);
        expect(err).not.toBeInstanceOf(WrongPassphraseError);
        expect((err as Error).message).toMatch(/^vault\.json in the data folder is damaged/);
        expect((err as Error).message).toContain('Copy to another drive');
      }
    });
  }

  it('a file that no longer parses (a brace, a quote flipped) is damage too', async () => {
    for (const at of [0, good.indexOf('"format"'), good.lastIndexOf('}')]) {
      const bad = `${good.slice(0, at)}#${good.slice(at + 1)}`;
      const err = await openWith(bad, PASS);
      expect((err as Error).message, `at ${at}`).toMatch(/^vault\.json in the data folder is damaged/);
    }
  });

  it('the command line says so, exit code and all, and changes nothing', async () => {
    const bad = flipAt(good, valueAt(good, 'salt'));
    await writeFile(vaultFile(), bad);
    try {
      const r = await cli(['--data-dir', dir, 'list'], { CASEFILE_PASSPHRASE: PASS });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('vault.json in the data folder is damaged');
      expect(r.stderr).not.toContain('passphrase is wrong');
      expect(await readFile(vaultFile(), 'utf8')).toBe(bad);
      const wrong = await cli(['--data-dir', dir, 'list'], { CASEFILE_PASSPHRASE: 'not the passphrase at all' });
      expect(wrong.stderr).toContain('vault.json in the data folder is damaged');
    } finally {
      await writeFile(vaultFile(), good);
    }
    const ok = await cli(['--data-dir', dir, 'list'], { CASEFILE_PASSPHRASE: PASS });
    expect(ok.code, ok.stderr).toBe(0);
    const wrong = await cli(['--data-dir', dir, 'list'], { CASEFILE_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.stderr).toContain('The passphrase is wrong');
  });
});
