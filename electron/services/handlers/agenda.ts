import { agendaRows, parseIsoDay } from '../../../shared/model';
import { localToday } from '../../../shared/text/dates';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function agendaHandlers(folder: Folder): DomainHandlers<'agenda.list'> {
  return {
    'agenda.list': async ({ today }) => {
      const { store } = folder.open();
      return agendaRows(await store.openItems(), (today && parseIsoDay(today)) || localToday());
    },
  };
}
