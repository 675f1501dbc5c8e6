import { useTranslation } from 'react-i18next';

function LockIcon() {
  return (
    <svg className="icon-lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z" fill="currentColor" />
    </svg>
  );
}

/** The mark every confidential field and item carries: a lock and the word. */
export function ConfidentialBadge({ always }: { always?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="badge-confidential" title={always ? t('confidential.alwaysHint') : t('confidential.hint')}>
      <LockIcon />
      {t('confidential.label')}
    </span>
  );
}
