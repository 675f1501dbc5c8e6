import type { CaseDraft } from './case';

export type PathSegment = string | number;
export type Issue = { path: PathSegment[]; message: string };

/**
 * Checks what a schema cannot see: ids unique within a case and every reference
 * pointing at something that exists. Works on drafts (ids may be absent) and on
 * stored cases alike.
 */
export function checkReferences(c: CaseDraft): Issue[] {
  const issues: Issue[] = [];
  const lists = ['events', 'sources', 'annotations', 'deadlines', 'advocacy', 'requests', 'decisions'] as const;
  for (const list of lists) {
    const seen = new Set<string>();
    const items: readonly { id?: string | undefined }[] = list === 'decisions' ? (c.kind === 'political_prisoner' ? c.decisions : []) : c[list];
    items.forEach((item, i) => {
      if (item.id === undefined) return;
      if (seen.has(item.id)) issues.push({ path: [list, i, 'id'], message: `duplicate id "${item.id}" in ${list}` });
      seen.add(item.id);
    });
  }
  const sourceIds = new Set(c.sources.flatMap((s) => (s.id === undefined ? [] : [s.id])));
  c.events.forEach((e, i) =>
    (e.sourceIds ?? []).forEach((sid, j) => {
      if (!sourceIds.has(sid)) issues.push({ path: ['events', i, 'sourceIds', j], message: `no source with id "${sid}" in this case` });
    }),
  );
  c.annotations.forEach((a, i) => {
    if (a.sourceId !== undefined && !sourceIds.has(a.sourceId)) {
      issues.push({ path: ['annotations', i, 'sourceId'], message: `no source with id "${a.sourceId}" in this case` });
    }
    if (a.target && a.sourceId === undefined) {
      issues.push({ path: ['annotations', i, 'target'], message: 'a target needs a sourceId to point into' });
    }
    const region = a.target?.region;
    if (region && (region.x + region.w > 1 || region.y + region.h > 1)) {
      issues.push({ path: ['annotations', i, 'target', 'region'], message: 'expected a rectangle inside the page: x + w and y + h at most 1' });
    }
  });
  return issues;
}
