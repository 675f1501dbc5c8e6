import { Notification } from 'electron';
import type { ShellLanguage } from '../../shared/shellCommands';
import { formatCalendarDate, localToday } from '../../shared/text/dates';
import type { Dispatch } from '../services/dispatch';

// Desktop notifications the day before and the day of each deadline, hearing and
// follow-up. The core decides what is due and remembers what was told (calendar.due);
// the shell only asks now and then and shows what comes back. On unless the user
// turned them off in Settings → Calendar.

const EVERY_MS = 15 * 60_000;

/** Starts asking; returns the stop. A locked folder or any refusal just means nothing is shown this time. */
export function startDueNotifications(dispatch: Dispatch, language: () => ShellLanguage): () => void {
  if (!Notification.isSupported()) return () => undefined;
  const check = async () => {
    const settings = await dispatch('calendar.settings', {});
    if (!settings.ok || settings.value.notify === false) return;
    const due = await dispatch('calendar.due', { today: formatCalendarDate(localToday()), lang: language() });
    if (!due.ok) return;
    for (const notice of due.value) new Notification({ title: notice.title, body: notice.body }).show();
  };
  const run = () => void check().catch((err: unknown) => console.warn(`Deadline notifications: ${(err as Error).message}`));
  run();
  const timer = setInterval(run, EVERY_MS);
  return () => clearInterval(timer);
}
