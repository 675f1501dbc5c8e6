import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createServices } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { loadSummaryIndex } from '../../../electron/services/store/summaryIndex';
import { tempDir } from '../../helpers/fixtures';

// Every name Object.prototype owns is a valid case id (letters and underscores). Looked
// up on a plain object, each answers with what it inherits: `constructor` a function,
// `__proto__` the prototype itself — and zod's record drops a `__proto__` key. These
// tests send each name through every door that keys something by case id.
const NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore | undefined;
let dispatch: Dispatch;

async function open(folder = path.join(dir, 'data')): Promise<void> {
  await store?.close();
  store = await CaseStore.open(folder);
  dispatch = createDispatcher(createServices(store).handlers);
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-proto-ids-'));
  await open();
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await cleanup();
});

/** An object from key–value pairs as JSON.parse builds it: `__proto__` becomes an own key, as in a bundle read from disk. */
const objectOf = (pairs: Array<[string, unknown]>) => JSON.parse(`{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as Record<string, unknown>;

const caseFor = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'ngo_suspension',
  title: `Prototype probe ${id}`,
  organization: { name: `Organisation ${id}` },
  measure: { type: 'suspension', authority: 'Ministry of Justice' },
  deadlines: [{ date: '2027-01-15', title: `Appeal for ${id}` }],
  ...extra,
});

const carriedLines = (id: string): AuditEntry[] => [
  { at: '2026-10-01T09:00:00.000Z', rev: 1, cause: 'create', changes: [] },
  { at: '2026-10-02T09:00:00.000Z', rev: 2, cause: 'update', changes: [{ path: 'summary', old: '', new: `edited ${id}` }] },
];

const bundleOf = (cases: unknown[]) =>
  JSON.parse(JSON.stringify({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases })) as Record<string, unknown> & { history?: unknown };

function withHistory(cases: unknown[], history: Record<string, unknown>) {
  const b = bundleOf(cases);
  b.history = history;
  return b;
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error).slice(0, 2000)}`);
  return r.value;
}

const caseFiles = async () => (await readdir(path.join(dir, 'data', 'cases'))).sort();
const fileBytes = async () => Promise.all(NAMES.map((id) => readFile(path.join(dir, 'data', 'cases', `${id}.json`), 'utf8')));

