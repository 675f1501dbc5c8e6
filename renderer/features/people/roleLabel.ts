import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorRole } from '../../../shared/people';

/** A role's name in the interface language: «суд», «тергеуші», "arresting agency". */
export function useRoleLabel(): (role: ActorRole) => string {
  const { t } = useTranslation();
  return useCallback((role: ActorRole) => t(`people.roles.${role}`), [t]);
}
