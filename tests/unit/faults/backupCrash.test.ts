// A process taking snapshots and restoring them is killed (SIGKILL) at random
// moments. After every kill: the folder opens with nothing quarantined; a restore
// that had begun (its journal on disk) is finished by that open and the folder then
// holds exactly the snapshot's cases; every snapshot under its final name is whole;
// the newest acknowledged snapshot (or a newer one) is there. At the end `casefile
// verify` exits 0, and the only gaps in the edited case's history are revisions
// whose save a kill interrupted (the case saved, its history line not yet).
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDraft, CaseFile } from '../../../shared/model';
import { listSnapshots, readSnapshot, RESTORE_JOURNAL } from '../../../electron/services/backup';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { checkHistories } from '../../../electron/services/audit/historyCheck';
import { cli } from '../../helpers/cli';
import { expectOnlyInterruptedSaves } from '../../helpers/faults';
import { killAllLoops, startChildLoop } from '../../helpers/childLoop';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

// Kills: 40 a run, of the suite's ≥ 200 (see README, "Backups and recovery").
const KILLS = 40;

let dir: string;
let cleanup: () => Promise<void>;
let caseId: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casefile-backup-crash-'));
  const store = await CaseStore.open(dir);
  caseId = (await store.create(CaseDraft.parse(prisonerDraft({ title: 'Edited in every round' })))).id;
  for (let i = 0; i < 20; i++) await store.create(CaseDraft.parse(ngoDraft({ title: `Bystander ${i} — Әділет` })));
  await store.close();
});
afterAll(async () => {
  killAllLoops();
  await cleanup();
});

const startLoop = () => startChildLoop('tests/helpers/backupLoop.ts', [dir, caseId]);

const exists = (file: string) => access(file).then(() => true, () => false);

describe('crash during backup and restore', () => {
  it(`after each of ${KILLS} SIGKILLs: the folder opens whole, a begun restore is finished, snapshots are whole`, async () => {
    let newestAcked: string | null = null;
    let restoresFinishedByOpen = 0;
    let snapshotsChecked = 0;
    /** "<id>:<rev>" of the edited case's saves under way when a kill came. */
    const inFlight = new Set<string>();
    const whole = new Set<string>();
    let next = startLoop();
    for (let kill = 0; kill < KILLS; kill++) {
      const loop = next;
      await loop.loaded;
      loop.go();
      await loop.ready;
      next = startLoop(); // loads while this one runs
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 900));
      loop.child.kill('SIGKILL');
      expect(await loop.exited, `the backup loop died by itself: ${loop.stderr()}`).toBe('SIGKILL');
      let saving: number | null = null;
      for (const line of loop.lines) {
        if (line.startsWith('backed-up ')) newestAcked = line.slice('backed-up '.length);
        else if (line.startsWith('saving ')) saving = Number(line.slice('saving '.length));
        else if (line.startsWith('saved ')) saving = null;
      }
      if (saving !== null) inFlight.add(`${caseId}:${saving}`);

      // Every snapshot under its final name decodes whole (a torn one would only ever be a temp file).
      const snapshots = await listSnapshots(dir);
      for (const s of snapshots) {
        if (whole.has(s.name)) continue;
        await readSnapshot(dir, s.name, null);
        whole.add(s.name);
        snapshotsChecked++;
      }
      if (newestAcked) expect(snapshots.some((s) => s.name >= newestAcked!), `${newestAcked} or a newer snapshot is kept`).toBe(true);

      // A restore whose journal is on disk is finished by the next open, to exactly the snapshot's cases.
      const journal = await exists(path.join(dir, RESTORE_JOURNAL));
      const restoring = [...loop.lines].reverse().find((l) => l.startsWith('restoring '))?.slice('restoring '.length);
      const store = await CaseStore.open(dir);
      try {
        expect(store.quarantinedNow).toEqual([]);
        if (journal) {
          restoresFinishedByOpen++;
          const content = await readSnapshot(dir, restoring!, null);
          const expected = content.entries.filter((e) => e.path.startsWith('cases/')).map((e) => CaseFile.parse(JSON.parse(e.text)));
          expect(store.ids().sort()).toEqual(expected.map((c) => c.id).sort());
          for (const c of expected) expect(await store.get(c.id)).toEqual(c);
        }
        expect((await store.get(caseId)).title).toBe('Edited in every round');
        expect(store.count()).toBe(21);
      } finally {
        await store.close();
      }
      expect(await readdir(dir)).not.toContain(RESTORE_JOURNAL);
    }
    next.child.kill('SIGKILL');
    await next.exited;

    const issues = await checkHistories(dir, null);
    for (const issue of issues) expect(issue.caseId, issue.message).toBe(caseId);
    expectOnlyInterruptedSaves(issues, inFlight);
    const verify = await cli(['--data-dir', dir, 'verify']);
    expect(verify.stderr).toBe('');
    expect(verify.stdout.split('\n')).toEqual([expect.stringMatching(/^All well: \d+ file\(s\) checked\.$/), ...issues.map(() => expect.stringMatching(/^ {2}warning: history\//))]);
    expect(verify.code).toBe(0);
    expect(snapshotsChecked).toBeGreaterThan(KILLS / 2);
    console.info(`backup crash test: ${snapshotsChecked} snapshots checked whole; ${restoresFinishedByOpen} kills landed inside a restore, finished by the next open; ${issues.length} history gap(s), each a save a kill interrupted`);
  }, 360_000); // 40 child processes, each killed mid-write and reopened: minutes on a busy 2-core runner (a bound on the wait, not a timing claim)
});
