import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { backupErrorText } from '../../../renderer/features/backups/backupErrors';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { ChosenFolders, chooseBundlePath, chooseFolder, NOT_CHOSEN_BUNDLE_MESSAGE, NOT_CHOSEN_MESSAGE, onlyChosenFolders } from '../../../electron/shell/chosenFolders';
import { registerContract } from '../../../electron/shell/ipc';
import { root } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// Issue 12, finding 10: in the desktop app `backups.copyOut` writes only where the main
// process's own folder dialog pointed in this session, never to a path the page names.
// Electron's ipcMain and dialog are fakes (the binary cannot run here); the store is real.

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const appFrame = { senderFrame: { url: 'app://casefile/index.html', parent: null }, sender: { isDestroyed: () => false, send: () => undefined } };

async function shellOnStore() {
  const { dir, cleanup } = await tempDir();
  const store = await CaseStore.open(path.join(dir, 'data'));
  const handlers = new Map<string, Handler>();
  const chosen = new ChosenFolders();
  registerContract({ handle: (channel: string, h: Handler) => void handlers.set(channel, h) } as never, onlyChosenFolders(createDispatcher(createHandlers(store)), chosen));
  const call = (op: string, input: unknown) => handlers.get(op)!(appFrame, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  expect((await call('cases.create', { case: prisonerDraft({ title: 'Жансая — USB copy' }) })).ok).toBe(true);
  const dialogs: OpenDialogOptions[] = [];
  const pick = (answer: string | null) =>
    chooseFolder(
      async (options) => {
        dialogs.push(options);
        return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      },
      chosen,
      'Choose a folder for the backup copy',
    );
  return { dir, store, call, pick, dialogs, chosen, close: async () => (await store.close(), await cleanup()) };
}

describe('backups.copyOut in the desktop shell', () => {
  it('refuses a folder the page names, writing nothing and taking no snapshot', async () => {
    const t = await shellOnStore();
    try {
      const usb = path.join(t.dir, 'usb');
      await mkdir(usb);
      const refused = await t.call('backups.copyOut', { dir: usb });
      expect(refused).toEqual({ ok: false, error: { code: 'bad_input', message: NOT_CHOSEN_MESSAGE } });
      expect(await readdir(usb)).toEqual([]);
      expect(await t.call('backups.list', {})).toMatchObject({ ok: true, value: [] });
      // A cancelled dialog chooses nothing.
      expect(await t.pick(null)).toBeNull();
      expect((await t.call('backups.copyOut', { dir: usb })).ok).toBe(false);
      expect(await readdir(usb)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('writes where the dialog pointed, and only there: not beside it, not through "..", not a relative path', async () => {
    const t = await shellOnStore();
    try {
      const usb = path.join(t.dir, 'usb');
      const other = path.join(t.dir, 'other');
      await mkdir(usb);
      await mkdir(other);
      expect(await t.pick(usb)).toBe(usb);
      expect(t.dialogs).toEqual([{ title: 'Choose a folder for the backup copy', properties: ['openDirectory', 'createDirectory'] }]);
      for (const dir of [other, path.join(usb, '..', 'other'), path.join(usb, 'inner'), path.relative(process.cwd(), usb), `${usb}x`]) {
        const r = await t.call('backups.copyOut', { dir });
        expect(r.error?.message, dir).toBe(NOT_CHOSEN_MESSAGE);
      }
      expect(await readdir(other)).toEqual([]);
      expect(await readdir(usb)).toEqual([]);

      const copied = await t.call('backups.copyOut', { dir: usb });
      expect(copied).toMatchObject({ ok: true });
      const report = copied.value as { folder: string; files: string[] };
      expect(path.dirname(report.folder)).toBe(usb);
      expect(report.files.length).toBeGreaterThan(0);
      expect((await readdir(report.folder)).sort()).toEqual(expect.arrayContaining(report.files.map((f) => f.split(/[\\/]/)[0]!)));
      // Other operations are untouched by the guard.
      expect(await t.call('cases.list', {})).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  });
});

describe('the refusal in the user’s language', () => {
  it('Settings → Backups says, in en, ru and kk, to pick the folder with Choose…', async () => {
    const dir = path.join(root, 'renderer/i18n/locales');
    const texts: string[] = [];
    for (const lang of ['en', 'ru', 'kk']) {
      const translation: Record<string, unknown> = {};
      for (const file of readdirSync(dir).filter((f) => f.startsWith(`${lang}.`) && f.endsWith('.json'))) Object.assign(translation, JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      const instance = i18next.createInstance();
      await instance.init({ lng: lang, resources: { [lang]: { translation } } });
      const text = backupErrorText(instance.t, 'copy', { code: 'bad_input', message: NOT_CHOSEN_MESSAGE });
      expect(text).toContain((translation.backups as { copyOut: { choose: string } }).copyOut.choose);
      texts.push(text);
    }
    expect(new Set(texts).size).toBe(3);
  });
});

describe('the command line’s path-taking bundle operations in the desktop shell', () => {
  it('refuses bundle.exportFile to a path the page names, and bundle.importFile, writing nothing', async () => {
    const t = await shellOnStore();
    try {
      const out = path.join(t.dir, 'out');
      await mkdir(out);
      const exported = await t.call('bundle.exportFile', { path: path.join(out, 'cases.json') });
      expect(exported).toMatchObject({ ok: false, error: { code: 'bad_input', message: NOT_CHOSEN_BUNDLE_MESSAGE } });
      const imported = await t.call('bundle.importFile', { path: path.join(out, 'cases.casefile.zip') });
      expect(imported).toMatchObject({ ok: false, error: { code: 'unsupported' } });
      expect(await readdir(out)).toEqual([]);
      expect((await t.call('bundle.export', {})).ok).toBe(true); // the window's own export still answers
    } finally {
      await t.close();
    }
  });

  it('streams bundle.exportFile to the path the Save dialog returned, once; the dialog offers the file type', async () => {
    const t = await shellOnStore();
    try {
      const out = path.join(t.dir, 'out');
      await mkdir(out);
      const target = path.join(out, 'cases.casefile.zip');
      const dialogs: SaveDialogOptions[] = [];
      const picked = await chooseBundlePath(async (options) => (dialogs.push(options), { canceled: false, filePath: target }), t.chosen, { title: 'Save the bundle', files: 'Casefile bundles with original files' }, '/home/u/Documents', '../x/cases.casefile.zip', 'bundleZip');
      expect(picked).toBe(target);
      expect(dialogs[0]).toMatchObject({ defaultPath: path.join('/home/u/Documents', 'cases.casefile.zip'), filters: [{ name: 'Casefile bundles with original files', extensions: ['zip'] }] });
      const written = await t.call('bundle.exportFile', { path: target });
      expect(written).toMatchObject({ ok: true, value: { path: target, format: 'json' } });
      expect(await readdir(out)).toEqual(['cases.casefile.zip']);
      // The choice is used up: a second export to the same path is refused.
      expect(await t.call('bundle.exportFile', { path: target })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
      expect(await chooseBundlePath(async () => ({ canceled: true, filePath: '' }), t.chosen, { title: 'x', files: 'y' }, '/home/u/Documents', 'a.casefile.zip.age', 'sealedBundle')).toBeNull();
    } finally {
      await t.close();
    }
  });
});
