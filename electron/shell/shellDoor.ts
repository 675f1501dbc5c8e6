import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { issuesFromZod, type Result } from '../../shared/errors';
import { SHELL_CALL_NAMES, SHELL_CALLS, type ShellCallName } from '../../shared/shellCommands';
import { shellContract, type ShellHandlers } from '../../shared/shellContract';
import { isTrustedSender } from './security';

// The shell's own channels through one door, as the contract's go through the
// dispatcher: only the channels of the table, the sender checked once here, the
// arguments validated against the table's schema, and every refusal a
// ServiceError-shaped result rather than a throw across IPC.

type Frame = Parameters<typeof isTrustedSender>[0];

const isShellCall = (name: string): name is ShellCallName => Object.hasOwn(SHELL_CALLS, name);

/** One shell call, from whichever frame sent it; the channel is looked up, never trusted. */
export type ShellDoor = (name: string, frame: Frame, args: readonly unknown[]) => Promise<Result<unknown>>;

export function createShellDoor(handlers: ShellHandlers, onInternalError: (name: string, err: unknown) => void = () => undefined): ShellDoor {
  return async (name, frame, args) => {
    if (!isShellCall(name)) return { ok: false, error: { code: 'unsupported', message: `Refused: "${name}" is not one of the shell's channels.` } };
    if (!isTrustedSender(frame)) return { ok: false, error: { code: 'bad_input', message: 'Refused: not the app’s own page.' } };
    const spec = shellContract[name];
    const parsed = spec.input.safeParse(args);
    if (!parsed.success) return { ok: false, error: { code: 'bad_input', message: `The request for ${name} is not valid; nothing was done.`, issues: issuesFromZod(parsed.error) } };
    let value: unknown;
    try {
      // The arguments were just validated against this channel's own schema; the compiler cannot follow the pairing across a union of names.
      value = await (handlers[name] as (...a: readonly unknown[]) => unknown)(...parsed.data);
    } catch (err) {
      onInternalError(name, err);
      return { ok: false, error: { code: 'internal', message: `${name} failed unexpectedly: ${(err as Error)?.message ?? String(err)}` } };
    }
    const output = spec.output.safeParse(value);
    if (!output.success) {
      onInternalError(name, output.error);
      return { ok: false, error: { code: 'internal', message: `${name} returned data that breaks the shell's table; this is a bug.`, issues: issuesFromZod(output.error) } };
    }
    return { ok: true, value: output.data };
  };
}

/** Registers every channel of the table, and no other, on the main process's IPC. */
export function registerShell(ipc: Pick<IpcMain, 'handle'>, door: ShellDoor): void {
  for (const name of SHELL_CALL_NAMES) {
    ipc.handle(SHELL_CALLS[name].channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => door(name, event.senderFrame, args));
  }
}
