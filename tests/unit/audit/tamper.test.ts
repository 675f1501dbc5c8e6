import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { ownHistoryFile, ownHistoryRel } from '../../helpers/deviceHistory';

// Finding 4 of issue 12: a case file put back to an older version, a case deleted
// with its history, a history line removed, repeated or moved all went unnoticed
// ("All well"). Each is now reported — by `verify` and by the store's open, with
// a verdict (rolled back, deleted, altered) and the last good version — while what
// a kill mid-save leaves stays a warning. Every scenario runs on a plain and on an
// encrypted folder; the tampering is done with the files alone, as a sync tool, a
// partial copy or someone with the disk but not the passphrase would do it.

const PASS = 'Тамга — tamper evidence';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-tamper-'));
});
afterEach(() => cleanup());

const caseFile = (id: string) => path.join(dir, 'cases', `${id}.json`);
const historyFile = (id: string) => ownHistoryFile(dir, id);

async function historyLines(id: string): Promise<string[]> {
  return (await readFile(historyFile(id), 'utf8')).split('\n').slice(0, -1);
}

for (const mode of ['plain', 'encrypted'] as const) {
  describe(`${mode} folder`, () => {
    const options = () => (mode === 'encrypted' ? { passphrase: PASS } : {});
    const env = () => (mode === 'encrypted' ? { CASEFILE_PASSPHRASE: PASS } : {});
    const verify = () => cli(['--data-dir', dir, 'verify'], env());

    /** Case A saved to rev 4, case B at rev 1; the folder then encrypted in `encrypted` mode. `rev3` holds A's file bytes at rev 3. */
    async function folder(): Promise<{ a: CaseFile; b: CaseFile; rev3: Buffer }> {
      let store = await CaseStore.open(dir);
      let a = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело А — four revisions' })));
      for (let i = 2; i <= 3; i++) a = await store.update(a.id, a.rev, CaseDraft.parse({ ...a, summary: `Правка ${i}` }));
      const b = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Б — one revision' })));
      await store.close();
      if (mode === 'encrypted') await encryptFolder(dir, PASS, FAST_KDF);
      const rev3 = await readFile(caseFile(a.id));
      if (mode === 'encrypted') expect(isEncryptedBytes(rev3)).toBe(true);
      store = await CaseStore.open(dir, options());
      a = await store.update(a.id, a.rev, CaseDraft.parse({ ...a, summary: 'Правка 4 — the last good one' }));
      await store.close();
      expect(a.rev).toBe(4);
      const clean = await verify();
      expect(clean.stdout, clean.stderr).toMatch(/^All well/);
      return { a, b, rev3 };
    }

    it('an older copy of a case file put back: rolled back, at open and by verify, with revision 4 offered', async () => {
      const { a, rev3 } = await folder();
      await writeFile(caseFile(a.id), rev3);

      const store = await CaseStore.open(dir, options());
      try {
        expect(store.summary(a.id)!.rev).toBe(3);
        expect(store.tampered).toEqual([expect.objectContaining({ caseId: a.id, verdict: 'rolled-back', lastGoodRev: 4, file: `cases/${a.id}.json` })]);
        expect(store.tampered[0]!.message).toMatch(/^rolled back: the case file is at revision 3, but the folder's manifest records revision 4/);
        expect(store.tampered[0]!.message).toContain('The last good version is revision 4');
        const report = await store.verify();
        expect(report.ok).toBe(false);
        expect(report.problems).toEqual([{ file: `cases/${a.id}.json`, message: expect.stringMatching(/^rolled back: the case file is at revision 3, but its history records revision 4 \(saved [^)]+\); an older copy/) }]);
      } finally {
        await store.close();
      }
      const r = await verify();
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`cases/${a.id}.json: rolled back`);
    });

    it('a snapshot holding the last good version is named, and restoring it clears the report', async () => {
      const { a, rev3 } = await folder();
      let store = await CaseStore.open(dir, options());
      const snapshot = await store.backup('manual');
      await store.close();
      await writeFile(caseFile(a.id), rev3);
      store = await CaseStore.open(dir, options());
      try {
        expect(store.tampered).toEqual([expect.objectContaining({ caseId: a.id, verdict: 'rolled-back', lastGoodRev: 4, snapshot: snapshot.name })]);
        expect(store.tampered[0]!.message).toContain(`The last good version, revision 4, is in the snapshot ${snapshot.name}`);
      } finally {
        await store.close();
      }
      const restored = await cli(['--data-dir', dir, 'restore', snapshot.name], env());
      expect(restored.code, restored.stderr).toBe(0);
      // The restore's own rollback (of anything saved after the snapshot) is the user's, not tampering.
      store = await CaseStore.open(dir, options());
      try {
        expect(store.tampered).toEqual([]);
        expect((await store.get(a.id)).rev).toBe(4);
      } finally {
        await store.close();
      }
      expect((await verify()).stdout).toMatch(/^All well/);
    });

    it('a case file deleted together with its history: deleted, noticed through the manifest', async () => {
      const { b } = await folder();
      await rm(caseFile(b.id));
      await rm(historyFile(b.id));
      const store = await CaseStore.open(dir, options());
      try {
        expect(store.tampered).toEqual([expect.objectContaining({ caseId: b.id, verdict: 'deleted', lastGoodRev: 1, file: `cases/${b.id}.json` })]);
        expect(store.tampered[0]!.message).toMatch(/^deleted: case \S+ \(revision 1 in the folder's manifest\) is gone, and its history with it/);
      } finally {
        await store.close();
      }
      const r = await verify();
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`cases/${b.id}\\.json: deleted: case ${b.id} \\(revision 1`));
    });

    it('a history whose case file is gone: deleted', async () => {
      const { b } = await folder();
      await rm(caseFile(b.id));
      const store = await CaseStore.open(dir, options());
      try {
        expect(store.tampered).toEqual([expect.objectContaining({ caseId: b.id, verdict: 'deleted', file: ownHistoryRel(dir, b.id) })]);
      } finally {
        await store.close();
      }
      expect((await verify()).stdout).toMatch(new RegExp(`${ownHistoryRel(dir, b.id).replace(/[.]/g, '\\.')}: deleted: its case`));
    });

    const edits: Array<[string, (lines: string[]) => string[], RegExp]> = [
      ['a line dropped from the middle', (l) => [l[0]!, l[2]!, l[3]!], /line 2 does not follow the line before it/],
      ['line 1 duplicated', (l) => [l[0]!, l[0]!, ...l.slice(1)], /line 2 repeats line 1/],
      ['two lines swapped', (l) => [l[0]!, l[2]!, l[1]!, l[3]!], /line 2 does not follow the line before it/],
    ];
    for (const [what, edit, reason] of edits) {
      it(`${what}: altered, at open and by verify`, async () => {
        const { a } = await folder();
        const lines = await historyLines(a.id);
        expect(lines).toHaveLength(4);
        await writeFile(historyFile(a.id), `${edit(lines).join('\n')}\n`);
        const store = await CaseStore.open(dir, options());
        try {
          expect(store.tampered.length).toBeGreaterThan(0);
          expect(store.tampered.every((f) => f.caseId === a.id && f.verdict === 'altered' && f.file === ownHistoryRel(dir, a.id))).toBe(true);
          expect(store.tampered[0]!.message).toMatch(reason);
          const report = await store.verify();
          expect(report.ok).toBe(false);
          expect(report.problems[0]).toEqual({ file: ownHistoryRel(dir, a.id), message: expect.stringMatching(reason) });
        } finally {
          await store.close();
        }
        expect((await verify()).code).toBe(1);
      });
    }

    it('what a kill mid-save leaves (the newest history and manifest lines missing, or cut short) is a warning, never tampering', async () => {
      const { a } = await folder();
      // The save of rev 4 landed, then the process died before its history line and manifest line were written.
      const lines = await historyLines(a.id);
      await writeFile(historyFile(a.id), `${lines.slice(0, 3).join('\n')}\n`);
      const manifest = (await readFile(path.join(dir, 'manifest.jsonl'), 'utf8')).split('\n').slice(0, -1);
      await writeFile(path.join(dir, 'manifest.jsonl'), `${manifest.slice(0, -1).join('\n')}\n${manifest.at(-1)!.slice(0, 25)}`);
      let store = await CaseStore.open(dir, options());
      try {
        expect(store.tampered).toEqual([]);
        const report = await store.verify();
        expect(report.problems).toEqual([]);
        expect(report.warnings).toEqual([{ file: ownHistoryRel(dir, a.id), message: expect.stringContaining('revision 4 (the newest) was saved but is not in the history') }]);
        // Saving on: the chain goes on from the last whole line, the torn manifest line is cut away.
        const c = await store.get(a.id);
        await store.update(a.id, c.rev, CaseDraft.parse({ ...c, summary: 'after the crash' }));
      } finally {
        await store.close();
      }
      store = await CaseStore.open(dir, options());
      try {
        expect(store.tampered).toEqual([]);
        expect((await store.verify()).problems).toEqual([]);
      } finally {
        await store.close();
      }
      const r = await verify();
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^All well/);
    });
  });
}

