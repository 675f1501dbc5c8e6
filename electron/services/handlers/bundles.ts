import { anchorBundle, readBundleFile } from '../isolation/importFile';
import { throwIfCancelled } from '../callContext';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function bundlesHandlers(folder: Folder): DomainHandlers<'bundle.import' | 'bundle.export'> {
  return {
    'bundle.import': async ({ bundle, file, onConflict }, { signal }) => {
      const { store } = folder.open();
      const given = bundle ?? (await readBundleFile(file!.fileName, Buffer.from(file!.dataBase64, 'base64'), signal));
      const anchored = await anchorBundle(given, signal);
      // The last point where nothing is written yet; once the store's import starts it finishes or rolls back whole.
      throwIfCancelled(signal, 'The import');
      return store.importBundle(anchored, onConflict);
    },
    'bundle.export': ({ ids, history }) => folder.open().store.exportBundle(ids, { history }),
  };
}
