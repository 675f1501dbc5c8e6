// A process importing bundles is killed (SIGKILL) at random moments, again and again.
// After every kill: every case file parses, validates and holds exactly what was
// imported; the store opens with nothing quarantined; every case whose import the
// child reported finished is there. At the end `casefile verify` exits 0.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft, CaseFile } from '../../../shared/model';
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { killAllLoops, startChildLoop, type ChildLoop } from '../../helpers/childLoop';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { importedCase } from '../../helpers/faultsImportPayload';

// Kills: 40 a run, of the suite's ≥ 200 (see README, "Backups and recovery").
const KILLS = 40;

let dir: string;
let cleanup: () => Promise<void>;
let seeded: CaseFile;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casefile-import-crash-'));
  const store = await CaseStore.open(dir);
  seeded = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Here before the imports' })));
  await store.close();
});
afterAll(async () => {
  killAllLoops(); // a spare started ahead, should a check have failed
  await cleanup();
});

type Progress = { acked: Set<string>; started: string[][] };
type Loop = ChildLoop & { firstAck: Promise<void> };

/**
 * Starts an import loop. It loads its modules at once (while the previous loop may
 * still be running) and touches the data folder only after `go`.
 */
function startLoop(prefix: string, progress: Progress): Loop {
  let onAck!: () => void;
  const acked = new Promise<void>((r) => (onAck = r));
  const loop = startChildLoop('tests/helpers/faultsImportLoop.ts', [dir, prefix], (line) => {
    const m = /^(importing|imported) (\S+)$/.exec(line);
    if (m?.[1] === 'importing') progress.started.push(m[2]!.split(','));
    if (m?.[1] === 'imported') {
      for (const id of m[2]!.split(',')) progress.acked.add(id);
      onAck();
    }
  });
  const firstAck = Promise.race([acked, loop.exited.then((signal) => Promise.reject(new Error(`the import loop ended (${signal ?? 'exit'}) before "imported": ${loop.stderr()}`)))]);
  firstAck.catch(() => undefined);
  return { ...loop, firstAck };
}

/** What the store must hold for an imported id: the bundle's case, completed by the app. */
function expected(id: string): CaseFile {
  const draft = CaseDraft.parse(importedCase(id));
  return finalizeCase(draft, { id, rev: draft.rev!, createdAt: draft.createdAt!, updatedAt: draft.updatedAt! });
}

describe('crash during import', () => {
  it(`after each of ${KILLS} SIGKILLs mid-import: files whole, nothing quarantined, every acknowledged case present`, async () => {
    const progress: Progress = { acked: new Set(), started: [] };
    /** Files already checked, by the hash of their bytes: unchanged bytes need no second parse. */
    const checked = new Map<string, string>();
    let partial = 0;
    let duringOpen = 0;
    let afterAnAck = 0;
    // Loops start two ahead, so that loading one overlaps the run and the checks of another.
    const AHEAD = 2;
    let spawned = 0;
    const spares: Loop[] = [];
    const topUp = () => {
      while (spares.length < AHEAD && spawned < KILLS) spares.push(startLoop(`k${spawned++}`, progress));
    };
    topUp();
    for (let kill = 0; kill < KILLS; kill++) {
      const loop = spares.shift()!;
      await loop.loaded;
      loop.go();
      // One kill in eight lands while the child is opening the store; the rest while it imports.
      const duringStartup = kill % 8 === 7;
      if (!duringStartup) await loop.ready;
      // One in four waits for a first finished import, so that progress is certain, not luck.
      if (kill % 4 === 1) {
        await loop.firstAck;
        afterAnAck++;
      }
      topUp();
      await new Promise((r) => setTimeout(r, duringStartup ? Math.random() * 40 : 5 + Math.random() * 115));
      loop.child.kill('SIGKILL');
      expect(await loop.exited, `the import loop died by itself: ${loop.stderr()}`).toBe('SIGKILL');
      if (duringStartup) duringOpen++;

      // Every case file parses, validates, is named by its id and holds exactly what was imported.
      const names = (await readdir(path.join(dir, 'cases'))).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
      const onDisk = new Set<string>();
      for (const name of names) {
        const bytes = await readFile(path.join(dir, 'cases', name));
        const hash = createHash('sha256').update(bytes).digest('hex');
        const id = name.slice(0, -'.json'.length);
        onDisk.add(id);
        if (checked.get(name) === hash) continue;
        const c = CaseFile.parse(JSON.parse(bytes.toString('utf8')));
        expect(c.id).toBe(id);
        expect(c).toEqual(c.id === seeded.id ? seeded : expected(c.id));
        checked.set(name, hash);
      }
      for (const id of progress.acked) expect(onDisk.has(id), `acknowledged import of ${id} is on disk`).toBe(true);
      const last = progress.started.at(-1);
      if (last && last.some((id) => onDisk.has(id)) && !last.every((id) => onDisk.has(id))) partial++;

      // The store opens after the crash, quarantines nothing and lists every case.
      const store = await CaseStore.open(dir);
      try {
        expect(store.quarantinedNow).toEqual([]);
        expect(store.count()).toBe(onDisk.size);
        for (const id of progress.acked) expect(store.has(id), id).toBe(true);
      } finally {
        await store.close();
      }
    }
    // The loops made real progress: at least the bundles (of 2 or more cases) awaited above.
    expect(progress.acked.size).toBeGreaterThanOrEqual(2 * afterAnAck);
    expect(afterAnAck).toBe(KILLS / 4);

    const verify = await cli(['--data-dir', dir, 'verify']);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    // A kill between writing a case and its history line leaves that line missing: reported, as a warning.
    expect(verify.stdout, verify.stdout).toMatch(/^All well: \d+ file\(s\) checked\.(\n {2}warning: history\/[\w.-]+\.jsonl: [^\n]+)*$/);
    console.info(`import crash test: ${progress.acked.size} cases acknowledged; ${partial} kills left a bundle partly imported; ${duringOpen} kills while opening`);
  });
});