it('a case file changed by hand at the same revision (a plain folder: an encrypted one seals each file to its content): altered', async () => {
  let store = await CaseStore.open(dir);
  const a = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело А' })));
  await store.close();
  const onDisk = JSON.parse(await readFile(caseFile(a.id), 'utf8')) as CaseFile;
  await writeFile(caseFile(a.id), JSON.stringify({ ...onDisk, summary: 'changed by hand, rev kept' }, null, 2));
  store = await CaseStore.open(dir);
  try {
    expect(store.tampered).toEqual([expect.objectContaining({ caseId: a.id, verdict: 'altered', lastGoodRev: 1 })]);
    expect(store.tampered[0]!.message).toMatch(/^altered: the case file is not the revision 1 the folder's manifest records/);
    expect((await store.verify()).problems).toEqual([{ file: `cases/${a.id}.json`, message: expect.stringMatching(/^altered: the case file is not the revision 1 its history records/) }]);
  } finally {
    await store.close();
  }
  // Key order and spacing are not content: the same case written differently is not "altered".
  await writeFile(caseFile(a.id), JSON.stringify(Object.fromEntries(Object.entries(onDisk).reverse())));
  store = await CaseStore.open(dir);
  try {
    expect(store.tampered).toEqual([]);
    expect((await store.verify()).ok).toBe(true);
  } finally {
    await store.close();
  }
});

it('the manifest is sealed line by line in an encrypted folder and opened again by decrypt, still vouching for every case', async () => {
  let store = await CaseStore.open(dir);
  const c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Manifest marker MANIFESTMARK7' })));
  await store.close();
  const plain = await readFile(path.join(dir, 'manifest.jsonl'), 'utf8');
  expect(plain).toContain(c.id);
  await encryptFolder(dir, PASS, FAST_KDF);
  const sealed = await readFile(path.join(dir, 'manifest.jsonl'), 'utf8');
  expect(sealed).not.toContain(c.id);
  expect(sealed.split('\n').slice(0, -1).every((l) => l.startsWith('CFSEAL:'))).toBe(true);
  expect((await cli(['--data-dir', dir, 'verify'], { CASEFILE_PASSPHRASE: PASS })).stdout).toMatch(/^All well/);
  const decrypted = await cli(['--data-dir', dir, 'decrypt'], { CASEFILE_PASSPHRASE: PASS });
  expect(decrypted.code, decrypted.stderr).toBe(0);
  expect(await readFile(path.join(dir, 'manifest.jsonl'), 'utf8')).toBe(plain);
  // Deleting the case now is still noticed: the manifest came through both conversions.
  await rm(path.join(dir, 'cases', `${c.id}.json`));
  await rm(ownHistoryFile(dir, c.id));
  store = await CaseStore.open(dir);
  try {
    expect(store.tampered).toEqual([expect.objectContaining({ caseId: c.id, verdict: 'deleted' })]);
  } finally {
    await store.close();
  }
});
