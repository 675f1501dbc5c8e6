import type { AgendaKind } from '../../../shared/model';
import type { BriefLang } from '../../../shared/model/brief';

// What the calendar file and the notifications say, in the user's language. Neutral
// titles name no person and no case: the file goes to a calendar app (and its cloud),
// a notification shows on a locked screen.

type Strings = {
  neutral: Record<AgendaKind, string>;
  kind: Record<AgendaKind, string>;
  calendarName: string;
  openCasefile: string;
  caseLine: (title: string) => string;
  partialMonth: (date: string) => string;
  partialYear: (date: string) => string;
  today: (kind: string) => string;
  tomorrow: (kind: string) => string;
};

export const CALENDAR_STRINGS: Record<BriefLang, Strings> = {
  en: {
    neutral: { deadline: 'Casefile deadline', hearing: 'Casefile hearing', followUp: 'Casefile follow-up' },
    kind: { deadline: 'Deadline', hearing: 'Hearing', followUp: 'Follow-up' },
    calendarName: 'Casefile deadlines',
    openCasefile: 'Open Casefile to see what is due.',
    caseLine: (title) => `Case: ${title}`,
    partialMonth: (date) => `The date is known only to the month (${date}): this is its last possible day.`,
    partialYear: (date) => `The date is known only to the year (${date}): this is its last possible day.`,
    today: (kind) => `${kind} today. Open Casefile to see which.`,
    tomorrow: (kind) => `${kind} tomorrow. Open Casefile to see which.`,
  },
  ru: {
    neutral: { deadline: 'Срок Casefile', hearing: 'Заседание Casefile', followUp: 'Напоминание Casefile' },
    kind: { deadline: 'Срок', hearing: 'Заседание', followUp: 'Напоминание' },
    calendarName: 'Сроки Casefile',
    openCasefile: 'Откройте Casefile, чтобы увидеть, что предстоит.',
    caseLine: (title) => `Дело: ${title}`,
    partialMonth: (date) => `Дата известна только с точностью до месяца (${date}): указан последний возможный день.`,
    partialYear: (date) => `Дата известна только с точностью до года (${date}): указан последний возможный день.`,
    today: (kind) => `${kind} — сегодня. Подробности в Casefile.`,
    tomorrow: (kind) => `${kind} — завтра. Подробности в Casefile.`,
  },
  kk: {
    neutral: { deadline: 'Casefile мерзімі', hearing: 'Casefile отырысы', followUp: 'Casefile еске салуы' },
    kind: { deadline: 'Мерзім', hearing: 'Сот отырысы', followUp: 'Еске салу' },
    calendarName: 'Casefile мерзімдері',
    openCasefile: 'Не күтіп тұрғанын көру үшін Casefile-ды ашыңыз.',
    caseLine: (title) => `Іс: ${title}`,
    partialMonth: (date) => `Күні тек айы бойынша белгілі (${date}): мүмкін болатын соңғы күні көрсетілген.`,
    partialYear: (date) => `Күні тек жылы бойынша белгілі (${date}): мүмкін болатын соңғы күні көрсетілген.`,
    today: (kind) => `${kind} — бүгін. Толығырақ Casefile-да.`,
    tomorrow: (kind) => `${kind} — ертең. Толығырақ Casefile-да.`,
  },
};
