import { z } from 'zod';
import { CaseKind, CaseStatus, Priority } from '../model/case';
import { DateTime, Id } from '../model/scalars';
import { CaseSummary } from '../model/summary';
import { IsoDay } from '../model/agenda';
import { SnapshotInfo } from '../model/backup';

// The contract's words for the folder itself: what it says about its state (app.info, verify),
// its list and trash, imports' conflicts, and its backups and encryption.

export const OnConflict = z.enum(['fail', 'newer', 'keep-both']);
export type OnConflict = z.infer<typeof OnConflict>;

const QuarantinedFile = z.strictObject({
  file: z.string(), // where it lives now, relative to the data folder
  reason: z.string(),
});

/** A save whose file is in place but whose folder the disk would not confirm written (fsync failed): it may not survive a power cut. */
const UnconfirmedSave = z.strictObject({
  file: z.string(),
  id: z.string(),
  rev: z.int(),
  reason: z.string(),
});

/**
 * What the store's open found tampered with (audit/tamper): a case file older than
 * its history or the folder's manifest (rolled back), a case or history gone
 * (deleted), a history or case changed outside the app (altered).
 */
export const TamperFinding = z.strictObject({
  file: z.string(),
  /** "" for the folder's manifest itself. */
  caseId: z.string(),
  verdict: z.enum(['rolled-back', 'deleted', 'altered']),
  message: z.string(),
  /** The newest revision the history or the manifest vouches for. */
  lastGoodRev: z.int().optional(),
  /** The newest snapshot holding a valid copy of the case. */
  snapshot: z.string().optional(),
});
export type TamperFinding = z.infer<typeof TamperFinding>;

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.int(),
  encrypted: z.boolean(),
  caseCount: z.int(),
  trashCount: z.int(),
  quarantined: z.array(QuarantinedFile),
  /** Since this process opened the folder. */
  unconfirmedSaves: z.array(UnconfirmedSave),
  /** Found when the folder was opened; `verify` checks the whole folder. */
  tampered: z.array(TamperFinding),
  /** The original files behind sources (files/): how many, and their bytes on disk (sealed size when encrypted). */
  originals: z.strictObject({ count: z.int(), bytes: z.number() }).optional(),
});

export const ListQuery = z
  .strictObject({
    kind: CaseKind.optional(),
    status: CaseStatus.optional(),
    priority: Priority.optional(),
    tag: z.string().optional(),
  })
  .default({});
export type ListQuery = z.infer<typeof ListQuery>;

export const TrashEntry = CaseSummary.extend({ trashedAt: DateTime });
export type TrashEntry = z.infer<typeof TrashEntry>;

export const VerifyProblem = z.strictObject({ file: z.string(), message: z.string() });
export const VerifyReport = z.strictObject({
  ok: z.boolean(),
  checkedFiles: z.int(),
  problems: z.array(VerifyProblem),
  /** What a crash mid-save leaves (a history line lost): worth knowing, not a fault — `ok` stays true. */
  warnings: z.array(VerifyProblem),
  /** Originals re-hashed and found intact, and their bytes (as added). */
  originals: z.strictObject({ count: z.int(), bytes: z.number() }).optional(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const AgendaQuery = z
  .strictObject({
    /** The day to judge "overdue" against, in the caller's time zone; absent: the server's today. */
    today: IsoDay.optional(),
  })
  .default({});

/** Passphrases travel only over IPC or the token-guarded loopback server, and are never logged or stored. */
export const Passphrase = z.string().min(1).max(1024);

/** What an encryption or decryption did to the folder's files, so a door can name each file left as it was (a file it does not know stays NOT encrypted). */
export const FolderConversion = z.strictObject({ converted: z.int().min(0), untouched: z.array(z.string()), unreadable: z.array(z.string()) });
export type FolderConversion = z.infer<typeof FolderConversion>;

export const RestoreReport = z.strictObject({
  restored: SnapshotInfo,
  /** Taken just before, so the restore itself can be undone. */
  safetySnapshot: SnapshotInfo,
  /** The originals the restored cases name: how many were checked, brought back from backups/files/, and any that could not be. */
  originals: z.strictObject({ checked: z.int(), restored: z.int(), missing: z.array(z.strictObject({ sha256: z.string(), name: z.string() })) }).optional(),
});

/** A backup set written off the data folder: the newest snapshot, and an encrypted folder's key file. */
export const CopyOutReport = z.strictObject({
  /** The set written, an absolute path. */
  folder: z.string(),
  /** Its files, relative to `folder`. */
  files: z.array(z.string()),
  encrypted: z.boolean(),
});
export type CopyOutReport = z.infer<typeof CopyOutReport>;

export const RecoveredCase = z.strictObject({
  id: Id,
  title: z.string(),
  rev: z.int().min(1),
  /** The snapshot the copy came from. */
  snapshot: z.string(),
});