describe(`case ids that Object.prototype owns (${NAMES.length}: ${NAMES.join(', ')})`, () => {
  it('import without history: every case stored under its own id, listed, searchable, verified', async () => {
    const report = await ok(dispatch('bundle.import', { bundle: bundleOf(NAMES.map((id) => caseFor(id))), onConflict: 'fail' }));
    expect(report.results.map((r) => `${r.id}:${r.action}`)).toEqual(NAMES.map((id) => `${id}:created`));
    expect(await caseFiles()).toEqual(NAMES.map((id) => `${id}.json`).sort());
    const list = await ok(dispatch('cases.list', {}));
    expect(list.map((c) => c.id).sort()).toEqual(NAMES);
    for (const id of NAMES) {
      expect((await ok(dispatch('cases.get', { id }))).title).toBe(`Prototype probe ${id}`);
      expect((await ok(dispatch('cases.history', { id }))).map((e) => e.cause)).toEqual(['import']);
    }
    const hits = await ok(dispatch('search.query', { query: 'Prototype probe', limit: 50 }));
    expect(hits.map((h) => h.id).sort()).toEqual(NAMES);
    for (const id of NAMES) expect((await ok(dispatch('search.query', { query: `Organisation ${id}`, limit: 50 }))).map((h) => h.id)).toContain(id);
    const agenda = await ok(dispatch('agenda.list', { today: '2026-12-01' }));
    expect(agenda.map((r) => r.caseId).sort()).toEqual(NAMES);
    expect(await ok(dispatch('store.verify', {}))).toMatchObject({ ok: true, problems: [], warnings: [] });
  });

  it('import with history: each case gets its own carried lines, __proto__ and constructor included', async () => {
    const history = objectOf(NAMES.map((id) => [id, carriedLines(id)]));
    expect(Object.keys(history)).toContain('__proto__'); // the bundle really carries it as a key
    const report = await ok(dispatch('bundle.import', { bundle: withHistory(NAMES.map((id) => caseFor(id, { rev: 2 })), history), onConflict: 'fail' }));
    expect(report.results.every((r) => r.action === 'created')).toBe(true);
    for (const id of NAMES) {
      const lines = await ok(dispatch('cases.history', { id }));
      expect(lines.map((e) => [e.rev, e.cause, e.imported ?? false])).toEqual([
        [1, 'create', true],
        [2, 'update', true],
        [2, 'import', false],
      ]);
      expect(lines[1]!.changes).toEqual([{ path: 'summary', old: '', new: `edited ${id}` }]);
    }
    // A history keyed by one of these names does not leak into another case.
    const only = objectOf([['toString', carriedLines('toString')]]);
    await ok(dispatch('bundle.import', { bundle: withHistory([caseFor('plain-id')], only), onConflict: 'fail' }));
    expect((await ok(dispatch('cases.history', { id: 'plain-id' }))).map((e) => e.cause)).toEqual(['import']);
  });

  it('re-import: fail refuses every one and leaves the files as they were; keep-both copies; newer replaces a true descendant', async () => {
    const first = withHistory(NAMES.map((id) => caseFor(id, { rev: 2, updatedAt: '2026-10-02T09:00:00.000Z' })), objectOf(NAMES.map((id) => [id, carriedLines(id)])));
    await ok(dispatch('bundle.import', { bundle: first, onConflict: 'fail' }));
    const before = await fileBytes();

    // The running app (same store, same process) refuses the same ids again with the default.
    const refused = await dispatch('bundle.import', { bundle: bundleOf(NAMES.map((id) => caseFor(id, { rev: 9 }))), onConflict: 'fail' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.issues?.map((i) => i.path.join('.'))).toEqual(NAMES.map((_, i) => `bundle.cases.${i}.id`));
    expect(await fileBytes()).toEqual(before);

    const both = await ok(dispatch('bundle.import', { bundle: bundleOf(NAMES.map((id) => caseFor(id))), onConflict: 'keep-both' }));
    expect(both.results.every((r) => r.action === 'copied' && !NAMES.includes(r.id))).toBe(true);
    expect(await fileBytes()).toEqual(before);
    expect((await caseFiles()).length).toBe(NAMES.length * 2);

    // A descendant: the export of these cases with history, each edited once more elsewhere.
    const exported = await ok(dispatch('bundle.export', { ids: NAMES, history: true }));
    const later = '2026-11-30T12:00:00.000Z';
    const edited = exported.cases.map((c) => ({ ...c, rev: c.rev + 1, updatedAt: later, summary: `edited again ${c.id}` }));
    const lines = objectOf(NAMES.map((id) => [id, [...exported.history![id]!, { at: later, rev: 3, cause: 'update', changes: [{ path: 'summary', old: '', new: `edited again ${id}` }] }]]));
    const newer = await ok(dispatch('bundle.import', { bundle: withHistory(edited, lines), onConflict: 'newer' }));
    for (const r of newer.results) {
      expect(r.action).toBe('replaced');
      expect(r.note).toBe('replaced the stored revision 2 (edited 2026-10-02T09:00:00.000Z) by the bundle\'s revision 3 (edited 2026-11-30T12:00:00.000Z), whose history continues the stored one');
    }
    for (const id of NAMES) {
      const c = JSON.parse(await readFile(path.join(dir, 'data', 'cases', `${id}.json`), 'utf8')) as { rev: number; summary: string };
      expect(c).toMatchObject({ rev: 3, summary: `edited again ${id}` });
    }
  });

  it('export --history holds every one as an own key, and imports into a fresh folder with the same histories', async () => {
    await ok(dispatch('bundle.import', { bundle: withHistory(NAMES.map((id) => caseFor(id, { rev: 2 })), objectOf(NAMES.map((id) => [id, carriedLines(id)]))), onConflict: 'fail' }));
    const exported = await ok(dispatch('bundle.export', { history: true }));
    const text = JSON.stringify(exported); // what `casefile export --history` writes
    const parsed = JSON.parse(text) as { history: Record<string, AuditEntry[]> };
    expect(Object.keys(parsed.history).sort()).toEqual(NAMES);
    for (const id of NAMES) {
      expect(Object.hasOwn(parsed.history, id)).toBe(true);
      expect(parsed.history[id]!.map((e) => e.cause)).toEqual(['create', 'update', 'import']);
    }
    const originals = Object.fromEntries(await Promise.all(NAMES.map(async (id) => [id, await ok(dispatch('cases.history', { id }))] as const)));

    await open(path.join(dir, 'fresh'));
    await ok(dispatch('bundle.import', { bundle: JSON.parse(text), onConflict: 'fail' }));
    for (const id of NAMES) {
      const lines = await ok(dispatch('cases.history', { id }));
      expect(lines.slice(0, 3).map(({ imported: _, ...e }) => e)).toEqual(originals[id]!.map(({ imported: _, ...e }) => e));
    }
  });

  it('survives a reopen (summary index, agendas, trash) and a trash–restore round', async () => {
    await ok(dispatch('bundle.import', { bundle: bundleOf(NAMES.map((id) => caseFor(id))), onConflict: 'fail' }));
    for (const id of NAMES) await ok(dispatch('cases.trash', { id }));
    await store!.close();
    store = undefined;
    await open(); // the summary index, written on close, is read back
    const index = await readFile(path.join(dir, 'data', 'summary-index.json'), 'utf8');
    expect(index).toContain('"__proto__":{'); // the trashed __proto__ is remembered like the rest…
    expect([...(await loadSummaryIndex(path.join(dir, 'data', 'summary-index.json'))).trash.keys()].sort()).toEqual(NAMES); // …and read back
    expect((await ok(dispatch('trash.list', {}))).map((t) => t.id).sort()).toEqual(NAMES);
    for (const id of NAMES) await ok(dispatch('cases.restore', { id }));
    await store!.close();
    store = undefined;
    await open();
    expect(store!.quarantinedNow).toEqual([]);
    expect((await ok(dispatch('cases.list', {}))).map((c) => c.id).sort()).toEqual(NAMES);
    expect((await ok(dispatch('agenda.list', { today: '2026-12-01' }))).map((r) => r.caseId).sort()).toEqual(NAMES);
    expect(await ok(dispatch('store.verify', {}))).toMatchObject({ ok: true, problems: [] });
  });
});
