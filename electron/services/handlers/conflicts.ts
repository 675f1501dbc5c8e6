import { conflictDetail, resolveConflict, scanConflicts } from '../conflicts/service';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function conflictsHandlers(folder: Folder): DomainHandlers<'conflicts.list' | 'conflicts.get' | 'conflicts.resolve'> {
  return {
    'conflicts.list': () => scanConflicts(folder.open().store),
    'conflicts.get': ({ file }) => conflictDetail(folder.open().store, file),
    'conflicts.resolve': (input) => {
      const { store } = folder.open();
      return resolveConflict({ store, sameDataKey: (key) => store.sameDataKey(key) }, input);
    },
  };
}
