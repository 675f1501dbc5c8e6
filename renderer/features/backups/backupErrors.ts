import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/errors';

// What a failed backup operation says, in the user's language (the server's
// message is English, for logs and the command line). Only an error no code
// explains shows the server's words, as a detail.

export type BackupAction = 'create' | 'list' | 'restore' | 'recover' | 'copy';

export function backupErrorText(t: TFunction, action: BackupAction, error: Pick<ApiError, 'code' | 'message'>): string {
  // The desktop app writes only where its own folder dialog pointed.
  if (action === 'copy' && error.code === 'bad_input' && /only to a folder chosen/.test(error.message)) return t('backupsError.copyNotChosen');
  if (action === 'copy' && (error.code === 'not_found' || error.code === 'bad_input')) {
    // The destination: not there, relative, or inside the data folder (the service says which).
    return /inside the data folder/.test(error.message) ? t('backupsError.copyInside') : error.code === 'not_found' ? t('backupsError.copyNoFolder') : t('backupsError.copyFullPath');
  }
  switch (error.code) {
    case 'io':
      return action === 'restore' ? t('backupsError.diskRestore') : t('backupsError.disk');
    case 'encrypted':
      return t('backupsError.locked');
    case 'locked':
      return t('backupsError.inUse');
    case 'not_found':
      return action === 'recover' ? t('backupsError.noValidCopy') : t('backupsError.gone');
    case 'conflict':
      return t('backupsError.alreadyThere');
    case 'unsupported':
      return action === 'recover' ? t('backupsError.notACase') : t('backupsError.newer');
    case 'internal':
      // A snapshot that fails its checksum or seal is reported as damaged; anything else is a bug.
      return /damaged/.test(error.message) ? t('backupsError.damaged') : t('backupsError.other', { message: error.message });
    default:
      return t('backupsError.other', { message: error.message });
  }
}
