import { readDevice, setDeviceName } from '../disk/device';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function teamHandlers(folder: Folder): DomainHandlers<'team.device' | 'team.setDeviceName'> {
  return {
    'team.device': () => readDevice(folder.open().store.dataDir),
    'team.setDeviceName': ({ name }) => setDeviceName(folder.open().store.dataDir, name),
  };
}
