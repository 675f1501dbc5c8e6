// Syncthing never merges two versions of a file: it keeps one under the file's name
// and the other beside it as `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT` (DEVICE:
// the first 7 characters of the device id that lost). Such a copy is never a case,
// a setting or a vault of its own: every listing of the folder leaves it out, and
// only the conflicts service (conflicts/) reads it, under the name it is a copy of.

const CONFLICT = /^(.+?)\.sync-conflict-(\d{8})-(\d{6})-([A-Z0-9]{7})(\.[^.]*)?$/;

export type SyncConflictName = {
  /** The name of the file it is a copy of (`abc.json`). */
  original: string;
  /** When Syncthing made the copy, as an ISO time (UTC, as Syncthing stamps it). */
  at: string;
  /** The first 7 characters of the Syncthing id of the device whose version this copy holds. */
  device: string;
};

export const isSyncConflictName = (name: string): boolean => CONFLICT.test(name);

/** What a conflict copy's name says, or null for any other name. */
export function parseSyncConflictName(name: string): SyncConflictName | null {
  const m = CONFLICT.exec(name);
  if (!m) return null;
  const [, base, day, time, device, ext] = m;
  const at = `${day!.slice(0, 4)}-${day!.slice(4, 6)}-${day!.slice(6, 8)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4, 6)}.000Z`;
  return { original: `${base}${ext ?? ''}`, at: Number.isNaN(Date.parse(at)) ? '' : at, device: device! };
}

/** The name Syncthing gives a conflict copy of `name` (tests, and the integration suite, make real ones with it). */
export function syncConflictName(name: string, at: Date, device: string): string {
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const iso = at.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return `${base}.sync-conflict-${stamp}-${device.slice(0, 7).toUpperCase()}${ext}`;
}

/** A transfer in progress (`.syncthing.NAME.tmp`, or `~syncthing~NAME.tmp` on Windows file systems): renamed onto its file when done, never read before. */
export const isSyncTempName = (name: string): boolean => (name.startsWith('.syncthing.') || name.startsWith('~syncthing~')) && name.endsWith('.tmp');
