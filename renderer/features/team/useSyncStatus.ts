import { useEffect } from 'react';
import { api } from '../../api';
import { useOperation } from '../../lib/useOperation';

/** Asked again every this many ms, and only while the window is visible: a hidden window costs Syncthing nothing. */
const EVERY_MS = 15_000;

export function useSyncStatus() {
  const op = useOperation(() => api['team.syncStatus']({}), []);
  const { refresh } = op;
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const start = () => {
      if (timer === null && document.visibilityState === 'visible') timer = setInterval(() => void refresh(), EVERY_MS);
    };
    const stop = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        void refresh();
        start();
      } else stop();
    };
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refresh]);
  return op;
}
