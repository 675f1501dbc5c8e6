import type { CaseStore } from '../caseStore';
import { LiveFolder, type LiveHooks } from './liveFolder';
import { VaultGuard } from './vaultGuard';
import type { WatchOptions } from './folderWatcher';

/** An open store's ties to the folder others write into: vault.json as its key came from it, and the watch (when asked for). */
export type Live = { guard: VaultGuard; folder: LiveFolder | null };

/**
 * Every write of `store` first checks vault.json (a passphrase changed elsewhere refuses it
 * and tells `hooks.vaultChanged`); with `watch`, the folder is followed for other devices'
 * changes. A watch that cannot start is a warning: the app works on, without live changes.
 */
export async function goLive(store: CaseStore, hooks: LiveHooks, watch: boolean | WatchOptions | undefined): Promise<Live> {
  const guard = await VaultGuard.take(store.dataDir);
  store.writeGuard = () => guard.check(() => hooks.vaultChanged());
  // Waited for: a change made just after the open must find the watch in place.
  const folder = watch
    ? await LiveFolder.start(store, hooks, typeof watch === 'object' ? watch : {}).catch((err: unknown) => {
        hooks.warn(`The data folder cannot be watched for other devices' changes: ${(err as Error).message}`);
        return null;
      })
    : null;
  return { guard, folder };
}

export async function leaveLive(live: Live | null): Promise<void> {
  await live?.folder?.stop();
}
