import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SaveDialogOptions } from 'electron';
import { OPERATION_NAMES } from '../../../shared/operations';
import { SHELL_CHANNELS } from '../../../shared/shellCommands';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { bundleArgument, readOpenedBundle, saveRequest, saveWithDialog } from '../../../electron/shell/files';
import { registerContract } from '../../../electron/shell/ipc';
import { languageFromLocale, SHELL_STRINGS } from '../../../electron/shell/strings';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// The desktop shell's IPC and file handling, against fakes of Electron's objects
// (the binary cannot run here) and a real store.

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  return { handlers, ipc: { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } };
}

const appFrame = { url: 'app://casefile/index.html', parent: null };
function fakeEvent(frame: { url: string; parent: unknown } = appFrame) {
  const sent: unknown[][] = [];
  return { sent, event: { senderFrame: frame, sender: { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) } } };
}

describe('the contract on IPC', () => {
  it('registers every operation; the app’s own page is served, any other frame refused before the store is touched', async () => {
    const { dir, cleanup } = await tempDir();
    const store = await CaseStore.open(path.join(dir, 'data'));
    try {
      const { handlers, ipc } = fakeIpc();
      registerContract(ipc as never, createDispatcher(createHandlers(store)));
      expect([...handlers.keys()].sort()).toEqual([...OPERATION_NAMES].sort());

      const created = (await handlers.get('cases.create')!(fakeEvent().event, { case: prisonerDraft({ title: 'Қасым' }) })) as { ok: boolean };
      expect(created.ok).toBe(true);
      for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: 'app://casefile/index.html', parent: appFrame }]) {
        const refused = (await handlers.get('cases.create')!(fakeEvent(frame).event, { case: prisonerDraft() })) as { ok: boolean; error: { message: string } };
        expect(refused).toMatchObject({ ok: false, error: { code: 'bad_input' } });
      }
      expect(store.count()).toBe(1);
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('sends an operation’s progress back to the page that asked, tagged with its call number', async () => {
    const { handlers, ipc } = fakeIpc();
    const dispatch = vi.fn(async (_op: string, _input: unknown, context?: { onProgress?: (p: unknown) => void }) => {
      context?.onProgress?.({ done: 1, total: 2 });
      context?.onProgress?.({ done: 2, total: 2 });
      return { ok: true, value: 'done' };
    });
    registerContract(ipc as never, dispatch as never);
    const { event, sent } = fakeEvent();
    expect(await handlers.get('briefs.render')!(event, { ids: ['a'] }, 7)).toEqual({ ok: true, value: 'done' });
    expect(sent).toEqual([
      [SHELL_CHANNELS.progress, 7, { done: 1, total: 2 }],
      [SHELL_CHANNELS.progress, 7, { done: 2, total: 2 }],
    ]);
    // Without a call number nothing is sent back, and no progress callback is offered.
    const quiet = fakeEvent();
    await handlers.get('briefs.render')!(quiet.event, { ids: ['a'] });
    expect(quiet.sent).toEqual([]);
    expect(dispatch).toHaveBeenLastCalledWith('briefs.render', { ids: ['a'] });
  });
});

describe('the preload', () => {
  it('passes a progress callback through IPC and stops listening when the call ends', async () => {
    const exposed = new Map<string, unknown>();
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let resolveCall: (v: unknown) => void = () => undefined;
    const invoke = vi.fn((..._args: unknown[]) => new Promise((resolve) => (resolveCall = resolve)));
    vi.resetModules();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
      ipcRenderer: {
        invoke,
        on: (channel: string, l: (...args: unknown[]) => void) => listeners.set(channel, l),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    }));
    vi.stubGlobal('navigator', { userActivation: { isActive: false } });
    try {
      await import('../../../electron/preload');
      const api = exposed.get('casefile') as Record<string, (input: unknown, options?: unknown) => Promise<unknown>>;
      const seen: unknown[] = [];
      const call = api['backups.create']!({}, { onProgress: (p: unknown) => seen.push(p) });
      const [op, input, callId] = invoke.mock.calls[0]!;
      expect([op, input, typeof callId]).toEqual(['backups.create', {}, 'number']);
      const onProgress = listeners.get(SHELL_CHANNELS.progress)!;
      onProgress({}, callId, { done: 3, total: 9 });
      onProgress({}, (callId as number) + 1, { done: 1, total: 1 }); // another call's report
      resolveCall({ ok: true, value: 'x' });
      expect(await call).toEqual({ ok: true, value: 'x' });
      expect(seen).toEqual([{ done: 3, total: 9 }]);
      expect(listeners.has(SHELL_CHANNELS.progress)).toBe(false);
    } finally {
      vi.unstubAllGlobals();
      vi.doUnmock('electron');
    }
  });
});

