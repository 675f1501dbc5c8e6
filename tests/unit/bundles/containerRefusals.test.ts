import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { buildZip, folderListing, renameInZip, sha256, type ZipPart } from './zipHelpers';

// Every container here is built by the test (yazl, then bytes patched where yazl refuses
// to write a name or kind) and imported into a folder that holds one case already; each
// must be refused with what and why, and the folder must be exactly as it was.

const original = Buffer.from('Үкім. Приговор. Verdict.\n'.repeat(100));

/** bundle.json whose one source cites `files` (sha256 and size as given). */
function bundleJson(files: ReadonlyArray<{ sha256: string; size: number }>): Buffer {
  const sources = files.map((f, i) => ({
    id: `s${i + 1}`,
    title: `Original ${i + 1}`,
    kind: 'court_document' as const,
    text: 'Үкім',
    file: { sha256: f.sha256, size: f.size, name: `original-${i + 1}.txt`, mediaType: 'text/plain', addedAt: '2026-12-01T10:00:00.000Z' },
  }));
  return Buffer.from(JSON.stringify({ format: 'casefile-bundle', version: 2, cases: [prisonerDraft({ id: 'incoming', sources })] }));
}

const good = (): ZipPart[] => [
  { name: 'bundle.json', data: bundleJson([{ sha256: sha256(original), size: original.length }]) },
  { name: `files/${sha256(original)}`, data: original },
];

