import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import type { AgendaItem, CaseFile } from '../../../shared/model';
import { agendaItems } from '../../../shared/model';
import type { CalendarExport, CalendarRequest } from '../../../shared/calendar';
import { partialDateEnd } from '../../../shared/text/dates';
import { CALENDAR_STRINGS } from './strings';

// Open agenda items as all-day iCalendar events. The model holds no time of day, so
// every event is all-day; a partial date stands on its period's last day (when it is
// due by) with a note. UIDs come from the case and item ids only, hashed so that an id
// typed as a name does not reach the file, and stable so a calendar app updates its
// event instead of adding a second one.

export type CalendarCase = Pick<CaseFile, 'id' | 'title' | 'deadlines' | 'events' | 'advocacy'>;

/** An item is confidential when the user marked its deadline, event or advocacy action so. */
function confidentialIds(c: CalendarCase): Set<string> {
  const ids = new Set<string>();
  for (const d of c.deadlines) if (d.confidential) ids.add(d.id);
  for (const e of c.events) if (e.confidential) ids.add(e.id);
  for (const a of c.advocacy) if (a.confidential) ids.add(a.id);
  return ids;
}

const eventUid = (caseId: string, item: Pick<AgendaItem, 'kind' | 'id'>): string =>
  `${createHash('sha256').update(`${caseId}\n${item.kind}\n${item.id}`).digest('hex').slice(0, 32)}@casefile`;

export function calendarText(cases: readonly CalendarCase[], options: Omit<CalendarRequest, 'caseId'>): CalendarExport {
  const text = CALENDAR_STRINGS[options.lang];
  const cal = ical({ name: text.calendarName, prodId: { company: 'Casefile', product: 'Casefile', language: options.lang.toUpperCase() } });
  let events = 0;
  for (const c of cases) {
    const confidential = confidentialIds(c);
    for (const item of agendaItems(c as CaseFile)) {
      const end = partialDateEnd(item.date);
      if (!end) continue;
      const titled = options.withTitles === true && !confidential.has(item.id);
      const notes = [titled ? text.caseLine(c.title) : text.openCasefile];
      if (item.date.length === 7) notes.push(text.partialMonth(item.date));
      if (item.date.length === 4) notes.push(text.partialYear(item.date));
      cal.createEvent({
        id: eventUid(c.id, item),
        start: new Date(Date.UTC(end.year, end.month - 1, end.day)),
        allDay: true,
        // A fixed stamp: the file changes only when an item does, so a watching app sees no churn.
        stamp: new Date(Date.UTC(end.year, end.month - 1, end.day)),
        summary: titled ? `${text.kind[item.kind]}: ${item.title}` : text.neutral[item.kind],
        description: notes.join('\n'),
      });
      events++;
    }
  }
  return { ics: cal.toString(), events };
}