describe('saving a brief or a bundle', () => {
  it('suggests only a file name: folders, control and reserved characters are dropped, and the kind must be known', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(saveRequest('../../etc/passwd', bytes, 'pdf')).toMatchObject({ name: 'passwd', kind: 'pdf' });
    expect(saveRequest('C:\\Users\\x\\Қасым: brief?.pdf', bytes, 'pdf')!.name).toBe('Қасым_ brief_.pdf');
    expect(saveRequest('', bytes, 'bundle')!.name).toBe('casefile.casefile.json');
    expect(saveRequest('a.pdf', bytes, 'exe')).toBeNull();
    expect(saveRequest('a.pdf', 'not bytes', 'pdf')).toBeNull();
    expect(saveRequest(42, bytes, 'pdf')).toBeNull();
  });

  it('writes where the user chose, reports a cancel, and reports the disk’s refusal instead of throwing', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const data = new TextEncoder().encode('%PDF-1.7 Қ Ө Ү');
      const asked: SaveDialogOptions[] = [];
      const target = path.join(dir, 'chosen.pdf');
      const saved = await saveWithDialog(
        { name: 'brief.pdf', data, kind: 'pdf' },
        { showSaveDialog: async (o) => (asked.push(o), { canceled: false, filePath: target }), documentsDir: '/home/u/Documents', text: SHELL_STRINGS.ru },
      );
      expect(saved).toEqual({ saved: true, path: target });
      expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 Қ Ө Ү');
      expect(asked[0]).toMatchObject({ title: 'Сохранить справку', defaultPath: '/home/u/Documents/brief.pdf', filters: [{ name: 'Документы PDF', extensions: ['pdf'] }] });

      const cancelled = await saveWithDialog({ name: 'b.pdf', data, kind: 'pdf' }, { showSaveDialog: async () => ({ canceled: true, filePath: '' }), documentsDir: dir, text: SHELL_STRINGS.en });
      expect(cancelled).toEqual({ saved: false, cancelled: true });

      const refused = await saveWithDialog(
        { name: 'b.pdf', data, kind: 'pdf' },
        { showSaveDialog: async () => ({ canceled: false, filePath: path.join(dir, 'missing', 'b.pdf') }), documentsDir: dir, text: SHELL_STRINGS.en },
      );
      expect(refused).toMatchObject({ saved: false, cancelled: false, error: expect.stringContaining('ENOENT') });
    } finally {
      await cleanup();
    }
  });
});

describe('opening a bundle the app was launched with', () => {
  it('finds the .casefile.json among the arguments, and reads it — or says why not', async () => {
    expect(bundleArgument(['/opt/Casefile/casefile', '--no-sandbox', '/home/u/Дела.casefile.json'])).toBe('/home/u/Дела.casefile.json');
    expect(bundleArgument(['/opt/Casefile/casefile', 'notes.json'])).toBeUndefined();
    expect(bundleArgument(['/x/sample.casefile.json'])).toBeUndefined(); // argv[0] is the program itself

    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'Дела.casefile.json');
      await writeFile(file, '{"format":"casefile-bundle"}');
      expect(await readOpenedBundle(file)).toEqual({ name: 'Дела.casefile.json', text: '{"format":"casefile-bundle"}' });
      expect(await readOpenedBundle(path.join(dir, 'gone.casefile.json'))).toMatchObject({ name: 'gone.casefile.json', error: expect.stringContaining('ENOENT') });
      expect(await readOpenedBundle(dir)).toMatchObject({ error: expect.stringContaining('is not a file') });
    } finally {
      await cleanup();
    }
  });

  it('the shell’s language follows the system until the page names its own', () => {
    expect(languageFromLocale('ru-RU')).toBe('ru');
    expect(languageFromLocale('kk')).toBe('kk');
    expect(languageFromLocale('kk_KZ')).toBe('kk');
    expect(languageFromLocale('de-DE')).toBe('en');
  });
});
