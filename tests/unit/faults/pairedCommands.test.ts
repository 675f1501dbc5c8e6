import { fork } from 'node:child_process';
import { access, cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli, root, type CliRun } from '../../helpers/cli';
import { importedCase } from '../../helpers/faultsImportPayload';
import { tempDir } from '../../helpers/fixtures';
import { ownHistoryFile } from '../../helpers/deviceHistory';

// Two real `casefile` commands started at the same instant on one data folder
// (each a process of its own, its modules loaded first, then released at a shared
// moment): two imports, an import and a restore, an import and an encryption.
// Whatever the order the lock gives them, every command that said it succeeded
// has its effect on disk afterwards — an acknowledged import's cases are in the
// case files (or, when a restore ran after it, in the snapshot that restore took
// first) — `verify` is clean, and a command that lost the race says the folder is
// in use, with exit code 4, and changed nothing.

const CHILD = path.join(root, 'tests/unit/faults/pairedCommands.child.ts');
const ROUNDS = 4;
const PASS = 'Пароль пары команд';
const FAST = { CASEFILE_SCRYPT_N: '1024' };
const SEED = ['seed-0', 'seed-1', 'seed-2'];
const IN_USE = /^casefile: The data folder is in use by PID \d+/;
const COMMAND_MS = 90_000;

let dir: string;
let cleanup: () => Promise<void>;
let base: string;
let snapshot: string;

type Command = { args: string[]; env?: NodeJS.ProcessEnv };

/** Starts a real command that waits, modules loaded, for `go`. */
function prepare(folder: string, command: Command) {
  const child = fork(CHILD, ['--data-dir', folder, ...command.args], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...command.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<CliRun>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`casefile ${command.args.join(' ')} did not finish in ${COMMAND_MS} ms: ${stderr}`));
    }, COMMAND_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
  const loaded = Promise.race([
    new Promise<void>((resolve) => child.once('message', () => resolve())),
    exited.then((r) => Promise.reject(new Error(`casefile ${command.args.join(' ')} ended before it loaded: ${r.stderr}`))),
  ]);
  return { loaded, exited, go: (at: number) => child.send(at) };
}

type Pair = { folder: string; runs: Array<ReturnType<typeof prepare>> };

/**
 * Runs `rounds` pairs of commands, each pair released at one instant once both
 * are loaded; the next pair loads while this one runs and is checked.
 */
async function pairs(rounds: number, setup: (r: number) => Promise<{ folder: string; a: Command; b: Command }>, check: (r: number, folder: string, a: CliRun, b: CliRun) => Promise<void>): Promise<void> {
  const launch = async (r: number): Promise<Pair> => {
    const { folder, a, b } = await setup(r);
    return { folder, runs: [prepare(folder, a), prepare(folder, b)] };
  };
  let next = launch(0);
  for (let r = 0; r < rounds; r++) {
    const { folder, runs } = await next;
    await Promise.all(runs.map((run) => run.loaded));
    const at = Date.now() + 50;
    for (const run of runs) run.go(at);
    const [a, b] = await Promise.all(runs.map((run) => run.exited));
    if (r + 1 < rounds) next = launch(r + 1);
    await check(r, folder, a!, b!);
  }
}

/** Whether a command succeeded (saying `success`) or lost the race (saying the folder is in use); anything else fails the test. */
function outcome(run: CliRun, success: RegExp, what: string): 'done' | 'refused' {
  if (run.code === 0) {
    expect(run.stdout, what).toMatch(success);
    return 'done';
  }
  expect({ what, code: run.code, stderr: run.stderr.split('\n')[0] }).toEqual({ what, code: 4, stderr: expect.stringMatching(IN_USE) });
  return 'refused';
}

/** The ids `list` shows (through the command line, as a user would check). */
async function listed(folder: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const run = await cli(['--data-dir', folder, 'list', '--json'], env);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as Array<{ id: string }>).map((c) => c.id).sort();
}

async function expectVerifyClean(folder: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const run = await cli(['--data-dir', folder, 'verify'], env);
  expect({ code: run.code, stdout: run.stdout.split('\n')[0] }).toEqual({ code: 0, stdout: expect.stringMatching(/^All well/) });
}

async function bundleOf(ids: string[]): Promise<string> {
  const file = path.join(dir, `${ids[0]}.casefile.json`);
  await writeFile(file, JSON.stringify({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases: ids.map(importedCase) }));
  return file;
}

const idsFor = (tag: string) => Array.from({ length: 5 }, (_, i) => `${tag}-${i}`);
const imported = /^Imported 5 of 5 case\(s\)/m;

async function freshFolder(name: string): Promise<string> {
  const folder = path.join(dir, name);
  await cp(base, folder, { recursive: true, preserveTimestamps: true });
  return folder;
}

/** Every case (and its history) of an acknowledged import is there. */
async function expectImported(folder: string, ids: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  expect(await listed(folder, env)).toEqual(expect.arrayContaining(ids));
  for (const id of ids) await access(ownHistoryFile(folder, id));
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casefile-paired-'));
  base = path.join(dir, 'base');
  expect((await cli(['--data-dir', base, 'import', await bundleOf(SEED)])).code).toBe(0);
  expect((await cli(['--data-dir', base, 'backup'])).code).toBe(0);
  const backups = await cli(['--data-dir', base, 'backups', '--json']);
  snapshot = (JSON.parse(backups.stdout) as Array<{ name: string }>)[0]!.name;
});

