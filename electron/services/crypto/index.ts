// Encryption at rest: what the store, the CLI and the app use.
export { EncryptedFileError, WrongPassphraseError, WRONG_PASSPHRASE_MESSAGE, type EncryptedFileReason } from './errors';
export { wipe } from './wipe';
export { defaultScryptParams, deriveKey, scryptParams, scryptParamsForTests, tuneScrypt, type ScryptParams, type TunedScrypt } from './kdf';
export { decryptBytes, encryptBytes, isEncryptedBytes, ENVELOPE_OVERHEAD } from './envelope';
export { createVault, parseVaultHeader, rewrapVault, unlockVault, wrapDataKey, type VaultHeader } from './vault';
export { EncryptedJsonFile } from './encryptedJsonFile';
export { aadForFile, aadForPath, JOURNAL_FILE, VAULT_FILE } from '../disk/folderLayout';
export { folderEncryption, isFolderEncrypted, type FolderEncryption } from './folderState';
