import type { AuditChange, CaseFile } from '../../../shared/model';
import { isJsonObject } from '../../../shared/jsonValue';
import { parseAuditPath, setAt, valueAt } from '../../../shared/history/auditPath';
import { ServiceError } from '../errors';

// A merge field by field: the current version, with each changed path the user gave
// to the copy taken from the copy whole (never from the diff, whose long texts are
// excerpts). A list's reordering (a path that names the list itself) goes first, so
// the picks inside its items still apply on top of it.

export type Picks = Record<string, 'current' | 'copy'>;

/** Top-level differences of two JSON objects, for files that are not cases (settings, address book, vault). */
export function topLevelChanges(current: unknown, copy: unknown): AuditChange[] {
  const a = isJsonObject(current) ? current : {};
  const b = isJsonObject(copy) ? copy : {};
  const out: AuditChange[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    out.push({ path: key, ...(a[key] !== undefined ? { old: a[key] } : {}), ...(b[key] !== undefined ? { new: b[key] } : {}) });
  }
  return out;
}

export function mergeCases(current: CaseFile, copy: CaseFile, changes: readonly AuditChange[], picks: Picks): CaseFile {
  const known = new Set(changes.map((c) => c.path));
  const unknown = Object.keys(picks).filter((p) => !known.has(p));
  if (unknown.length > 0) {
    throw new ServiceError(
      'bad_input',
      `These fields are not among the differences of the two versions: ${unknown.slice(0, 5).join(', ')}. Nothing was written; pick from the paths conflicts.get lists.`,
      unknown.slice(0, 20).map((p) => ({ path: ['picks', p], message: 'expected a path conflicts.get lists as changed' })),
    );
  }
  const merged = structuredClone(current) as unknown as Record<string, unknown>;
  const chosen = changes.filter((c) => picks[c.path] === 'copy');
  const depth = (p: string) => parseAuditPath(p)?.length ?? 0;
  // Shallow paths first: a whole list or part taken from the copy, then the fields inside it.
  for (const change of [...chosen].sort((a, b) => depth(a.path) - depth(b.path))) {
    const segs = parseAuditPath(change.path);
    if (!segs) continue;
    const value = valueAt(copy, segs);
    setAt(merged, segs, value === undefined ? undefined : structuredClone(value));
  }
  return merged as unknown as CaseFile;
}
