import { extractSourceIsolated } from '../isolation/extractSource';
import { readFolderSettings } from '../settings/folderSettings';
import { intakeSource } from '../sources/intake';
import { readOriginalBytes, rereadSource, sourceLayout } from '../sources/sourceOriginal';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function sourcesHandlers(folder: Folder): DomainHandlers<'sources.extract' | 'sources.intake' | 'sources.original' | 'sources.layout' | 'sources.reread'> {
  return {
    // Nothing of the folder is read; asking for it keeps a locked app from working on files meanwhile.
    'sources.extract': ({ fileName, dataBase64 }, { signal }) => {
      folder.open();
      return extractSourceIsolated(fileName, Buffer.from(dataBase64, 'base64'), signal);
    },
    'sources.intake': async ({ fileName, dataBase64, ...rest }, context) => {
      const { store } = folder.open();
      const settings = await readFolderSettings(store);
      return intakeSource(store.originals, { fileName, bytes: Buffer.from(dataBase64, 'base64'), ...rest }, { ...context, ...(settings.preparedBy ? { addedBy: settings.preparedBy } : {}) });
    },
    'sources.original': ({ caseId, sourceId }) => {
      const { store } = folder.open();
      return readOriginalBytes(store, caseId, sourceId);
    },
    'sources.layout': ({ caseId, sourceId }) => sourceLayout(folder.open().store, caseId, sourceId),
    'sources.reread': ({ caseId, sourceId, ocrLangs }, context) => rereadSource(folder.open().store, caseId, sourceId, context, ocrLangs),
  };
}
