import { createHash, randomUUID } from 'node:crypto';
import { CaseFile, checkReferences, foldedId, reanchorCase, type CaseDraft, type Issue, type PathSegment } from '../../../shared/model';
import { issuesFromZod } from '../../../shared/errors';
import { ServiceError } from '../errors';
import { isAnchored } from './preanchored';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** An id for a part of a case (an event, a source…); a case's own id comes from newCaseId (caseIds), which checks the folder. */
function newId(): string {
  return randomUUID();
}

/** A present sha256 that disagrees with its text means the text was altered in transit. */
export function checksumIssues(draft: CaseDraft, base: PathSegment[] = []): Issue[] {
  return draft.sources.flatMap((s, i) =>
    s.sha256 !== undefined && s.sha256 !== sha256Hex(s.text)
      ? [{ path: [...base, 'sources', i, 'sha256'], message: 'does not match the sha256 of the source text: the text was changed after it was hashed' }]
      : [],
  );
}

function referenceIssues(draft: CaseDraft, base: PathSegment[] = []): Issue[] {
  return checkReferences(draft).map((issue) => ({ ...issue, path: [...base, ...issue.path] }));
}

/**
 * Every fault of a bundle's cases that the schema cannot see: checksums that do not
 * match their text, references to parts a case lacks, and one id used by two cases —
 * also up to case, since `CaseA` and `casea` are one file on Windows and macOS.
 * Cases that are not given (an entry that failed the schema) are passed over, so the
 * faults of the rest can still be listed beside the schema's.
 */
export function bundleIssues(cases: ReadonlyArray<CaseDraft | undefined>, base: PathSegment[] = ['cases']): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, { index: number; id: string }>();
  cases.forEach((c, i) => {
    if (!c) return;
    const at = [...base, i];
    issues.push(...checksumIssues(c, at), ...referenceIssues(c, at));
    if (c.id === undefined) return;
    const first = seen.get(foldedId(c.id));
    if (first === undefined) seen.set(foldedId(c.id), { index: i, id: c.id });
    else if (first.id === c.id) issues.push({ path: [...at, 'id'], message: `the same id as cases[${first.index}]` });
    else {
      issues.push({
        path: [...at, 'id'],
        message: `"${c.id}" differs only by case from cases[${first.index}].id "${first.id}": on Windows and macOS both would be one file. Give one of them another id, or leave its id out and Casefile makes one.`,
      });
    }
  });
  return issues;
}

export type CaseMeta = { id: string; rev: number; createdAt: string; updatedAt: string };

/**
 * Completes a validated draft into the stored form: ids for parts that lack one,
 * checksums recomputed from the text (the app, not the sender, vouches for them),
 * annotations re-anchored in their sources' current text, and the given meta. The
 * result is parsed once more so nothing unchecked is stored.
 */
export function finalizeCase(draft: CaseDraft, meta: CaseMeta): CaseFile {
  const withIds = <T extends { id?: string | undefined }>(items: T[]) => items.map((item) => ({ ...item, id: item.id ?? newId() }));
  const candidate = {
    ...draft,
    ...meta,
    events: withIds(draft.events),
    sources: withIds(draft.sources).map((s) => ({ ...s, sha256: sha256Hex(s.text) })),
    annotations: withIds(draft.annotations),
    deadlines: withIds(draft.deadlines),
    advocacy: withIds(draft.advocacy),
    requests: withIds(draft.requests),
    ...(draft.kind === 'political_prisoner' ? { decisions: withIds(draft.decisions) } : {}),
  };
  const parsed = CaseFile.safeParse(candidate);
  if (!parsed.success) throw new ServiceError('bad_input', 'The case is not valid.', issuesFromZod(parsed.error));
  const refs = checkReferences(parsed.data);
  if (refs.length > 0) throw new ServiceError('bad_input', 'The case refers to parts it does not contain.', refs);
  return isAnchored(draft) ? parsed.data : reanchorCase(parsed.data);
}
