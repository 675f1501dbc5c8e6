// The main thread's side of an import: the bundle file read and checked in one worker,
// its annotations re-anchored in another, each within the limits in limits.ts. The
// thread that answers the window and the HTTP server only waits.

import type { Bundle, CaseDraft } from '../../../shared/model';
import { ServiceError } from '../errors';
import { markAnchored } from '../cases/preanchored';
import { anchorAnnotations, type AnchorItem } from './anchorJob';
import { limits, mib } from './limits';
import { LimitError, runJob } from './runJob';

type Target = NonNullable<CaseDraft['annotations'][number]['target']>;

/**
 * What looking for the quotes costs, in units of about 0.07 µs measured here: the search
 * reads the whole source, and longer quotes cost proportionally more (a 3 MB source:
 * 0.2 s for a 20-character quote, 1 s for 2,000 characters, 9 s for 20,000).
 */
function anchoringCost(sources: string[], items: AnchorItem[]): number {
  let cost = 0;
  for (const { source, target } of items) cost += sources[source]!.length * (1 + target.quote.exact.length / 500);
  return cost;
}

/** About 75 ms of searching at most: below it an import anchors in the calling thread. */
const INLINE_COST = 1_000_000;

const BUNDLE_ADVICE = 'Export the cases again in smaller bundles (a few cases each), or check that this is a bundle Casefile wrote.';

/** A bundle file's bytes to a validated bundle; a refusal lists the first faults and counts the rest. */
export async function readBundleFile(fileName: string, bytes: Uint8Array, signal?: AbortSignal): Promise<Bundle> {
  const l = limits();
  if (bytes.length > l.bundleBytes) {
    throw new ServiceError('bad_input', `"${fileName}" is ${mib(bytes.length)}; Casefile imports bundles of at most ${mib(l.bundleBytes)}. ${BUNDLE_ADVICE} Nothing was stored.`);
  }
  const out = await runJob(
    'bundle.read',
    { fileName, bytes, maxDepth: l.bundleDepth, listed: l.listedIssues },
    { timeoutMs: l.bundleMs, heapMb: l.bundleHeapMb, rssGrowthMb: l.bundleRssMb, ...(signal ? { signal } : {}), subject: `"${fileName}"`, advice: BUNDLE_ADVICE },
  );
  if ('issues' in out) throw new ServiceError('bad_input', `"${fileName}" was refused; nothing was stored.`, out.issues);
  return out.bundle;
}

/**
 * Every annotation of the bundle looked for in its source, in a worker: one that takes
 * longer than `anchorOneMs` is stopped (the worker is replaced and goes on with the
 * next), and once `anchorAllMs` is spent the rest keep their quote unplaced. Either way
 * they are stored as the bundle gave them, and show as orphaned, to re-attach by hand.
 */
export async function anchorBundle(bundle: Bundle, signal?: AbortSignal): Promise<Bundle> {
  return { ...bundle, cases: await anchorCases(bundle.cases, signal) };
}

/** anchorBundle for cases on their own (a case created or saved): the same bounds, the same marking. */
export async function anchorCases(given: readonly CaseDraft[], signal?: AbortSignal): Promise<CaseDraft[]> {
  const l = limits();
  const sources: string[] = [];
  const items: AnchorItem[] = [];
  const where: Array<[number, number]> = [];
  given.forEach((c, ci) => {
    const own = new Map<string, number>();
    for (const s of c.sources) if (s.id !== undefined) own.set(s.id, sources.push(s.text) - 1);
    c.annotations.forEach((a, ai) => {
      const source = a.sourceId === undefined ? undefined : own.get(a.sourceId);
      if (!a.target || source === undefined) return;
      items.push({ source, target: a.target });
      where.push([ci, ai]);
    });
  });

  const changed = new Map<number, Target>();
  const began = Date.now();
  let start = 0;
  if (anchoringCost(sources, items) <= INLINE_COST) {
    // Small work (the common import) is cheaper here than a worker's start, and bounded by the estimate.
    for (const [k, target] of anchorAnnotations({ sources, items, start: 0, budgetMs: Infinity }, () => undefined).changed) changed.set(k, target);
    start = items.length;
  }
  while (start < items.length) {
    const budgetMs = l.anchorAllMs - (Date.now() - began);
    if (budgetMs <= 0) break;
    let at = start;
    try {
      const out = await runJob(
        'bundle.anchor',
        { sources, items, start, budgetMs },
        {
          // The worker keeps to the budget itself; the deadline is for one stuck past it.
          timeoutMs: budgetMs + l.anchorOneMs,
          stallMs: l.anchorOneMs,
          heapMb: l.bundleHeapMb,
          rssGrowthMb: l.bundleRssMb,
          ...(signal ? { signal } : {}),
          onProgress: (k) => (at = k as number),
          subject: 'the annotations of this bundle',
          advice: BUNDLE_ADVICE,
        },
      );
      for (const [k, target] of out.changed) changed.set(k, target);
      break;
    } catch (err) {
      // One annotation too slow to place: leave it, go on with the next in a fresh worker.
      if (err instanceof LimitError && err.limit === 'stall') start = at + 1;
      else if (err instanceof LimitError && err.limit === 'time') break;
      else throw err;
    }
  }

  const byCase = new Map<number, Map<number, Target>>();
  for (const [k, target] of changed) {
    const [ci, ai] = where[k]!;
    if (!byCase.has(ci)) byCase.set(ci, new Map());
    byCase.get(ci)!.set(ai, target);
  }
  const cases = given.map((c, ci) => {
    const targets = byCase.get(ci);
    return markAnchored(targets ? { ...c, annotations: c.annotations.map((a, ai) => (targets.has(ai) ? { ...a, target: targets.get(ai)! } : a)) } : c);
  });
  return cases;
}
