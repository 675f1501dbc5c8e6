import { exportTable } from '../tables/exportTable';
import { importTable, previewTable } from '../tables/importTable';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function tablesHandlers(folder: Folder): DomainHandlers<'tables.preview' | 'tables.import' | 'tables.export'> {
  return {
    'tables.preview': (input, { signal }) => previewTable(folder.open().store, input, signal),
    'tables.import': (input, context) => importTable(folder.open().store, input, context),
    'tables.export': (input) => exportTable(folder.open().store, input),
  };
}
