import { readFolderSettings, updateFolderSettings } from '../settings/folderSettings';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function settingsHandlers(folder: Folder): DomainHandlers<'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => readFolderSettings(folder.open().store),
    'settings.set': (patch) => updateFolderSettings(folder.open().store, patch),
  };
}
