/// <reference types="vite/client" />

import type { ShellBridge, ShellCommand } from '../shared/shellCommands';

export type { ShellCommand };

declare global {
  interface Window {
    /** The desktop shell's own services (see ShellBridge); absent in browser mode. */
    casefileShell?: ShellBridge;
  }
}
