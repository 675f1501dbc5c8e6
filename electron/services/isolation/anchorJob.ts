// The worker's half of placing annotations: each annotation's quote looked for in its
// source's text, with a report before each one (perItem.ts stops one that runs too long)
// and a budget for all of them together.

import { annotationStates, type AnnotationState, type Annotation, type Source } from '../../../shared/model';
import { anchor, updateTarget } from '../../../shared/text/anchor';
import type { AnnotationTarget } from '../../../shared/model';

/** What a per-item job sends back (see perItem.ts); defined with the jobs, so the worker's side imports nothing of the caller's. */
export type PerItemOutput<R> = {
  results: Array<[number, R]>;
  /** Where the worker's own budget ran out: this item and those after it were not done. */
  stoppedAt?: number;
};

export type AnchorItem = { source: number; target: AnnotationTarget };
export type AnchorInput = {
  sources: string[];
  items: AnchorItem[];
  /** The first item to look at (those before were done by an earlier worker, or skipped). */
  start: number;
  budgetMs: number;
};

/** New targets, as finalizeCase's reanchorCase would store them, for the items whose target changed. */
export function anchorAnnotations(input: AnchorInput, report: (at: number) => void): PerItemOutput<AnnotationTarget> {
  const began = performance.now();
  const results: Array<[number, AnnotationTarget]> = [];
  for (let k = input.start; k < input.items.length; k++) {
    if (performance.now() - began > input.budgetMs) return { results, stoppedAt: k };
    report(k);
    const { source, target } = input.items[k]!;
    const text = input.sources[source]!;
    const next = updateTarget(text, target, anchor(text, target));
    if (next !== target) results.push([k, next]);
  }
  return { results };
}

export type StatesInput = { sources: Source[]; annotations: Annotation[]; start: number; budgetMs: number };

/** annotationStates, one annotation at a time. */
export function statesOneByOne(input: StatesInput, report: (at: number) => void): PerItemOutput<AnnotationState> {
  const began = performance.now();
  const results: Array<[number, AnnotationState]> = [];
  for (let k = input.start; k < input.annotations.length; k++) {
    if (performance.now() - began > input.budgetMs) return { results, stoppedAt: k };
    report(k);
    results.push([k, annotationStates({ sources: input.sources, annotations: [input.annotations[k]!] })[0]!]);
  }
  return { results };
}
