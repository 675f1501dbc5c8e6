import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import type { SourceFile } from '../../../shared/model';
import { cli } from '../../helpers/cli';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { jpegWithExifMarker, pdfWithMarker } from '../../helpers/originalFixtures';

// verify re-hashes every original and looks for every one a case's source names:
// a changed one is reported by its file name, its case and its source and moved
// to quarantine/files/ (never served again), a missing one is reported; info and
// verify count originals and their bytes; a save naming an original the folder
// does not hold is refused.

const PASS = 'verify originals — құпия';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function fileRecord(name: string, mediaType: string, bytes: Buffer): SourceFile {
  return { sha256: sha(bytes), name, mediaType, size: bytes.length, addedAt: '2026-12-01T10:00:00.000Z' };
}

for (const encrypted of [false, true]) {
  describe(encrypted ? 'encrypted folder' : 'plain folder', () => {
    let dir: string;
    let cleanup: () => Promise<void>;
    let store: CaseStore | undefined;
    let dispatch: Dispatch;
    let pdf: Buffer;
    let jpeg: Buffer;
    let caseId: string;
    const env = encrypted ? { CASEFILE_PASSPHRASE: PASS } : {};

    beforeEach(async () => {
      ({ dir, cleanup } = await tempDir('casefile-originals-verify-'));
      await (await CaseStore.open(dir)).close();
      if (encrypted) await encryptFolder(dir, PASS, FAST_KDF);
      store = await CaseStore.open(dir, encrypted ? { passphrase: PASS } : {});
      dispatch = createDispatcher(createHandlers(store));
      pdf = await pdfWithMarker('MKR-verify-pdf');
      jpeg = jpegWithExifMarker('MKR-verify-photo');
      await store.originals.put([pdf]);
      await store.originals.put([jpeg]);
      const created = await dispatch('cases.create', {
        case: prisonerDraft({
          title: 'Дело Н. — apel',
          sources: [
            { id: 's1', title: 'Приговор', kind: 'court_document', text: 'Приговор суда', file: fileRecord('verdict.pdf', 'application/pdf', pdf) },
            { id: 's2', title: 'Photo of the bruise', kind: 'photo', text: '', file: fileRecord('bruise.jpg', 'image/jpeg', jpeg) },
          ],
        }),
      });
      if (!created.ok) throw new Error(created.error.message);
      caseId = created.value.id;
    });
    afterEach(async () => {
      await store?.close();
      await cleanup();
    });

    const fileOf = (bytes: Buffer) => path.join(dir, 'files', sha(bytes).slice(0, 2), `${sha(bytes)}.bin`);

    it('counts the originals and their bytes in verify and info, all well', async () => {
      const report = await dispatch('store.verify', {});
      if (!report.ok) throw new Error(report.error.message);
      expect(report.value).toMatchObject({ ok: true, problems: [], originals: { count: 2, bytes: pdf.length + jpeg.length } });
      const info = await dispatch('app.info', {});
      if (!info.ok) throw new Error(info.error.message);
      const onDisk = (await readFile(fileOf(pdf))).length + (await readFile(fileOf(jpeg))).length;
      expect(info.value.originals).toEqual({ count: 2, bytes: onDisk });
      if (encrypted) expect(onDisk).toBeGreaterThan(pdf.length + jpeg.length); // sealed: each chunk carries a tag
    });

    it('reports a changed original by name, case and source, moves it aside, and open then says so', async () => {
      const file = fileOf(jpeg);
      const bytes = Buffer.from(await readFile(file));
      bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 1, bytes.length >> 1);
      await writeFile(file, bytes);
      const report = await dispatch('store.verify', {});
      if (!report.ok) throw new Error(report.error.message);
      expect(report.value.ok).toBe(false);
      expect(report.value.originals).toEqual({ count: 1, bytes: pdf.length });
      expect(report.value.problems).toHaveLength(1);
      const [problem] = report.value.problems;
      expect(problem!.file).toBe(`files/${sha(jpeg).slice(0, 2)}/${sha(jpeg)}.bin`);
      for (const part of ['"bruise.jpg"', '"Photo of the bruise"', '"Дело Н. — apel"', caseId, `quarantine/files/${sha(jpeg)}.bin`, 'Restore it from a backup']) expect(problem!.message).toContain(part);
      // Moved aside as it was (sealed stays sealed), with a note; no longer in files/.
      await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
      expect((await readFile(path.join(dir, 'quarantine', 'files', `${sha(jpeg)}.bin`))).equals(bytes)).toBe(true);
      const note = await readFile(path.join(dir, 'quarantine', 'files', `${sha(jpeg)}.bin.reason.txt`));
      expect(isEncryptedBytes(note)).toBe(encrypted);
      if (!encrypted) expect(note.toString()).toContain('changed on disk');
      // Never served again: the source's original is missing, and the message says why and what to do.
      const served = await dispatch('sources.original', { caseId, sourceId: 's2' });
      expect(served.ok).toBe(false);
      if (!served.ok) expect(served.error.message).toMatch(/missing: verify found it changed .* Restore it from a backup/);
      // The quarantine list of cases is not confused by the folder of originals.
      expect((await store!.listQuarantine()).map((q) => q.file)).toEqual([]);
      // Verify again: now missing, and it says a changed copy was set aside.
      const again = await dispatch('store.verify', {});
      if (!again.ok) throw new Error(again.error.message);
      expect(again.value.problems.map((p) => p.message)).toEqual([expect.stringMatching(/"bruise\.jpg".*missing from the data folder \(a changed copy was moved to quarantine\/files\/ earlier\)/)]);
      // The case itself can still be edited: the original it already named is not looked for again.
      const c = await dispatch('cases.get', { id: caseId });
      if (!c.ok) throw new Error(c.error.message);
      const { id: _id, rev, createdAt: _c, updatedAt: _u, ...draft } = c.value;
      expect((await dispatch('cases.update', { id: caseId, baseRev: rev, case: { ...draft, summary: 'edited after verify' } })).ok).toBe(true);
    });

    it('reports a missing original naming it, through the command line too', async () => {
      await store!.close();
      store = undefined;
      await rm(fileOf(pdf));
      const verify = await cli(['--data-dir', dir, 'verify'], env);
      expect(verify.code).toBe(1);
      expect(verify.stdout).toContain(`files/${sha(pdf).slice(0, 2)}/${sha(pdf)}.bin: "verdict.pdf" (sources[0] "Приговор"`);
      expect(verify.stdout).toMatch(/missing from the data folder\. Restore it from a backup, or add the file again\./);
      expect(verify.stdout).toContain(`Intact: 1 original(s), ${jpeg.length} bytes, re-hashed.`);
      const info = await cli(['--data-dir', dir, 'info'], env);
      expect(info.stdout).toMatch(/\nOriginals: 1 \(\d+ bytes on disk\)$/);
    });

    it('refuses to save a case naming an original the folder does not hold, naming the source', async () => {
      const ghost = Buffer.from('never stored');
      const refused = await dispatch('cases.create', { case: prisonerDraft({ title: 'Ghost', sources: [{ id: 'g', title: 'Ghost scan', kind: 'photo', text: '', file: fileRecord('ghost.png', 'image/png', ghost) }] }) });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('bad_input');
      expect(refused.error.message).toContain('source "Ghost scan" (sources[0]) names the original "ghost.png", which is not in this data folder');
      expect(refused.error.message).toContain('Add the file to the source again');
      expect(refused.error.issues).toEqual([{ path: ['case', 'sources', 0, 'file', 'sha256'], message: expect.stringContaining(sha(ghost)) }]);
      const list = await dispatch('cases.list', {});
      if (!list.ok) throw new Error(list.error.message);
      expect(list.value.map((s) => s.title)).toEqual(['Дело Н. — apel']);
      // An update that adds one is refused the same way.
      const c = await dispatch('cases.get', { id: caseId });
      if (!c.ok) throw new Error(c.error.message);
      const { id: _id, rev, createdAt: _c, updatedAt: _u, ...draft } = c.value;
      const update = await dispatch('cases.update', { id: caseId, baseRev: rev, case: { ...draft, sources: [...draft.sources, { id: 'g', title: 'Ghost scan', kind: 'photo', text: '', file: fileRecord('ghost.png', 'image/png', ghost) }] } });
      expect(update.ok).toBe(false);
      if (!update.ok) expect(update.error.issues?.[0]?.path).toEqual(['case', 'sources', 2, 'file', 'sha256']);
    });
  });
}
