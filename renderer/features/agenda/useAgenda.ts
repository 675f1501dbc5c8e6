import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { ApiError } from '../../../shared/errors';
import type { AgendaRow } from '../../../shared/model';
import { formatCalendarDate, localToday } from '../../../shared/text/dates';

/** Sent on window by views outside the app shell's change tracking (the welcome's import). */
export const CASES_CHANGED_EVENT = 'casefile:cases-changed';

/** The agenda judged against this computer's local today (not the server's). */
export function useAgenda(version: number) {
  const [rows, setRows] = useState<AgendaRow[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    const result = await api['agenda.list']({ today: formatCalendarDate(localToday()) });
    if (result.ok) {
      setRows(result.value);
      setError(null);
    } else setError(result.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load, version]);
  useEffect(() => {
    const reload = () => void load();
    window.addEventListener(CASES_CHANGED_EVENT, reload);
    return () => window.removeEventListener(CASES_CHANGED_EVENT, reload);
  }, [load]);
  return { rows, error, load };
}
