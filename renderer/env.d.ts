/// <reference types="vite/client" />

// Commands the Electron shell's menu sends to the page. Absent in browser mode,
// where keyboard shortcuts and the toolbar cover the same ground.
export type ShellCommand = 'new-case' | 'import' | 'export' | 'about' | 'settings';

declare global {
  interface Window {
    casefileShell?: {
      /** Registers the handler; may return a function that unregisters it. */
      onCommand(cb: (cmd: ShellCommand) => void): void | (() => void);
    };
  }
}
