import { agendaRows, parseIsoDay } from '../../../shared/model';
import { formatCalendarDate, localToday } from '../../../shared/text/dates';
import { dueNotices, patchedSettings, readCalendarSettings, readTold, rememberTold, storeCalendar, subscriptionPath, writeCalendarSettings, writeSubscription } from '../calendar';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function calendarHandlers(folder: Folder): DomainHandlers<'calendar.export' | 'calendar.settings' | 'calendar.setSettings' | 'calendar.due'> {
  const state = async (dataDir: string) => {
    const settings = await readCalendarSettings(dataDir);
    const file = subscriptionPath(settings);
    return { ...settings, ...(file !== undefined ? { file } : {}) };
  };
  return {
    'calendar.export': (input) => storeCalendar(folder.open().store, input),
    'calendar.settings': () => state(folder.open().store.dataDir),
    'calendar.setSettings': async (patch) => {
      const { store } = folder.open();
      const next = patchedSettings(await readCalendarSettings(store.dataDir), patch);
      // The file first, so the user can subscribe to it at once; a folder that cannot take it is refused before anything is saved.
      await writeSubscription(store, next);
      await writeCalendarSettings(store.dataDir, next);
      return state(store.dataDir);
    },
    'calendar.due': async ({ today, lang }) => {
      const { store } = folder.open();
      const day = (today && parseIsoDay(today)) || localToday();
      const iso = formatCalendarDate(day);
      const told = await readTold(store.dataDir);
      const notices = dueNotices(agendaRows(await store.openItems(), day), iso, told, lang);
      await rememberTold(store.dataDir, iso, told, notices);
      return notices;
    },
  };
}
