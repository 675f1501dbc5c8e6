import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { buildZip, folderListing, sha256 } from './zipHelpers';

const verdict = Buffer.from('Приговор суда. Сот үкімі. Verdict.\n'.repeat(500));

/** A folder with one case whose source has `verdict` as its original; the store is closed again for the command line. */
async function folderWithOriginal(dir: string): Promise<string> {
  const store = await CaseStore.open(dir);
  try {
    const dispatch = createDispatcher(createHandlers(store));
    const intake = await dispatch('sources.intake', { fileName: 'verdict.txt', dataBase64: verdict.toString('base64') });
    if (!intake.ok) throw new Error(intake.error.message);
    const created = await dispatch('cases.create', { case: prisonerDraft({ sources: [{ id: 's1', title: 'Verdict', kind: 'court_document', text: intake.value.text, file: intake.value.file }] }) });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  } finally {
    await store.close();
  }
}

describe('casefile export / import with originals', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterEach(async () => cleanup());

  it('export writes NAME.casefile.zip, import reads it into another folder, the original unchanged; --no-files writes JSON', async () => {
    const id = await folderWithOriginal(path.join(dir, 'a'));
    const exported = await cli(['--data-dir', path.join(dir, 'a'), 'export', path.join(dir, 'cases.json')]);
    expect(exported.code).toBe(0);
    const zip = path.join(dir, 'cases.casefile.zip');
    expect(exported.stdout).toMatch(new RegExp(`^Exported 1 case\\(s\\) and 1 original file\\(s\\) to ${zip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
    expect(await readdir(dir)).not.toContain('cases.json');

    const imported = await cli(['--data-dir', path.join(dir, 'b'), 'import', zip]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported 1 of 1 case(s) from cases.casefile.zip.');
    expect((await readFile(path.join(dir, 'b', 'files', sha256(verdict).slice(0, 2), `${sha256(verdict)}.bin`))).equals(verdict)).toBe(true);
    const store = await CaseStore.open(path.join(dir, 'b'));
    try {
      const back = await createDispatcher(createHandlers(store))('sources.original', { caseId: id, sourceId: 's1' });
      expect(back.ok && Buffer.from(back.value.dataBase64, 'base64').equals(verdict)).toBe(true);
    } finally {
      await store.close();
    }

    const plain = await cli(['--data-dir', path.join(dir, 'a'), 'export', path.join(dir, 'plain.json'), '--no-files']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(`Exported 1 case(s) to ${path.join(dir, 'plain.json')}.`);
    expect(JSON.parse(await readFile(path.join(dir, 'plain.json'), 'utf8'))).toMatchObject({ format: 'casefile-bundle', cases: [{ id }] });
  });

  it('a refused container exits 2 with the reason, and the folder is as it was', async () => {
    await folderWithOriginal(path.join(dir, 'a'));
    const altered = Buffer.from(verdict);
    altered[0]! ^= 1;
    const bundle = { format: 'casefile-bundle', version: 2, cases: [prisonerDraft({ id: 'x1', sources: [{ id: 's1', title: 'V', kind: 'court_document', text: 'V', file: { sha256: sha256(verdict), size: verdict.length, name: 'v.txt', mediaType: 'text/plain', addedAt: '2026-12-01T10:00:00.000Z' } }] })] };
    const file = path.join(dir, 'evil.casefile.zip');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, await buildZip([{ name: 'bundle.json', data: Buffer.from(JSON.stringify(bundle)) }, { name: `files/${sha256(verdict)}`, data: altered }]));
    const before = await folderListing(path.join(dir, 'a'));
    const result = await cli(['--data-dir', path.join(dir, 'a'), 'import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`casefile: "evil.casefile.zip" was refused; nothing was stored: the bytes of the entry "files/${sha256(verdict)}" hash to SHA-256 ${sha256(altered)}`);
    expect(await folderListing(path.join(dir, 'a'))).toEqual(before);
  });

  it('a conflicting case stores none of the container’s originals', async () => {
    const id = await folderWithOriginal(path.join(dir, 'a'));
    expect((await cli(['--data-dir', path.join(dir, 'a'), 'export', path.join(dir, 'out.casefile.zip')])).code).toBe(0);
    // The other folder holds the case already (from a JSON bundle without originals), so the import conflicts.
    expect((await cli(['--data-dir', path.join(dir, 'a'), 'export', path.join(dir, 'plain.json'), '--no-files'])).code).toBe(0);
    expect((await cli(['--data-dir', path.join(dir, 'b'), 'import', path.join(dir, 'plain.json')])).code).toBe(0);
    const before = await folderListing(path.join(dir, 'b'));
    expect(before.some((f) => f.startsWith('files/'))).toBe(false);
    const result = await cli(['--data-dir', path.join(dir, 'b'), 'import', path.join(dir, 'out.casefile.zip')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('exist already; nothing was stored');
    const after = await folderListing(path.join(dir, 'b'));
    expect(after.filter((f) => f.startsWith('files'))).toEqual([]);
    expect(after.filter((f) => f.startsWith('cases/'))).toEqual(before.filter((f) => f.startsWith('cases/')));
    // With "newer" nothing is newer: the case is skipped, and its original is not stored for nothing.
    const skipped = await cli(['--data-dir', path.join(dir, 'b'), 'import', path.join(dir, 'out.casefile.zip'), '--on-conflict', 'newer']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain(`skipped  ${id}`);
    expect((await folderListing(path.join(dir, 'b'))).filter((f) => f.startsWith('files/') && f.endsWith('.bin'))).toEqual([]);
  });
});
