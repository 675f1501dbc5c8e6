import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli, cliProcess, root, type CliRun } from '../../helpers/cli';
import { isStoredEncrypted, snapshot, type FolderSnapshot } from '../../helpers/cryptoFolder';
import { fullPrisonerDraft, ngoDraft, tempDir } from '../../helpers/fixtures';

// Encryption at rest through the command line. One folder is built through the
// CLI, encrypted, used, tampered with, re-keyed and decrypted, in order: each
// step's scrypt is cheap because CASEFILE_SCRYPT_N (honoured only under vitest)
// sets a low cost for the new vault.

const SAMPLE = path.join(root, 'tests/fixtures/sample-bundle.casefile.json');
const PASS = 'Менің құпия сөзім 🕊️';
const NEW_PASS = 'a different one, Жаңа';
const FAST = { CASEFILE_SCRYPT_N: '1024' };

const MARK = {
  title: 'MKRCLITITLE Дело Ж.',
  name: 'MKRCLINAME Жанар Бекова',
  note: 'MKRCLINOTE встреча с адвокатом',
  source: 'MKRCLISOURCE показания свидетеля',
  lawyer: 'MKRCLILAWYER Адвокат Қ.',
  trashed: 'MKRCLITRASH удалённое',
  quarantined: 'MKRCLIQUARANTINE битый файл',
} as const;

let dir: string;
let cleanup: () => Promise<void>;
const data = () => path.join(dir, 'data');
const withPass = (passphrase = PASS) => ({ CASEFILE_PASSPHRASE: passphrase });
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['--data-dir', data(), ...args], env);

