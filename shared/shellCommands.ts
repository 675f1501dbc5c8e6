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
  chooseOriginalPath: { channel: 'shell:choose-original-path', refused: (_message: string) => null, needsGesture: false },
  chooseBundlePath: { channel: 'shell:choose-bundle-path', refused: (_message: string) => null, needsGesture: false },
} as const satisfies Record<ShellCallName, { channel: string; refused: (message: string) => unknown; needsGesture: boolean }>;

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
  chooseOriginalPath: SHELL_CALLS.chooseOriginalPath.channel,
  chooseBundlePath: SHELL_CALLS.chooseBundlePath.channel,
  setLanguage: SHELL_CALLS.setLanguage.channel,
} as const;

export type { OpenedBundle, SaveOutcome } from './shellContract';
import type { SaveOutcome, ShellCalls } from './shellContract';
import type { ShellCallName } from './shellNames';
export { SAVE_KINDS, SHELL_CALL_NAMES, SHELL_LANGUAGES, type SaveKind, type ShellCallName, type ShellLanguage } from './shellNames';


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
