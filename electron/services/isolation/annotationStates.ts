// annotations.list for any case: where each annotation stands, worked out in a worker
// with the same bounds as placing them (perItem.ts) when the work is more than a glance,
// so a case holding quotes that cost minutes to look for cannot freeze the window.

import { annotationStates, type AnnotationState, type CaseFile } from '../../../shared/model';
import { limits, seconds } from './limits';
import { anchoringCost, anchoringJobOptions, boundedPerItem, INLINE_COST } from './perItem';
import { runJob } from './runJob';

export async function boundedAnnotationStates(c: Pick<CaseFile, 'sources' | 'annotations'>, signal?: AbortSignal): Promise<AnnotationState[]> {
  const texts = new Map(c.sources.map((s) => [s.id, s.text]));
  const work = c.annotations.flatMap((a) => {
    const text = a.sourceId === undefined ? undefined : texts.get(a.sourceId);
    return a.target && text !== undefined ? [{ text, quote: a.target.quote.exact }] : [];
  });
  if (anchoringCost(work) <= INLINE_COST) return annotationStates(c);

  const l = limits();
  const { sources, annotations } = c;
  const { results, undone } = await boundedPerItem(annotations.length, { allMs: l.anchorAllMs, oneMs: l.anchorOneMs }, (start, budgetMs, onProgress) =>
    runJob('annotations.states', { sources, annotations, start, budgetMs }, anchoringJobOptions(budgetMs, onProgress, signal)),
  );
  return annotations.map((a, k) => {
    const found = results.get(k);
    if (found && !undone.has(k)) return found;
    // Not looked for to the end: shown as orphaned (never dropped), with the reason.
    const source = c.sources.find((s) => s.id === a.sourceId);
    return {
      id: a.id,
      body: a.body,
      tags: a.tags,
      confidential: a.confidential,
      sourceId: a.sourceId,
      sourceTitle: source?.title,
      status: 'orphaned' as const,
      quote: a.target?.quote.exact,
      reason: `Its words were not looked for to the end: searching the source took longer than the limit (${seconds(l.anchorOneMs)} for one annotation, ${seconds(l.anchorAllMs)} for all). Shorten the quote, or split the source into smaller ones.`,
    };
  });
}

