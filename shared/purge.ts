import { z } from 'zod';
import { Id } from './model/scalars';

// "Delete permanently" from the Trash (trash.purge): what the caller asks and what the
// folder answers. Counts only: the answer names nothing of the case it removed.

export const PurgeInput = z.strictObject({
  id: Id,
  /** Also take the case out of every snapshot in the folder's backups/ (slow: each is read and written again). */
  snapshots: z.boolean().optional(),
});
export type PurgeInput = z.infer<typeof PurgeInput>;

const Count = z.int().min(0);

const SnapshotPurgeReport = z.strictObject({
  total: Count,
  checked: Count,
  rewritten: Count,
  cancelled: z.boolean(),
  poolRemoved: Count,
  poolKept: Count,
});

export const PurgeReport = z.strictObject({
  id: Id,
  /** Files removed from the folder: the case, its histories, quarantined copies, originals only it used. */
  files: Count,
  /** Of those, how many were overwritten before they were unlinked. */
  overwritten: Count,
  originalsRemoved: Count,
  /** Originals kept because another case still uses them. */
  originalsShared: Count,
  /** The snapshot pass, when it was asked for; null when the snapshots were left as they are. */
  snapshots: SnapshotPurgeReport.nullable(),
  /** Snapshots in the folder that were not touched (they may still hold the case): all of them when `snapshots` was not asked for. */
  snapshotsUntouched: Count,
});
export type PurgeReport = z.infer<typeof PurgeReport>;
