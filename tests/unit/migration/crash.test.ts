import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, CaseFile } from '../../../shared/model';
import { HistoryLog } from '../../../electron/services/audit/historyLog';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { convertStoredCase } from '../../../electron/services/store/migrations/convertCase';
import { tempDir } from '../../helpers/fixtures';
import { v1Full, v1Ngo, v1Prisoner, writeV1Folder, type V1Case } from '../../helpers/v1Folder';

// SIGKILL at random points of the migration of a 2,000-case version-1 folder (the
// snapshot taken first, the histories, the case files, the manifest, meta.json),
// then a clean open: every case migrated exactly once, its history intact, nothing
// lost or quarantined, `verify` clean. Each round starts from a copy of one
// pristine folder and is killed until a child finishes the open by itself.

const CASES = 1950;
const TRASHED = 50;
const MIN_KILLS = 50;
const MAX_ROUNDS = 12;

let root: string;
let childScript: string;
let cleanup: () => Promise<void>;
let pristine: string;
const expected = new Map<string, { case: CaseFile; where: 'cases' | 'trash' }>();
const historiesBefore = new Map<string, AuditEntry[]>();

/** A spread of version-1 cases: sentences with whole and fractional months, birth years, placeholder and real articles, NGO cases. */
function v1CaseNumber(i: number): V1Case {
  const id = `case-${String(i).padStart(5, '0')}`;
  switch (i % 6) {
    case 0:
      return v1Full(id);
    case 1:
      return v1Prisoner(id, { sentence: { type: 'prison', months: 0.33 + (i % 5) }, person: { name: `Арестант ${i}`, aliases: [], birthYear: 1950 + (i % 60) } });
    case 2:
      return v1Prisoner(id, { charges: [{ article: i % 2 ? '(not stated)' : 'unspecified', code: 'Criminal Code' }, { article: '405 part 2', code: 'Criminal Code' }], rev: 1 + (i % 3) });
    case 3:
      return v1Ngo(id);
    case 4:
      return v1Prisoner(id, { sentence: { type: 'restricted_freedom', months: 36, verdictDate: '2022-07' } });
    default:
      return v1Prisoner(id);
  }
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-migration-crash-'));
  pristine = path.join(root, 'pristine');
  // The child bundled once: loading it through tsx costs a second or two per start, fifty-odd times over.
  childScript = path.join(root, 'migrateChild.mjs');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../helpers/migrateChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: childScript,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const cases = Array.from({ length: CASES }, (_, i) => v1CaseNumber(i));
  const trash = Array.from({ length: TRASHED }, (_, i) => v1CaseNumber(CASES + i));
  await writeV1Folder(pristine, cases, { trash });
  const log = new HistoryLog(pristine, null);
  for (const [where, list] of [['cases', cases], ['trash', trash]] as const) {
    for (const raw of list) {
      const converted = convertStoredCase(raw);
      if (!converted.ok) throw new Error(`fixture ${raw.id} does not convert: ${converted.faults.join('; ')}`);
      expected.set(raw.id, { case: { ...converted.case, rev: converted.case.rev + 1 }, where });
      historiesBefore.set(raw.id, (await log.read(raw.id)).entries);
    }
  }
}, 120_000);

const running = new Set<ChildProcess>();

type Child = { child: ChildProcess; loaded: Promise<void>; ready: Promise<void>; exited: Promise<void>; go: () => void };

/** The bundled child (see migrateChild.ts): "loaded", then on a line from stdin it opens the folder, "ready" once open. */
function startChild(dir: string): Child {
  const child = spawn(process.execPath, [childScript, dir], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
  let out = '';
  let onLoaded!: () => void;
  let onReady!: () => void;
  const loaded = new Promise<void>((r) => (onLoaded = r));
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('loaded\n')) onLoaded();
    if (out.includes('ready\n')) onReady();
  });
  const early = (what: string) => exited.then(() => Promise.reject(new Error(`the migration child ended before "${what}": ${stderr}`)));
  const c = { child, exited, loaded: Promise.race([loaded, early('loaded')]), ready: Promise.race([ready, early('ready')]), go: () => void child.stdin!.write('go\n') };
  c.ready.catch(() => undefined);
  return c;
}

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await cleanup();
});

