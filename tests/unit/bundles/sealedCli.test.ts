import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { cli, root as repoRoot } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';
import { folderListing } from './zipHelpers';
import { caseWithOriginal, MARKERS, ok, openFolder, PASS, SEAL_PASS } from './sealedHelpers';

describe('casefile export / import, sealed', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterEach(async () => cleanup());

  const withPass = { CASEFILE_PASSPHRASE: PASS };

  /** An encrypted folder with one case (an original, a confidential note, a contact), closed again for the command line. */
  async function encryptedFolder(name: string, partner?: { name: string; key: string }): Promise<string> {
    const f = await openFolder(path.join(root, name), true);
    try {
      await caseWithOriginal(f);
      if (partner) ok(await f.dispatch('bundle.addPartner', partner));
    } finally {
      await f.close();
    }
    return f.dir;
  }

  /** An encrypted folder with its own sharing key and no case; returns the folder and its public key. */
  async function receivingFolder(name: string): Promise<{ dir: string; key: string }> {
    const f = await openFolder(path.join(root, name), true);
    try {
      return { dir: f.dir, key: ok(await f.dispatch('bundle.makeKey', {})).publicKey! };
    } finally {
      await f.close();
    }
  }

  it('an encrypted folder refuses to export in clear without --plain, and says what the file would hold', async () => {
    const a = await encryptedFolder('a');
    const refused = await cli(['--data-dir', a, 'export', path.join(root, 'out.json')], withPass);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`casefile: This data folder is encrypted, but the export would be written in clear: 1 case(s) naming ${MARKERS.name}; 2 confidential item(s) and field(s)`);
    expect(refused.stderr).toMatch(/1 original file\(s\), \d+ KiB/);
    expect(refused.stderr).toContain('Seal it with --seal, --passphrase-file F or --recipient KEY, or pass --plain to write it in clear.');
    expect((await readdir(root)).filter((n) => n.startsWith('out'))).toEqual([]);

    const plain = await cli(['--data-dir', a, 'export', path.join(root, 'out.json'), '--plain'], withPass);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^Exported 1 case\(s\) and 1 original file\(s\) to .*out\.casefile\.zip \(/);
  });

  it('--passphrase-file seals; import opens it with --passphrase-file, refuses without one or with a wrong one, storing nothing', async () => {
    const a = await encryptedFolder('a');
    const passFile = path.join(root, 'pass.txt');
    await writeFile(passFile, `${SEAL_PASS}\n`);
    const exported = await cli(['--data-dir', a, 'export', path.join(root, 'out.json'), '--passphrase-file', passFile], withPass);
    expect(exported.code, exported.stderr).toBe(0);
    const sealed = path.join(root, 'out.casefile.zip.age');
    expect(exported.stdout).toContain(`to ${sealed} (`);
    expect(exported.stdout).toMatch(/, sealed with a passphrase\)\.$/);
    const bytes = await readFile(sealed);
    for (const marker of Object.values(MARKERS)) expect(bytes.includes(Buffer.from(marker))).toBe(false);

    const b = path.join(root, 'b');
    expect((await cli(['--data-dir', b, 'list'])).code).toBe(0);
    const before = await folderListing(b);
    const none = await cli(['--data-dir', b, 'import', sealed]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('casefile: The bundle is sealed with a passphrase, and there is no terminal to ask on: give it in a file with --passphrase-file FILE. Nothing was stored.');
    const wrongFile = path.join(root, 'wrong.txt');
    await writeFile(wrongFile, 'not the passphrase\n');
    const wrong = await cli(['--data-dir', b, 'import', sealed, '--passphrase-file', wrongFile]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('casefile: The passphrase does not open "out.casefile.zip.age"');
    expect(await folderListing(b)).toEqual(before);

    const imported = await cli(['--data-dir', b, 'import', sealed, '--passphrase-file', passFile]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 1 of 1 case(s) from out.casefile.zip.age.');
  });

  it('--recipient takes a partner’s name or a key; the receiving folder opens it with its own key, no passphrase asked', async () => {
    const b = await receivingFolder('b');
    const a = await encryptedFolder('a', { name: 'Правозащитный центр', key: b.key });
    const byName = await cli(['--data-dir', a, 'export', path.join(root, 'for-b.json'), '--no-files', '--recipient', 'правозащитный центр'], withPass);
    expect(byName.code, byName.stderr).toBe(0);
    expect(byName.stdout).toBe(`Exported 1 case(s) to ${path.join(root, 'for-b.json.age')} (sealed for 1 recipient(s)).`);
    const imported = await cli(['--data-dir', b.dir, 'import', path.join(root, 'for-b.json.age')], withPass);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 1 of 1 case(s) from for-b.json.age.');

    const unknown = await cli(['--data-dir', a, 'export', path.join(root, 'x.json'), '--recipient', 'Nobody we know'], withPass);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"Nobody we know" is neither a public key (age1…) nor the name of a partner in Settings → Sharing keys. Nothing was written.');
    const twoWays = await cli(['--data-dir', a, 'export', path.join(root, 'x.json'), '--recipient', b.key, '--plain'], withPass);
    expect(twoWays.code).toBe(2);
    expect(twoWays.stderr).toContain('--plain and sealing exclude each other');
  });

  it('on a terminal, --seal asks for the passphrase twice and import asks for it once', async () => {
    const a = await encryptedFolder('a');
    /** The command line as a terminal runs it: each question answered from `answers`, in turn. */
    const onTerminal = async (args: string[], answers: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const asked: string[] = [];
      const code = await runCli(args, {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        env: withPass,
        cwd: repoRoot,
        prompt: async (question) => (asked.push(question), answers.shift() ?? null),
      });
      return { code, stdout: out.join('\n'), stderr: err.join('\n'), asked };
    };
    const differ = await onTerminal(['--data-dir', a, 'export', path.join(root, 'x.json'), '--seal'], [SEAL_PASS, `${SEAL_PASS}!`]);
    expect(differ.code).toBe(2);
    expect(differ.stderr).toContain('The two passphrases differ. Nothing was written.');
    const sealed = await onTerminal(['--data-dir', a, 'export', path.join(root, 'x.json'), '--seal', '--no-files'], [SEAL_PASS, SEAL_PASS]);
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(sealed.asked).toEqual(['Passphrase to seal the bundle with: ', 'Type it again: ']);
    const b = path.join(root, 'b');
    const imported = await onTerminal(['--data-dir', b, 'import', path.join(root, 'x.json.age')], [SEAL_PASS]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.asked).toEqual(['Passphrase of the sealed bundle: ']);
    expect(imported.stdout).toContain('Imported 1 of 1 case(s) from x.json.age.');
  });
});
