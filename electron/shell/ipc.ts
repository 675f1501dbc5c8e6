import type { IpcMain, IpcMainInvokeEvent } from 'electron';
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
 * the page that asked, on the progress channel, tagged with that number.
 */
export function registerContract(ipc: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const op of OPERATION_NAMES) {
    ipc.handle(op, (event: IpcMainInvokeEvent, input: unknown, callId?: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return REFUSED;
      if (typeof callId !== 'number' || !Number.isSafeInteger(callId)) return dispatch(op, input);
      const onProgress = (progress: Progress) => {
        // The window may close mid-operation; the work itself goes on and is saved.
        if (!event.sender.isDestroyed()) event.sender.send(SHELL_CHANNELS.progress, callId, progress);
      };
      return dispatch(op, input, { onProgress });
    });
  }
}
