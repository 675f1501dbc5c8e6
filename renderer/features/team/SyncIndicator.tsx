import { useTranslation } from 'react-i18next';
import { indicatorShown, syncStateText } from './syncText';
import { useSyncStatus } from './useSyncStatus';
import './team.css';

// The header's word on the data folder's sync: shared or not, up to date, syncing with how
// much left, paused, conflicts. A link to Settings → Team, where the details are.

export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { value } = useSyncStatus();
  if (!indicatorShown(value)) return null;
  const text = syncStateText(t, value, i18n.language);
  return (
    <a className={`sync-indicator sync-${value.state}${value.conflicts > 0 ? ' sync-conflicts' : ''}`} href="#/settings/team" data-testid="sync-indicator" aria-label={t('team.indicator', { state: text })}>
      {text}
    </a>
  );
}
