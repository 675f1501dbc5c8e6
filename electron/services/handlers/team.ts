import path from 'node:path';
import { readDevice, setDeviceName } from '../disk/device';
import { DurableJsonFile } from '../disk/durableFile';
import { ServiceError } from '../errors';
import { readMeta } from '../store/meta';
import { shareFolder, syncFolderId, syncStatus, SyncthingRefused, SyncthingUnreachable, writeOverride } from '../syncthing';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

async function syncContext(folder: Folder, signal?: AbortSignal) {
  const dataDir = folder.open().store.dataDir;
  const meta = await readMeta(new DurableJsonFile<unknown>(path.join(dataDir, 'meta.json')));
  // meta.json syncs, so every copy of the folder derives the same Syncthing folder id.
  return { dataDir, folderId: syncFolderId(meta?.createdAt ?? dataDir), ...(signal ? { signal } : {}) };
}

export function teamHandlers(folder: Folder): DomainHandlers<'team.device' | 'team.setDeviceName' | 'team.syncStatus' | 'team.shareFolder' | 'team.setSyncthing'> {
  return {
    'team.device': () => readDevice(folder.open().store.dataDir),
    'team.setDeviceName': ({ name }) => setDeviceName(folder.open().store.dataDir, name),
    'team.syncStatus': async (_input, { signal }) => syncStatus(await syncContext(folder, signal)),
    'team.shareFolder': async (input, { signal }) => {
      const context = await syncContext(folder, signal);
      try {
        await shareFolder(context, input);
      } catch (err) {
        if (err instanceof SyncthingUnreachable) throw new ServiceError('not_found', `${err.message} Start Syncthing (or set where it is in Settings → Team) and try again; nothing was changed.`);
        if (err instanceof SyncthingRefused) throw new ServiceError('bad_input', `${err.message} Set the API key in Settings → Team (Syncthing → Actions → Settings → GUI shows it); nothing was changed.`);
        throw new ServiceError('bad_input', `${(err as Error).message} Syncthing did not add the folder; check its web page (Actions → Logs).`);
      }
      return syncStatus(context);
    },
    'team.setSyncthing': async (input, { signal }) => {
      const context = await syncContext(folder, signal);
      // Fields left out are cleared: the form sends everything it shows, and an empty form means "look in the usual places".
      await writeOverride(context.dataDir, input);
      return syncStatus(context);
    },
  };
}
