/// <reference types="vite/client" />

// The Electron shell's menu commands are absent in browser mode, where keyboard
// shortcuts and the toolbar cover the same ground.
import type { ShellCommand } from '../shared/shellCommands';

export type { ShellCommand };

declare global {
  interface Window {
    casefileShell?: {
      /** Registers the handler; may return a function that unregisters it. */
      onCommand(cb: (cmd: ShellCommand) => void): void | (() => void);
    };
  }
}
