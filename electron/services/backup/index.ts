// Backups: rotating snapshots of the data folder, restore, and recovery of a damaged case.
export { encodeSnapshotTo, type SnapshotContent, type SnapshotEntry, type SnapshotHeader } from './archive';
export { createSnapshot, dailySnapshotDue, KEEP_BEFORE_CHANGE, KEEP_DAILY, KEEP_WEEKLY, listSnapshots, parseSnapshotName, pruneSnapshots, snapshotAad, snapshotStreamAad, snapshotsToKeep, type SnapshotOptions } from './snapshots';
export { recoverRestore, restoreSnapshot, RESTORE_JOURNAL } from './restore';
export { RESTORE_STAGING, type RestoreOptions } from './restoreStaging';
export { findValidCopy, readSnapshot } from './snapshotReader';
export { copyBackupsOut, copyDestination, type CopyOutOptions, type CopyOutReport } from './copyOut';
export { listCheckedSnapshots, verifySnapshots } from './check';
export { recoverMeta } from './metaRecovery';
