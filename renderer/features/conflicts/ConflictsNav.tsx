import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useConflictsChanged } from '../../lib/events';
import { routeHref, type Route } from '../../lib/router';
import { useOperation } from '../../lib/useOperation';

/** The header's link to the Conflicts view, with how many wait; absent while there are none. */
export function ConflictsNav({ current, version }: { current: Route; version: number }) {
  const { t } = useTranslation();
  const { value, refresh } = useOperation(() => api['conflicts.list']({}), [version]);
  useConflictsChanged(() => void refresh());
  const n = value?.length ?? 0;
  if (n === 0 && current.name !== 'conflicts') return null;
  const active = current.name === 'conflicts';
  return (
    <a className={`nav-link nav-conflicts${active ? ' is-active' : ''}`} href={routeHref({ name: 'conflicts' })} aria-current={active ? 'page' : undefined} aria-label={t('conflicts.navLabel', { n })}>
      {t('conflicts.nav', { n })}
    </a>
  );
}
