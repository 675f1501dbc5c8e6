import ICAL from 'ical.js';

/** The events of an .ics text as a calendar app reads them (ical.js), sorted by start date. */
export function readIcs(ics: string): Array<{ uid: string; start: string; allDay: boolean; summary: string; description: string }> {
  const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return root
    .getAllSubcomponents('vevent')
    .map((v) => {
      const e = new ICAL.Event(v);
      return { uid: e.uid, start: e.startDate.toString(), allDay: e.startDate.isDate, summary: e.summary, description: e.description };
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.summary < b.summary ? -1 : 1));
}
