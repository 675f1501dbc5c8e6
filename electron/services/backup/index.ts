// Backups: rotating snapshots of the data folder, restore, and recovery of a damaged case.
export { DamagedSnapshotError, encodeSnapshotTo, isSnapshotPath, MAX_LINE_BYTES, readSnapshotFile, SNAPSHOT_VERSION, type SnapshotContent, type SnapshotEntry, type SnapshotHeader } from './archive';
export { BACKUPS_DIR, createSnapshot, dailySnapshotDue, KEEP_BEFORE_CHANGE, KEEP_DAILY, KEEP_WEEKLY, listSnapshots, parseSnapshotName, pruneSnapshots, snapshotAad, snapshotStreamAad, snapshotsToKeep, SNAPSHOT_EXT, type SnapshotOptions } from './snapshots';
export { recoverRestore, restoreSnapshot, RESTORE_JOURNAL } from './restore';
export { RESTORE_STAGING, type RestoreOptions } from './restoreStaging';
export { findValidCopy, readSnapshot, streamSnapshot } from './snapshotReader';
export { copyBackupsOut, copyDestination, COPY_PREFIX, RESTORE_NOTE, type CopyOutOptions, type CopyOutReport } from './copyOut';
export { listCheckedSnapshots, snapshotProblem, verifySnapshots } from './check';
export { recoverMeta } from './metaRecovery';
