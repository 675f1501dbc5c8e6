import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type AuditEntry, type CaseFile } from '../../../shared/model';
import { parseAuditPath, setAt } from '../../../shared/history/auditPath';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { conflictDetail, resolveConflict, scanConflicts } from '../../../electron/services/conflicts/service';
import { onConflictsChanged } from '../../../electron/services/conflicts/notify';
import { readAddressBook } from '../../../electron/services/addressees/addressBook';
import { parseSyncConflictName, syncConflictName } from '../../../electron/services/disk/syncConflictNames';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { makeCaseConflict } from '../../helpers/syncConflicts';

// Syncthing's conflict copies of a case in a plain folder: listed with both sides,
// shown field by field, settled each way with the version not kept in the history,
// and the copy removed only after the resolution is on disk.

let root: string;
let cleanup: () => Promise<void>;
let dir: string;
let id: string;

const here = (c: CaseFile) => ({ ...c, title: 'Title from laptop A', summary: 'Summary written on A' });
const there = (c: CaseFile) => ({ ...c, region: 'Атырау', summary: 'Summary written on B — Қазақ мәтіні' });

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-conflicts-'));
  dir = path.join(root, 'a');
  const store = await CaseStore.open(dir);
  id = (await store.create(CaseDraft.parse(prisonerDraft({ title: 'Original title', region: 'Almaty', summary: 'Original summary' })))).id;
  await store.close();
});
afterEach(() => cleanup());

const host = (store: CaseStore) => ({ store, sameDataKey: (k: Buffer) => store.sameDataKey(k) });

/** A version of the case rebuilt from its history line alone. */
function rebuiltFrom(entry: AuditEntry, i: number): unknown {
  return entry.syncConflict!.lost[i];
}

describe('conflict copy names', () => {
  it('reads and writes the names Syncthing gives', () => {
    const name = syncConflictName('abc.json', new Date('2026-12-07T10:15:02Z'), '7XK3ABCDEF');
    expect(name).toBe('abc.sync-conflict-20261207-101502-7XK3ABC.json');
    expect(parseSyncConflictName(name)).toEqual({ original: 'abc.json', at: '2026-12-07T10:15:02.000Z', device: '7XK3ABC' });
    expect(parseSyncConflictName('abc.json')).toBeNull();
    expect(parseSyncConflictName('vault.sync-conflict-20261207-101502-ABCDEF2.json')?.original).toBe('vault.json');
  });
});

