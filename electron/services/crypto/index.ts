// Encryption at rest: what the store, the CLI and the app use.
export { EncryptedFileError, WrongPassphraseError, type EncryptedFileReason } from './errors';
export { wipe } from './wipe';
export { scryptParamsForTests, type ScryptParams, type TunedScrypt } from './kdf';
export { decryptBytes, encryptBytes, isEncryptedBytes } from './envelope';
export { unlockVault, type VaultHeader } from './vault';
export { EncryptedJsonFile } from './encryptedJsonFile';
export { aadForFile, aadForPath, VAULT_FILE } from '../disk/folderLayout';
export { folderEncryption, isFolderEncrypted, type FolderEncryption } from './folderState';
