import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bundle, CaseDraft, isReservedDeviceName } from '../../../shared/model';
import { FolderIds, newCaseId } from '../../../electron/services/cases/caseIds';
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { ServiceError } from '../../../electron/services/errors';
import { createServices } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore | undefined;
let dispatch: Dispatch;

const data = () => path.join(dir, 'data');
async function open(): Promise<void> {
  await store?.close();
  store = await CaseStore.open(data());
  dispatch = createDispatcher(createServices(store).handlers);
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-case-ids-'));
  await open();
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await cleanup();
});

const bundleOf = (cases: unknown[]) => ({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases });
const caseFiles = async (sub = 'cases') => (await readdir(path.join(data(), sub))).sort();

async function refusal(p: Promise<{ ok: boolean; error?: unknown }>) {
  const r = await p;
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return (r as { error: { code: string; message: string; issues?: Array<{ path: Array<string | number>; message: string }> } }).error;
}

/** Writes a valid case file the way an older Casefile (or a Linux copy) could have left it. */
async function plant(sub: 'cases' | 'trash', id: string, title = `Planted ${id}`): Promise<void> {
  const c = finalizeCase(CaseDraft.parse(ngoDraft({ title })), { id, rev: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
  await writeFile(path.join(data(), sub, `${id}.json`), `${JSON.stringify(c, null, 2)}\n`);
}

const RESERVED = ['CON', 'con', 'Con', 'PRN', 'prn', 'AUX', 'aux', 'NUL', 'nul', 'NuL', 'COM0', 'COM1', 'com5', 'COM9', 'LPT0', 'LPT1', 'lpt7', 'LPT9'];
/** One of each, so that no two differ only by case (which is refused on its own). */
const RESERVED_APART = ['CON', 'prn', 'Aux', 'nul', 'COM0', 'com1', 'COM9', 'lpt0', 'LPT5', 'Lpt9'];
const NEAR_MISSES = ['CONX', 'CON-1', 'con_', 'ACON', 'COM10', 'COM', 'LPT', 'LPT-1', 'NULL', 'PRN2', 'AUXILIARY', 'console'];

describe('ids that name a Windows device', () => {
  it('the rule: CON, PRN, AUX, NUL, COM0–9, LPT0–9 in any case, with or without an extension', () => {
    for (const id of RESERVED) expect(isReservedDeviceName(id), id).toBe(true);
    for (const name of ['CON.txt', 'nul.json', 'com1.tar.gz', 'LPT3.']) expect(isReservedDeviceName(name), name).toBe(true);
    for (const id of NEAR_MISSES) expect(isReservedDeviceName(id), id).toBe(false);
  });

  it('a bundle carrying them is refused whole, each by its JSON path with the reason and what to do', async () => {
    const cases = [{ ...prisonerDraft(), id: 'fine-one' }, ...RESERVED_APART.map((id) => ({ ...ngoDraft(), id }))];
    const error = await refusal(dispatch('bundle.import', { bundle: bundleOf(cases), onConflict: 'keep-both' }));
    expect(error.code).toBe('bad_input');
    expect(error.issues!.map((i) => i.path.join('.'))).toEqual(RESERVED_APART.map((_, i) => `bundle.cases.${i + 1}.id`));
    for (const issue of error.issues!) expect(issue.message).toMatch(/names a Windows device .*give the case another id, or leave the id out/);
    expect(await caseFiles()).toEqual([]);
    // Ids that only look alike are fine.
    const fine = await dispatch('bundle.import', { bundle: bundleOf(NEAR_MISSES.map((id) => ({ ...ngoDraft(), id }))), onConflict: 'fail' });
    expect(fine.ok).toBe(true);
  });

  it('cases.create refuses them at every door (the schema) and in the store itself', async () => {
    const error = await refusal(dispatch('cases.create', { case: { ...prisonerDraft(), id: 'aux' } }));
    expect(error).toMatchObject({ code: 'bad_input', issues: [{ path: ['case', 'id'] }] });
    await expect(store!.create(CaseDraft.parse({ ...prisonerDraft(), id: 'LPT1' }))).rejects.toMatchObject({ code: 'bad_input', issues: [{ path: ['case', 'id'] }] });
    expect(await caseFiles()).toEqual([]);
  });
});

describe('ids that differ only by case', () => {
  it('within one bundle: refused by path, naming the other', async () => {
    const error = await refusal(dispatch('bundle.import', { bundle: bundleOf([{ ...ngoDraft(), id: 'CaseA' }, { ...ngoDraft(), id: 'other' }, { ...ngoDraft(), id: 'casea' }]), onConflict: 'keep-both' }));
    expect(error.code).toBe('bad_input');
    expect(error.issues).toEqual([{ path: ['bundle', 'cases', 2, 'id'], message: expect.stringContaining('"casea" differs only by case from cases[0].id "CaseA"') }]);
    expect(await caseFiles()).toEqual([]);
  });

  it('beside a stored case (live or trashed): fail and newer refuse with bad_input; keep-both stores a copy under a new id', async () => {
    await store!.create(CaseDraft.parse({ ...ngoDraft({ title: 'Stored' }), id: 'casea' }));
    await store!.create(CaseDraft.parse({ ...ngoDraft({ title: 'Binned' }), id: 'binned' }));
    await store!.trash('binned');
    const before = await readFile(path.join(data(), 'cases', 'casea.json'));
    for (const onConflict of ['fail', 'newer'] as const) {
      const error = await refusal(dispatch('bundle.import', { bundle: bundleOf([{ ...ngoDraft(), id: 'CaseA', rev: 7 }, { ...ngoDraft(), id: 'BINNED' }]), onConflict }));
      expect(error.code).toBe('bad_input');
      expect(error.issues).toEqual([
        { path: ['bundle', 'cases', 0, 'id'], message: expect.stringContaining('"CaseA" differs only by case from the stored case "casea": on Windows and macOS both would be one file') },
        { path: ['bundle', 'cases', 1, 'id'], message: expect.stringContaining('"BINNED" differs only by case from the stored case "binned" (in the Trash)') },
      ]);
      expect(error.issues![0]!.message).toContain('leave the id out and Casefile makes one');
    }
    expect(await caseFiles()).toEqual(['casea.json']);
    expect((await readFile(path.join(data(), 'cases', 'casea.json'))).equals(before)).toBe(true);

    const both = await dispatch('bundle.import', { bundle: bundleOf([{ ...ngoDraft({ title: 'Incoming' }), id: 'CaseA' }]), onConflict: 'keep-both' });
    expect(both.ok).toBe(true);
    if (!both.ok) return;
    const [r] = both.value.results;
    expect(r).toMatchObject({ action: 'copied', title: 'Incoming', note: expect.stringContaining('differs only by case from the stored "casea"') });
    expect(r!.id.toLowerCase()).not.toBe('casea');
    expect((await readFile(path.join(data(), 'cases', 'casea.json'))).equals(before)).toBe(true);
  });

  it('cases.create refuses an id differing only by case from a stored one', async () => {
    await store!.create(CaseDraft.parse({ ...ngoDraft(), id: 'Zhanaozen-2011' }));
    const error = await refusal(dispatch('cases.create', { case: { ...ngoDraft(), id: 'ZHANAOZEN-2011' } }));
    expect(error).toMatchObject({ code: 'bad_input', issues: [{ path: ['case', 'id'], message: expect.stringContaining('differs only by case from the stored case "Zhanaozen-2011"') }] });
    expect(await caseFiles()).toEqual(['Zhanaozen-2011.json']);
  });

  it('restoring from the Trash beside a live case differing only by case is refused; the trashed file stays', async () => {
    await plant('cases', 'CaseA');
    await plant('trash', 'casea');
    await open();
    const error = await refusal(dispatch('cases.restore', { id: 'casea' }));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('"CaseA", which differs only by case from "casea"') });
    expect(await caseFiles('trash')).toEqual(['casea.json']);
  });
});

