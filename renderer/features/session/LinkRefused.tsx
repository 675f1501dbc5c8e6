import { useTranslation } from 'react-i18next';

/**
 * Browser mode opened without a usable link: its one-time ticket was already traded
 * (by this user in another tab, or by someone else first: then they hold the session
 * and Casefile should be restarted), or the page was opened at the bare address.
 */
export function LinkRefused({ why }: { why: 'used' | 'missing' }) {
  const { t } = useTranslation();
  return (
    <main className="page-loading" role="alert">
      <h1>{why === 'used' ? t('session.usedTitle') : t('session.missingTitle')}</h1>
      <p>{why === 'used' ? t('session.usedText') : t('session.missingText')}</p>
      <p>{t('session.newLink')}</p>
    </main>
  );
}
