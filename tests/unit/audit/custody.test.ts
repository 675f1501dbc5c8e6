import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, CaseFile } from '../../../shared/model';
import { checkHistories } from '../../../electron/services/audit/historyCheck';
import { caseDigest } from '../../../electron/services/audit/digest';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { createHandlers } from '../../../electron/services/handlers';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { ownHistoryFile, ownHistoryRel } from '../../helpers/deviceHistory';

// Custody (issue 17): an original taken out of the app is a line in its case's
// history — who, when, which original, where to — chained like every line, on the
// case's revision as it stands, so the history's and verify's tamper checks read it
// as part of the record and never as a change of the case.

const PASS = 'Куәлік — custody';
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

let dir: string;
let cleanup: () => Promise<void>;
let out: string;
let outCleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-custody-'));
  ({ dir: out, cleanup: outCleanup } = await tempDir('casefile-custody-out-'));
});
afterEach(async () => {
  await cleanup();
  await outCleanup();
});

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

for (const mode of ['plain', 'encrypted'] as const) {
  describe(`${mode} folder`, () => {
    let store: CaseStore;
    let dispatch: Dispatch;
    const bytes = Buffer.from('Үкім — приговор суда от 6 декабря 2026 года\n', 'utf8');

    beforeEach(async () => {
      if (mode === 'encrypted') {
        await (await CaseStore.open(dir)).close();
        await encryptFolder(dir, PASS, FAST_KDF);
      }
      store = await CaseStore.open(dir, mode === 'encrypted' ? { passphrase: PASS } : {});
      dispatch = createDispatcher(createHandlers(store));
    });
    afterEach(() => store.close());

    /** A case with one source whose original is `bytes`, saved twice (rev 2). */
    async function caseWithOriginal(): Promise<CaseFile> {
      const intake = await ok<{ text: string; file: NonNullable<CaseFile['sources'][number]['file']> }>(dispatch('sources.intake', { fileName: 'verdict.txt', dataBase64: bytes.toString('base64') }));
      const c = await ok<CaseFile>(dispatch('cases.create', { case: prisonerDraft({ sources: [{ id: 's1', title: 'Приговор', kind: 'court_document', text: intake.text, file: intake.file }] }) }));
      return ok<CaseFile>(dispatch('cases.update', { id: c.id, baseRev: c.rev, case: { ...c, summary: 'second revision' } }));
    }

    const history = (id: string) => ok<AuditEntry[]>(dispatch('cases.history', { id }));
    const historyLines = async (id: string) => (await readFile(ownHistoryFile(dir, id), 'utf8')).split('\n').slice(0, -1);

    it('saving the original out writes its bytes and a chained custody line on the case’s revision; verify stays clean', async () => {
      await dispatch('settings.set', { preparedBy: 'Айгүл Серікқызы' });
      const c = await caseWithOriginal();
      const to = path.join(out, 'verdict copy.txt');
      expect(await ok(dispatch('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to }))).toEqual({ path: to });
      expect((await readFile(to)).equals(bytes)).toBe(true);

      const entries = await history(c.id);
      expect(entries).toHaveLength(3);
      const line = entries.at(-1)!;
      expect(line).toMatchObject({
        cause: 'custody',
        rev: c.rev,
        changes: [],
        sha256: caseDigest(c),
        custody: { action: 'saved', by: 'Айгүл Серікқызы', byFrom: 'settings', sourceId: 's1', title: 'Приговор', name: 'verdict.txt', sha256: sha(bytes), to },
      });
      expect(Date.parse(line.at)).toBeGreaterThanOrEqual(Date.parse(entries[1]!.at));
      // Chained like every line: its prev is the hash of the line before it, as stored (opened when sealed).
      const stored = await historyLines(c.id);
      expect(stored).toHaveLength(3);
      if (mode === 'encrypted') expect(stored[2]).toMatch(/^CFSEAL:/);
      else expect(line.prev).toBe(sha(stored[1]!));

      // The history check from the disk alone (verify runs it with the key in an encrypted folder, below).
      if (mode === 'plain') expect(await checkHistories(dir, null)).toEqual([]);
      const report = await store.verify();
      expect(report.problems).toEqual([]);
      expect(report.warnings).toEqual([]);
      expect(report.ok).toBe(true);

      // A save after it chains on, and the store's own checks still pass.
      const next = await ok<CaseFile>(dispatch('cases.update', { id: c.id, baseRev: c.rev, case: { ...c, summary: 'third' } }));
      expect(next.rev).toBe(3);
      expect((await history(c.id)).map((e) => [e.cause, e.rev])).toEqual([['create', 1], ['update', 2], ['custody', 2], ['update', 3]]);
      expect((await store.verify()).problems).toEqual([]);
      // One more custody line as the newest, then the open's own tamper check (histories changed since the index).
      await ok(dispatch('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to: path.join(out, 'again.txt') }));
      await store.close();
      store = await CaseStore.open(dir, mode === 'encrypted' ? { passphrase: PASS } : {});
      dispatch = createDispatcher(createHandlers(store));
      expect(store.tampered).toEqual([]);
      expect((await store.verify()).ok).toBe(true);
    });

    it('a custody line removed from the middle breaks the chain: it is part of the record, not a note beside it', async () => {
      const c = await caseWithOriginal();
      await ok(dispatch('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to: path.join(out, 'a.txt') }));
      await ok(dispatch('cases.update', { id: c.id, baseRev: c.rev, case: { ...c, summary: 'third' } }));
      await store.close();
      const lines = await historyLines(c.id);
      expect(lines).toHaveLength(4);
      await writeFile(ownHistoryFile(dir, c.id), `${[lines[0], lines[1], lines[3]].join('\n')}\n`);
      store = await CaseStore.open(dir, mode === 'encrypted' ? { passphrase: PASS } : {});
      dispatch = createDispatcher(createHandlers(store));
      const report = await store.verify();
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ file: ownHistoryRel(dir, c.id), message: expect.stringMatching(/line 3 does not follow the line before it/) })]);
    });

    it('handed to the browser: the bytes, and a line saying it was downloaded; the system user when Settings names no one', async () => {
      const c = await caseWithOriginal();
      const r = await ok<{ dataBase64: string; name: string; mediaType: string }>(dispatch('sources.exportOriginal', { caseId: c.id, sourceId: 's1' }));
      expect(Buffer.from(r.dataBase64, 'base64').equals(bytes)).toBe(true);
      expect(r).toMatchObject({ name: 'verdict.txt', mediaType: 'text/plain' });
      const line = (await history(c.id)).at(-1)!;
      expect(line.custody).toEqual({ action: 'downloaded', by: userInfo().username, byFrom: 'os', sourceId: 's1', title: 'Приговор', name: 'verdict.txt', sha256: sha(bytes) });
      expect((await store.verify()).ok).toBe(true);
    });

    it('a file already at the path is kept, and nothing is recorded, unless overwriting is asked for', async () => {
      const c = await caseWithOriginal();
      const to = path.join(out, 'taken.txt');
      await writeFile(to, 'someone else’s file');
      const refused = await dispatch('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('exists already; nothing was written') });
      expect(await readFile(to, 'utf8')).toBe('someone else’s file');
      expect((await history(c.id)).map((e) => e.cause)).toEqual(['create', 'update']);
      await ok(dispatch('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to, overwrite: true }));
      expect((await readFile(to)).equals(bytes)).toBe(true);
    });

    it('a changed original is not let out: no file, no custody line', async () => {
      const c = await caseWithOriginal();
      const s = c.sources[0]!.file!.sha256;
      const blob = path.join(dir, 'files', s.slice(0, 2), `${s}.bin`);
      const stored = await readFile(blob);
      stored[stored.length - 3]! ^= 0x01;
      await writeFile(blob, stored);
      const to = path.join(out, 'changed.txt');
      const r = await dispatch('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to });
      expect(r.ok).toBe(false);
      await expect(readFile(to)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await readdir(out)).toEqual([]);
      expect((await history(c.id)).map((e) => e.cause)).toEqual(['create', 'update']);
    });

    it('refuses a relative path at the contract, naming the field', async () => {
      const c = await caseWithOriginal();
      const r = await dispatch('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to: 'relative/out.txt' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues).toEqual([expect.objectContaining({ path: ['to'], message: expect.stringContaining('absolute path') })]);
    });
  });
}
