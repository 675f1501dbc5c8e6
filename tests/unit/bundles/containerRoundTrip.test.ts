import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { entryNames, sha256 } from './zipHelpers';

type Folder = { dir: string; store: CaseStore; dispatch: Dispatch };

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('bundles with originals: add → export NAME.casefile.zip → import into another folder → the original', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  const open: CaseStore[] = [];
  const folder = async (name: string): Promise<Folder> => {
    const dir = path.join(root, name);
    const store = await CaseStore.open(dir);
    open.push(store);
    return { dir, store, dispatch: createDispatcher(createHandlers(store)) };
  };
  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await cleanup();
  });

  // Two originals (one cited by two sources, so carried once) and a source without one.
  const verdict = Buffer.from('Приговор суда\nҮкім 2026 жылғы 6 желтоқсан\n'.repeat(200), 'utf8');
  const appeal = Buffer.concat([Buffer.from('<html><body><p>Апелляциялық шағым</p><!-- '), Buffer.from(randomBytes(48 * 1024).toString('base64')), Buffer.from(' --></body></html>')]);

  async function caseWithOriginals(a: Folder) {
    const v = ok(await a.dispatch('sources.intake', { fileName: 'verdict.txt', dataBase64: verdict.toString('base64'), capturedFrom: 'Almaty court portal' }));
    const p = ok(await a.dispatch('sources.intake', { fileName: 'appeal.html', dataBase64: appeal.toString('base64') }));
    return ok(
      await a.dispatch('cases.create', {
        case: prisonerDraft({
          sources: [
            { id: 's1', title: 'Verdict', kind: 'court_document', text: v.text, file: v.file },
            { id: 's2', title: 'Appeal', kind: 'court_document', text: p.text, file: p.file },
            { id: 's3', title: 'Verdict, second copy', kind: 'court_document', text: v.text, file: v.file },
            { id: 's4', title: 'Typed note', kind: 'other', text: 'typed by hand' },
          ],
        }),
      }),
    );
  }

  it('carries each original once, byte for byte, and the other folder hands it back for its source', async () => {
    const a = await folder('a');
    const created = await caseWithOriginals(a);
    const written = ok(await a.dispatch('bundle.exportFile', { path: path.join(root, 'cases.json'), history: true }));
    expect(written).toMatchObject({ path: path.join(root, 'cases.casefile.zip'), format: 'zip', cases: 1, originals: 2 });
    expect((await entryNames(written.path)).sort()).toEqual(['bundle.json', `files/${sha256(appeal)}`, `files/${sha256(verdict)}`].sort());

    const b = await folder('b');
    const report = ok(await b.dispatch('bundle.importFile', { path: written.path }));
    expect(report.results).toEqual([expect.objectContaining({ id: created.id, action: 'created' })]);
    expect(report.results[0]!.note).toBeUndefined();
    for (const [sourceId, bytes, name] of [['s1', verdict, 'verdict.txt'], ['s2', appeal, 'appeal.html'], ['s3', verdict, 'verdict.txt']] as const) {
      const back = ok(await b.dispatch('sources.original', { caseId: created.id, sourceId }));
      expect(back.name).toBe(name);
      expect(Buffer.from(back.dataBase64, 'base64').equals(bytes)).toBe(true);
    }
    // On disk in the other folder, by hash, unchanged (the folder is not encrypted).
    expect((await readFile(path.join(b.dir, 'files', sha256(verdict).slice(0, 2), `${sha256(verdict)}.bin`))).equals(verdict)).toBe(true);
  });

  it('imports the same container sent from the window as bytes', async () => {
    const a = await folder('a');
    const created = await caseWithOriginals(a);
    const written = ok(await a.dispatch('bundle.exportFile', { path: path.join(root, 'out.casefile.zip') }));
    expect(written.path).toBe(path.join(root, 'out.casefile.zip'));
    const c = await folder('c');
    const bytes = await readFile(written.path);
    ok(await c.dispatch('bundle.import', { file: { fileName: 'out.casefile.zip', dataBase64: bytes.toString('base64') } }));
    const back = ok(await c.dispatch('sources.original', { caseId: created.id, sourceId: 's2' }));
    expect(Buffer.from(back.dataBase64, 'base64').equals(appeal)).toBe(true);
  });

  it('--no-files writes JSON; an import keeps a file record only where that folder holds the original, and says which source lost it', async () => {
    const a = await folder('a');
    const created = await caseWithOriginals(a);
    const written = ok(await a.dispatch('bundle.exportFile', { path: path.join(root, 'plain.json'), files: false }));
    expect(written).toMatchObject({ path: path.join(root, 'plain.json'), format: 'json', originals: 0 });
    const json = JSON.parse(await readFile(written.path, 'utf8')) as { cases: Array<{ sources: Array<{ file?: { sha256: string } }> }> };
    expect(json.cases[0]!.sources[0]!.file?.sha256).toBe(sha256(verdict)); // the record travels; the bytes do not

    const b = await folder('b');
    const report = ok(await b.dispatch('bundle.import', { file: { fileName: 'plain.json', dataBase64: (await readFile(written.path)).toString('base64') } }));
    expect(report.results[0]!.note).toContain('source "s1" (“Verdict”) was imported without its original file "verdict.txt"');
    expect(report.results[0]!.note).toContain('source "s2" (“Appeal”)');
    const imported = ok(await b.dispatch('cases.get', { id: created.id }));
    expect(imported.sources.map((s) => s.file)).toEqual([undefined, undefined, undefined, undefined]);
    expect(await readFile(path.join(b.dir, 'files')).catch((e: NodeJS.ErrnoException) => e.code)).toBe('ENOENT');

    // Back into the folder that holds the originals: the records stay.
    const again = ok(await a.dispatch('bundle.import', { file: { fileName: 'plain.json', dataBase64: (await readFile(written.path)).toString('base64') }, onConflict: 'keep-both' }));
    expect(again.results[0]!.note).not.toContain('without its original');
    const copy = ok(await a.dispatch('cases.get', { id: again.results[0]!.id }));
    expect(copy.sources[0]!.file?.sha256).toBe(sha256(verdict));
  });

  it('a bundle without originals is JSON, as before', async () => {
    const a = await folder('a');
    ok(await a.dispatch('cases.create', { case: prisonerDraft() }));
    const written = ok(await a.dispatch('bundle.exportFile', { path: path.join(root, 'only.json') }));
    expect(written.format).toBe('json');
    expect(JSON.parse(await readFile(written.path, 'utf8'))).toMatchObject({ format: 'casefile-bundle', version: 2 });
  });

  it('a narrower export carries only the originals of the cases it holds', async () => {
    const a = await folder('a');
    await caseWithOriginals(a);
    const other = Buffer.from('Another case’s confidential medical report\n');
    const o = ok(await a.dispatch('sources.intake', { fileName: 'medical.txt', dataBase64: other.toString('base64') }));
    const second = ok(await a.dispatch('cases.create', { case: prisonerDraft({ title: 'Second', sources: [{ id: 'm', title: 'Medical', kind: 'other', text: o.text, file: o.file, confidential: true }] }) }));
    const written = ok(await a.dispatch('bundle.exportFile', { path: path.join(root, 'second.casefile.zip'), ids: [second.id] }));
    expect(await entryNames(written.path)).toEqual(['bundle.json', `files/${sha256(other)}`]);
    const firstOnly = (await a.store.exportBundle()).cases.find((c) => c.id !== second.id)!;
    const w2 = ok(await a.dispatch('bundle.exportFile', { path: path.join(root, 'first.casefile.zip'), ids: [firstOnly.id] }));
    expect(await entryNames(w2.path)).not.toContain(`files/${sha256(other)}`);
  });

  it('an original changed on disk fails the export, and no container is left behind', async () => {
    const a = await folder('a');
    await caseWithOriginals(a);
    const stored = path.join(a.dir, 'files', sha256(appeal).slice(0, 2), `${sha256(appeal)}.bin`);
    const changed = Buffer.from(appeal);
    changed[10]! ^= 1;
    await writeFile(stored, changed);
    const result = await a.dispatch('bundle.exportFile', { path: path.join(root, 'x.json') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(`The stored original ${sha256(appeal)} has changed`);
    expect(await readFile(path.join(root, 'x.casefile.zip')).catch((e: NodeJS.ErrnoException) => e.code)).toBe('ENOENT');
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(root)).filter((n) => n.includes('casefile.zip'))).toEqual([]);
  });
});
