import type { ImportReport, OnConflict } from '../../../shared/contract';
import { foldedId, ownValue, type AuditEntry, type Bundle, type CaseDraft, type CaseFile, type Issue } from '../../../shared/model';
import { caseTwinMessage, newCaseId, newCaseIdIssue, type FolderIds } from '../cases/caseIds';
import { finalizeCase } from '../cases/finalize';
import { ServiceError } from '../errors';

/** What an import will do with one case of the bundle; nothing is written until every case has its plan. */
export type ImportPlan = {
  index: number;
  case: CaseFile;
  action: ImportReport['results'][number]['action'];
  note?: string;
  replacesTrashed?: boolean;
  previous?: CaseFile;
  /** The id the bundle gave the case, which its history (if it carries one) is filed under. */
  sourceId?: string;
};

/** What planning reads of the folder. */
export type ImportFolder = {
  /** The live case with this id, if any. */
  active(id: string): Promise<CaseFile | undefined>;
  /** The trashed case with this id, if any. */
  trashed(id: string): Promise<CaseFile | null>;
  /** A case's stored history, oldest first (empty when it has none). */
  history(id: string): Promise<AuditEntry[]>;
  /** Whether cases/ holds a file for this id that the store does not list (put there behind its back). */
  unlisted(id: string): Promise<boolean>;
  /** Every case id in the folder, live and trashed. */
  ids: FolderIds;
  now: string;
};

/**
 * Plans every case of a (validated) bundle against the folder: created, replaced,
 * skipped or copied, as `onConflict` says. Refuses the whole bundle — nothing is
 * written — for an id that would overwrite another case's file on Windows or macOS
 * (bad_input) or, with `fail`, for an id that exists (conflict).
 */
export async function planImport(bundle: Bundle, onConflict: OnConflict, folder: ImportFolder): Promise<ImportPlan[]> {
  const plans: ImportPlan[] = [];
  const refused: Issue[] = [];
  const conflicts: Issue[] = [];
  // Ids this import will take, so that two new ids (or a copy and a case) never meet.
  const planned = new Set<string>();
  const freshId = () => newCaseId((id) => folder.ids.taken(id) || planned.has(foldedId(id)));
  const claim = (c: CaseFile) => planned.add(foldedId(c.id));

  for (const [index, draft] of bundle.cases.entries()) {
    const path = ['bundle', 'cases', index, 'id'];
    const id = draft.id ?? freshId();
    const meta = { id, rev: draft.rev ?? 1, createdAt: draft.createdAt ?? folder.now, updatedAt: draft.updatedAt ?? folder.now };
    const twin = draft.id === undefined ? undefined : folder.ids.caseTwin(id);
    if (twin !== undefined) {
      const where = (await folder.active(twin)) ? '' : ' (in the Trash)';
      if (onConflict === 'keep-both') {
        const copy = finalizeCase(draft, { ...meta, id: freshId() });
        claim(copy);
        plans.push({ index, case: copy, action: 'copied', note: `id "${id}" differs only by case from the stored "${twin}"${where}, which would be one file on Windows and macOS; stored as a copy`, sourceId: id });
      } else refused.push({ path, message: caseTwinMessage(id, twin, where) });
      continue;
    }
    const issue = draft.id === undefined ? null : newCaseIdIssue(id, folder.ids, path);
    if (issue) {
      refused.push(issue); // the schema refuses device names first; this is the store's own guard
      continue;
    }
    const active = await folder.active(id);
    const existing = active ?? (await folder.trashed(id));
    if (!existing && draft.id !== undefined && (await folder.unlisted(id))) {
      // Never written over unseen: the file may be a case the store has not read yet.
      if (onConflict === 'keep-both') {
        const copy = finalizeCase(draft, { ...meta, id: freshId() });
        claim(copy);
        plans.push({ index, case: copy, action: 'copied', note: `cases/${id}.json exists but is not in the list; stored as a copy`, sourceId: id });
      } else {
        conflicts.push({ path, message: `cases/${id}.json exists but is not in the list (it was put there outside Casefile): close and reopen the folder so that it is checked, then import again` });
      }
      continue;
    }
    if (!existing) {
      const c = finalizeCase(draft, meta);
      claim(c);
      plans.push({ index, case: c, action: 'created', ...(draft.id ? { sourceId: draft.id } : {}) });
      continue;
    }
    const where = active ? '' : ' (in the Trash)';
    if (onConflict === 'fail') {
      conflicts.push({ path, message: `a case with this id exists already${where}, at revision ${existing.rev}` });
    } else if (onConflict === 'keep-both') {
      const copy = finalizeCase(draft, { ...meta, id: freshId() });
      claim(copy);
      plans.push({ index, case: copy, action: 'copied', note: `id "${id}" exists${where}; stored as a copy`, sourceId: id });
    } else {
      const verdict = judgeNewer(existing, draft, ownValue(bundle.history, id), await folder.history(id), where);
      if (verdict.take) {
        plans.push({ index, case: finalizeCase(draft, meta), action: 'replaced', note: verdict.note, replacesTrashed: !active, previous: existing, sourceId: id });
      } else {
        plans.push({ index, case: existing, action: 'skipped', note: verdict.note });
      }
    }
  }
  if (refused.length > 0) {
    throw new ServiceError('bad_input', `${refused.length} case id(s) in the bundle cannot be stored in this folder; nothing was stored.`, refused);
  }
  if (conflicts.length > 0) {
    throw new ServiceError('conflict', `${conflicts.length} case(s) in the bundle exist already; nothing was stored. Choose to keep the newer revision or keep both.`, conflicts);
  }
  return plans;
}

