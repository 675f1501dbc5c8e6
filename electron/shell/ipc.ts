import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { CANCEL_CHANNEL, EVENTS_CHANNEL, type CoreEvent } from '../../shared/events';
import type { Progress } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { OPERATION_NAMES } from '../../shared/operations';
import { SHELL_CHANNELS } from '../../shared/shellCommands';
import type { Dispatch } from '../services/dispatch';
import { isTrustedSender } from './security';

const REFUSED: Result<never> = { ok: false, error: { code: 'bad_input', message: 'Refused: not the app’s own page.' } };

/**
 * Every contract operation on IPC, through the one dispatcher. A call may carry a
 * call number as its second argument: the operation's progress then goes back to
 * the page that asked, on the progress channel, tagged with that number, and the
 * page may cancel it by sending that number on the cancel channel (VS Code's
 * `IChannel.call` with a cancellation token).
 */
export function registerContract(ipc: Pick<IpcMain, 'handle'> & Partial<Pick<IpcMain, 'on'>>, dispatch: Dispatch): void {
  // Per page, the calls it may still cancel: a number from one page never reaches another's call.
  const running = new WeakMap<object, Map<number, AbortController>>();
  for (const op of OPERATION_NAMES) {
    ipc.handle(op, async (event: IpcMainInvokeEvent, input: unknown, callId?: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return REFUSED;
      if (typeof callId !== 'number' || !Number.isSafeInteger(callId)) return dispatch(op, input);
      const onProgress = (progress: Progress) => {
        // The window may close mid-operation; the work itself goes on and is saved.
        if (!event.sender.isDestroyed()) event.sender.send(SHELL_CHANNELS.progress, callId, progress);
      };
      const calls = running.get(event.sender) ?? new Map<number, AbortController>();
      running.set(event.sender, calls);
      const cancel = new AbortController();
      calls.set(callId, cancel);
      try {
        return await dispatch(op, input, { onProgress, signal: cancel.signal });
      } finally {
        calls.delete(callId);
      }
    });
  }
  ipc.on?.(CANCEL_CHANNEL, (event: IpcMainEvent, callId: unknown) => {
    if (!isTrustedSender(event.senderFrame) || typeof callId !== 'number') return;
    running.get(event.sender)?.get(callId)?.abort();
  });
}

/** The core's events to one window, each checked against the table on the way; returns the function that stops them. */
export function forwardEvents(events: { listen(listener: (event: CoreEvent) => void): () => void }, contents: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return events.listen((event) => {
    if (!contents.isDestroyed()) contents.send(EVENTS_CHANNEL, event);
  });
}
