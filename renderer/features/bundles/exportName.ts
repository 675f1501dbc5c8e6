import { formatCalendarDate, localToday, type CalendarDate } from '../../../shared/text/dates';
import { friendlyFileName } from '../../../shared/text/fileName';

/** What an export holds: one case (named by its person or organisation), several, or all. */
export type ExportScope = { subject: string } | { count: number } | 'all';

/**
 * `kenzhebek-abishev-2026-12-06.casefile.json` for one case, `3-cases-…` for a selection,
 * `casefile-export-…` for everything; dated by the local day, ASCII like a brief's name.
 */
export function exportFileName(scope: ExportScope = 'all', today: CalendarDate = localToday()): string {
  const subject = scope === 'all' ? 'casefile export' : 'subject' in scope ? scope.subject : `${scope.count} ${scope.count === 1 ? 'case' : 'cases'}`;
  return friendlyFileName({ subject, tail: [formatCalendarDate(today)], ext: 'casefile.json', fallback: 'casefile export' });
}
