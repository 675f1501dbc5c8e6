import { caseload } from '../../../shared/stats/caseload';
import type { CaseFile } from '../../../shared/model';
import { throwIfCancelled } from '../callContext';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

// The Statistics view's numbers. Computed here over whole cases, not in the window over the
// list's summaries: the charges' articles, the arrest dates and the decisions are not in them.

export function statsHandlers(folder: Folder): DomainHandlers<'stats.caseload'> {
  return {
    'stats.caseload': async (input, { signal }) => {
      const cases: CaseFile[] = [];
      for await (const c of folder.open().store.all()) {
        throwIfCancelled(signal, 'Counting the caseload');
        cases.push(c);
      }
      return caseload(cases, input);
    },
  };
}
