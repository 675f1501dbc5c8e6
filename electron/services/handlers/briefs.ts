import { checkBriefOperation, renderBriefOperation } from '../briefs/service';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function briefsHandlers(folder: Folder): DomainHandlers<'briefs.render' | 'briefs.check'> {
  return {
    'briefs.render': (input, context) => renderBriefOperation(folder.open().store, input, context),
    'briefs.check': (input) => checkBriefOperation(folder.open().store, input),
  };
}
