import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain } from 'electron';
import { OPERATION_NAMES } from '../shared/operations';
import { createDispatcher } from './services/dispatch';
import { createHandlers } from './services/handlers';
import { CaseStore } from './services/store/caseStore';

// The thin Electron shell: one window, the store on the per-user data folder, and
// every contract operation registered on IPC through the same dispatcher the
// command line uses. Hardening and menus arrive with the desktop-app issue.

const here = path.dirname(fileURLToPath(import.meta.url));

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const store = await CaseStore.open(path.join(app.getPath('userData'), 'data'));
  const dispatch = createDispatcher(createHandlers(store));
  for (const op of OPERATION_NAMES) ipcMain.handle(op, (_event, input: unknown) => dispatch(op, input));

  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    webPreferences: {
      preload: path.join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  await win.loadFile(path.join(here, '../renderer/index.html'));
  app.on('window-all-closed', () => {
    void store.close().then(() => app.quit());
  });
}

void start();
