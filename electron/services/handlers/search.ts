import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function searchHandlers(folder: Folder): DomainHandlers<'search.query'> {
  return { 'search.query': (query) => folder.open().search.query(query) };
}
