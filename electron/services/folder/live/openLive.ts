import { caseChanged } from '../../events/eventHub';
import { attachCalendarFeed } from '../../calendar';
import { onConflictsChanged } from '../../conflicts/notify';
import { scanConflicts } from '../../conflicts/service';
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
async function goLive(store: CaseStore, hooks: LiveHooks, watch: boolean | WatchOptions | undefined): Promise<Live> {
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

/**
 * Everything an open folder tells the doors: each saved change as `cases.changed`, the
 * set of Syncthing conflict copies (scanned now — copies left while the app was closed —
 * and again whenever the watch sees one), and the live ties of goLive.
 */
export async function wireFolder(store: CaseStore, hooks: LiveHooks, watch: boolean | WatchOptions | undefined): Promise<Live> {
  store.subscribe((change) => hooks.emit(caseChanged(change)));
  attachCalendarFeed(store, (message) => hooks.warn(message));
  onConflictsChanged(store, (count) => hooks.emit({ type: 'conflicts.changed', data: { count } }));
  const rescan = () => void scanConflicts(store).catch(() => undefined);
  rescan();
  // A list shown from the summary index (the app's open) is checked against the files now that the window listens.
  void store.confirmed().catch((err: unknown) => hooks.warn(`Checking the case files failed: ${(err as Error).message}. Reopen the folder to check them again.`));
  return goLive(store, { ...hooks, conflictSeen: (rel) => (hooks.conflictSeen(rel), rescan()) }, watch);
}

export async function leaveLive(live: Live | null): Promise<void> {
  await live?.folder?.stop();
}
