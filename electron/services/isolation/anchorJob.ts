// The worker's half of re-anchoring an import: each annotation's quote looked for in its
// source's text, as finalizeCase would, with a heartbeat before each one so the main
// thread can stop one that runs too long, and a budget for all of them together.

import { anchor, updateTarget } from '../../../shared/text/anchor';
import type { AnnotationTarget } from '../../../shared/model';

export type AnchorItem = { source: number; target: AnnotationTarget };
export type AnchorInput = {
  sources: string[];
  items: AnchorItem[];
  /** The first item to look at (those before were done by an earlier worker, or skipped). */
  start: number;
  budgetMs: number;
};
export type AnchorOutput = {
  /** Items whose target changed, with the new target. */
  changed: Array<[number, AnnotationTarget]>;
  /** Where the budget ran out: this item and those after it were not looked for. */
  stoppedAt?: number;
};

export function anchorAnnotations(input: AnchorInput, report: (at: number) => void): AnchorOutput {
  const began = performance.now();
  const changed: AnchorOutput['changed'] = [];
  for (let k = input.start; k < input.items.length; k++) {
    if (performance.now() - began > input.budgetMs) return { changed, stoppedAt: k };
    report(k);
    const { source, target } = input.items[k]!;
    const text = input.sources[source]!;
    const next = updateTarget(text, target, anchor(text, target));
    if (next !== target) changed.push([k, next]);
  }
  return { changed };
}
