/** Commands the desktop shell's menu sends to the page; the renderer handles each like its keyboard shortcut. */
export const SHELL_COMMANDS = ['new-case', 'import', 'export', 'about', 'settings', 'lock'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];
