import { z } from 'zod';
import { DateTime } from './scalars';

/** Why a snapshot was taken: the schedule, the user, or a change about to be made to the whole folder. */
export const SnapshotReason = z.enum(['start', 'daily', 'hourly', 'manual', 'before-migration', 'before-encrypt', 'before-decrypt', 'before-restore']);
export type SnapshotReason = z.infer<typeof SnapshotReason>;

export const SnapshotInfo = z.strictObject({
  /** The file name under backups/, which is also how a restore names it. */
  name: z.string().min(1),
  createdAt: DateTime,
  reason: SnapshotReason,
  cases: z.int().min(0),
  trashed: z.int().min(0),
  bytes: z.int().min(0),
  /** Set when the snapshot does not read whole (its seal, its trailer or its hash): why, in words. Such a snapshot cannot be restored. */
  problem: z.string().optional(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

/** Whether the data folder is encrypted, and whether it is open right now. */
export const VaultStatus = z.strictObject({
  encrypted: z.boolean(),
  locked: z.boolean(),
  /** Minutes without use before an encrypted folder locks itself; 0: never. */
  idleLockMinutes: z.int().min(0).max(1440),
  /** Locked because another device changed the passphrase: the window asks for the new one over the open page, keeping unsaved edits. */
  passphraseChanged: z.boolean().optional(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;
