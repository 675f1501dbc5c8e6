import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/errors';

/**
 * What to tell the user about a failed operation, in the interface's language. The
 * services explain themselves in English, naming the file, the PID, the disk's
 * reason; a Russian or Kazakh reader first gets what happened and what to do in
 * their own language, then those particulars.
 */
export function errorText(t: TFunction, language: string, error: Pick<ApiError, 'code' | 'message'>): string {
  if (language === 'en') return error.message;
  return `${t(`errors.${error.code}`)} ${t('errors.details', { message: error.message })}`;
}