async function caseFileCount(dir: string): Promise<number> {
  let n = 0;
  for (const sub of ['cases', 'trash']) n += (await readdir(path.join(dir, sub))).filter((name) => name.endsWith('.json') && !name.startsWith('.')).length;
  return n;
}

describe('migration crash safety', () => {
  it(`after ≥ ${MIN_KILLS} SIGKILLs mid-migration of ${CASES + TRASHED} cases, the next open finishes it: every case migrated once, histories intact, verify clean`, async () => {
    let kills = 0;
    let midRewrite = 0;
    let rounds = 0;
    const started = Date.now();
    const finishedAfter: number[] = [];
    // Both counts are asked for, not assumed from timing: on a loaded machine the snapshot
    // before the rewrite takes longer and catches more of the early kills.
    const enoughKills = () => kills >= MIN_KILLS && midRewrite >= MIN_KILLS / 2;
    while (!enoughKills() && rounds < MAX_ROUNDS) {
      rounds++;
      const dir = path.join(root, `round-${rounds}`);
      await cp(pristine, dir, { recursive: true });
      let killsThisRound = 0;
      let next = startChild(dir);
      for (;;) {
        const child = next;
        await child.loaded;
        child.go();
        // Early kills land in the snapshot and the first cases; later ones deep in the rewrite.
        // Once enough kills have landed, the child is left to finish (bounded: a hung migration fails the test).
        const enough = enoughKills();
        const delay = enough ? 300_000 : 30 + Math.random() * (killsThisRound < 3 ? 400 : 1200);
        const outcome = await Promise.race([
          child.ready.then(() => 'ready' as const, () => 'died' as const),
          new Promise<'timer'>((r) => setTimeout(() => r('timer'), delay)),
        ]);
        if (outcome === 'ready') {
          await child.exited;
          break;
        }
        if (enough) throw new Error(`the migration did not finish within ${delay} ms of an open without kills`);
        child.child.kill('SIGKILL');
        await child.exited;
        kills++;
        // meta.json raised and the journal there: the kill landed in the rewrite itself, not in the snapshot before it.
        if ((await readdir(dir)).includes('migration.json')) midRewrite++;
        killsThisRound++;
        // The next child loads while this state is checked.
        next = startChild(dir);
        // Nothing lost at any point: every case file is still in cases/ or trash/, none quarantined.
        expect(await caseFileCount(dir)).toBe(CASES + TRASHED);
        expect((await readdir(path.join(dir, 'quarantine'))).length).toBe(0);
      }
      finishedAfter.push(killsThisRound);
      const checking = Date.now();

      const store = await CaseStore.open(dir);
      try {
        expect(store.schemaVersion).toBe(2);
        expect(store.quarantinedNow).toEqual([]);
        expect(store.tampered).toEqual([]);
        expect(store.count()).toBe(CASES);
        for (const [id, want] of expected) {
          if (want.where === 'cases') expect(await store.get(id)).toEqual(want.case);
          else expect(JSON.parse(await readFile(path.join(dir, 'trash', `${id}.json`), 'utf8'))).toEqual(want.case);
          const history = await store.history(id);
          const before = historiesBefore.get(id)!;
          // The entries from before are kept as they were; then exactly one migration entry.
          expect(history.slice(0, before.length)).toEqual(before);
          expect(history.length).toBe(before.length + 1);
          const last = history.at(-1)!;
          expect(last.cause).toBe('migrate');
          expect(last.rev).toBe(want.case.rev);
        }
        for (const entry of await store.listTrash()) expect(expected.get(entry.id)?.where).toBe('trash');
        const report = await store.verify();
        expect(report.problems).toEqual([]);
        expect(report.warnings).toEqual([]);
        expect(report.ok).toBe(true);
      } finally {
        await store.close();
      }
      await rm(dir, { recursive: true, force: true });
      console.log(`round ${rounds}: ${killsThisRound} kills, checked in ${Date.now() - checking} ms (${Date.now() - started} ms so far)`);
    }
    console.log(`${kills} kills, ${midRewrite} of them mid-rewrite, over ${rounds} rounds`);
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(midRewrite).toBeGreaterThanOrEqual(MIN_KILLS / 2);
    // Kills landed mid-way: at least one round was killed several times before it finished.
    expect(Math.max(...finishedAfter)).toBeGreaterThan(3);
  }, 600_000);
});
