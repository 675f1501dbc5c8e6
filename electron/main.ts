import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { OPERATION_NAMES } from '../shared/operations';
import { createDispatcher } from './services/dispatch';
import { ServiceError } from './services/errors';
import { resolveDataDir } from './services/paths';
import { Session } from './services/session';
import { CONTENT_SECURITY_POLICY } from './transports/http';
import { APP_ENTRY, APP_SCHEME, mimeType, resolveAppFile } from './shell/appProtocol';
import { menuTemplate, OPEN_EXTERNAL_CHANNEL, SHELL_COMMAND_CHANNEL } from './shell/menu';
import { denyAllPermissions, isOpenableExternalUrl, isTrustedSender, lockDownWebContents, secureWebPreferences } from './shell/security';

// The thin Electron shell: one window, the store on the per-user data folder,
// every contract operation on IPC through the dispatcher the command line and
// browser mode use, and Electron's security checklist (see shell/security.ts).

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function dataDirArg(): string | undefined {
  const i = process.argv.indexOf('--data-dir');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return new Response('Forbidden', { status: 403 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': mimeType(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  let folder: Session;
  try {
    // An encrypted folder opens locked: the window shows the lock screen and asks for the passphrase.
    folder = await Session.start(resolveDataDir(dataDirArg() ?? path.join(app.getPath('userData'), 'data')), {
      background: true,
      onWarning: (message) => console.warn(message),
    });
  } catch (err) {
    const message = err instanceof ServiceError ? err.message : String(err);
    dialog.showErrorBox('Casefile cannot open its data folder', message);
    app.exit(err instanceof ServiceError && err.code === 'locked' ? 4 : 1);
    return;
  }
  const dispatch = createDispatcher(folder.handlers, {
    onInternalError: (op, err) => console.error(`internal error in ${op}:`, err),
  });
  for (const op of OPERATION_NAMES) {
    ipcMain.handle(op, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return { ok: false, error: { code: 'bad_input', message: 'Refused: not the app’s own page.' } };
      return dispatch(op, input);
    });
  }

  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'Casefile',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, '../preload/preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  ipcMain.handle(OPEN_EXTERNAL_CHANNEL, async (event, url: unknown) => {
    if (!isTrustedSender(event.senderFrame) || typeof url !== 'string' || !isOpenableExternalUrl(url)) return false;
    // A link's address can carry case text in its query; the user sees it and decides.
    const { response } = await dialog.showMessageBox(win, {
      type: 'question',
      buttons: ['Cancel', 'Open in browser'],
      defaultId: 0,
      cancelId: 0,
      message: 'Open this link in your web browser?',
      detail: url,
    });
    if (response !== 1) return false;
    await shell.openExternal(url);
    return true;
  });
  // The page asks before unloading while an edit is unsaved; Electron shows no prompt itself.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Stay and save', 'Leave without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some changes are not saved yet.',
      detail: 'Stay to let Casefile save them, or leave and lose them.',
    });
    if (choice === 1) event.preventDefault(); // preventDefault here means "unload anyway"
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate((command) => win.webContents.send(SHELL_COMMAND_CHANNEL, command), process.platform === 'darwin')),
  );
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    // Let pending saves finish and release the data folder's lock before exiting.
    event.preventDefault();
    closing = true;
    void folder.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  await win.loadURL(APP_ENTRY);
}

void start();
