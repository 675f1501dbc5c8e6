import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function trashHandlers(folder: Folder): DomainHandlers<'cases.trash' | 'cases.restore' | 'trash.list' | 'trash.purge'> {
  return {
    'cases.trash': ({ id }) => folder.open().store.trash(id),
    'cases.restore': ({ id }) => folder.open().store.restore(id),
    'trash.list': () => folder.open().store.listTrash(),
    'trash.purge': async ({ id, snapshots }, context) => {
      const { store, search } = folder.open();
      const report = await store.purge(id, snapshots ? { snapshots } : {}, context.onProgress, context.signal);
      // The saved search index may still hold the case's words from before it was trashed (when no
      // search ran since): brought up to date and written now, not at the next quiet moment.
      await search.warm();
      await search.save();
      return report;
    },
  };
}
