import { contextBridge, ipcRenderer } from 'electron';
import type { Api } from '../shared/contract';
import { OPERATION_NAMES } from '../shared/operations';

// Sandboxed, CommonJS. Two frozen objects and nothing else reach the page:
// `casefile`, one method per contract operation (no raw ipcRenderer, no
// send(channel)); and `casefileShell`, the menu's commands and opening a link.
// Channel names are repeated here rather than imported so this bundle stays tiny.

// The preload runs in the page's isolated world; the node tsconfig has no DOM types.
declare const navigator: { userActivation: { isActive: boolean } };

const api = Object.freeze(
  Object.fromEntries(OPERATION_NAMES.map((op) => [op, (input: unknown) => ipcRenderer.invoke(op, input)])),
) as Api;

const shell = Object.freeze({
  onCommand(listener: (command: string) => void): () => void {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on('shell:command', handler);
    return () => ipcRenderer.removeListener('shell:command', handler);
  },
  /** Opens an https link in the user's browser, only while the user is clicking. */
  openExternal(url: string): Promise<boolean> {
    if (!navigator.userActivation.isActive) return Promise.resolve(false);
    return ipcRenderer.invoke('shell:open-external', String(url)) as Promise<boolean>;
  },
});

contextBridge.exposeInMainWorld('casefile', api);
contextBridge.exposeInMainWorld('casefileShell', shell);
