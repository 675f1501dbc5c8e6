import { checkBriefOperation, renderBriefOperation } from '../briefs/service';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function briefsHandlers(folder: Folder): DomainHandlers<'briefs.render' | 'briefs.check'> {
  return {
    'briefs.render': (input, context) => {
      const { store } = folder.open();
      // The brief reads originals through this one door, never the folder's other powers.
      return renderBriefOperation(store, input, context, (sha256, maxBytes) => store.originals.read(sha256, maxBytes));
    },
    'briefs.check': (input) => checkBriefOperation(folder.open().store, input),
  };
}
