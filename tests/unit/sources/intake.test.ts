import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

describe('sources.intake and sources.original through the dispatcher', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: CaseStore | undefined;
  let dispatch: Dispatch;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    store = await CaseStore.open(dir);
    dispatch = createDispatcher(createHandlers(store));
  });
  afterEach(async () => {
    await store?.close();
    await cleanup();
  });

  it('keeps the file unchanged by its hash, records who added it, and hands it back for the source that cites it', async () => {
    await dispatch('settings.set', { preparedBy: 'Айгүл Серікқызы' });
    const bytes = Buffer.from('Приговор суда\r\nҮкім 2026 жылғы 6 желтоқсан\r\n', 'utf8');
    const intake = await dispatch('sources.intake', { fileName: 'verdict.txt', dataBase64: bytes.toString('base64'), capturedFrom: 'Almaty court portal' });
    if (!intake.ok) throw new Error(intake.error.message);
    const { file, text } = intake.value;
    expect(text).toBe('Приговор суда\nҮкім 2026 жылғы 6 желтоқсан\n');
    expect(file).toMatchObject({ name: 'verdict.txt', mediaType: 'text/plain', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), addedBy: 'Айгүл Серікқызы', capturedFrom: 'Almaty court portal', textBy: 'embedded' });
    const stored = path.join(dir, 'files', file.sha256.slice(0, 2), `${file.sha256}.bin`);
    expect((await readFile(stored)).equals(bytes)).toBe(true);

    const created = await dispatch('cases.create', { case: prisonerDraft({ sources: [{ id: 's1', title: 'Verdict', kind: 'court_document', text, file }] }) });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const back = await dispatch('sources.original', { caseId: created.value.id, sourceId: 's1' });
    if (!back.ok) throw new Error(back.error.message);
    expect(Buffer.from(back.value.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect(back.value).toMatchObject({ name: 'verdict.txt', mediaType: 'text/plain', size: bytes.length });
  });

  it('stores nothing when the file cannot be read', async () => {
    const result = await dispatch('sources.intake', { fileName: 'scan.pdf', dataBase64: Buffer.from('not a pdf at all').toString('base64') });
    expect(result.ok).toBe(false);
    expect(await readdir(path.join(dir, 'files')).catch(() => [])).toEqual([]);
  });
});
