import { formatIssue, issuesFromZod } from '../../../../shared/errors';
import { CaseFile, caseFromV1, type AuditChange } from '../../../../shared/model';
import { isJsonObject } from '../../../../shared/jsonValue';
import { diffCases } from '../../audit/diff';
import { canonicalJson } from '../../audit/digest';

// One stored case file as version 2: the pure conversion every bundle shares
// (caseFromV1, with the looser bounds a stored case was saved under), then what
// only a stored case needs — its lists new in version 2, which a stored case has
// no default for (`requests`) — and the stored schema's verdict. The folder's
// migration, `casefile migrate --check` and a recovery from an old snapshot all
// read a case through this, so they cannot disagree about what it becomes.

export type StoredConversion =
  | {
      ok: true;
      /** The case as version 2, at the rev it had (the migration adds the revision). */
      case: CaseFile;
      /** False when the file was version 2 already: nothing to rewrite. */
      changed: boolean;
      /** Each change in words, for people (`migrate --check`). */
      changes: string[];
      /** The same as the history records changes. */
      audit: AuditChange[];
    }
  | { ok: false; faults: string[] };

export function convertStoredCase(raw: unknown): StoredConversion {
  const read = caseFromV1(raw, 'stored');
  if (read.faults.length > 0) return { ok: false, faults: read.faults.map((f) => formatIssue({ path: f.path, message: f.message })) };
  let value = read.value;
  if (isJsonObject(value) && !('requests' in value)) value = { ...value, requests: [] };
  const parsed = CaseFile.safeParse(value);
  if (!parsed.success) return { ok: false, faults: issuesFromZod(parsed.error).slice(0, 10).map(formatIssue) };
  const c = parsed.data;
  const changed = canonicalJson(c) !== canonicalJson(raw);
  const audit = changed ? diffCases(raw as CaseFile, c) : [];
  // Lists and defaults version 2 adds, named once rather than one line each.
  const added = audit.filter((a) => a.old === undefined && Array.isArray(a.new) && a.new.length === 0).map((a) => a.path);
  const changes = [...read.changes, ...(added.length > 0 ? [`${added.join(', ')}: new in version 2, start empty`] : [])];
  return { ok: true, case: c, changed, changes, audit };
}
