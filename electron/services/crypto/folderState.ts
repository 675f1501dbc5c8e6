import type { VaultHeader } from './vault';
import { readJournal, readVaultFile, type Journal } from './journal';
import { missingVaultError, orphanCiphertext } from './missingVault';

// What state a data folder's encryption is in, told from its vault, its conversion
// journal and (when both are absent) its files. The store reads it before a migration
// and the conversions above it before they change anything; it needs no key.

export type FolderEncryption =
  | { state: 'plain' }
  | { state: 'encrypted' }
  /** A conversion was interrupted; opening with the passphrase finishes it (the folder ends up encrypted). */
  | { state: 'interrupted'; operation: 'encrypt' | 'decrypt' };

export type VaultState =
  /** `stale`: a journal left by a conversion that had committed (only its deletion was missing). */
  | { kind: 'plain'; stale: boolean }
  | { kind: 'encrypted'; vault: VaultHeader; stale: boolean }
  | { kind: 'encrypting'; vault: VaultHeader }
  | { kind: 'decrypting'; vault: VaultHeader };

/** Throws when the files are sealed but the vault is gone (see missingVault): they must not be taken for plain. */
export async function readState(dir: string): Promise<VaultState> {
  const [vault, journal]: [VaultHeader | null, Journal | null] = await Promise.all([readVaultFile(dir), readJournal(dir)]);
  if (journal?.operation === 'encrypt') return vault ? { kind: 'encrypted', vault, stale: true } : { kind: 'encrypting', vault: journal.vault };
  if (journal?.operation === 'decrypt') return vault ? { kind: 'decrypting', vault } : { kind: 'plain', stale: true };
  if (vault) return { kind: 'encrypted', vault, stale: false };
  // No vault and no journal says "plain"; the files must agree before anything treats them so.
  const sealed = await orphanCiphertext(dir);
  if (sealed) throw missingVaultError(dir, sealed);
  return { kind: 'plain', stale: false };
}

/** Whether the folder needs the passphrase to open (encrypted, or a conversion was interrupted). */
export async function folderEncryption(dir: string): Promise<FolderEncryption> {
  const state = await readState(dir);
  if (state.kind === 'plain') return { state: 'plain' };
  if (state.kind === 'encrypted') return { state: 'encrypted' };
  return { state: 'interrupted', operation: state.kind === 'encrypting' ? 'encrypt' : 'decrypt' };
}

/** True when opening the folder needs the passphrase. */
export async function isFolderEncrypted(dir: string): Promise<boolean> {
  return (await folderEncryption(dir)).state !== 'plain';
}

