/** Commands the desktop shell's menu sends to the page; the renderer handles each like its keyboard shortcut. */
export const SHELL_COMMANDS = ['new-case', 'import', 'export', 'about', 'settings', 'lock'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];

/**
 * What the page may ask of the shell: one method of `window.casefileShell` per
 * entry, its IPC channel, and what the method answers when the shell refuses
 * (the shell replies with a ServiceError-shaped result; the page keeps its
 * plain answer). The input and output schemas live in shellContract.ts, keyed
 * the same way; this half is free of zod so the sandboxed preload bundles no validator.
 */
export const SHELL_CALLS = {
  openExternal: { channel: 'shell:open-external', refused: (_message: string) => false, needsGesture: true },
  saveFile: { channel: 'shell:save-file', refused: (message: string): SaveOutcome => ({ saved: false, cancelled: false, error: message }), needsGesture: false },
  takeOpenedBundle: { channel: 'shell:open-bundle', refused: (_message: string) => null, needsGesture: false },
  setLanguage: { channel: 'shell:set-language', refused: (_message: string) => false, needsGesture: false },
  chooseFolder: { channel: 'shell:choose-folder', refused: (_message: string) => null, needsGesture: false },
} as const;
export type ShellCallName = keyof typeof SHELL_CALLS;
export const SHELL_CALL_NAMES = Object.keys(SHELL_CALLS) as ShellCallName[];

/** The IPC channels between the desktop shell and its page, besides one per contract operation. */
export const SHELL_CHANNELS = {
  // Sent by the shell to the page.
  command: 'shell:command',
  progress: 'casefile:progress',
  // Asked by the page (see SHELL_CALLS); the open-bundle channel also carries the shell's "there is one" notice.
  openExternal: SHELL_CALLS.openExternal.channel,
  saveFile: SHELL_CALLS.saveFile.channel,
  openBundle: SHELL_CALLS.takeOpenedBundle.channel,
  chooseFolder: SHELL_CALLS.chooseFolder.channel,
  setLanguage: SHELL_CALLS.setLanguage.channel,
} as const;

/** What the user may save through the shell's Save dialog: each has its own file type filter. */
export const SAVE_KINDS = ['pdf', 'docx', 'bundle'] as const;
export type SaveKind = (typeof SAVE_KINDS)[number];

export type { OpenedBundle, SaveOutcome } from './shellContract';
import type { SaveOutcome, ShellCalls } from './shellContract';

/** The languages the shell's own menu and dialogs speak: the interface's. */
export const SHELL_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type ShellLanguage = (typeof SHELL_LANGUAGES)[number];

/**
 * `window.casefileShell`: what only the desktop shell offers the page (absent in
 * browser mode, where keyboard shortcuts, downloads and the toolbar cover the same ground).
 */
export type ShellBridge = ShellCalls & {
  /** Registers the handler for the menu's commands; returns a function that unregisters it. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
  /** Hears that the app was asked to open a bundle; `takeOpenedBundle` then hands it over. */
  onBundleOpened(listener: () => void): () => void;
};
