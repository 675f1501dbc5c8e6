import { useSyncExternalStore } from 'react';

// The view lives in the URL hash (#/case/<id>, #/trash, #/settings) so a reload
// returns to it. api.ts has already taken the session token out of the hash.

export type Route =
  | { name: 'list' }
  | { name: 'case'; id: string }
  | { name: 'trash' }
  | { name: 'agenda' }
  | { name: 'conflicts' }
  | { name: 'statistics' }
  | { name: 'people' }
  | { name: 'actor'; key: string }
  | { name: 'settings'; section?: SettingsSection };

/** Settings sections a link can go straight to (#/settings/encryption). */
export type SettingsSection = 'encryption' | 'backups' | 'team';

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const caseMatch = /^\/case\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (caseMatch) return { name: 'case', id: caseMatch[1]! };
  if (path === '/trash') return { name: 'trash' };
  if (path === '/deadlines') return { name: 'agenda' };
  if (path === '/conflicts') return { name: 'conflicts' };
  if (path === '/statistics') return { name: 'statistics' };
  if (path === '/people') return { name: 'people' };
  const actorMatch = /^\/people\/(.+)$/.exec(path);
  if (actorMatch) {
    try {
      return { name: 'actor', key: decodeURIComponent(actorMatch[1]!) };
    } catch {
      return { name: 'people' };
    }
  }
  if (path === '/settings') return { name: 'settings' };
  if (path === '/settings/encryption' || path === '/settings/backups' || path === '/settings/team') return { name: 'settings', section: path.slice('/settings/'.length) as SettingsSection };
  return { name: 'list' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'case':
      return `#/case/${route.id}`;
    case 'trash':
      return '#/trash';
    case 'agenda':
      return '#/deadlines';
    case 'conflicts':
      return '#/conflicts';
    case 'statistics':
      return '#/statistics';
    case 'people':
      return '#/people';
    case 'actor':
      return `#/people/${encodeURIComponent(route.key)}`;
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
