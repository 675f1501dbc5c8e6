import type { CoreEvent } from '../../../../shared/events';
import { readDevice } from '../../disk/device';
import { ADDRESSEES_FILE, SETTINGS_FILE, VAULT_FILE } from '../../disk/folderLayout';
import { fileStateOf, sameFile } from '../../disk/statFiles';
import type { CaseStore } from '../caseStore';
import { FolderWatcher, type FolderChanges, type WatchOptions } from './folderWatcher';
import { stat } from 'node:fs/promises';
import path from 'node:path';

// An open folder kept in step with what other devices write into it: changed case files
// go through the store (catalogue, quarantine, search index and `cases.changed` with
// cause 'external' follow from its change feed), a history another device appended to is
// announced so an open history view reloads, the settings and the address book likewise,
// and a new vault.json is handed to the session (the key may no longer be the folder's).

export type LiveHooks = {
  /** history.changed, settings.changed: for the doors to forward. */
  emit(event: CoreEvent): void;
  /** vault.json changed: the session checks it and, if so, asks for the passphrase again. */
  vaultChanged(): void;
  /** A Syncthing conflict copy appeared (relative to the folder), for the conflicts scanner. */
  conflictSeen(rel: string): void;
  /** A failure no caller waits for (the watch fell back to a scan; a refresh failed). */
  warn(message: string): void;
};

/** A history file's case: `<id>.jsonl`, or `<id>.<device>.jsonl` when each device keeps its own. */
function historyOwner(name: string): { id: string; device?: string } | null {
  const m = /^([A-Za-z0-9_-]{1,64})(?:\.([a-z2-7]{8}))?\.jsonl$/.exec(name);
  return m ? { id: m[1]!, ...(m[2] ? { device: m[2] } : {}) } : null;
}

const SYNCED_SETTINGS = { [SETTINGS_FILE]: 'settings', [ADDRESSEES_FILE]: 'addressees' } as const;

export class LiveFolder {
  /** Cases this process saved since the last batch: a change to their shared history file is its own. */
  private savedHere = new Set<string>();

  private constructor(
    private readonly store: CaseStore,
    private readonly hooks: LiveHooks,
    private readonly deviceId: string,
    private readonly unsubscribe: () => void,
    private watcher: FolderWatcher | null = null,
  ) {}

  static async start(store: CaseStore, hooks: LiveHooks, options: WatchOptions = {}): Promise<LiveFolder> {
    const device = await readDevice(store.dataDir);
    const live: LiveFolder = new LiveFolder(store, hooks, device.id, store.subscribe((change) => {
      if (change.cause !== 'external') live.savedHere.add(change.type === 'upsert' ? change.case.id : change.id);
    }));
    live.watcher = FolderWatcher.start(store.dataDir, (changes) => live.apply(changes), { ...options, onFallback: (reason) => hooks.warn(`Changes from other devices are looked for every few seconds (${reason}).`) });
    return live;
  }

  /** 'watch', or 'poll' when the periodic scan stands in for the watch. */
  get mode(): 'watch' | 'poll' {
    return this.watcher?.mode ?? 'watch';
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.watcher?.stop();
  }

  private async apply(changes: FolderChanges): Promise<void> {
    // First: a new vault.json may mean the key is not the folder's any more.
    if (changes.top.includes(VAULT_FILE)) this.hooks.vaultChanged();
    for (const rel of changes.conflicts) this.hooks.conflictSeen(rel);
    if (changes.cases) {
      try {
        // Case files sealed otherwise than this store: the folder was encrypted or decrypted elsewhere; its vault.json tells.
        if ((await this.store.refreshFromDisk()).otherSeal > 0) this.hooks.vaultChanged();
      } catch (err) {
        // Closed meanwhile (a lock), or a disk error: the next change or scan tries again.
        this.hooks.warn(`Reading the cases changed on another device failed: ${(err as Error).message}`);
      }
    }
    const saved = this.savedHere;
    this.savedHere = new Set();
    const told = new Set<string>();
    for (const name of changes.history) {
      const owner = historyOwner(name);
      if (!owner || told.has(owner.id)) continue;
      if (owner.device === this.deviceId || (owner.device === undefined && saved.has(owner.id))) continue;
      told.add(owner.id);
      this.hooks.emit({ type: 'history.changed', data: { id: owner.id } });
    }
    for (const name of changes.top) {
      if (!(name in SYNCED_SETTINGS)) continue;
      const key = name as keyof typeof SYNCED_SETTINGS;
      const own = this.store.ownWrites.get(name);
      const st = await stat(path.join(this.store.dataDir, name)).catch(() => null);
      if (own && st && sameFile(own, fileStateOf(st))) continue;
      this.hooks.emit({ type: 'settings.changed', data: { file: SYNCED_SETTINGS[key] } });
    }
  }
}