describe('a bundle with originals is checked whole before anything is stored', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let store: CaseStore;
  let dispatch: Dispatch;
  let target: string;
  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempDir());
    target = path.join(root, 'folder');
    store = await CaseStore.open(target);
    dispatch = createDispatcher(createHandlers(store));
    const r = await dispatch('cases.create', { case: prisonerDraft({ title: 'Already here' }) });
    if (!r.ok) throw new Error(r.error.message);
    // Closed and opened again, so that the summary index the save schedules is written before the listing is taken.
    await store.close();
    store = await CaseStore.open(target);
    dispatch = createDispatcher(createHandlers(store));
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  /** Imports the container from a path and from bytes; both refused with `expected`, the folder unchanged. */
  async function refused(zip: Buffer, expected: string | RegExp): Promise<void> {
    const file = path.join(root, 'bad.casefile.zip');
    await writeFile(file, zip);
    const before = await folderListing(target);
    const fromPath = await dispatch('bundle.importFile', { path: file });
    const fromBytes = await dispatch('bundle.import', { file: { fileName: 'bad.casefile.zip', dataBase64: zip.toString('base64') } });
    for (const result of [fromPath, fromBytes]) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('bad_input');
      expect(result.error.message).toContain('"bad.casefile.zip" was refused; nothing was stored');
      expect(result.error.message).toMatch(expected);
    }
    expect(await folderListing(target)).toEqual(before);
    const list = await dispatch('cases.list', {});
    expect(list.ok && list.value.map((c) => c.title)).toEqual(['Already here']);
  }

  it('the well-formed container is imported (the control for every refusal below)', async () => {
    const result = await dispatch('bundle.import', { file: { fileName: 'ok.casefile.zip', dataBase64: (await buildZip(good())).toString('base64') } });
    expect(result.ok && result.value.results[0]!.action).toBe('created');
    const back = await dispatch('sources.original', { caseId: 'incoming', sourceId: 's1' });
    expect(back.ok && Buffer.from(back.value.dataBase64, 'base64').equals(original)).toBe(true);
  });

  it('refuses an entry that climbs out of the container (../)', async () => {
    const zip = renameInZip(await buildZip([...good(), { name: 'zz/evil', data: Buffer.from('x') }]), 'zz/evil', '../evil');
    await refused(zip, 'the entry "../evil" points outside the container');
  });

  it('refuses an absolute path', async () => {
    const zip = renameInZip(await buildZip([...good(), { name: 'tmp/evil', data: Buffer.from('x') }]), 'tmp/evil', '/tmp/evi');
    await refused(zip, 'the entry "/tmp/evi" is an absolute path');
  });

  it('refuses a backslash in a name', async () => {
    const zip = renameInZip(await buildZip([...good(), { name: 'files/zz', data: Buffer.from('x') }]), 'files/zz', 'files\\zz');
    await refused(zip, 'has a backslash in its name');
  });

  it('refuses a symbolic link, however it is named', async () => {
    const parts = good();
    parts[1] = { ...parts[1]!, mode: 0o120777 }; // a link whose target would be the entry's bytes
    await refused(await buildZip(parts), `the entry "files/${sha256(original)}" is a symbolic link`);
  });

  it('refuses a folder entry', async () => {
    const zip = renameInZip(await buildZip([...good(), { name: 'files/ab', data: Buffer.alloc(0) }]), 'files/ab', 'files/a/');
    await refused(zip, 'the entry "files/a/" is a folder');
  });

  it('refuses a name given twice', async () => {
    await refused(await buildZip([...good(), { name: `files/${sha256(original)}`, data: original }]), `the entry "files/${sha256(original)}" is in it twice`);
  });

  it('refuses an entry that is not bundle.json or files/<sha256>', async () => {
    await refused(await buildZip([...good(), { name: 'readme.txt', data: Buffer.from('hello') }]), 'the entry "readme.txt" is not one a bundle holds');
    await refused(await buildZip([...good(), { name: `files/${sha256(original).toUpperCase()}`, data: original }]), 'is not one a bundle holds');
  });

  it('refuses an original that no source names', async () => {
    const stray = Buffer.from('not cited');
    await refused(await buildZip([...good(), { name: `files/${sha256(stray)}`, data: stray }]), 'is an original that no source in bundle.json names');
  });

  it('refuses bytes that do not hash to their name', async () => {
    const altered = Buffer.from(original);
    altered[5]! ^= 0x20;
    const zip = await buildZip([good()[0]!, { name: `files/${sha256(original)}`, data: altered }]);
    await refused(zip, `hash to SHA-256 ${sha256(altered)}, not to the ${sha256(original)}`);
  });

  it('refuses an entry larger than the file.size its source gives', async () => {
    const longer = Buffer.concat([original, Buffer.from('+')]);
    const zip = await buildZip([
      { name: 'bundle.json', data: bundleJson([{ sha256: sha256(longer), size: original.length }]) },
      { name: `files/${sha256(longer)}`, data: longer },
    ]);
    await refused(zip, `declares ${longer.length} bytes, more than the ${original.length} that cases[0].sources[0].file.size gives`);
  });

  it('refuses a decompression bomb by its ratio before inflating it', async () => {
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const zip = await buildZip([
      { name: 'bundle.json', data: bundleJson([{ sha256: sha256(zeros), size: zeros.length }]) },
      { name: `files/${sha256(zeros)}`, data: zeros, compress: true },
    ]);
    expect(zip.length).toBeLessThan(zeros.length / 100); // the premise: it is a bomb by ratio
    await refused(zip, /would grow from .* to 16 MiB, more than 100 times: a decompression bomb/);
  });

  it('refuses a container without bundle.json', async () => {
    await refused(await buildZip([good()[1]!]), 'it holds no bundle.json');
  });

  it('refuses a bundle.json that is not a valid bundle, by its JSON path', async () => {
    const bad = Buffer.from(JSON.stringify({ format: 'casefile-bundle', version: 2, cases: [{ kind: 'political_prisoner' }] }));
    const zip = await buildZip([{ name: 'bundle.json', data: bad }]);
    const file = path.join(root, 'bad.casefile.zip');
    await writeFile(file, zip);
    const before = await folderListing(target);
    const result = await dispatch('bundle.importFile', { path: file });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.map((i) => i.path.join('.'))).toContain('bundle.cases.0.title');
    expect(await folderListing(target)).toEqual(before);
  });

  it('refuses bytes that are not a ZIP at all', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('not really a zip')]);
    await refused(zip, 'it is not a ZIP container Casefile can read');
  });
});
