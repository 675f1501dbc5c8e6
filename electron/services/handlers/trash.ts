import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function trashHandlers(folder: Folder): DomainHandlers<'cases.trash' | 'cases.restore' | 'trash.list'> {
  return {
    'cases.trash': ({ id }) => folder.open().store.trash(id),
    'cases.restore': ({ id }) => folder.open().store.restore(id),
    'trash.list': () => folder.open().store.listTrash(),
  };
}
