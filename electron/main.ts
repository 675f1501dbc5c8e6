import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { SHELL_CHANNELS, type ShellLanguage } from '../shared/shellCommands';
import { createDispatcher } from './services/dispatch';
import { ServiceError } from './services/errors';
import { resolveDataDir } from './services/paths';
import { Session } from './services/session';
import { CONTENT_SECURITY_POLICY } from './transports/http';
import { APP_ENTRY, APP_SCHEME, mimeType, resolveAppFile } from './shell/appProtocol';
import { ChosenFolders, chooseBundlePath, chooseFolder, chooseOriginalPath, onlyChosenFolders } from './shell/chosenFolders';
import { bundleArgument, readOpenedBundle, saveRequest, saveWithDialog } from './shell/files';
import { forwardEvents, registerContract } from './shell/ipc';
import { menuTemplate, SHELL_COMMAND_CHANNEL } from './shell/menu';
import { denyAllPermissions, isOpenableExternalUrl, lockDownWebContents, secureWebPreferences } from './shell/security';
import { createShellDoor, registerShell } from './shell/shellDoor';
import { startDueNotifications } from './shell/dueNotifications';
import { languageFromLocale, SHELL_STRINGS } from './shell/strings';

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

// Bundles the app is asked to open (a double-clicked .casefile.json): queued until
// the page takes them, since the first may arrive before the page has loaded.
const openedBundles: string[] = [];
let announceBundle = () => {};
function queueBundle(file: string | undefined): void {
  if (!file) return;
  openedBundles.push(path.resolve(file));
  announceBundle();
}
queueBundle(bundleArgument(process.argv));
// macOS hands files over by event, from before the app is ready.
app.on('open-file', (event, file) => {
  event.preventDefault();
  queueBundle(file);
});

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

  // The shell speaks the interface's language: the system's until the page says which it shows.
  let language: ShellLanguage = languageFromLocale(app.getLocale());
  let folder: Session;
  try {
    // An encrypted folder opens locked: the window shows the lock screen and asks for the passphrase.
    folder = await Session.start(resolveDataDir(dataDirArg() ?? path.join(app.getPath('userData'), 'data')), {
      background: true,
      onWarning: (message) => console.warn(message),
    });
  } catch (err) {
    const message = err instanceof ServiceError ? err.message : String(err);
    dialog.showErrorBox(SHELL_STRINGS[language].cannotOpenFolder, message);
    app.exit(err instanceof ServiceError && err.code === 'locked' ? 4 : 1);
    return;
  }
  const dispatch = createDispatcher(folder.handlers, {
    onInternalError: (op, err) => console.error(`internal error in ${op}:`, err),
  });
  const chosenFolders = new ChosenFolders();
  registerContract(ipcMain, onlyChosenFolders(dispatch, chosenFolders));

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
  // The window refreshes from the core's events (a case saved anywhere in this process, the lock) instead of polling.
  const stopEvents = forwardEvents(folder.events, win.webContents);
  win.once('closed', stopEvents);
  // The page asks before unloading while an edit is unsaved; Electron shows no prompt itself.
  win.webContents.on('will-prevent-unload', (event) => {
    const text = SHELL_STRINGS[language];
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: [text.stayAndSave, text.leaveWithoutSaving],
      defaultId: 0,
      cancelId: 0,
      message: text.unsavedQuestion,
      detail: text.unsavedDetail,
    });
    if (choice === 1) event.preventDefault(); // preventDefault here means "unload anyway"
  });
  const buildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate((command) => win.webContents.send(SHELL_COMMAND_CHANNEL, command), process.platform === 'darwin', SHELL_STRINGS[language])),
    );
  buildMenu();
  // The shell's own channels, from its table (shared/shellContract.ts): the sender is checked and the
  // arguments validated once, in the door, before any of these runs.
  registerShell(
    ipcMain,
    createShellDoor(
      {
        openExternal: async (url) => {
          if (!isOpenableExternalUrl(url)) return false;
          // A link's address can carry case text in its query; the user sees it and decides.
          const text = SHELL_STRINGS[language];
          const { response } = await dialog.showMessageBox(win, {
            type: 'question',
            buttons: [text.cancel, text.openLink],
            defaultId: 0,
            cancelId: 0,
            message: text.openLinkQuestion,
            detail: url,
          });
          if (response !== 1) return false;
          await shell.openExternal(url);
          return true;
        },
        setLanguage: (code) => {
          language = code;
          buildMenu();
          return true;
        },
        // A brief or a bundle, saved where the user chooses; the page only suggests a name.
        saveFile: async (name, data, kind) => {
          const request = saveRequest(name, data, kind);
          if (!request) return { saved: false, cancelled: false, error: 'Refused: not a file the app can save.' };
          return saveWithDialog(request, {
            showSaveDialog: (options) => dialog.showSaveDialog(win, options),
            documentsDir: app.getPath('documents'),
            text: SHELL_STRINGS[language],
          });
        },
        // A folder for a copy of the backups (a USB drive): only the user names it, in the native dialog;
        // backups.copyOut writes nowhere else.
        chooseFolder: () => chooseFolder((options) => dialog.showOpenDialog(win, options), chosenFolders, SHELL_STRINGS[language].chooseBackupFolder),
        // Where a source's original goes (custody records the path): only the user names it; sources.exportOriginal writes nowhere else.
        chooseOriginalPath: (name) => chooseOriginalPath((options) => dialog.showSaveDialog(win, options), chosenFolders, SHELL_STRINGS[language].saveOriginal, app.getPath('documents'), name),
        // Where a bundle with originals goes: only the user names it; bundle.exportFile streams it there and nowhere else.
        chooseBundlePath: (name, kind) => {
          const text = SHELL_STRINGS[language];
          return chooseBundlePath((options) => dialog.showSaveDialog(win, options), chosenFolders, { title: text.saveBundle, files: kind === 'sealedBundle' ? text.sealedBundleFiles : text.bundleZipFiles }, app.getPath('documents'), name, kind);
        },
        // The page takes opened bundles one at a time, at start and whenever told there is one.
        takeOpenedBundle: async () => {
          const file = openedBundles.shift();
          return file === undefined ? null : readOpenedBundle(file);
        },
      },
      (name, err) => console.error(`internal error in the shell's ${name}:`, err),
    ),
  );
  announceBundle = () => {
    if (!win.isDestroyed()) win.webContents.send(SHELL_CHANNELS.openBundle);
  };
  app.on('second-instance', (_event, argv) => {
    if (win.isMinimized()) win.restore();
    win.focus();
    queueBundle(bundleArgument(argv));
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    // Let pending saves finish and release the data folder's lock before exiting.
    event.preventDefault();
    closing = true;
    void folder.close().finally(() => app.quit());
  });
  // The day before and the day of each deadline (Settings → Calendar turns it off).
  const stopNotifications = startDueNotifications(dispatch, () => language);
  app.once('will-quit', stopNotifications);
  app.on('window-all-closed', () => app.quit());
  await win.loadURL(APP_ENTRY);
}

void start();
