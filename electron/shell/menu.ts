import type { MenuItemConstructorOptions } from 'electron';

import { SHELL_CHANNELS, type ShellCommand } from '../../shared/shellCommands';
import type { ShellStrings } from './strings';

export type { ShellCommand };

export const SHELL_COMMAND_CHANNEL = SHELL_CHANNELS.command;

/** The native menu: File, Edit, View, Help, in the interface's language. Roles give each platform's standard items. */
export function menuTemplate(send: (command: ShellCommand) => void, isMac: boolean, text: ShellStrings): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: text.file,
      submenu: [
        { label: text.newCase, accelerator: 'CmdOrCtrl+N', click: () => send('new-case') },
        { type: 'separator' },
        { label: text.importBundle, accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: text.exportBundle, accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        { label: text.settings, accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
        // The page ignores it when the folder is not encrypted (there is nothing to lock).
        { label: text.lock, accelerator: 'CmdOrCtrl+L', click: () => send('lock') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: text.view,
      submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'help', label: text.help, submenu: [{ label: text.about, click: () => send('about') }] },
  ];
}
