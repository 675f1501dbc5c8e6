import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/contract';
import { bundleBytes, WINDOW_EXPORT_MAX_BYTES } from '../../../electron/services/bundles/exportBytes';
import { AGE_MAGIC } from '../../../electron/services/bundles/sealing';
import { prisonerDraft } from '../../helpers/fixtures';
import { caseWithOriginal, foldersEachTest, MARKERS, ok, originalBytes, SEAL_PASS, type Folder } from './sealedHelpers';
import { entryNames, sha256 } from './zipHelpers';

// The window's export (bundle.exportBytes): the container the command line writes, as bytes
// for a download or the desktop's Save dialog; it must import back through the window's
// own door (bundle.import with the file's bytes) with the original byte for byte.

describe('bundle.exportBytes: the window exports the container with its originals', () => {
  const { folder, at } = foldersEachTest();

  const importBytes = async (to: Folder, fileName: string, dataBase64: string, passphrase?: string) =>
    ok(await to.dispatch('bundle.import', { file: { fileName, dataBase64 }, onConflict: 'fail', ...(passphrase ? { passphrase } : {}) }));

  it('plain: a ZIP with bundle.json and files/<sha256>, progress to the end, imported back with the original intact', async () => {
    const a = await folder('a');
    const id = await caseWithOriginal(a);
    const seen: Progress[] = [];
    const made = ok(await a.dispatch('bundle.exportBytes', { ids: [id] }, { onProgress: (p) => seen.push(p) }));
    expect(made).toMatchObject({ format: 'zip', originals: 1 });
    expect(made.sealed).toBeUndefined();
    const bytes = Buffer.from(made.dataBase64, 'base64');
    expect(bytes.length).toBe(made.bytes);
    const file = at('window.casefile.zip');
    await writeFile(file, bytes);
    expect((await entryNames(file)).sort()).toEqual(['bundle.json', `files/${sha256(originalBytes)}`]);
    expect(seen.at(-1)).toEqual({ done: seen.at(-1)!.total, total: seen.at(-1)!.total, label: 'bytes' });
    expect(seen.at(-1)!.total).toBeGreaterThan(originalBytes.length);

    const b = await folder('b');
    const report = await importBytes(b, 'window.casefile.zip', made.dataBase64);
    expect(report.results).toEqual([expect.objectContaining({ id, action: 'created' })]);
    const back = ok(await b.dispatch('sources.original', { caseId: id, sourceId: 's1' }));
    expect(Buffer.from(back.dataBase64, 'base64').equals(originalBytes)).toBe(true);
  });

  it('files: false writes JSON only: the source keeps its record, no original travels', async () => {
    const a = await folder('a');
    const id = await caseWithOriginal(a);
    const made = ok(await a.dispatch('bundle.exportBytes', { ids: [id], files: false }));
    expect(made).toMatchObject({ format: 'json', originals: 0 });
    const text = Buffer.from(made.dataBase64, 'base64').toString('utf8');
    expect(JSON.parse(text).cases[0].sources[0].file.sha256).toBe(sha256(originalBytes));
  });

  it('sealed with a passphrase: no plaintext, opened by the passphrase with the original', async () => {
    const a = await folder('a');
    const id = await caseWithOriginal(a);
    const made = ok(await a.dispatch('bundle.exportBytes', { ids: [id], seal: { passphrase: SEAL_PASS } }));
    expect(made).toMatchObject({ format: 'zip', originals: 1, sealed: 'passphrase' });
    const bytes = Buffer.from(made.dataBase64, 'base64');
    expect(bytes.subarray(0, AGE_MAGIC.length).equals(AGE_MAGIC)).toBe(true);
    for (const marker of [...Object.values(MARKERS), 'bundle.json', 'files/']) expect(bytes.includes(Buffer.from(marker, 'utf8')), marker).toBe(false);

    const b = await folder('b');
    const refused = await b.dispatch('bundle.import', { file: { fileName: 'x.casefile.zip.age', dataBase64: made.dataBase64 } });
    expect(refused.ok).toBe(false);
    await importBytes(b, 'x.casefile.zip.age', made.dataBase64, SEAL_PASS);
    const back = ok(await b.dispatch('sources.original', { caseId: id, sourceId: 's1' }));
    expect(Buffer.from(back.dataBase64, 'base64').equals(originalBytes)).toBe(true);
  });

  it('an encrypted folder refuses a plain export unless told, counting the originals; `plain` writes it', async () => {
    const a = await folder('a', true);
    const id = await caseWithOriginal(a);
    const refused = await a.dispatch('bundle.exportBytes', { ids: [id] });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('bad_input');
    expect(refused.error.message).toContain(`1 original file(s)`);
    expect(refused.error.issues?.[0]?.path).toEqual(['plain']);
    const made = ok(await a.dispatch('bundle.exportBytes', { ids: [id], plain: true }));
    expect(made.format).toBe('zip');
    expect(Buffer.from(made.dataBase64, 'base64').includes(originalBytes.subarray(0, 200))).toBe(true);
  });

  it('Cancel while the originals stream stops with `cancelled`', async () => {
    const a = await folder('a');
    // Three megabytes of text, so progress is reported (each megabyte) before the end.
    const big = Buffer.from(Array.from({ length: 60_000 }, (_, i) => `Үкім ${i} ${randomBytes(12).toString('hex')}`).join('\n'), 'utf8');
    const intake = ok(await a.dispatch('sources.intake', { fileName: 'long.txt', dataBase64: big.toString('base64') }));
    const c = ok(await a.dispatch('cases.create', { case: prisonerDraft({ sources: [{ id: 's1', title: 'Long', kind: 'court_document', text: intake.text, file: intake.file }] }) }));
    const stop = new AbortController();
    let reports = 0;
    const r = await a.dispatch('bundle.exportBytes', { ids: [c.id] }, { signal: stop.signal, onProgress: () => (reports++, stop.abort()) });
    expect(reports).toBeGreaterThan(0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('cancelled');
    // The same export, not cancelled, goes through.
    expect(ok(await a.dispatch('bundle.exportBytes', { ids: [c.id] })).originals).toBe(1);
  });

  it('refuses, before reading an original, a bundle larger than the window hands over, naming the command line', async () => {
    const a = await folder('a');
    const id = await caseWithOriginal(a);
    const bundle = ok(await a.dispatch('bundle.export', { ids: [id] }));
    bundle.cases[0]!.sources[0]!.file!.size = WINDOW_EXPORT_MAX_BYTES + 1;
    const err = await bundleBytes(a.store.originals, bundle, true, undefined).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    expect(err?.code).toBe('bad_input');
    expect(err?.message).toContain('256 MiB');
    expect(err?.message).toContain('casefile export');
    // Without the originals the same bundle is small: JSON.
    expect((await bundleBytes(a.store.originals, bundle, false, undefined)).format).toBe('json');
  });
});