/** One version of a case as a person reads it: its revision and when it was edited. */
const version = (rev: number, updatedAt: string | undefined) => `revision ${rev}${updatedAt ? ` (edited ${updatedAt})` : ''}`;

/** Entries that do not change the case's content: they carry the rev of the version they moved. */
const MOVES: ReadonlySet<AuditEntry['cause']> = new Set(['trash', 'restore']);

/** The same history line, wherever it was recorded (an import marks carried lines `imported`). */
const sameLine = (a: AuditEntry, b: AuditEntry) =>
  a.at === b.at && a.rev === b.rev && a.cause === b.cause && JSON.stringify(a.changes) === JSON.stringify(b.changes);

/**
 * Whether `--on-conflict newer` may replace the stored case by the bundle's. A revision
 * number alone proves nothing (any file can say 999), so: when the bundle carries the
 * case's history, it must hold a line that recorded the stored revision — the incoming
 * case then descends from ours — and be of a later revision; a history without such a
 * line means the two were edited apart (or the history is not ours), and the stored case
 * is kept. (The stored revision may have several lines: a case imported here has the
 * sender's line for it, carried, and our own import line; the sender's next bundle holds
 * only the first.) Without a history to compare (the bundle has none for it, or the
 * stored case has no line for its revision), the incoming case must be of a later
 * revision *and* edited later, and the note says it was judged so.
 */
function judgeNewer(
  existing: CaseFile,
  draft: CaseDraft,
  carried: readonly AuditEntry[] | undefined,
  stored: readonly AuditEntry[],
  /** ' (in the Trash)' when the stored case is there. */
  where = '',
): { take: boolean; note: string } {
  const rev = draft.rev ?? 1;
  const ours = `${version(existing.rev, existing.updatedAt)}${where}`;
  const theirs = version(rev, draft.updatedAt);
  const heads = stored.filter((e) => e.rev === existing.rev && !MOVES.has(e.cause));
  if (carried !== undefined && heads.length > 0) {
    if (!carried.some((e) => heads.some((head) => sameLine(e, head)))) {
      return {
        take: false,
        note: `kept the stored ${ours}: the bundle's history for it holds no line that recorded the stored revision, so its ${theirs} was edited apart from this copy; import with “keep both” to keep both`,
      };
    }
    if (rev <= existing.rev) return { take: false, note: `kept the stored ${ours}: the bundle's ${theirs} is not later` };
    return { take: true, note: `replaced the stored ${ours} by the bundle's ${theirs}, whose history continues the stored one` };
  }
  const why = carried === undefined ? 'the bundle carries no history for it' : `the stored case has no history line for revision ${existing.rev}`;
  if (rev <= existing.rev) return { take: false, note: `kept the stored ${ours}; the bundle has ${theirs}` };
  if (draft.updatedAt === undefined) {
    return { take: false, note: `kept the stored ${ours}: the bundle's revision ${rev} gives no edit time (updatedAt) and ${why}, so nothing shows it is newer; import with “keep both” to keep both` };
  }
  if (Date.parse(draft.updatedAt) <= Date.parse(existing.updatedAt)) {
    return { take: false, note: `kept the stored ${ours}: the bundle's ${theirs} was not edited later, and ${why} to show it descends from the stored one; import with “keep both” to keep both` };
  }
  return { take: true, note: `replaced the stored ${ours} by the bundle's ${theirs}, judged by revision and edit time: ${why}` };
}
