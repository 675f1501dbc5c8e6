import path from 'node:path';
import type { SnapshotInfo, VaultStatus } from '../../shared/model';
import type { CoreEvent } from '../../shared/events';
import { dailySnapshotDue, restoreSnapshot } from './backup';
import { unlockVault, wipe, type ScryptParams } from './crypto';
import { changePassphrase, type ConversionReport } from './folder/convert';
import { readVaultFile } from './crypto/journal';
import { ServiceError } from './errors';
import { decryptWithBackup, encryptWithBackup } from './folder/folderOps';
import { forgetShapedWords, handlerTable, warmBriefsSoon, type CallContext, type Folder, type Handlers, type OpenFolder, type Vault } from './handlers';
import { SearchService } from './search/service';
import { EventHub } from './events/eventHub';
import { CaseStore, type StoreOptions } from './folder/caseStore';
import { DurableJsonFile } from './disk/durableFile';
import { MetaRepair } from './folder/metaRepair';
import { DamagedMetaError, readMeta } from './store/meta';
import { leaveLive, wireFolder, type Live } from './folder/live/openLive';
import type { WatchOptions } from './folder/live/folderWatcher';

// One data folder as the app and the command line hold it: open, or locked.
//
// While locked there is no store, no key and no search index: every operation
// but the vault's answers `encrypted`. Locking closes the store, which wipes the
// data key; the decrypted cases and the search index are dropped with the
// services (JavaScript strings cannot be wiped in place: once unreferenced, the
// garbage collector reclaims them). The renderer reloads on lock to drop its own.

const LOCKED_MESSAGE = 'Casefile is locked. Unlock it with the passphrase.';
const DEFAULT_IDLE_LOCK_MINUTES = 10;
const IDLE_CHECK_MS = 15_000;
const DAILY_CHECK_MS = 3_600_000;

export type SessionOptions = {
  store?: Omit<StoreOptions, 'passphrase' | 'held'>;
  /** scrypt cost for a new vault; tests lower it. Absent: tuned to this machine. */
  scrypt?: ScryptParams;
  /** The app's schedule: a snapshot at start and once a day, and the search index built ahead. The command line runs neither. */
  background?: boolean;
  /** How often the idle lock looks at the clock (tests shorten it). */
  idleCheckMs?: number;
  /** Failures of background work (a scheduled snapshot), which no caller is waiting for. */
  onWarning?: (message: string) => void;
  /** Injected clock for tests (milliseconds). */
  clock?: () => number;
  /** Follow what other devices write into the folder (folder/live); on with `background`. Tests pass the watch's options. */
  live?: boolean | WatchOptions;
};

export class Session implements Vault {
  private open: OpenFolder | null = null;
  /**
   * meta.json is damaged: no store can open, but the folder is held (lock and
   * key) so that backups can still be listed and restored, and recover can put
   * a good meta.json back. Every other operation answers with `error`.
   */
  private repair: MetaRepair | null = null;
  private encrypted = false;
  private idleMinutes = DEFAULT_IDLE_LOCK_MINUTES;
  private lastActivity: number;
  private timers: NodeJS.Timeout[] = [];
  private startSnapshotTaken = false;
  /** The open store's watch on the folder (folder/live), and vault.json as its key came from it. */
  private live: Live | null = null;
  /** Locked because another device changed the passphrase (vault.json): the window asks over the open page. */
  private passphraseChanged = false;
  private readonly conflictListeners = new Set<(rel: string) => void>();
  /** Vault operations one at a time: two unlocks, or a lock during an encryption, must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  readonly handlers: Handlers;
  /** What the doors forward to their windows: every saved change of whichever store is open, and the lock. */
  readonly events = new EventHub();

  private constructor(
    readonly dataDir: string,
    private readonly options: SessionOptions,
  ) {
    this.lastActivity = this.now();
    this.handlers = handlerTable(this.folder(), this);
  }

