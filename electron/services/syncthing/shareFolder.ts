import path from 'node:path';
import type { z } from 'zod';
import type { ShareFolderInput } from '../../../shared/team';
import { Anything } from './apiSchemas';
import { findSharedFolder } from './folderStatus';
import { callSyncthing, type Endpoint } from './restClient';

// Adds the data folder to the local Syncthing, through its REST API only (Syncthing owns
// its config.xml and rewrites it; a hand edit races it). Already shared: only the devices
// not yet in it are added, nothing else changes.

export type ShareRequest = z.output<typeof ShareFolderInput>;

export async function shareDataFolder(endpoint: Endpoint, dataDir: string, folderId: string, request: ShareRequest, signal?: AbortSignal): Promise<void> {
  const { myID, folder, config } = await findSharedFolder(endpoint, dataDir, signal);
  for (const device of request.devices) {
    if (device.id === myID || config.devices.some((d) => d.deviceID === device.id)) continue;
    await callSyncthing(endpoint, 'config/devices', Anything, {
      method: 'POST',
      signal,
      body: { deviceID: device.id, name: device.name ?? '', addresses: ['dynamic'] },
    });
  }
  const wanted = request.devices.filter((d) => d.id !== myID).map((d) => ({ deviceID: d.id, encryptionPassword: d.encryptionPassword ?? '' }));
  if (folder) {
    const have = new Set(folder.devices.map((d) => d.deviceID));
    const added = wanted.filter((d) => !have.has(d.deviceID));
    if (added.length === 0) return;
    await callSyncthing(endpoint, `config/folders/${encodeURIComponent(folder.id)}`, Anything, { method: 'PATCH', signal, body: { devices: [...folder.devices, ...added] } });
    return;
  }
  await callSyncthing(endpoint, 'config/folders', Anything, {
    method: 'POST',
    signal,
    body: {
      id: folderId,
      label: 'Casefile',
      path: path.resolve(dataDir),
      type: 'sendreceive',
      // Casefile keeps its own history and snapshots; Syncthing's hidden old versions would keep a case deleted for good, where the app cannot see or purge it.
      versioning: { type: '', params: {} },
      fsWatcherEnabled: true,
      devices: [{ deviceID: myID, encryptionPassword: '' }, ...wanted],
    },
  });
}
