import { ServiceError } from '../errors';

/** Why an encrypted file could not be opened. */
export type EncryptedFileReason = 'not_encrypted' | 'unsupported_version' | 'truncated' | 'auth_failed';

const REASON_TEXT: Record<EncryptedFileReason, string> = {
  not_encrypted: 'not an encrypted Casefile file (it may have been replaced by a plain file)',
  unsupported_version: 'encrypted by a newer Casefile (unknown format version)',
  truncated: 'too short to be an encrypted file — it was cut off or emptied',
  auth_failed: 'authentication failed — the file was altered or damaged',
};

/**
 * One file failed to decrypt. The store turns this into quarantine, exactly as
 * it does for a file that is not valid JSON; the message is what the user reads
 * in the quarantine note, so it says what happened without any file content.
 */
export class EncryptedFileError extends Error {
  constructor(readonly reason: EncryptedFileReason) {
    super(REASON_TEXT[reason]);
    this.name = 'EncryptedFileError';
  }
}

export const WRONG_PASSPHRASE_MESSAGE = 'The passphrase is wrong. Nothing was changed.';

/**
 * The passphrase did not unwrap the data key. A subclass, so the app can tell it
 * from other bad input with `instanceof` while every transport still sees the
 * ordinary `bad_input` code.
 */
export class WrongPassphraseError extends ServiceError {
  constructor() {
    super('bad_input', WRONG_PASSPHRASE_MESSAGE);
    this.name = 'WrongPassphraseError';
  }
}

/** Where a lost or damaged vault.json comes back from: the copy taken out with the backups. */
export const VAULT_COPY_HINT = 'Copy vault.json back from your backup set on another drive (Settings → Backups → "Copy to another drive…", or "casefile backup --copy-to DIR", writes one)';
