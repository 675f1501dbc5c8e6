import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/errors';

// What a failed vault operation says, in the user's language. The server's own
// message is English and meant for logs and the command line; the code says
// what happened, and the operation says what it means here. Only an error no
// code explains (a bug) shows the server's words, as a detail.

export type VaultAction = 'unlock' | 'encrypt' | 'decrypt' | 'change' | 'idle' | 'lock';

export function vaultErrorText(t: TFunction, action: VaultAction, error: Pick<ApiError, 'code' | 'message'>): string {
  switch (error.code) {
    case 'bad_input':
      // Each form checks its fields first, so what the server still refuses is the passphrase.
      if (action === 'unlock' || action === 'decrypt') return t('vaultError.wrongPassphrase');
      if (action === 'change') return t('vaultError.wrongCurrent');
      if (action === 'encrypt') return t('vaultError.newRefused');
      return t('vaultError.refused');
    case 'io':
      return t('vaultError.disk');
    case 'encrypted':
      return t('vaultError.locked');
    case 'locked':
      return t('vaultError.inUse');
    case 'conflict':
      return t('vaultError.alreadyEncrypted');
    case 'not_found':
      return t('vaultError.vaultMissing');
    case 'unsupported':
      return t('vaultError.newer');
    default:
      return t('vaultError.other', { message: error.message });
  }
}
