import { extractSourceIsolated } from '../isolation/extractSource';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function sourcesHandlers(folder: Folder): DomainHandlers<'sources.extract'> {
  return {
    // Nothing of the folder is read; asking for it keeps a locked app from working on files meanwhile.
    'sources.extract': ({ fileName, dataBase64 }, { signal }) => {
      folder.open();
      return extractSourceIsolated(fileName, Buffer.from(dataBase64, 'base64'), signal);
    },
  };
}
