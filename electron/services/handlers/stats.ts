import { caseload } from '../../../shared/stats/caseload';
import { caseFactsOf } from '../people';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

// The Statistics view's numbers, counted over every case's facts (people/caseFacts.ts: the
// charges' articles, the arrest dates and the penalty in force, which the list's summaries
// do not hold), kept by the core between runs: no whole case is read unless it changed.

export function statsHandlers(folder: Folder): DomainHandlers<'stats.caseload'> {
  return {
    'stats.caseload': async (input, context) => caseload(await caseFactsOf(folder.open().store).stats(context), input),
  };
}
