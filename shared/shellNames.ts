// The names both halves of the shell's table use (shellCommands.ts, zod-free, for the
// preload; shellContract.ts, the schemas): kept below both so neither imports the other's values.

/** What the page may ask of the shell: one method of `window.casefileShell` each. */
export const SHELL_CALL_NAMES = ['openExternal', 'saveFile', 'takeOpenedBundle', 'setLanguage', 'chooseFolder', 'chooseOriginalPath', 'chooseBundlePath'] as const;
export type ShellCallName = (typeof SHELL_CALL_NAMES)[number];

/** What the user may save through the shell's Save dialog: each has its own file type filter. */
export const SAVE_KINDS = ['pdf', 'docx', 'bundle', 'briefZip', 'xlsx', 'csv', 'sealedBundle', 'png', 'svg', 'ics', 'bundleZip'] as const;
export type SaveKind = (typeof SAVE_KINDS)[number];

/** The languages the shell's own menu and dialogs speak: the interface's. */
export const SHELL_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type ShellLanguage = (typeof SHELL_LANGUAGES)[number];
