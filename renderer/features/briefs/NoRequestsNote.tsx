import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../shared/model';

/**
 * Briefs print the case's own requests and never write any of their own, so a case
 * without requests gets a brief without that section: say so before it is made.
 */
export function NoRequestsNote({ c }: { c: Pick<CaseFile, 'requests'> | null }) {
  const { t } = useTranslation();
  if (!c || c.requests.length > 0) return null;
  return (
    <p className="field-hint brief-no-requests" role="note">
      {t('briefs.noRequests')}
    </p>
  );
}
