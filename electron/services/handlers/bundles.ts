import { anchorBundle, readBundleFile } from '../isolation/importFile';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function bundlesHandlers(folder: Folder): DomainHandlers<'bundle.import' | 'bundle.export'> {
  return {
    'bundle.import': async ({ bundle, file, onConflict }, { signal }) => {
      const { store } = folder.open();
      const given = bundle ?? (await readBundleFile(file!.fileName, Buffer.from(file!.dataBase64, 'base64'), signal));
      return store.importBundle(await anchorBundle(given, signal), onConflict);
    },
    'bundle.export': ({ ids, history }) => folder.open().store.exportBundle(ids, { history }),
  };
}
