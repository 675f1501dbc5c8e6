import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/errors';
import { errorText } from './errorText';

/** `errorText` bound to the current language, for components. */
export function useErrorText(): (error: Pick<ApiError, 'code' | 'message'>) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error) => errorText(t, i18n.language, error), [t, i18n.language]);
}
