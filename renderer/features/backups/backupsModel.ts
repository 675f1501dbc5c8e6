import type { SnapshotInfo, SnapshotReason } from '../../../shared/model';

export type SizeUnit = 'B' | 'KB' | 'MB' | 'GB';

/** A byte count in the largest unit that keeps it ≥ 1, to one decimal (whole bytes as they are). */
export function sizeParts(bytes: number): { value: number; unit: SizeUnit } {
  const units: SizeUnit[] = ['B', 'KB', 'MB', 'GB'];
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return { value: i === 0 ? Math.round(value) : Math.round(value * 10) / 10, unit: units[i]! };
}

export const REASON_KEYS: Record<SnapshotReason, string> = {
  start: 'backups.reason.start',
  daily: 'backups.reason.daily',
  hourly: 'snapshotsDay.reasonHourly',
  manual: 'backups.reason.manual',
  'before-migration': 'backups.reason.beforeMigration',
  'before-encrypt': 'backups.reason.beforeEncrypt',
  'before-decrypt': 'backups.reason.beforeDecrypt',
  'before-restore': 'backups.reason.beforeRestore',
};

/** Newest first, whatever order they came in. */
export function sortSnapshots(list: readonly SnapshotInfo[]): SnapshotInfo[] {
  return [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.name.localeCompare(a.name));
}
