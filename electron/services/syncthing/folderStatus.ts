import type { SyncPeer, SyncStatus } from '../../../shared/team';
import { Completion, Config, Connections, DbStatus, DeviceStats, SystemStatus, type ConfigT, type FolderConfig } from './apiSchemas';
import { countConflictCopies } from './conflictCount';
import { callSyncthing, SyncthingRefused, SyncthingUnreachable, type Endpoint } from './restClient';
import { samePath } from './samePath';

// The data folder as the local Syncthing sees it, in the few states the header shows.

const NEVER = /^(0001|1970)-01-01T/;

export async function findSharedFolder(endpoint: Endpoint, dataDir: string, signal?: AbortSignal): Promise<{ myID: string; folder: FolderConfig | null; config: ConfigT }> {
  const { myID } = await callSyncthing(endpoint, 'system/status', SystemStatus, { signal });
  const config = await callSyncthing(endpoint, 'system/config', Config, { signal });
  for (const folder of config.folders) if (await samePath(folder.path, dataDir)) return { myID, folder, config };
  return { myID, folder: null, config };
}

function empty(state: SyncStatus['state'], extra: Partial<SyncStatus> = {}): SyncStatus {
  return { state, needBytes: 0, needFiles: 0, conflicts: 0, peers: [], ...extra };
}

/** Never throws for an absent or silent Syncthing: the state says so. */
export async function folderSyncStatus(endpoint: Endpoint, where: string, dataDir: string, proposedFolderId: string, signal?: AbortSignal): Promise<SyncStatus> {
  const conflicts = await countConflictCopies(dataDir);
  let found: Awaited<ReturnType<typeof findSharedFolder>>;
  try {
    found = await findSharedFolder(endpoint, dataDir, signal);
  } catch (err) {
    if (err instanceof SyncthingUnreachable) return empty('not_running', { where, message: err.message, conflicts });
    if (err instanceof SyncthingRefused) return empty('refused', { where, message: `${err.message} Check the API key in Settings → Team (Syncthing → Actions → Settings → GUI).`, conflicts });
    return empty('error', { where, message: (err as Error).message, conflicts });
  }
  const { myID, folder, config } = found;
  if (!folder) return empty('not_shared', { where, thisDevice: myID, folderId: proposedFolderId, conflicts });
  try {
    const [db, connections, stats] = await Promise.all([
      callSyncthing(endpoint, `db/status?folder=${encodeURIComponent(folder.id)}`, DbStatus, { signal }),
      callSyncthing(endpoint, 'system/connections', Connections, { signal }),
      callSyncthing(endpoint, 'stats/device', DeviceStats, { signal }),
    ]);
    const peers: SyncPeer[] = [];
    let peersNeed = 0;
    for (const d of folder.devices) {
      if (d.deviceID === myID) continue;
      const device = config.devices.find((c) => c.deviceID === d.deviceID);
      const connected = connections.connections[d.deviceID]?.connected ?? false;
      const lastSeen = stats[d.deviceID]?.lastSeen;
      let completion: number | undefined;
      if (connected) {
        const c = await callSyncthing(endpoint, `db/completion?folder=${encodeURIComponent(folder.id)}&device=${encodeURIComponent(d.deviceID)}`, Completion, { signal }).catch(() => null);
        if (c) {
          completion = Math.min(100, Math.max(0, c.completion));
          peersNeed = Math.max(peersNeed, c.needBytes);
        }
      }
      peers.push({
        id: d.deviceID,
        name: device?.name || d.deviceID.slice(0, 7),
        connected,
        ...(lastSeen && !NEVER.test(lastSeen) ? { lastSeen } : {}),
        encrypted: Boolean(d.encryptionPassword) || device?.untrusted === true,
        ...(completion !== undefined ? { completion } : {}),
      });
    }
    const base = { where, thisDevice: myID, folderId: folder.id, conflicts, peers };
    const needFiles = db.needFiles + (db.needDeletes ?? 0);
    if (folder.paused) return { ...base, state: 'paused', needBytes: db.needBytes, needFiles };
    if (db.state === 'error' || (db.error ?? '') !== '' || (db.invalid ?? '') !== '') {
      return { ...base, state: 'error', message: db.error || db.invalid || 'Syncthing reports an error on this folder; open Syncthing to see it.', needBytes: db.needBytes, needFiles };
    }
    const syncing = db.needBytes > 0 || needFiles > 0 || db.state.startsWith('sync') || peers.some((p) => p.connected && (p.completion ?? 100) < 100);
    return { ...base, state: syncing ? 'syncing' : 'up_to_date', needBytes: db.needBytes + peersNeed, needFiles };
  } catch (err) {
    return empty(err instanceof SyncthingUnreachable ? 'not_running' : 'error', { where, thisDevice: myID, folderId: folder.id, message: (err as Error).message, conflicts });
  }
}