  /**
   * Opens the folder: a plain one at once; an encrypted one with `passphrase`,
   * or else locked (the app shows its lock screen; the CLI asks).
   */
  static async start(dataDir: string, options: SessionOptions = {}, passphrase?: string): Promise<Session> {
    const session = new Session(path.resolve(dataDir), options);
    try {
      await session.openStore(passphrase);
    } catch (err) {
      if (!(err instanceof ServiceError && err.code === 'encrypted')) throw err;
      session.encrypted = true;
      await session.readIdleSetting();
    }
    session.startTimers();
    return session;
  }

  /** The open store, or null while locked. */
  get store(): CaseStore | null {
    return this.open?.store ?? null;
  }

  status(): VaultStatus {
    return { encrypted: this.encrypted, locked: this.open === null && this.repair === null, idleLockMinutes: this.encrypted ? this.idleMinutes : 0, ...(this.passphraseChanged ? { passphraseChanged: true } : {}) };
  }

  /** Hears each Syncthing conflict copy the folder's watch finds (for the conflicts scanner), until the returned function is called. */
  onSyncConflictSeen(listener: (rel: string) => void): () => void {
    this.conflictListeners.add(listener);
    return () => this.conflictListeners.delete(listener);
  }

  /** Use of the app, which puts off the idle lock. */
  touch(): void {
    this.lastActivity = this.now();
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.serial(async () => {
      await this.closeStore();
      await this.leaveRepair();
    });
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.serial(async () => {
      if (this.open || this.repair) return this.status();
      await this.openStore(passphrase);
      this.passphraseChanged = false;
      this.touch();
      return this.status();
    });
  }

  lock(): Promise<VaultStatus> {
    return this.serial(async () => {
      if (!this.encrypted) throw new ServiceError('bad_input', 'This data folder is not encrypted, so there is nothing to lock. Encrypt it in Settings first.');
      await this.closeStore();
      await this.leaveRepair();
      this.events.emit({ type: 'folder.locked', data: {} });
      return this.status();
    });
  }

  encrypt(passphrase: string, context: CallContext = {}): Promise<VaultStatus & { conversion: ConversionReport }> {
    return this.serial(async () => {
      let conversion: ConversionReport | undefined;
      const store = this.requireStore();
      if (this.encrypted) throw new ServiceError('conflict', 'This data folder is already encrypted. Nothing was changed.');
      await this.onDetached(store, async (lock) => {
        conversion = await encryptWithBackup(this.dataDir, passphrase, this.options.scrypt, progressOf(context));
        return { lock, passphrase };
      });
      return { ...this.status(), conversion: conversion! };
    });
  }

  decrypt(passphrase: string, context: CallContext = {}): Promise<VaultStatus & { conversion: ConversionReport }> {
    return this.serial(async () => {
      let conversion: ConversionReport | undefined;
      const store = this.requireStore();
      if (!this.encrypted) throw new ServiceError('bad_input', 'This data folder is not encrypted. Nothing was changed.');
      await this.checkPassphrase(passphrase);
      await this.onDetached(store, async (lock) => {
        conversion = await decryptWithBackup(this.dataDir, passphrase, progressOf(context));
        return { lock };
      });
      return { ...this.status(), conversion: conversion! };
    });
  }

  changePassphrase(passphrase: string, newPassphrase: string): Promise<VaultStatus> {
    return this.serial(async () => {
      const store = this.requireStore();
      if (!this.encrypted) throw new ServiceError('bad_input', 'This data folder is not encrypted. Encrypt it first; nothing was changed.');
      await this.checkPassphrase(passphrase);
      await this.onDetached(store, async (lock, dataKey) => {
        await changePassphrase(this.dataDir, passphrase, newPassphrase, this.options.scrypt);
        return { lock, dataKey };
      });
      return this.status();
    });
  }

  setIdleLock(minutes: number): Promise<VaultStatus> {
    return this.serial(async () => {
      const store = this.requireStore();
      if (!this.encrypted && minutes > 0) throw new ServiceError('bad_input', 'An unencrypted folder cannot lock itself. Encrypt it first.');
      await store.setIdleLockMinutes(minutes);
      this.idleMinutes = minutes;
      return this.status();
    });
  }

