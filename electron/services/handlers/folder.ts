import type { SnapshotInfo } from '../../../shared/model';
import type { SearchService } from '../search/service';
import type { CaseStore } from '../folder/caseStore';

/** The open data folder a handler works on: its store and the search index over it. */
export type OpenFolder = { store: CaseStore; search: SearchService };

/**
 * How a handler reaches the data folder. A store opened on its own (tests, tools)
 * is always there; the session's may be locked or held with a damaged meta.json,
 * and then `open()` throws the ServiceError the caller should see. Handlers call it
 * once, before their first await, so a call works on the store open when it came in.
 */
export type Folder = {
  open(): OpenFolder;
  /** While meta.json is damaged: what the held folder still answers (its backups, and the way back); null otherwise. */
  damaged(): DamagedFolder | null;
};

export type DamagedFolder = {
  listBackups(): Promise<SnapshotInfo[]>;
  /** Puts a good meta.json back and reopens the folder, then runs `then` on it, one vault operation at a time. */
  repairThen<T>(then: () => Promise<T>): Promise<T>;
};

/** A store opened on its own: always open, never damaged (a damaged meta.json fails its open). */
export function fixedFolder(store: CaseStore, search: SearchService): Folder {
  const open = { store, search };
  return { open: () => open, damaged: () => null };
}
