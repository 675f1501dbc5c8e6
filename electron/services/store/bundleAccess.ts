import type { AuditEntry, CaseFile } from '../../../shared/model';
import type { FolderIds } from '../cases/caseIds';
import type { DurableFs } from '../disk/durableFile';

/**
 * What bundle import and export (bundles/) need of the store, and no more: reads,
 * writes under its save queue with their history, and the paths of the folder whose
 * lock it holds. The store hands one out to the floor above (folder/caseStore.ts).
 */
export type BundleAccess = {
  /** Runs work in the save queue, one write at a time. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Throws when the store is closed. */
  assertOpen(): void;
  now(): string;
  /** Injected file-system calls (fault tests). */
  readonly fs: DurableFs | undefined;
  /** cases/ of the data folder. */
  readonly casesDir: string;
  /** The file of a live case (cases/) or a trashed one (trash/). */
  caseFile(id: string, where?: 'cases' | 'trash'): string;
  /** A case file's bytes as the store writes them (sealed when the folder is encrypted). */
  caseBytes(c: CaseFile): string | Uint8Array;
  has(id: string): boolean;
  get(id: string): Promise<CaseFile>;
  trashed(id: string): Promise<CaseFile | null>;
  /** Every id in the folder, live and trashed. */
  folderIds(): FolderIds;
  /** Every live case, read in turn. */
  all(): AsyncGenerator<CaseFile>;
  /** A case's stored history, oldest first (empty when it has none). */
  historyOf(id: string): Promise<AuditEntry[]>;
  /**
   * After an imported case's file is in place: its summary and cache, its history (the
   * bundle's carried lines, then the import's own), the listeners, and the trashed twin it
   * replaces removed.
   */
  landImported(c: CaseFile, previous: CaseFile | undefined, carried: readonly AuditEntry[], replacesTrashed: boolean): Promise<void>;
  /** The summary index is due a write (after a batch of imports). */
  indexChanged(): void;
};
