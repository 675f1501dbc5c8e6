import { z } from 'zod';
import { AgendaKind, IsoDay } from './model/agenda';
import { BriefLang } from './model/brief';
import { Id } from './model/scalars';

// Deadlines in the user's calendar: an .ics export, a subscription file the app keeps
// current in a folder the user picks, and desktop notifications the day before and the
// day of. Titles are neutral unless asked for: a calendar file leaves the case folder
// (calendar apps sync to their cloud), and a notification shows on a locked screen.

export const CalendarRequest = z.strictObject({
  /** One case's items; absent: every case's. */
  caseId: Id.optional(),
  /** Item and case titles instead of neutral ones; items marked confidential stay neutral even then. */
  withTitles: z.boolean().optional(),
  /** The language of neutral titles and notes. */
  lang: BriefLang.default('en'),
});
export type CalendarRequest = z.infer<typeof CalendarRequest>;

export const CalendarExport = z.strictObject({
  /** The iCalendar text (RFC 5545). */
  ics: z.string(),
  events: z.int().min(0),
});
export type CalendarExport = z.infer<typeof CalendarExport>;

/** An absolute folder path (Windows or POSIX), as the folder picker gives it or the user types it. */
const CalendarFolder = z
  .string()
  .max(4096)
  .refine((v) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v) && !v.includes('\0'), { error: 'expected an absolute folder path (/home/… or C:\\…)' });

/** Kept machine-local (local/calendar.json): another laptop's folders are not this one's. */
export const CalendarSettings = z.strictObject({
  /** Where casefile-deadlines.ics is kept current; absent: no subscription file. */
  folder: CalendarFolder.optional(),
  withTitles: z.boolean().default(false),
  lang: BriefLang.default('en'),
  /** Desktop notifications; absent: the door's default (on in the desktop app, off in browser mode). */
  notify: z.boolean().optional(),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

export const CalendarSettingsPatch = z.strictObject({
  /** null stops keeping the subscription file (the file itself is left where it is). */
  folder: CalendarFolder.nullable().optional(),
  withTitles: z.boolean().optional(),
  lang: BriefLang.optional(),
  notify: z.boolean().optional(),
});
export type CalendarSettingsPatch = z.infer<typeof CalendarSettingsPatch>;

export const CalendarSettingsState = CalendarSettings.extend({
  /** The subscription file's full path, when there is one. */
  file: z.string().optional(),
});
export type CalendarSettingsState = z.infer<typeof CalendarSettingsState>;

export const DueQuery = z
  .strictObject({
    /** The local day to judge against; absent: the server's today. */
    today: IsoDay.optional(),
    lang: BriefLang.default('en'),
  })
  .default({ lang: 'en' });

/** One desktop notification to show now: each item is told once per day. */
export const DueNotice = z.strictObject({
  caseId: Id,
  id: Id,
  kind: AgendaKind,
  dueBy: IsoDay,
  when: z.enum(['today', 'tomorrow']),
  /** Neutral (no name, no title): the notification may show on a locked screen. */
  title: z.string(),
  body: z.string(),
});
export type DueNotice = z.infer<typeof DueNotice>;
