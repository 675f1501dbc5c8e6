// The main thread's side of an import: the bundle file read and checked in one worker,
// its annotations re-anchored in another, each within the limits in limits.ts. The
// thread that answers the window and the HTTP server only waits.

import type { Bundle, CaseDraft } from '../../../shared/model';
import { ServiceError } from '../errors';
import { markAnchored } from '../cases/preanchored';
import { anchorAnnotations, type AnchorItem } from './anchorJob';
import { limits, mib } from './limits';
import { runJob } from './runJob';
import type { CarriedOriginal } from './containerCheck';
import type { ZipSource } from './zipEntries';
import { anchoringCost, anchoringJobOptions, boundedPerItem, INLINE_COST } from './perItem';

type Target = NonNullable<CaseDraft['annotations'][number]['target']>;

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

  const cost = anchoringCost(items.map(({ source, target }) => ({ text: sources[source]!, quote: target.quote.exact })));
  // Small work (the common import or save) is cheaper here than a worker's start, and bounded by the estimate.
  const { results: changed } =
    cost <= INLINE_COST
      ? { results: new Map(anchorAnnotations({ sources, items, start: 0, budgetMs: Infinity }, () => undefined).results) }
      : await boundedPerItem(items.length, { allMs: l.anchorAllMs, oneMs: l.anchorOneMs }, (start, budgetMs, onProgress) =>
          runJob('bundle.anchor', { sources, items, start, budgetMs }, anchoringJobOptions(budgetMs, onProgress, signal)),
        );

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

const CONTAINER_ADVICE = 'Export the cases again in smaller bundles, or check that this is a bundle Casefile wrote.';

/** A bundle with originals checked whole in a worker (containerCheck.ts); a refusal says what and why, or lists bundle.json's faults. */
export async function readContainer(fileName: string, from: ZipSource, signal?: AbortSignal): Promise<{ bundle: Bundle; carried: CarriedOriginal[] }> {
  const l = limits();
  const out = await runJob(
    'bundle.container',
    { from, fileName, maxDepth: l.bundleDepth, listed: l.listedIssues, bundleBytes: l.bundleBytes, totalBytes: l.containerBytes, ratio: l.containerRatio, tinyBytes: l.containerTinyBytes },
    { timeoutMs: l.containerMs, heapMb: l.bundleHeapMb, rssGrowthMb: l.bundleRssMb, ...(signal ? { signal } : {}), subject: `"${fileName}"`, advice: CONTAINER_ADVICE },
  );
  if ('issues' in out) throw new ServiceError('bad_input', `"${fileName}" was refused; nothing was stored.`, out.issues);
  return out;
}