describe('a conflict copy of a case (plain folder)', () => {
  it('is never a case of the store, nor quarantined, and is listed with both sides', async () => {
    const { file, here: mine, there: theirs } = await makeCaseConflict(dir, id, { here, there });
    const store = await CaseStore.open(dir);
    try {
      expect(store.list().map((c) => c.id)).toEqual([id]);
      expect(store.quarantinedNow).toEqual([]);
      expect(await readdir(path.join(dir, 'quarantine'))).toEqual([]);
      const heard: number[] = [];
      onConflictsChanged(store, (n) => heard.push(n));
      const list = await scanConflicts(store);
      expect(list).toEqual([
        {
          file,
          kind: 'case',
          caseId: id,
          title: 'Title from laptop A',
          where: 'cases',
          current: { rev: mine.rev, savedAt: mine.updatedAt },
          copy: { rev: theirs.rev, savedAt: theirs.updatedAt, device: '7XK3ABC' },
          valid: true,
        },
      ]);
      expect(heard).toEqual([1]);
      const detail = await conflictDetail(store, file);
      expect(detail.current).toEqual(mine);
      expect(detail.copy).toEqual(theirs);
      expect(detail.changes.map((c) => c.path).sort()).toEqual(['region', 'summary', 'title']);
    } finally {
      await store.close();
    }
  });

  it('keep current: saved above both, the copy in the history whole, the copy file gone', async () => {
    const { file, there: theirs } = await makeCaseConflict(dir, id, { here, there });
    const store = await CaseStore.open(dir);
    try {
      const result = await resolveConflict(host(store), { file, keep: 'current' });
      expect(result).toMatchObject({ keep: 'current', caseId: id, rev: 3 });
      const saved = await store.get(id);
      expect(saved).toMatchObject({ rev: 3, title: 'Title from laptop A', region: 'Almaty', summary: 'Summary written on A' });
      const last = (await store.history(id)).at(-1)!;
      expect(last.cause).toBe('sync-conflict');
      expect(rebuiltFrom(last, 0)).toEqual(theirs);
      expect(last.syncConflict).toMatchObject({ copy: file, device: '7XK3ABC', kept: 'current' });
      // The undo changes bring the loser's fields back onto the saved case.
      const undone = structuredClone(saved) as unknown as Record<string, unknown>;
      for (const ch of last.syncConflict!.undo) setAt(undone, parseAuditPath(ch.path)!, ch.new);
      expect(undone).toMatchObject({ region: theirs.region, summary: theirs.summary, title: theirs.title });
      await expect(readFile(path.join(dir, file))).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await scanConflicts(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('keep copy: the other device’s version becomes the case, this one kept in the history', async () => {
    const { file, here: mine, there: theirs } = await makeCaseConflict(dir, id, { here, there });
    const store = await CaseStore.open(dir);
    try {
      await resolveConflict(host(store), { file, keep: 'copy' });
      const saved = await store.get(id);
      expect(saved).toMatchObject({ rev: 3, title: theirs.title, region: 'Атырау', summary: theirs.summary });
      const last = (await store.history(id)).at(-1)!;
      expect(rebuiltFrom(last, 0)).toEqual(mine);
    } finally {
      await store.close();
    }
  });

  it('merge: one field from each side, both versions whole in the history', async () => {
    const { file, here: mine, there: theirs } = await makeCaseConflict(dir, id, { here, there });
    const store = await CaseStore.open(dir);
    try {
      await resolveConflict(host(store), { file, keep: 'merge', picks: { region: 'copy', summary: 'copy', title: 'current' } });
      expect(await store.get(id)).toMatchObject({ rev: 3, title: 'Title from laptop A', region: 'Атырау', summary: theirs.summary });
      const last = (await store.history(id)).at(-1)!;
      expect(last.syncConflict!.lost).toEqual([mine, theirs]);
      await expect(resolveConflict(host(store), { file, keep: 'current' })).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await store.close();
    }
  });

  it('merge refuses a path that is not a difference, writing nothing', async () => {
    const { file, here: mine } = await makeCaseConflict(dir, id, { here, there });
    const store = await CaseStore.open(dir);
    try {
      await expect(resolveConflict(host(store), { file, keep: 'merge', picks: { priority: 'copy' } })).rejects.toMatchObject({ code: 'bad_input', issues: [{ path: ['picks', 'priority'] }] });
      expect(await store.get(id)).toEqual(mine);
      expect((await scanConflicts(store)).map((c) => c.file)).toEqual([file]);
    } finally {
      await store.close();
    }
  });

  it('keep both: the copy becomes a new case marked as a copy; the current one is saved above both', async () => {
    const { file, there: theirs } = await makeCaseConflict(dir, id, { here, there });
    const store = await CaseStore.open(dir);
    try {
      const result = await resolveConflict(host(store), { file, keep: 'both', copyTitle: 'Копия: Original (с ноутбука B)' });
      expect(result.newCaseId).toBeDefined();
      expect(result.newCaseId).not.toBe(id);
      const copy = await store.get(result.newCaseId!);
      expect(copy).toMatchObject({ title: 'Копия: Original (с ноутбука B)', region: theirs.region, summary: theirs.summary, rev: 1 });
      expect(await store.get(id)).toMatchObject({ rev: 3, title: 'Title from laptop A' });
      expect((await store.history(id)).at(-1)!.syncConflict).toMatchObject({ kept: 'both', newCaseId: result.newCaseId });
      expect(store.list()).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('the copy file is removed only after the save: a crash between leaves the conflict listed and nothing lost', async () => {
    const { file, there: theirs } = await makeCaseConflict(dir, id, { here, there });
    const store = await CaseStore.open(dir);
    try {
      await expect(
        resolveConflict(host(store), { file, keep: 'current' }, { afterSave: () => { throw new Error('power cut'); } }),
      ).rejects.toThrow('power cut');
      expect((await store.get(id)).rev).toBe(3);
      expect(rebuiltFrom((await store.history(id)).at(-1)!, 0)).toEqual(theirs);
    } finally {
      await store.close();
    }
    const again = await CaseStore.open(dir);
    try {
      const listed = await scanConflicts(again);
      expect(listed.map((c) => c.file)).toEqual([file]);
      // Settled again after the crash: one more revision, the copy gone.
      await resolveConflict(host(again), { file, keep: 'copy' });
      expect(await again.get(id)).toMatchObject({ rev: 4, region: theirs.region });
      expect(await scanConflicts(again)).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('an invalid copy is reported, never used, and can only be discarded', async () => {
    const name = syncConflictName(`${id}.json`, new Date('2026-12-07T10:15:02Z'), 'BADDEV1');
    await writeFile(path.join(dir, 'cases', name), JSON.stringify({ id, kind: 'political_prisoner', title: '' }));
    const store = await CaseStore.open(dir);
    try {
      expect(store.quarantinedNow).toEqual([]);
      const [c] = await scanConflicts(store);
      expect(c).toMatchObject({ file: `cases/${name}`, valid: false, caseId: id });
      expect(c!.problem).toMatch(/not a valid case: .*title/);
      await expect(resolveConflict(host(store), { file: `cases/${name}`, keep: 'copy' })).rejects.toMatchObject({ code: 'bad_input' });
      expect((await store.get(id)).rev).toBe(1);
      await resolveConflict(host(store), { file: `cases/${name}`, keep: 'current' });
      expect(await store.get(id)).toMatchObject({ rev: 2, title: 'Original title' });
      expect(await scanConflicts(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('verify lists an unresolved conflict, and is clean once it is settled', async () => {
    const { file } = await makeCaseConflict(dir, id, { here, there });
    const store = await CaseStore.open(dir);
    try {
      const report = await store.verify();
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ file, message: expect.stringContaining('unresolved sync conflict') })]);
      await resolveConflict(host(store), { file, keep: 'current' });
      expect((await store.verify()).problems).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('a conflict copy of the address book', () => {
  it('is validated like the book, and keeping the copy writes it in the book’s place', async () => {
    let store = await CaseStore.open(dir);
    const { book } = await readAddressBook(store, { seed: true });
    await store.close();
    const copyBook = structuredClone(book) as { countries: Array<{ country: string; addressees: Array<{ office: string }> }> };
    copyBook.countries[0]!.addressees[0]!.office = 'Адресат с ноутбука B';
    const name = syncConflictName('addressees.json', new Date('2026-12-07T10:15:02Z'), 'LAPTOPB');
    await writeFile(path.join(dir, name), `${JSON.stringify(copyBook, null, 2)}\n`);
    const broken = syncConflictName('addressees.json', new Date('2026-12-07T10:16:00Z'), 'LAPTOPC');
    await writeFile(path.join(dir, broken), '{"countries": 7}');
    store = await CaseStore.open(dir);
    try {
      const list = await scanConflicts(store);
      expect(list.map((c) => [c.file, c.kind, c.valid])).toEqual([
        [name, 'addressees', true],
        [broken, 'addressees', false],
      ]);
      expect(list[1]!.problem).toMatch(/cannot be used \(not a valid address book: .*countries: expected array/);
      const detail = await conflictDetail(store, name);
      expect(detail.changes.map((c) => c.path)).toEqual(['countries']);
      await resolveConflict(host(store), { file: name, keep: 'copy' });
      await resolveConflict(host(store), { file: broken, keep: 'current' });
      const now = (await readAddressBook(store)).book as typeof copyBook;
      expect(now.countries[0]!.addressees[0]!.office).toBe('Адресат с ноутбука B');
      expect(await scanConflicts(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
