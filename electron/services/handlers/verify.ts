import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function verifyHandlers(folder: Folder): DomainHandlers<'store.verify'> {
  return { 'store.verify': () => folder.open().store.verify() };
}
