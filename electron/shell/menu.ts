import type { MenuItemConstructorOptions } from 'electron';

import type { ShellCommand } from '../../shared/shellCommands';

export type { ShellCommand };

export const SHELL_COMMAND_CHANNEL = 'shell:command';
export const OPEN_EXTERNAL_CHANNEL = 'shell:open-external';

/** The native menu: File, Edit, View, Help. Roles give each platform's standard items. */
export function menuTemplate(send: (command: ShellCommand) => void, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Case', accelerator: 'CmdOrCtrl+N', click: () => send('new-case') },
        { type: 'separator' },
        { label: 'Import Bundle…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: 'Export Bundle…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
        // The page ignores it when the folder is not encrypted (there is nothing to lock).
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => send('lock') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'help', submenu: [{ label: 'About Casefile', click: () => send('about') }] },
  ];
}
