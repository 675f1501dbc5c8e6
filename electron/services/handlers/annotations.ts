import { boundedAnnotationStates } from '../isolation/annotationStates';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function annotationsHandlers(folder: Folder): DomainHandlers<'annotations.list'> {
  return {
    'annotations.list': async ({ id }, { signal }) => {
      const { store } = folder.open();
      return boundedAnnotationStates(await store.get(id), signal);
    },
  };
}
