import { createSnapshot, pruneSnapshots, recoverRestore } from '../backup';
import { folderEncryption, wipe, type ScryptParams } from '../crypto';
import { decryptFolder, encryptFolder, openVault, type ConversionReport, type ConvertOptions } from './convert';
import { checkNewPassphrase } from '../crypto/kdf';

// Encryption changes to a whole folder, each preceded by a snapshot of the folder
// as it was. Shared by the app's Session and the command line; the caller holds
// the folder's lock and no store is open on it.
//
// A passphrase change takes no snapshot on purpose: it rewrites only vault.json
// (the data key stays), and a kept copy of the old vault.json would let the old
// passphrase — perhaps the reason for the change — open the folder still.

/**
 * A conversion may be cancelled while its snapshot is taken (the snapshot then leaves no
 * file) and between files while the folder is rewritten: the files converted so far are
 * then put back (folder/convert), so the folder is as it was, plain or encrypted.
 */
type Cancellable = ConvertOptions & { signal?: AbortSignal };

export async function encryptWithBackup(dir: string, passphrase: string, params: ScryptParams | undefined, options: Cancellable = {}): Promise<ConversionReport> {
  // A passphrase that would be refused is refused before the folder is snapshotted for nothing.
  checkNewPassphrase(passphrase);
  if ((await folderEncryption(dir)).state === 'plain') {
    // A restore a crash interrupted is finished first, with the key its staged files were written for (none).
    await recoverRestore(dir, null);
    // Plain now; the encryption that follows seals this snapshot with everything else.
    await createSnapshot(dir, { reason: 'before-encrypt', key: null, ...(options.signal ? { signal: options.signal } : {}) });
    await pruneSnapshots(dir, null);
  }
  return encryptFolder(dir, passphrase, params, options);
}

export async function decryptWithBackup(dir: string, passphrase: string, options: Cancellable = {}): Promise<ConversionReport> {
  // A wrong passphrase fails here, before anything is written.
  const key = await openVault(dir, passphrase);
  try {
    // A restore a crash interrupted is finished first, while its staged files still open with this key.
    await recoverRestore(dir, key);
    await createSnapshot(dir, { reason: 'before-decrypt', key, ...(options.signal ? { signal: options.signal } : {}) });
    await pruneSnapshots(dir, key);
  } finally {
    wipe(key);
  }
  return decryptFolder(dir, passphrase, options);
}