  restore(name: string, context: CallContext = {}): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo }> {
    return this.serial(async () => {
      if (this.repair) return this.restoreInRepair(name, context);
      const store = this.requireStore();
      let report: { restored: SnapshotInfo; safetySnapshot: SnapshotInfo } | undefined;
      await this.onDetached(store, async (lock, dataKey) => {
        report = await restoreSnapshot(this.dataDir, name, dataKey, progressOf(context));
        return { lock, dataKey };
      });
      return report!;
    });
  }

  // --- inside --------------------------------------------------------------------

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private requireStore(): CaseStore {
    if (!this.open) throw new ServiceError('encrypted', LOCKED_MESSAGE);
    return this.open.store;
  }

  private async openStore(passphrase: string | undefined, held?: StoreOptions['held']): Promise<void> {
    try {
      await this.openStoreNow(passphrase, held);
    } catch (err) {
      if (!(err instanceof DamagedMetaError)) throw err;
      this.repair = await MetaRepair.hold(this.dataDir, err, passphrase);
      this.encrypted = this.repair.encrypted;
    }
  }

  private async leaveRepair(): Promise<void> {
    const repair = this.repair;
    this.repair = null;
    await repair?.release();
  }

  /** The store opened again on the held folder, now that meta.json is good; lock and key go to the store (which lets go of both if it fails). */
  private async reopenAfterRepair(): Promise<void> {
    const held = this.repair!.handOver();
    this.repair = null;
    await this.openStoreNow(undefined, held);
  }

  private async restoreInRepair(name: string, context: CallContext): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo }> {
    const report = await this.repair!.restore(name, progressOf(context));
    await this.reopenAfterRepair();
    return report;
  }

  /**
   * The folder as the handlers reach it: the store open now, or the ServiceError a
   * caller should see (locked; meta.json damaged, when only the backups still answer).
   */
  private folder(): Folder {
    return {
      open: () => {
        const open = this.open;
        if (!open) throw this.repair ? this.repair.error : new ServiceError('encrypted', LOCKED_MESSAGE);
        this.touch();
        return open;
      },
      damaged: () => {
        const repair = this.repair;
        if (this.open || !repair) return null;
        return {
          listBackups: () => repair.list(),
          repairThen: (then) =>
            this.serial(async () => {
              if (this.repair) {
                await this.repair.recoverMeta();
                await this.reopenAfterRepair();
              }
              return then();
            }),
        };
      },
    };
  }

  private async openStoreNow(passphrase: string | undefined, held?: StoreOptions['held']): Promise<void> {
    const store = await CaseStore.open(this.dataDir, { ...(this.options.background ? { confirmInBackground: true, hourlySnapshots: { onError: (err: unknown) => this.options.onWarning?.(`The hourly backup failed: ${(err as Error).message}`) } } : {}), onOpenProgress: this.events.progress('reading'), ...this.options.store, ...(passphrase !== undefined ? { passphrase } : {}), ...(held ? { held } : {}) });
    this.open = { store, search: new SearchService(store, this.events.progress('indexing')) };
    const hooks = { emit: (e: CoreEvent) => this.events.emit(e), vaultChanged: () => this.vaultChanged(), conflictSeen: (rel: string) => this.conflictListeners.forEach((l) => l(rel)), warn: (m: string) => this.options.onWarning?.(m) };
    this.live = await wireFolder(store, hooks, this.options.live ?? this.options.background);
    this.encrypted = store.encrypted;
    this.idleMinutes = store.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
    if (this.options.background) {
      // One after the other: on a 2-core laptop both at once would slow the search the user is waiting for.
      const reason = this.startSnapshotTaken ? 'daily' : 'start';
      this.startSnapshotTaken = true;
      // A failed build is reported by the first search, which retries it.
      void this.open.search
        .warm()
        .catch(() => undefined)
        .then(() => this.scheduledSnapshot(reason)).then(() => this.timers.push(warmBriefsSoon(this.options.onWarning)));
    }
  }

  private async closeStore(): Promise<void> {
    const open = this.open;
    this.open = null;
    await leaveLive(this.live);
    this.live = null;
    await open?.store.close().finally(forgetShapedWords); // the words of the briefs written, kept shaped for the next
  }

  /** vault.json changed under the open folder: if so, the store closes (no write under a key that may be stale) and the window asks for the new passphrase. */
  private vaultChanged(): void {
    void this.serial(async () => {
      if (!this.open || !this.live || !(await this.live.guard.changed())) return;
      await this.closeStore();
      this.encrypted = this.passphraseChanged = true;
      this.events.emit({ type: 'folder.passphraseChanged', data: {} });
    }).catch((err: unknown) => this.options.onWarning?.(`Closing the folder after its passphrase changed failed: ${(err as Error).message}`));
  }

  /** The idle setting lives in plain meta.json so the lock screen knows it without the key. */
  private async readIdleSetting(): Promise<void> {
    const meta = await readMeta(new DurableJsonFile<unknown>(path.join(this.dataDir, 'meta.json'))).catch(() => null);
    this.idleMinutes = meta?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
  }

  /** A wrong passphrase must be told before the store is closed: reopening would then need the right one. */
  private async checkPassphrase(passphrase: string): Promise<void> {
    const header = await readVaultFile(this.dataDir);
    if (!header) throw new ServiceError('bad_input', 'This data folder is not encrypted. Nothing was changed.');
    wipe(await unlockVault(header, passphrase));
  }

  /**
   * Runs folder work with the store closed but the lock kept (nothing else can
   * open the folder in between), then reopens with what `work` returns. When
   * the work fails, the folder is reopened as it now is, so the app is never left
   * without its cases; an interrupted conversion then finishes on that open.
   */
  private async onDetached(
    store: CaseStore,
    work: (lock: NonNullable<StoreOptions['held']>['lock'], dataKey: Buffer | null) => Promise<{ lock: NonNullable<StoreOptions['held']>['lock']; dataKey?: Buffer | null; passphrase?: string }>,
  ): Promise<void> {
    this.open = null;
    await leaveLive(this.live);
    this.live = null;
    const { lock, dataKey } = await store.detach();
    let reopen: { lock: typeof lock; dataKey?: Buffer | null; passphrase?: string } = { lock, dataKey };
    let failure: unknown;
    try {
      reopen = await work(lock, dataKey);
    } catch (err) {
      failure = err;
    }
    if (reopen.dataKey !== dataKey) wipe(dataKey);
    try {
      await this.openStore(reopen.passphrase, { lock: reopen.lock, dataKey: reopen.dataKey ?? null });
    } catch (err) {
      if (!(err instanceof ServiceError && err.code === 'encrypted')) throw failure ?? err;
      // Encrypted now and no key at hand: the folder stays locked, the lock screen asks.
      this.encrypted = true;
      await lock.release();
    }
    // openStore has set `encrypted` from the store it opened (or it was set just above).
    if (failure) throw failure;
  }

  private async scheduledSnapshot(reason: 'start' | 'daily'): Promise<void> {
    const store = this.open?.store;
    if (!store) return;
    try {
      if (reason === 'daily' && !(await dailySnapshotDue(this.dataDir, new Date(this.now())))) return;
      await store.backup(reason);
    } catch (err) {
      // A lock or a close during the snapshot ends it; only real failures are worth a word.
      if (this.open?.store === store) this.options.onWarning?.(`The ${reason} backup failed: ${(err as Error).message}`);
    }
  }

  private startTimers(): void {
    const idle = setInterval(() => {
      if (this.open && this.encrypted && this.idleMinutes > 0 && this.now() - this.lastActivity >= this.idleMinutes * 60_000) {
        void this.lock().catch((err: unknown) => this.options.onWarning?.(`The idle lock failed: ${(err as Error).message}`));
      }
    }, this.options.idleCheckMs ?? IDLE_CHECK_MS);
    idle.unref();
    this.timers.push(idle);
    if (this.options.background) {
      const daily = setInterval(() => void this.scheduledSnapshot('daily'), DAILY_CHECK_MS);
      daily.unref();
      this.timers.push(daily);
    }
  }
}

function progressOf(context: CallContext) {
  return { ...(context.onProgress ? { onProgress: ({ done, total }: { done: number; total: number }) => context.onProgress!({ done, total }) } : {}), ...(context.signal ? { signal: context.signal } : {}) };
}
