import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VAULT_FILE } from '../../disk/folderLayout';
import { ServiceError } from '../../errors';

// vault.json as the open folder's key came from it. Another device that changes the
// passphrase (or encrypts or decrypts the folder) sends a new vault.json through
// Syncthing; from then on this key may not be the folder's, and nothing may be written
// with it that the other devices could not open. Compared byte for byte: the header
// holds nothing secret, and a new wrap (fresh salt and nonce) differs in every case.

export const PASSPHRASE_CHANGED_MESSAGE =
  "The data folder's passphrase was changed on another device. Nothing was written. Enter the new passphrase to go on; your unsaved edits are kept and saved after that.";

const read = (dataDir: string) => readFile(path.join(dataDir, VAULT_FILE)).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));

export class VaultGuard {
  private constructor(
    private readonly dataDir: string,
    private readonly opened: Buffer | null,
  ) {}

  /** vault.json as it is now (none for a plain folder): what later looks compare with. */
  static async take(dataDir: string): Promise<VaultGuard> {
    return new VaultGuard(dataDir, await read(dataDir));
  }

  /** True when vault.json is no longer the one the folder was opened with (changed, added or removed). */
  async changed(): Promise<boolean> {
    const now = await read(this.dataDir);
    return now === null || this.opened === null ? now !== this.opened : !now.equals(this.opened);
  }

  /** Throws (code `encrypted`, which the window answers with the passphrase prompt) when vault.json changed. */
  async check(onChanged: () => void): Promise<void> {
    if (!(await this.changed())) return;
    onChanged();
    throw new ServiceError('encrypted', PASSPHRASE_CHANGED_MESSAGE);
  }
}
