// Work done item by item in a worker (each annotation's quote looked for in its source),
// bounded per item and in all: the worker reports before each item; one that runs past
// `oneMs` is stopped with its worker, left undone, and a fresh worker goes on with the next;
// once `allMs` is spent the rest are left undone. The caller decides what undone means.

import { limits as currentLimits } from './limits';
import type { PerItemOutput } from './anchorJob';
import { LimitError, type JobOptions } from './runJob';

export type PerItemRun<R> = (start: number, budgetMs: number, onProgress: (k: number) => void) => Promise<PerItemOutput<R>>;

export async function boundedPerItem<R>(count: number, limits: { allMs: number; oneMs: number }, run: PerItemRun<R>): Promise<{ results: Map<number, R>; undone: Set<number> }> {
  const results = new Map<number, R>();
  const undone = new Set<number>();
  const rest = (from: number) => {
    for (let k = from; k < count; k++) undone.add(k);
  };
  const began = Date.now();
  let start = 0;
  while (start < count) {
    const budgetMs = limits.allMs - (Date.now() - began);
    if (budgetMs <= 0) {
      rest(start);
      break;
    }
    let at = start;
    try {
      const out = await run(start, budgetMs, (k) => (at = k));
      for (const [k, r] of out.results) results.set(k, r);
      if (out.stoppedAt !== undefined) rest(out.stoppedAt);
      break;
    } catch (err) {
      if (err instanceof LimitError && err.limit === 'stall') {
        undone.add(at);
        start = at + 1;
      } else if (err instanceof LimitError && err.limit === 'time') {
        rest(at);
        break;
      } else throw err;
    }
  }
  return { results, undone };
}

/**
 * What looking for quotes costs, in units of about 0.07 µs measured here: the search
 * reads the whole source, and longer quotes cost proportionally more (a 3 MB source:
 * 0.2 s for a 20-character quote, 1 s for 2,000 characters, 9 s for 20,000).
 */
export function anchoringCost(items: ReadonlyArray<{ text: string; quote: string }>): number {
  let cost = 0;
  for (const { text, quote } of items) cost += text.length * (1 + quote.length / 500);
  return cost;
}

/** About 75 ms of searching at most: below it the work is done in the calling thread. */
export const INLINE_COST = 1_000_000;

/**
 * How every anchoring job runs in its worker: the worker keeps to `budgetMs` itself,
 * and the deadline is for one stuck past it; a quote that stalls for `anchorOneMs` is
 * stopped alone (boundedPerItem goes on with the next).
 */
export function anchoringJobOptions(budgetMs: number, onProgress: (k: number) => void, signal?: AbortSignal): JobOptions {
  const l = currentLimits();
  return {
    timeoutMs: budgetMs + l.anchorOneMs,
    stallMs: l.anchorOneMs,
    heapMb: l.bundleHeapMb,
    rssGrowthMb: l.bundleRssMb,
    ...(signal ? { signal } : {}),
    onProgress: (k) => onProgress(k as number),
    subject: 'the annotations',
    advice: 'Shorten the quotes, or split the source into smaller ones.',
  };
}