/** Every marker found in any byte of any file in the data folder. */
function leaks(snap: FolderSnapshot): string[] {
  const found: string[] = [];
  for (const [rel, bytes] of snap) {
    for (const marker of Object.values(MARK)) {
      for (const needle of [marker, marker.split(' ')[0]!]) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${needle} in ${rel}`);
    }
  }
  return found;
}

function expectEncryptedRefusal(r: CliRun): void {
  expect(r.code).toBe(5);
  expect(r.stderr).toMatch(/this data folder is encrypted/i);
  expect(r.stderr).toContain('CASEFILE_PASSPHRASE');
}

let plainBefore: FolderSnapshot;
let sampleIds: string[];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  expect((await run(['import', SAMPLE])).code).toBe(0);
  const base = fullPrisonerDraft() as Record<string, unknown> & { person: Record<string, unknown>; sources: Record<string, unknown>[]; annotations: Record<string, unknown>[] };
  const marked = {
    ...base,
    id: 'marked',
    title: MARK.title,
    lawyer: MARK.lawyer,
    person: { ...base.person, name: MARK.name },
    sources: base.sources.map((s) => ({ ...s, text: `Текст источника. ${MARK.source}` })),
    annotations: base.annotations.map((a) => (a.sourceId ? a : { ...a, body: MARK.note })),
  };
  const bundle = { format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases: [marked, { ...ngoDraft({ summary: MARK.trashed }), id: 'to-trash' }] };
  await writeFile(path.join(dir, 'marked.json'), JSON.stringify(bundle));
  expect((await run(['import', path.join(dir, 'marked.json')])).code).toBe(0);
  // The CLI has no trash command: the store trashes, as the app would.
  const store = await CaseStore.open(data());
  await store.trash('to-trash');
  sampleIds = store.ids().filter((id) => id !== 'marked');
  await store.close();
  await writeFile(path.join(data(), 'cases', 'broken.json'), `{"title": "${MARK.quarantined}", "x": `);
  const listed = await run(['list']);
  expect(listed.code).toBe(0);
  expect(listed.stderr).toContain('quarantined cases/broken.json');
  plainBefore = await snapshot(data());
  expect(leaks(plainBefore).length).toBeGreaterThan(0); // the check can see them when they are there
});
afterAll(() => cleanup());

describe('casefile encrypt', () => {
  it('refuses without a passphrase and without a terminal (exit 2), changing nothing', async () => {
    const r = await run(['encrypt'], FAST);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('set CASEFILE_NEW_PASSPHRASE or CASEFILE_PASSPHRASE');
    expect(await snapshot(data())).toEqual(plainBefore);
  });

  it('encrypts every file: no marker is left in any byte of the folder', async () => {
    const r = await run(['encrypt'], { ...FAST, CASEFILE_NEW_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Encrypted \d+ file\(s\)/);
    expect(r.stderr).toContain('Encrypting:');
    const snap = await snapshot(data());
    expect(leaks(snap)).toEqual([]);
    const vault = JSON.parse(snap.get('vault.json')!.toString('utf8')) as { kdf: { N: number } };
    expect(vault.kdf.N).toBe(1024);
    for (const [rel, bytes] of snap) {
      if (rel === 'meta.json' || rel === 'vault.json') continue;
      expect(isStoredEncrypted(rel, bytes), rel).toBe(true);
    }
    expect([...snap.keys()].filter((rel) => rel.startsWith('trash/'))).toEqual(['trash/to-trash.json']);
    expect([...snap.keys()].filter((rel) => rel.startsWith('quarantine/'))).toHaveLength(2);
  });

  it('a second encrypt is a conflict (exit 3)', async () => {
    const r = await run(['encrypt'], { ...FAST, CASEFILE_NEW_PASSPHRASE: PASS });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('already encrypted');
  });
});

describe('every command on the encrypted folder', () => {
  const commands: Array<{ name: string; args: () => string[]; check: (r: CliRun) => void }> = [
    { name: 'list', args: () => ['list'], check: (r) => expect(r.stdout).toContain(MARK.title) },
    { name: 'show', args: () => ['show', 'marked'], check: (r) => expect(r.stdout).toContain(MARK.name) },
    { name: 'search', args: () => ['search', 'MKRCLISOURCE'], check: (r) => expect(r.stdout).toContain('marked') },
    { name: 'annotations', args: () => ['annotations', 'marked'], check: (r) => expect(r.stdout).toContain(MARK.note) },
    { name: 'export', args: () => ['export', path.join(dir, 'export.json'), '--plain'], check: (r) => expect(r.stdout).toContain('Exported 4 case(s)') },
    { name: 'brief', args: () => ['brief', 'marked', '--out', path.join(dir, 'brief.pdf'), '--mode', 'internal'], check: (r) => expect(r.stdout).toContain('Wrote') },
    { name: 'info', args: () => ['info'], check: (r) => expect(r.stdout).toContain('Cases: 4, in the Trash: 1, quarantined files: 1') },
  ];
  for (const { name, args, check } of commands) {
    it(`${name}: works with CASEFILE_PASSPHRASE, exits 5 without it`, async () => {
      const ok = await run(args(), withPass());
      expect(ok.code, ok.stderr).toBe(0);
      check(ok);
      expectEncryptedRefusal(await run(args()));
    });
  }

  it('verify reads every encrypted file; only the quarantined one is reported', async () => {
    const r = await run(['verify'], withPass());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 problem(s)');
    expect(r.stdout).toMatch(/quarantined: cases\/broken\.json: not valid JSON/);
    expectEncryptedRefusal(await run(['verify']));
  });

  it('the export holds the plaintext cases; the folder still holds no marker, and data/tmp no PDF', async () => {
    const exported = JSON.parse(await readFile(path.join(dir, 'export.json'), 'utf8')) as { cases: Array<{ id: string; title: string }> };
    expect(exported.cases.map((c) => c.id).sort()).toEqual(['marked', ...sampleIds].sort());
    const snap = await snapshot(data());
    expect(leaks(snap)).toEqual([]);
    expect([...snap.keys()].filter((rel) => rel.startsWith('tmp/'))).toEqual([]);
  });

  it('a wrong passphrase: exit 2 with the message, and not one byte changed', async () => {
    const before = await snapshot(data());
    for (const args of [['list'], ['show', 'marked'], ['decrypt']]) {
      const r = await run(args, withPass('wrong'));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('The passphrase is wrong. Nothing was changed.');
    }
    const cp = await run(['change-passphrase'], { CASEFILE_PASSPHRASE: 'wrong', CASEFILE_NEW_PASSPHRASE: NEW_PASS });
    expect(cp.code).toBe(2);
    expect(await snapshot(data())).toEqual(before);
  });

  it('the real entry point exits 5 without the passphrase and 0 with it', async () => {
    expectEncryptedRefusal(await cliProcess(['--data-dir', data(), 'list']));
    const ok = await cliProcess(['--data-dir', data(), 'list'], withPass());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(MARK.title);
  });
});

describe('the prompt', () => {
  const promptIo = (answers: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const asked: string[] = [];
    const io: CliIo = {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      env: {},
      cwd: root,
      prompt: async (q) => {
        asked.push(q);
        return answers.shift() ?? null;
      },
    };
    return { io, out, err, asked };
  };

  it('asks for the passphrase when the variable is not set', async () => {
    const { io, out, asked } = promptIo([PASS]);
    expect(await runCli(['--data-dir', data(), 'list'], io)).toBe(0);
    expect(asked).toHaveLength(1);
    expect(out.join('\n')).toContain(MARK.title);
  });

  it('a new passphrase is asked twice; two different answers change nothing', async () => {
    const before = await snapshot(data());
    const { io, err, asked } = promptIo([PASS, 'new one', 'new 0ne']);
    expect(await runCli(['--data-dir', data(), 'change-passphrase'], io)).toBe(2);
    expect(asked).toHaveLength(3);
    expect(err.join('\n')).toContain('The two passphrases differ. Nothing was changed.');
    expect(await snapshot(data())).toEqual(before);
  });

  it('no terminal (the prompt answers null) and no variable: exit 5 ("encrypted") naming CASEFILE_PASSPHRASE', async () => {
    const { io, err } = promptIo([]);
    expect(await runCli(['--data-dir', data(), 'decrypt'], io)).toBe(5);
    expect(err.join('\n')).toContain('encrypted and no passphrase was given');
    expect(err.join('\n')).toContain('set CASEFILE_PASSPHRASE');
  });
});

describe('tampering, re-keying, decrypting', () => {
  it('one altered byte in a case file: quarantined at the next open and reported; the others load', async () => {
    const victim = sampleIds[0]!;
    const file = path.join(data(), 'cases', `${victim}.json`);
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
    await writeFile(file, bytes);
    await utimes(file, new Date('2030-01-01'), new Date('2030-01-01'));
    const r = await run(['list', '--json'], withPass());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`quarantined cases/${victim}.json: authentication failed — the file was altered or damaged`);
    const rows = JSON.parse(r.stdout) as Array<{ id: string }>;
    expect(rows.map((x) => x.id).sort()).toEqual(['marked', ...sampleIds.slice(1)].sort());
    const verify = await run(['verify'], withPass());
    expect(verify.stdout).toContain('authentication failed — the file was altered or damaged');
    expect(leaks(await snapshot(data()))).toEqual([]);
  });

  it('change-passphrase: the old one fails, the new one works', async () => {
    const r = await run(['change-passphrase'], { CASEFILE_PASSPHRASE: PASS, CASEFILE_NEW_PASSPHRASE: NEW_PASS });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('The passphrase was changed');
    const old = await run(['list'], withPass(PASS));
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('The passphrase is wrong');
    expect((await run(['list'], withPass(NEW_PASS))).code).toBe(0);
  });

  it('decrypt: a plain folder that opens without a passphrase, its files byte-identical to before encryption', async () => {
    const r = await run(['decrypt'], withPass(NEW_PASS));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('no longer encrypted');
    const after = await snapshot(data());
    expect(after.has('vault.json')).toBe(false);
    const victim = sampleIds[0]!;
    for (const [rel, bytes] of plainBefore) {
      if (!rel.startsWith('cases/') && !rel.startsWith('trash/') && !rel.startsWith('quarantine/')) continue;
      if (rel === `cases/${victim}.json`) {
        expect(after.has(rel)).toBe(false); // quarantined while encrypted
        continue;
      }
      expect(after.get(rel)?.equals(bytes), rel).toBe(true);
    }
    const list = await run(['list', '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(3);
    const show = await run(['show', 'marked', '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({ title: MARK.title, lawyer: MARK.lawyer });
    // The store's quarantine notes are plain again, and readable.
    const quarantine = await run(['verify']);
    expect(quarantine.stdout).toContain('authentication failed — the file was altered or damaged');
    expect(quarantine.stdout).toMatch(/cases\/broken\.json: not valid JSON/);
  });
});
