import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedBundle, ImportReport } from '../../../shared/contract';
import { CaseDraft, type AuditEntry, type CaseFile } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createServices } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { ownHistoryFile } from '../../helpers/deviceHistory';

// `--on-conflict newer` replaced a stored case by any bundle case with a higher rev. A
// rev is only a number in a file: a copy edited elsewhere (or a hand-made bundle) may
// say 999 and be older than ours, or be a sibling of ours rather than its successor.

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore;
let dispatch: Dispatch;
let stored: CaseFile;
let clock: number;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-newer-'));
  clock = Date.parse('2026-11-10T08:00:00.000Z');
  store = await CaseStore.open(dir, { now: () => new Date((clock += 60_000)) });
  dispatch = createDispatcher(createServices(store).handlers);
  // The stored case: created, then edited twice here (rev 3).
  let c = await store.create({ ...(draftOf(prisonerDraft({ summary: 'ours 1' }))), id: 'shared-case' });
  for (const n of [2, 3]) c = await store.update(c.id, c.rev, draftOf({ ...c, summary: `ours ${n}` }));
  stored = c;
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

const draftOf = (input: unknown) => CaseDraft.parse(input);

const caseFile = () => readFile(path.join(dir, 'cases', 'shared-case.json'), 'utf8');

async function exported(): Promise<ExportedBundle> {
  const r = await dispatch('bundle.export', { ids: ['shared-case'], history: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return JSON.parse(JSON.stringify(r.value)) as ExportedBundle;
}

async function importNewer(bundle: unknown): Promise<ImportReport['results'][number]> {
  const r = await dispatch('bundle.import', { bundle, onConflict: 'newer' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.results[0]!;
}

/** The stored case as edited on another machine: `revs` more saves, the last at `at`, with the history lines a real Casefile writes. */
function editedElsewhere(base: ExportedBundle, revs: number, at: string, history: 'carried' | 'none' | 'own'): Record<string, unknown> {
  const c = base.cases[0]!;
  const rev = c.rev + revs;
  const theirs: AuditEntry[] = Array.from({ length: revs }, (_, i) => ({ at, rev: c.rev + i + 1, cause: 'update', changes: [{ path: 'summary', old: 'x', new: `theirs ${i}` }] }));
  const bundle: Record<string, unknown> = { format: 'casefile-bundle', version: 1, exportedAt: at, cases: [{ ...c, rev, updatedAt: at, summary: 'theirs' }] };
  if (history === 'carried') bundle.history = { 'shared-case': [...base.history!['shared-case']!.map((e) => ({ ...e, imported: true })), { at, rev: c.rev, cause: 'import', changes: [] }, ...theirs] };
  // A copy whose history started elsewhere: same id, its own lines, none of ours.
  if (history === 'own') bundle.history = { 'shared-case': [{ at: '2026-11-01T00:00:00.000Z', rev: 1, cause: 'create', changes: [] }, ...theirs] };
  return bundle;
}

describe('--on-conflict newer', () => {
  it('does not take an inflated rev edited earlier than the stored case (no history to show descent)', async () => {
    const before = await caseFile();
    const bundle = editedElsewhere(await exported(), 996, '2026-11-01T00:00:00.000Z', 'none');
    const r = await importNewer(bundle);
    expect(r.action).toBe('skipped');
    expect(r.note).toBe(
      `kept the stored revision 3 (edited ${stored.updatedAt}): the bundle's revision 999 (edited 2026-11-01T00:00:00.000Z) was not edited later, and the bundle carries no history for it to show it descends from the stored one; import with “keep both” to keep both`,
    );
    expect(await caseFile()).toBe(before);
  });

  it('does not take an inflated rev, even edited later, whose history lacks the stored revision (diverged)', async () => {
    const before = await caseFile();
    const r = await importNewer(editedElsewhere(await exported(), 996, '2026-12-01T00:00:00.000Z', 'own'));
    expect(r.action).toBe('skipped');
    expect(r.note).toMatch(/^kept the stored revision 3 \(edited [^)]+\): the bundle's history for it holds no line that recorded the stored revision, so its revision 999 \(edited 2026-12-01T00:00:00\.000Z\) was edited apart from this copy; import with “keep both” to keep both$/);
    expect(await caseFile()).toBe(before);
    // keep-both is the way to have both.
    const both = await dispatch('bundle.import', { bundle: editedElsewhere(await exported(), 996, '2026-12-01T00:00:00.000Z', 'own'), onConflict: 'keep-both' });
    expect(both.ok && both.value.results[0]!.action).toBe('copied');
  });

  it('takes a true descendant — its history holds the stored revision’s line — and says what it replaced', async () => {
    const base = await exported();
    // Edited on a machine whose clock is behind ours: the history, not the clock, shows descent.
    const r = await importNewer(editedElsewhere(base, 2, '2026-11-05T00:00:00.000Z', 'carried'));
    expect(r.action).toBe('replaced');
    expect(r.note).toBe(`replaced the stored revision 3 (edited ${stored.updatedAt}) by the bundle's revision 5 (edited 2026-11-05T00:00:00.000Z), whose history continues the stored one`);
    expect(JSON.parse(await caseFile())).toMatchObject({ rev: 5, summary: 'theirs' });
    const lines = await store.history('shared-case');
    expect(lines.map((e) => `${e.rev}:${e.cause}${e.imported ? '*' : ''}`)).toEqual(['1:create', '2:update', '3:update', '1:create*', '2:update*', '3:update*', '3:import*', '4:update*', '5:update*', '5:import']);
    // The same bundle again: the same version, nothing to do.
    const again = await importNewer(editedElsewhere(base, 2, '2026-11-05T00:00:00.000Z', 'carried'));
    expect(again.action).toBe('skipped');
  });

  it('a descendant of an older stored revision is not one of the current: refused', async () => {
    const old = await exported(); // rev 3
    await store.update('shared-case', 3, draftOf({ ...(await store.get('shared-case')), summary: 'ours 4' }));
    const before = await caseFile();
    const r = await importNewer(editedElsewhere(old, 3, '2026-12-01T00:00:00.000Z', 'carried')); // their rev 6, from our rev 3
    expect(r.action).toBe('skipped');
    expect(r.note).toContain('edited apart from this copy');
    expect(await caseFile()).toBe(before);
  });

  it('without history: takes a later revision edited later, and says it judged by edit time', async () => {
    const r = await importNewer(editedElsewhere(await exported(), 1, '2026-12-01T00:00:00.000Z', 'none'));
    expect(r.action).toBe('replaced');
    expect(r.note).toBe(`replaced the stored revision 3 (edited ${stored.updatedAt}) by the bundle's revision 4 (edited 2026-12-01T00:00:00.000Z), judged by revision and edit time: the bundle carries no history for it`);
  });

  it('without history and without an edit time: nothing shows it newer, so it is kept', async () => {
    const bundle = editedElsewhere(await exported(), 5, '2026-12-01T00:00:00.000Z', 'none');
    delete (bundle.cases as Array<Record<string, unknown>>)[0]!.updatedAt;
    const r = await importNewer(bundle);
    expect(r).toMatchObject({ action: 'skipped', note: expect.stringContaining('gives no edit time (updatedAt)') });
  });

  it('a stored case whose history was lost: judged by edit time, and the note says why', async () => {
    const base = await exported();
    await rm(ownHistoryFile(dir, 'shared-case'));
    const r = await importNewer(editedElsewhere(base, 1, '2026-12-01T00:00:00.000Z', 'carried'));
    expect(r).toMatchObject({ action: 'replaced', note: expect.stringContaining('judged by revision and edit time: the stored case has no history line for revision 3') });
  });

  it('a stored case in the Trash is replaced by its descendant, and its trashed copy goes', async () => {
    const base = await exported();
    await store.trash('shared-case');
    const r = await importNewer(editedElsewhere(base, 1, '2026-12-01T00:00:00.000Z', 'carried'));
    expect(r.action).toBe('replaced');
    expect(await readdir(path.join(dir, 'trash'))).toEqual([]);
    expect(store.list().map((c) => c.id)).toEqual(['shared-case']);
  });
});

describe('--on-conflict newer between two real folders, back and forth', () => {
  it('each side takes the other’s later edits, also when it did not edit in between; a sibling edit is refused', async () => {
    const { dir: other, cleanup: cleanOther } = await tempDir('casefile-newer-b-');
    const b = await CaseStore.open(other, { now: () => new Date((clock += 60_000)) });
    const bDispatch = createDispatcher(createServices(b).handlers);
    const send = async (from: Dispatch, to: Dispatch) => {
      const out = await from('bundle.export', { ids: ['shared-case'], history: true });
      if (!out.ok) throw new Error(JSON.stringify(out.error));
      const r = await to('bundle.import', { bundle: JSON.parse(JSON.stringify(out.value)), onConflict: 'newer' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value.results[0]!;
    };
    const edit = async (s: CaseStore, summary: string) => {
      const c = await s.get('shared-case');
      return s.update('shared-case', c.rev, draftOf({ ...c, summary }));
    };
    try {
      expect((await send(dispatch, bDispatch)).action).toBe('created'); // A → B (rev 3)
      await edit(b, 'B edits'); // B at rev 4
      expect((await send(bDispatch, dispatch)).action).toBe('replaced'); // B → A: A takes rev 4
      await edit(b, 'B edits again'); // B at rev 5; A has not edited since it took rev 4
      const second = await send(bDispatch, dispatch);
      expect(second).toMatchObject({ action: 'replaced', note: expect.stringContaining('whose history continues the stored one') });
      expect(JSON.parse(await caseFile())).toMatchObject({ rev: 5, summary: 'B edits again' });
      await edit(store, 'A edits'); // A at rev 6
      expect((await send(dispatch, bDispatch)).action).toBe('replaced'); // A → B: B takes rev 6

      // Now both edit the same revision apart: neither may overwrite the other.
      await edit(store, 'A alone'); // A rev 7
      await edit(b, 'B alone'); // B rev 7
      await edit(b, 'B alone, twice'); // B rev 8: a higher rev, edited later, yet a sibling
      const before = await caseFile();
      expect((await send(bDispatch, dispatch))).toMatchObject({ action: 'skipped', note: expect.stringContaining('edited apart from this copy') });
      expect(await caseFile()).toBe(before);
    } finally {
      await b.close();
      await cleanOther();
    }
  });
});
