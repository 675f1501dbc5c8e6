import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, CaseFile } from '../../../shared/model';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { ChosenFolders, chooseOriginalPath, NOT_CHOSEN_FILE_MESSAGE, onlyChosenFolders } from '../../../electron/shell/chosenFolders';
import { registerContract } from '../../../electron/shell/ipc';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// Custody in the desktop app: an original is saved only to the path the main process's
// own Save dialog returned (once per choice), never to one the page names, so the path
// the history records is the one the user picked. Electron's ipcMain and dialog are
// fakes (the binary cannot run here); the store is real.

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
const appFrame = { senderFrame: { url: 'app://casefile/index.html', parent: null }, sender: { isDestroyed: () => false, send: () => undefined } };

describe('sources.exportOriginal in the desktop shell', () => {
  it('writes only where the Save dialog pointed, once; a path the page names (or none) is refused and nothing is recorded', async () => {
    const { dir, cleanup } = await tempDir();
    const store = await CaseStore.open(path.join(dir, 'data'));
    try {
      const handlers = new Map<string, Handler>();
      const chosen = new ChosenFolders();
      registerContract({ handle: (channel: string, h: Handler) => void handlers.set(channel, h) } as never, onlyChosenFolders(createDispatcher(createHandlers(store)), chosen));
      const call = (op: string, input: unknown) => handlers.get(op)!(appFrame, input) as Promise<Reply>;
      const bytes = Buffer.from('Үкім\n', 'utf8');
      const intake = (await call('sources.intake', { fileName: 'verdict.txt', dataBase64: bytes.toString('base64') })).value as { text: string; file: unknown };
      const c = (await call('cases.create', { case: prisonerDraft({ sources: [{ id: 's1', title: 'Үкім', kind: 'court_document', text: intake.text, file: intake.file } as never] }) })).value as CaseFile;

      const named = path.join(dir, 'named.txt');
      for (const input of [{ caseId: c.id, sourceId: 's1', to: named }, { caseId: c.id, sourceId: 's1' }]) {
        expect(await call('sources.exportOriginal', input)).toEqual({ ok: false, error: { code: 'bad_input', message: NOT_CHOSEN_FILE_MESSAGE } });
      }
      await expect(readFile(named)).rejects.toMatchObject({ code: 'ENOENT' });

      const dialogs: SaveDialogOptions[] = [];
      const target = path.join(dir, 'picked.txt');
      const picked = await chooseOriginalPath(async (options) => (dialogs.push(options), { canceled: false, filePath: target }), chosen, 'Save the original', '/home/u/Documents', '../../etc/verdict.txt');
      expect(picked).toBe(target);
      expect(dialogs[0]).toMatchObject({ title: 'Save the original', defaultPath: path.join('/home/u/Documents', 'verdict.txt') });
      expect(await call('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to: target, overwrite: true })).toEqual({ ok: true, value: { path: target } });
      expect((await readFile(target)).equals(bytes)).toBe(true);
      // The choice is used up: the page cannot reuse it to write there again.
      await writeFile(target, 'kept');
      expect((await call('sources.exportOriginal', { caseId: c.id, sourceId: 's1', to: target, overwrite: true })).ok).toBe(false);
      expect(await readFile(target, 'utf8')).toBe('kept');

      const history = (await call('cases.history', { id: c.id })).value as AuditEntry[];
      expect(history.filter((e) => e.cause === 'custody').map((e) => e.custody?.to)).toEqual([target]);
      expect(await chooseOriginalPath(async () => ({ canceled: true, filePath: '' }), chosen, 'Save the original', '/home/u/Documents', 'x.pdf')).toBeNull();
    } finally {
      await store.close();
      await cleanup();
    }
  });
});
