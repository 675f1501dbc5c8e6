import type { SnapshotInfo } from '../../../shared/model';
import { listCheckedSnapshots, recoverMeta, restoreSnapshot, type RestoreOptions } from '../backup';
import { isFolderEncrypted, wipe } from '../crypto';
import { openVault } from './convert';
import type { DamagedMetaError } from '../store/meta';
import { DataDirLock } from '../disk/lock';

// A data folder whose meta.json is damaged, as the session holds it: no store
// can open (nothing can be read or written without knowing the folder's layout),
// but the folder is held — its lock, and its key when it is encrypted — so the
// way back stays open: backups are listed (and checked), one can be restored,
// and a good meta.json can be put back from the newest snapshot holding one.

export class MetaRepair {
  private constructor(
    readonly dataDir: string,
    private readonly lock: DataDirLock,
    private dataKey: Buffer | null,
    readonly encrypted: boolean,
    /** What every other operation answers. */
    readonly error: DamagedMetaError,
  ) {}

  /** Holds the folder: its lock taken afresh (a failed open lets go of the one it had, held or not), and the key the passphrase unwraps. */
  static async hold(dataDir: string, error: DamagedMetaError, passphrase: string | undefined): Promise<MetaRepair> {
    const lock = await DataDirLock.acquire(dataDir);
    try {
      // The store wiped the key it was given when it failed; the passphrase unwraps it again.
      const encrypted = await isFolderEncrypted(dataDir);
      if (encrypted && passphrase === undefined) throw error;
      const dataKey = encrypted ? await openVault(dataDir, passphrase!) : null;
      return new MetaRepair(dataDir, lock, dataKey, encrypted, error);
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  list(): Promise<SnapshotInfo[]> {
    return listCheckedSnapshots(this.dataDir, this.dataKey);
  }

  restore(name: string, options: RestoreOptions): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo }> {
    return restoreSnapshot(this.dataDir, name, this.dataKey, options);
  }

  recoverMeta(): Promise<{ snapshot: string }> {
    return recoverMeta(this.dataDir, this.dataKey);
  }

  /** Gives the lock and the key to a store opening on the repaired folder; this object holds nothing after. */
  handOver(): { lock: DataDirLock; dataKey: Buffer | null } {
    const out = { lock: this.lock, dataKey: this.dataKey };
    this.dataKey = null;
    return out;
  }

  async release(): Promise<void> {
    wipe(this.dataKey);
    this.dataKey = null;
    await this.lock.release();
  }
}
