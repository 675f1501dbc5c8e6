import { useEffect } from 'react';
import { api } from '../../api';
import { formatCalendarDate, localToday } from '../../../shared/text/dates';
import { useOperation } from '../../lib/useOperation';

/** Sent on window by views outside the app shell's change tracking (the welcome's import). */
export const CASES_CHANGED_EVENT = 'casefile:cases-changed';

/** The agenda judged against this computer's local today (not the server's). */
export function useAgenda(version: number) {
  const { value: rows, error, refresh: load } = useOperation(() => api['agenda.list']({ today: formatCalendarDate(localToday()) }), [version]);
  useEffect(() => {
    const reload = () => void load();
    window.addEventListener(CASES_CHANGED_EVENT, reload);
    return () => window.removeEventListener(CASES_CHANGED_EVENT, reload);
  }, [load]);
  return { rows, error, load };
}
