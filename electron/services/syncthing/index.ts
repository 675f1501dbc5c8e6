import type { SyncStatus, SyncthingOverride } from '../../../shared/team';
import { folderSyncStatus } from './folderStatus';
import { locateSyncthing } from './locate';
import { readOverride } from './override';
import { shareDataFolder, type ShareRequest } from './shareFolder';
import { SyncthingRefused, SyncthingUnreachable } from './restClient';
import { countConflictCopies } from './conflictCount';

// The local Syncthing as the rest of the app sees it: a status that never throws, and one
// action (share the data folder). `candidates` replaces the usual config.xml places (tests).

export { syncFolderId } from './folderId';
export { writeOverride } from './override';
export { SyncthingRefused, SyncthingUnreachable };

export type SyncthingContext = { dataDir: string; folderId: string; candidates?: string[]; signal?: AbortSignal };

export async function syncStatus({ dataDir, folderId, candidates, signal }: SyncthingContext): Promise<SyncStatus> {
  const located = await locateSyncthing(await readOverride(dataDir), candidates);
  if (!located.endpoint) {
    return { state: 'not_found', ...(located.where ? { where: located.where } : {}), message: located.message, folderId, needBytes: 0, needFiles: 0, conflicts: await countConflictCopies(dataDir), peers: [] };
  }
  return folderSyncStatus(located.endpoint, located.where, dataDir, folderId, signal);
}

/** Throws SyncthingUnreachable / SyncthingRefused / SyncthingAnswer, each saying what happened. */
export async function shareFolder(context: SyncthingContext, request: ShareRequest): Promise<void> {
  const located = await locateSyncthing(await readOverride(context.dataDir), context.candidates);
  if (!located.endpoint) throw new SyncthingUnreachable(located.message);
  await shareDataFolder(located.endpoint, context.dataDir, context.folderId, request, context.signal);
}

export type { SyncthingOverride };