describe('ids the app makes', () => {
  it('never taken up to case, never a device name', () => {
    const ids = new FolderIds(['Alpha', 'beta']);
    expect(ids.taken('ALPHA')).toBe(true);
    expect(ids.caseTwin('ALPHA')).toBe('Alpha');
    expect(ids.caseTwin('Alpha')).toBeUndefined();
    // The generator asks until it gets a free id.
    let asked = 0;
    const id = newCaseId(() => ++asked <= 5);
    expect(asked).toBe(6);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a case created or imported without an id gets a fresh one, also when keep-both copies', async () => {
    const created = await store!.create(CaseDraft.parse(ngoDraft()));
    expect(isReservedDeviceName(created.id)).toBe(false);
    const r = await dispatch('bundle.import', { bundle: bundleOf([ngoDraft(), { ...ngoDraft(), id: created.id }]), onConflict: 'keep-both' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ids = r.value.results.map((x) => x.id.toLowerCase());
    expect(new Set([...ids, created.id.toLowerCase()]).size).toBe(3);
  });
});

describe('a folder that already holds such ids (written before the rules, or on Linux)', () => {
  it('opens without quarantine, lists, edits and exports them; verify warns and stays ok', async () => {
    await store!.close();
    store = undefined;
    for (const id of ['CON', 'nul', 'CaseA', 'casea']) await plant('cases', id);
    await plant('trash', 'LPT1');
    await open();
    expect(store!.quarantinedNow).toEqual([]);
    expect(store!.list().map((c) => c.id).sort()).toEqual(['CON', 'CaseA', 'casea', 'nul']);
    const con = await store!.get('CON');
    const edited = await store!.update('CON', con.rev, CaseDraft.parse({ ...con, summary: 'still editable' }));
    expect(edited).toMatchObject({ id: 'CON', rev: 2, summary: 'still editable' });
    const exported = await dispatch('bundle.export', { history: true });
    expect(exported.ok).toBe(true);

    const report = await dispatch('store.verify', {});
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.value.ok).toBe(true);
    expect(report.value.problems).toEqual([]);
    // (The planted files have no history, which verify warns of too: only the id warnings are looked at here.)
    const warned = report.value.warnings.map((w) => `${w.file}: ${w.message}`).filter((w) => /Windows/.test(w));
    expect(warned).toEqual(expect.arrayContaining([
      expect.stringMatching(/^cases\/CON\.json: the case id "CON" names a Windows device/),
      expect.stringMatching(/^cases\/nul\.json: the case id "nul" names a Windows device/),
      expect.stringMatching(/^trash\/LPT1\.json: the case id "LPT1" names a Windows device/),
      expect.stringMatching(/^cases\/CaseA\.json, cases\/casea\.json: the case ids "CaseA" and "casea" differ only by case/),
    ]));
    expect(warned).toHaveLength(4);
    // Such a folder's export cannot come back in (the rules hold at import): it says which and why.
    const again = Bundle.safeParse(exported.ok ? JSON.parse(JSON.stringify(exported.value)) : null);
    expect(again.success).toBe(false);
  });
});

it('ServiceError is what the store throws for these (not a raw error)', async () => {
  await expect(store!.create(CaseDraft.parse({ ...ngoDraft(), id: 'COM3' }))).rejects.toBeInstanceOf(ServiceError);
});

describe('a case file the running store has not listed', () => {
  it('is never written over by an import: fail and newer refuse, keep-both copies', async () => {
    // What the failed import of a prototype id left behind, or a file copied in while the app runs.
    await plant('cases', 'arrived-meanwhile', 'Put there behind the store’s back');
    const before = await readFile(path.join(data(), 'cases', 'arrived-meanwhile.json'));
    for (const onConflict of ['fail', 'newer'] as const) {
      const error = await refusal(dispatch('bundle.import', { bundle: bundleOf([{ ...ngoDraft({ title: 'Incoming' }), id: 'arrived-meanwhile', rev: 50, updatedAt: '2030-01-01T00:00:00.000Z' }]), onConflict }));
      expect(error).toMatchObject({ code: 'conflict', issues: [{ path: ['bundle', 'cases', 0, 'id'], message: expect.stringContaining('is not in the list') }] });
    }
    const both = await dispatch('bundle.import', { bundle: bundleOf([{ ...ngoDraft({ title: 'Incoming' }), id: 'arrived-meanwhile' }]), onConflict: 'keep-both' });
    expect(both.ok && both.value.results[0]!.action).toBe('copied');
    expect((await readFile(path.join(data(), 'cases', 'arrived-meanwhile.json'))).equals(before)).toBe(true);
    // Reopened, the file is checked and listed like any other.
    await open();
    expect(store!.list().map((c) => c.title)).toContain('Put there behind the store’s back');
  });
});
