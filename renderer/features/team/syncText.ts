import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../shared/team';

// One line for the data folder's sync state, the same words in the header and in Settings → Team.

function size(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

export function syncStateText(t: TFunction, status: SyncStatus, locale: string): string {
  const state = t(`team.state.${status.state}`, { size: size(status.needBytes, locale) });
  return status.conflicts > 0 ? `${state} · ${t('team.conflicts', { count: status.conflicts })}` : state;
}

/** The header says nothing on a machine without Syncthing whose folder is not shared. */
export function indicatorShown(status: SyncStatus | null): status is SyncStatus {
  return status !== null && (status.state !== 'not_found' || status.conflicts > 0);
}