afterAll(() => cleanup());

it(`two imports started together: each one that says so has its cases on disk (${ROUNDS} rounds)`, async () => {
  const tally = { bothDone: 0, oneRefused: 0 };
  await pairs(
    ROUNDS,
    async (r) => ({
      folder: await freshFolder(`imports-${r}`),
      a: { args: ['import', await bundleOf(idsFor(`a${r}`))] },
      b: { args: ['import', await bundleOf(idsFor(`b${r}`))] },
    }),
    async (r, folder, ...runs) => {
      const expected = [...SEED];
      let refused = 0;
      for (const [run, ids] of [[runs[0], idsFor(`a${r}`)], [runs[1], idsFor(`b${r}`)]] as const) {
        if (outcome(run, imported, `round ${r}: import ${ids[0]}`) === 'done') expected.push(...ids);
        else refused++;
      }
      // The loser wrote nothing: the folder holds exactly what was acknowledged.
      expect(await listed(folder)).toEqual(expected.sort());
      await expectVerifyClean(folder);
      if (refused) tally.oneRefused++;
      else tally.bothDone++;
    },
  );
  console.info(`paired imports: ${JSON.stringify(tally)}`);
  // Started at one instant, the two met at the lock: the race was really run.
  expect(tally.oneRefused).toBeGreaterThan(0);
});

it(`an import and a restore started together: an acknowledged import is never lost (${ROUNDS} rounds)`, async () => {
  const tally = { bothDone: 0, importRefused: 0, restoreRefused: 0, importUndoneByLaterRestore: 0 };
  await pairs(
    ROUNDS,
    async (r) => {
      const folder = await freshFolder(`restore-${r}`);
      // Cases the snapshot does not hold, so the restore's own effect shows.
      expect((await cli(['--data-dir', folder, 'import', await bundleOf(idsFor(`later${r}`))])).code).toBe(0);
      return { folder, a: { args: ['import', await bundleOf(idsFor(`i${r}`))] }, b: { args: ['restore', snapshot] } };
    },
    async (r, folder, imp, res) => {
      const ids = idsFor(`i${r}`);
      const later = idsFor(`later${r}`);
      const importDone = outcome(imp, imported, `round ${r}: import`) === 'done';
      const restoreDone = outcome(res, /^Restored /m, `round ${r}: restore`) === 'done';
      const now = await listed(folder);
      if (restoreDone) expect(now).not.toEqual(expect.arrayContaining(later));
      else expect(now).toEqual(expect.arrayContaining(later));
      if (!importDone) expect(now).not.toContain(ids[0]);
      else if (now.includes(ids[0]!)) await expectImported(folder, ids);
      else {
        // The restore ran after the import: the cases are in the snapshot it took of the state before it.
        expect(restoreDone).toBe(true);
        tally.importUndoneByLaterRestore++;
        const safety = /The state before the restore is in (\S+?)\.?$/m.exec(res.stdout)![1]!;
        const undo = await freshFolder(`restore-${r}-undo`);
        await cp(path.join(folder, 'backups'), path.join(undo, 'backups'), { recursive: true });
        expect((await cli(['--data-dir', undo, 'restore', safety])).code).toBe(0);
        await expectImported(undo, ids);
      }
      await expectVerifyClean(folder);
      if (!importDone) tally.importRefused++;
      else if (!restoreDone) tally.restoreRefused++;
      else tally.bothDone++;
    },
  );
  console.info(`import + restore: ${JSON.stringify(tally)}`);
  expect(tally.importRefused + tally.restoreRefused).toBeGreaterThan(0);
});

it(`an import and an encryption started together: both effects, or a clear refusal (${ROUNDS} rounds)`, async () => {
  const tally = { bothDone: 0, importRefused: 0, encryptRefused: 0 };
  const env = { CASEFILE_PASSPHRASE: PASS };
  await pairs(
    ROUNDS,
    async (r) => ({
      folder: await freshFolder(`encrypt-${r}`),
      // The import carries the passphrase, so it works whether it comes before or after the encryption.
      a: { args: ['import', await bundleOf(idsFor(`e${r}`))], env },
      b: { args: ['encrypt'], env: { CASEFILE_NEW_PASSPHRASE: PASS, ...FAST } },
    }),
    async (r, folder, imp, enc) => {
      const ids = idsFor(`e${r}`);
      const importDone = outcome(imp, imported, `round ${r}: import`) === 'done';
      const encryptDone = outcome(enc, /^Encrypted \d+ file\(s\)/m, `round ${r}: encrypt`) === 'done';
      const info = await cli(['--data-dir', folder, 'info', '--json'], env);
      expect((JSON.parse(info.stdout) as { encrypted: boolean }).encrypted).toBe(encryptDone);
      if (!encryptDone) expect((await cli(['--data-dir', folder, 'list'])).code, 'still plain: opens without a passphrase').toBe(0);
      if (importDone) await expectImported(folder, ids, env);
      else expect(await listed(folder, env)).toEqual(SEED);
      await expectVerifyClean(folder, env);
      if (!importDone) tally.importRefused++;
      else if (!encryptDone) tally.encryptRefused++;
      else tally.bothDone++;
    },
  );
  console.info(`import + encrypt: ${JSON.stringify(tally)}`);
  expect(tally.importRefused + tally.encryptRefused).toBeGreaterThan(0);
});
