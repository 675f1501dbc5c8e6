/** Commands the desktop shell's menu sends to the page; the renderer handles each like its keyboard shortcut. */
export const SHELL_COMMANDS = ['new-case', 'import', 'export', 'about', 'settings', 'lock'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];

/** The IPC channels between the desktop shell and its page, besides one per contract operation. */
export const SHELL_CHANNELS = {
  command: 'shell:command',
  openExternal: 'shell:open-external',
  saveFile: 'shell:save-file',
  openBundle: 'shell:open-bundle',
  chooseFolder: 'shell:choose-folder',
  setLanguage: 'shell:set-language',
  progress: 'casefile:progress',
} as const;

/** What the user may save through the shell's Save dialog: each has its own file type filter. */
export const SAVE_KINDS = ['pdf', 'docx', 'bundle'] as const;
export type SaveKind = (typeof SAVE_KINDS)[number];

/** How a Save dialog ended: the file written, the user's cancel, or the disk's refusal. */
export type SaveOutcome = { saved: true; path: string } | { saved: false; cancelled: true } | { saved: false; cancelled: false; error: string };

/** A bundle the app was asked to open (a double-clicked `.casefile.json`). */
export type OpenedBundle = { name: string; text: string } | { name: string; error: string };

/** The languages the shell's own menu and dialogs speak: the interface's. */
export const SHELL_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type ShellLanguage = (typeof SHELL_LANGUAGES)[number];

/**
 * `window.casefileShell`: what only the desktop shell offers the page (absent in
 * browser mode, where keyboard shortcuts, downloads and the toolbar cover the same ground).
 */
export type ShellBridge = {
  /** Registers the handler for the menu's commands; returns a function that unregisters it. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
  /** Opens an https link in the user's browser, only while the user is clicking. */
  openExternal(url: string): Promise<boolean>;
  /** Asks the user where to save a file the page made (a brief, a bundle) and writes it there. */
  saveFile(name: string, data: Uint8Array, kind: SaveKind): Promise<SaveOutcome>;
  /** Hears that the app was asked to open a bundle; `takeOpenedBundle` then hands it over. */
  onBundleOpened(listener: () => void): () => void;
  takeOpenedBundle(): Promise<OpenedBundle | null>;
  /** The interface's language, for the shell's own menu and dialogs. */
  setLanguage(code: string): Promise<boolean>;
  /** Asks the user to pick a folder (a backup drive); its full path, or null when cancelled. */
  chooseFolder(): Promise<string | null>;
};
