import type { DurableFs } from '../disk/durableFile';
import type { DataDirLock } from '../disk/lock';
import type { Migration } from './meta';

export type StoreOptions = {
  migrations?: readonly Migration[];
  schemaVersion?: number;
  /** Injected file-system calls for fault tests. */
  fs?: DurableFs;
  now?: () => Date;
  /** How many whole cases to keep in memory (the rest are read from disk on demand). */
  cacheSize?: number;
  /** Opens an encrypted data folder; a plain folder ignores it. */
  passphrase?: string;
  /**
   * Reopening after `detach`: the folder's lock, still held, and its key when
   * encrypted (then no passphrase is needed; the store owns the key again).
   */
  held?: { lock: DataDirLock; dataKey?: Buffer | null };
  /**
   * Lists from the summary index without looking at the case files, and checks them after
   * (`store.confirmed()`), correcting what differs with cause 'external': the app's open. Off:
   * the open checks every file before it returns (tools, tests).
   */
  confirmInBackground?: boolean;
  /** Snapshots during the day, after the first save of each hour (backup/hourlySnapshots.ts); the app turns them on. */
  hourlySnapshots?: { onError?: (err: unknown) => void };
  /** Case files read of those the open must read (every one, the first time a copied archive opens): for a progress bar. */
  onOpenProgress?: (p: { done: number; total: number }) => void;
};

export const ENCRYPTED_MESSAGE = 'This data folder is encrypted. Give the passphrase (CASEFILE_PASSPHRASE or the prompt).';
