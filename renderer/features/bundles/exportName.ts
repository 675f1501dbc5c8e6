import { formatCalendarDate, localToday, type CalendarDate } from '../../../shared/text/dates';

/** `casefile-export-YYYY-MM-DD.casefile.json`, dated by the local day. */
export function exportFileName(today: CalendarDate = localToday()): string {
  return `casefile-export-${formatCalendarDate(today)}.casefile.json`;
}
