import { contextBridge, ipcRenderer } from 'electron';
import type { Api, CallOptions } from '../shared/contract';
import { CANCEL_CHANNEL, CoreEvent, EVENTS_CHANNEL } from '../shared/events';
import { OPERATION_NAMES } from '../shared/operations';
import type { Result } from '../shared/errors';
import { SHELL_CALL_NAMES, SHELL_CALLS, SHELL_CHANNELS, type ShellBridge, type ShellCommand } from '../shared/shellCommands';

// Sandboxed, CommonJS. Two frozen objects and nothing else reach the page:
// `casefile`, one method per contract operation (no raw ipcRenderer, no
// send(channel)); and `casefileShell`, what only the desktop shell can do — its
// menu's commands, opening a link, a Save dialog, bundles the app was asked to open.

// The preload runs in the page's isolated world; the node tsconfig has no DOM types.
declare const navigator: { userActivation: { isActive: boolean } };

let lastCall = 0;

/**
 * One operation over IPC. With a progress callback or an abort signal it carries a call
 * number: the reports tagged with it come back to the callback, and an abort sends the
 * number on the cancel channel (the call still answers, with `cancelled`).
 */
function invoke(op: string, input: unknown, options?: CallOptions): Promise<unknown> {
  const onProgress = options?.onProgress;
  const signal = options?.signal;
  if (typeof onProgress !== 'function' && !signal) return ipcRenderer.invoke(op, input);
  const callId = ++lastCall;
  const listener = (_event: unknown, id: unknown, progress: unknown) => {
    if (id === callId) onProgress?.(progress as Parameters<NonNullable<typeof onProgress>>[0]);
  };
  const cancel = () => ipcRenderer.send(CANCEL_CHANNEL, callId);
  if (typeof onProgress === 'function') ipcRenderer.on(SHELL_CHANNELS.progress, listener);
  signal?.addEventListener('abort', cancel, { once: true });
  return ipcRenderer.invoke(op, input, callId).finally(() => {
    ipcRenderer.removeListener(SHELL_CHANNELS.progress, listener);
    signal?.removeEventListener('abort', cancel);
  });
}

const api = Object.freeze(Object.fromEntries(OPERATION_NAMES.map((op) => [op, (input: unknown, options?: CallOptions) => invoke(op, input, options)]))) as Api;

/** Listens on a channel for the page's lifetime or until the returned function is called. */
function listen(channel: string, handler: (...args: unknown[]) => void): () => void {
  const wrapped = (_event: unknown, ...args: unknown[]) => handler(...args);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
}

/**
 * One method per entry of the shell's table. The shell answers a Result; the page keeps
 * its plain answers, a refusal becoming the method's "no" (false, null, an unsaved file).
 * A link opens only while the user is clicking: without a gesture the shell is not even asked.
 */
const calls = Object.fromEntries(
  SHELL_CALL_NAMES.map((name) => {
    const { channel, refused, needsGesture } = SHELL_CALLS[name];
    const call = async (...args: unknown[]) => {
      if (needsGesture && !navigator.userActivation.isActive) return refused('Refused: no click asked for it.');
      const result = (await ipcRenderer.invoke(channel, ...args)) as Result<unknown>;
      return result?.ok ? result.value : refused(result?.error?.message ?? 'Refused by the shell.');
    };
    return [name, call];
  }),
);

const shell: ShellBridge = Object.freeze({
  ...(calls as Pick<ShellBridge, keyof typeof SHELL_CALLS>),
  onCommand(listener: (command: ShellCommand) => void): () => void {
    return listen(SHELL_CHANNELS.command, (command) => {
      if (typeof command === 'string') listener(command as ShellCommand);
    });
  },
  onBundleOpened(listener: () => void): () => void {
    return listen(SHELL_CHANNELS.openBundle, () => listener());
  },
});

/** The core's events (a case saved, the folder locked), each checked against the table before the page hears it. */
const events = Object.freeze({
  onEvent(listener: (event: CoreEvent) => void): () => void {
    return listen(EVENTS_CHANNEL, (event) => {
      const parsed = CoreEvent.safeParse(event);
      if (parsed.success) listener(parsed.data);
    });
  },
});

contextBridge.exposeInMainWorld('casefile', api);
contextBridge.exposeInMainWorld('casefileEvents', events);
contextBridge.exposeInMainWorld('casefileShell', shell);
