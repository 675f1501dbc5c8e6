// The names Syncthing gives what it writes into a shared folder. They are never case
// files: a clash's losing copy (`NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT`) waits
// for the user in the Conflicts view, and a transfer in progress (`.syncthing.NAME.tmp`,
// or `~syncthing~NAME.tmp` on Windows file systems) is renamed onto its file when done.

export const isSyncConflictName = (name: string): boolean => name.includes('.sync-conflict-');

export const isSyncTempName = (name: string): boolean => (name.startsWith('.syncthing.') || name.startsWith('~syncthing~')) && name.endsWith('.tmp');
