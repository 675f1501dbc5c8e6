import { z } from 'zod';
import { AuditChange } from './model/audit';
import { DateTime, Id, StoredRev } from './model/scalars';

// Syncthing keeps both sides of a clash: the file under its name ("current", what this
// folder uses) and the other beside it as a conflict copy ("copy"). These are the shapes
// the Conflicts view, the CLI and `verify` see; the service is electron/services/conflicts.

/** What a conflict copy is a copy of. */
export const ConflictKind = z.enum(['case', 'vault', 'addressees', 'settings']);
export type ConflictKind = z.infer<typeof ConflictKind>;

/** One side of a conflict, as far as its file tells. */
export const ConflictSide = z.strictObject({
  rev: StoredRev.optional(),
  savedAt: DateTime.optional(),
  /** For the copy: the first 7 characters of the Syncthing id of the device whose version it holds. */
  device: z.string().optional(),
});
export type ConflictSide = z.infer<typeof ConflictSide>;

/** A copy's path in the data folder, with "/": `cases/<id>.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.json`. Names the conflict. */
export const ConflictFile = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^(?:(?:cases|trash)\/)?[^/\\]+\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(?:\.[^./\\]*)?$/, 'expected the path of a Syncthing conflict copy, as conflicts.list gives it');

export const ConflictSummary = z.strictObject({
  file: z.string(),
  kind: ConflictKind,
  caseId: Id.optional(),
  /** The case's title (the current one's; the copy's when there is no current case). */
  title: z.string().optional(),
  /** Where the case is: in the list or the Trash. */
  where: z.enum(['cases', 'trash']).optional(),
  current: ConflictSide,
  copy: ConflictSide,
  /** False when the copy does not open or is not valid: then it says why, and it can only be discarded by keeping the current side. */
  valid: z.boolean(),
  problem: z.string().optional(),
});
export type ConflictSummary = z.infer<typeof ConflictSummary>;

export const ConflictDetail = z.strictObject({
  conflict: ConflictSummary,
  /** Both versions whole (null: that side is missing or does not open). */
  current: z.unknown(),
  copy: z.unknown(),
  /** From the current version to the copy, field by field (audit/diff's paths); for non-case files, by top-level key. */
  changes: z.array(AuditChange),
});
export type ConflictDetail = z.infer<typeof ConflictDetail>;

export const ConflictKeep = z.enum(['current', 'copy', 'both', 'merge']);
export type ConflictKeep = z.infer<typeof ConflictKeep>;

export const ResolveConflictInput = z.strictObject({
  file: ConflictFile,
  keep: ConflictKeep,
  /** For `merge`: the side each changed field path takes (paths as conflicts.get gives them); a path not named keeps the current side. */
  picks: z.record(z.string().min(1).max(1024), z.enum(['current', 'copy'])).optional(),
  /** For `both`: the title of the new case the copy becomes (the window sends it in the user's language). */
  copyTitle: z.string().trim().min(1).max(300).optional(),
  /** For a vault copy kept over the current vault: its passphrase, which must open it. */
  passphrase: z.string().min(1).max(1024).optional(),
});
export type ResolveConflictInput = z.infer<typeof ResolveConflictInput>;

export const ConflictResolution = z.strictObject({
  file: z.string(),
  keep: ConflictKeep,
  /** The case as saved (a revision above both sides), for case conflicts. */
  caseId: Id.optional(),
  rev: StoredRev.optional(),
  /** `both`: the id of the new case the copy became. */
  newCaseId: Id.optional(),
});
export type ConflictResolution = z.infer<typeof ConflictResolution>;
