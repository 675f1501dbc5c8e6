import { anchorCases } from '../isolation/importFile';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function casesHandlers(folder: Folder): DomainHandlers<'cases.list' | 'cases.get' | 'cases.create' | 'cases.update'> {
  return {
    'cases.list': (query) => folder.open().store.list(query),
    'cases.get': ({ id }) => folder.open().store.get(id),
    // Annotations are placed (finalizeCase) with the import's bounds: a case holding quotes that cost minutes to look for cannot freeze a save.
    'cases.create': async ({ case: draft }) => {
      const { store } = folder.open();
      return store.create((await anchorCases([draft]))[0]!);
    },
    'cases.update': async ({ id, baseRev, case: draft }) => {
      const { store } = folder.open();
      return store.update(id, baseRev, (await anchorCases([draft]))[0]!);
    },
  };
}
