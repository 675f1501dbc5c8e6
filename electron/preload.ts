import { contextBridge, ipcRenderer } from 'electron';
import type { Api, CallOptions } from '../shared/contract';
import { OPERATION_NAMES } from '../shared/operations';
import { SHELL_CHANNELS, type OpenedBundle, type SaveKind, type SaveOutcome, type ShellBridge, type ShellCommand } from '../shared/shellCommands';

// Sandboxed, CommonJS. Two frozen objects and nothing else reach the page:
// `casefile`, one method per contract operation (no raw ipcRenderer, no
// send(channel)); and `casefileShell`, what only the desktop shell can do — its
// menu's commands, opening a link, a Save dialog, bundles the app was asked to open.

// The preload runs in the page's isolated world; the node tsconfig has no DOM types.
declare const navigator: { userActivation: { isActive: boolean } };

let lastCall = 0;

/** One operation over IPC; with a progress callback, the reports tagged with this call's number come back to it. */
function invoke(op: string, input: unknown, options?: CallOptions): Promise<unknown> {
  const onProgress = options?.onProgress;
  if (typeof onProgress !== 'function') return ipcRenderer.invoke(op, input);
  const callId = ++lastCall;
  const listener = (_event: unknown, id: unknown, progress: unknown) => {
    if (id === callId) onProgress(progress as Parameters<typeof onProgress>[0]);
  };
  ipcRenderer.on(SHELL_CHANNELS.progress, listener);
  return ipcRenderer.invoke(op, input, callId).finally(() => ipcRenderer.removeListener(SHELL_CHANNELS.progress, listener));
}

const api = Object.freeze(Object.fromEntries(OPERATION_NAMES.map((op) => [op, (input: unknown, options?: CallOptions) => invoke(op, input, options)]))) as Api;

/** Listens on a channel for the page's lifetime or until the returned function is called. */
function listen(channel: string, handler: (...args: unknown[]) => void): () => void {
  const wrapped = (_event: unknown, ...args: unknown[]) => handler(...args);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
}

const shell = Object.freeze({
  onCommand(listener: (command: ShellCommand) => void): () => void {
    return listen(SHELL_CHANNELS.command, (command) => {
      if (typeof command === 'string') listener(command as ShellCommand);
    });
  },
  openExternal(url: string): Promise<boolean> {
    if (!navigator.userActivation.isActive) return Promise.resolve(false);
    return ipcRenderer.invoke(SHELL_CHANNELS.openExternal, String(url)) as Promise<boolean>;
  },
  saveFile(name: string, data: Uint8Array, kind: SaveKind): Promise<SaveOutcome> {
    return ipcRenderer.invoke(SHELL_CHANNELS.saveFile, String(name), data, kind) as Promise<SaveOutcome>;
  },
  onBundleOpened(listener: () => void): () => void {
    return listen(SHELL_CHANNELS.openBundle, () => listener());
  },
  takeOpenedBundle(): Promise<OpenedBundle | null> {
    return ipcRenderer.invoke(SHELL_CHANNELS.openBundle) as Promise<OpenedBundle | null>;
  },
  setLanguage(code: string): Promise<boolean> {
    return ipcRenderer.invoke(SHELL_CHANNELS.setLanguage, String(code)) as Promise<boolean>;
  },
  chooseFolder(): Promise<string | null> {
    return ipcRenderer.invoke(SHELL_CHANNELS.chooseFolder) as Promise<string | null>;
  },
} satisfies ShellBridge);

contextBridge.exposeInMainWorld('casefile', api);
contextBridge.exposeInMainWorld('casefileShell', shell);
