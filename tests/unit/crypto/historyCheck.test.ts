import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { checkHistories, type HistoryIssue } from '../../../electron/services/audit/historyCheck';
import { encryptFolder, openVault } from '../../../electron/services/folder/convert';
import { wipe } from '../../../electron/services/crypto/wipe';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';
import { ownHistoryFile, ownHistoryRel } from '../../helpers/deviceHistory';

// What the history check finds from the disk alone: lines that do not open,
// revisions with no line, histories whose case is gone — the tampering the
// seal of each line cannot see, and the gaps a failed append left behind.

const PASS = 'Құпия сөз — history check';

let dir: string;
let cleanup: () => Promise<void>;
let ids: string[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-history-check-'));
  const store = await CaseStore.open(dir);
  const a = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Ө. — three revisions' })));
  let c = a;
  for (let i = 0; i < 2; i++) c = await store.update(c.id, c.rev, CaseDraft.parse({ ...c, summary: `Edit ${i} — Қазақ` }));
  const b = await store.create(CaseDraft.parse(ngoDraft({ title: 'Әділет — one revision' })));
  ids = [a.id, b.id];
  await store.close();
});
afterEach(() => cleanup());

const historyFile = (id: string) => ownHistoryFile(dir, id);
const summary = (issues: HistoryIssue[]) => issues.map((i) => `${i.caseId === ids[0] ? 'A' : i.caseId === ids[1] ? 'B' : i.caseId} ${i.kind} ${i.severity}${i.revs ? ` [${i.revs.join(',')}]` : ''}${i.line ? ` line ${i.line}` : ''}`);

async function lines(id: string): Promise<string[]> {
  return (await readFile(historyFile(id), 'utf8')).split('\n').slice(0, -1);
}

for (const mode of ['plain', 'encrypted'] as const) {
  describe(`${mode} folder`, () => {
    let key: Buffer | null = null;
    beforeEach(async () => {
      if (mode === 'encrypted') {
        await encryptFolder(dir, PASS, FAST_KDF);
        key = await openVault(dir, PASS);
      }
    });
    afterEach(() => wipe(key));
    const check = () => checkHistories(dir, key);

    it('finds nothing in untouched histories', async () => {
      expect(await lines(ids[0]!)).toHaveLength(3);
      expect(await check()).toEqual([]);
    });

    it('one byte flipped in a line: that line is damaged and its revision missing, both errors', async () => {
      const bytes = await readFile(historyFile(ids[0]!));
      const start = bytes.indexOf(0x0a) + 1;
      const end = bytes.indexOf(0x0a, start);
      // Sealed: any base64 letter in the middle of line 2 changed fails its tag. Plain JSON has no seal (a
      // changed letter inside a value goes unseen, as the README says), so there a quote is broken.
      let at = mode === 'plain' ? start + 1 : Math.floor((start + end) / 2);
      while (mode !== 'plain' && (bytes[at]! > 0x7a || bytes[at]! < 0x30)) at++;
      bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
      await writeFile(historyFile(ids[0]!), bytes);
      const issues = await check();
      expect(summary(issues)).toEqual(['A damaged-line error line 2', 'A missing-revisions warning [2]']);
      expect(issues[0]!.message).toMatch(/line 2 .*altered or damaged/);
      expect(issues[0]!.file).toBe(ownHistoryRel(dir, ids[0]!));
      expect(issues[1]!.message).toContain('revision 2 of 3 is not in the history');
    });

    it('every history deleted: each case is reported as having none', async () => {
      await rm(path.join(dir, 'history'), { recursive: true });
      expect(summary(await check()).sort()).toEqual(['A no-history warning [1,2,3]', 'B no-history warning [1]'].sort());
    });

    it('a line removed from the middle breaks the chain (altered, an error); the newest missing is a warning (what a crash mid-save leaves)', async () => {
      const all = await lines(ids[0]!);
      await writeFile(historyFile(ids[0]!), `${all[0]}\n${all[2]}\n`);
      const middle = await check();
      expect(summary(middle)).toEqual(['A chain-broken error line 2', 'A missing-revisions warning [2]']);
      expect(middle[0]!.verdict).toBe('altered');
      expect(middle[0]!.message).toMatch(/^altered: line 2 does not follow the line before it/);
      expect(middle[1]!.message).toContain('revision 2 of 3 is not in the history: lost when Casefile stopped between saving the case and recording the change, or removed from the file');
      await writeFile(historyFile(ids[0]!), `${all[0]}\n${all[1]}\n`);
      const issues = await check();
      expect(summary(issues)).toEqual(['A missing-revisions warning [3]']);
      expect(issues[0]!.message).toContain('revision 3 (the newest) was saved but is not in the history');
    });

    it('a last line cut short with no newline is torn (a warning), as a kill mid-append leaves it', async () => {
      const all = await lines(ids[0]!);
      await writeFile(historyFile(ids[0]!), `${all[0]}\n${all[1]}\n${all[2]!.slice(0, 20)}`);
      expect(summary(await check())).toEqual(['A torn-line warning line 3', 'A missing-revisions warning [3]']);
    });

    it('a history whose case file is gone is orphaned, unless the case is in quarantine', async () => {
      await rm(path.join(dir, 'cases', `${ids[1]}.json`));
      const issues = await check();
      expect(summary(issues)).toEqual(['B orphaned error']);
      expect(issues[0]!.message).toContain('is gone');
      expect(await checkHistories(dir, key, { quarantinedIds: [ids[1]!] })).toEqual([]);
    });

    it('a trashed case is checked like a live one', async () => {
      // Reopen, trash B, then cut its history.
      const store = await CaseStore.open(dir, mode === 'encrypted' ? { passphrase: PASS } : {});
      await store.trash(ids[1]!);
      await store.close();
      expect(await check()).toEqual([]);
      await rm(historyFile(ids[1]!));
      expect(summary(await check())).toEqual(['B no-history warning [1]']);
    });
  });
}

it('an imported case starts its history at the revision it came with', async () => {
  const bundle = path.join(dir, '..', `${path.basename(dir)}-bundle.json`);
  await writeFile(bundle, JSON.stringify({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases: [{ ...prisonerDraft({ title: 'Imported at rev 7' }), id: 'imported-7', rev: 7 }] }));
  const r = await cli(['--data-dir', dir, 'import', bundle]);
  expect(r.code, r.stderr).toBe(0);
  expect((await lines('imported-7')).map((l) => (JSON.parse(l) as { rev: number; cause: string }).cause)).toEqual(['import']);
  expect(await checkHistories(dir, null)).toEqual([]);
  await rm(bundle);
});

it('revisions the store failed to record are found after a restart (the in-memory gaps, from disk)', async () => {
  const store = await CaseStore.open(dir);
  let c = await store.get(ids[1]!);
  c = await store.update(c.id, c.rev, CaseDraft.parse({ ...c, summary: 'rev 2' }));
  await store.close();
  // Its line gone, as when the append failed (a full disk, a crash before the fsync).
  const all = await lines(ids[1]!);
  await writeFile(historyFile(ids[1]!), `${all[0]}\n`);
  const reopened = await CaseStore.open(dir);
  c = await reopened.get(ids[1]!);
  await reopened.update(c.id, c.rev, CaseDraft.parse({ ...c, summary: 'rev 3' }));
  await reopened.close();
  // A crash between the case's save and its line leaves the same trace, followed by later saves.
  expect(summary(await checkHistories(dir, null))).toEqual(['B missing-revisions warning [2]']);
});
