import { open, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import type { DurableFs } from '../../../electron/services/disk/durableFile';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { buildZip, folderListing, sha256 } from './zipHelpers';

// The originals are stored after every check and the cases' plan, just before the case
// files are written; when the disk then refuses a case file, the originals this import
// added go too, so the folder is as it was.

const original = Buffer.from('Сот шешімі — court ruling\n'.repeat(300));

describe('a container whose cases cannot be written leaves no original behind', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterEach(async () => cleanup());

  it('the disk refuses the case file: an io error, the originals it added removed', async () => {
    let refuse = false;
    const fs: DurableFs = {
      open,
      unlink,
      rename: async (from, to) => {
        if (refuse && path.basename(path.dirname(String(to))) === 'cases') throw Object.assign(new Error('injected ENOSPC'), { code: 'ENOSPC' });
        return rename(from, to);
      },
    };
    const target = path.join(dir, 'folder');
    const store = await CaseStore.open(target, { fs });
    try {
      const dispatch = createDispatcher(createHandlers(store));
      const bundle = {
        format: 'casefile-bundle',
        version: 2,
        cases: [prisonerDraft({ id: 'c1', sources: [{ id: 's1', title: 'Ruling', kind: 'court_document', text: 'Ruling', file: { sha256: sha256(original), size: original.length, name: 'ruling.txt', mediaType: 'text/plain', addedAt: '2026-12-01T10:00:00.000Z' } }] })],
      };
      const zip = path.join(dir, 'in.casefile.zip');
      await writeFile(zip, await buildZip([{ name: 'bundle.json', data: Buffer.from(JSON.stringify(bundle)) }, { name: `files/${sha256(original)}`, data: original }]));
      const before = await folderListing(target);
      refuse = true;
      const result = await dispatch('bundle.importFile', { path: zip });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('io');
      expect(await folderListing(target)).toEqual(before);
      // The disk works again: the same container imports, original and all.
      refuse = false;
      const again = await dispatch('bundle.importFile', { path: zip });
      expect(again.ok).toBe(true);
      const back = await dispatch('sources.original', { caseId: 'c1', sourceId: 's1' });
      expect(back.ok && Buffer.from(back.value.dataBase64, 'base64').equals(original)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
