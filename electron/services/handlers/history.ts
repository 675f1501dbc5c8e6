import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function historyHandlers(folder: Folder): DomainHandlers<'cases.history'> {
  return { 'cases.history': ({ id }) => folder.open().store.history(id) };
}
