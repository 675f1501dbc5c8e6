// Drafts whose annotations were already re-anchored off the main thread (an import's
// worker), so finalizeCase does not search again, on the thread that answers the window,
// for quotes the worker gave up on.

import type { CaseDraft } from '../../../shared/model';

const anchored = new WeakSet<object>();

export function markAnchored(draft: CaseDraft): CaseDraft {
  anchored.add(draft);
  return draft;
}

export function isAnchored(draft: CaseDraft): boolean {
  return anchored.has(draft);
}
