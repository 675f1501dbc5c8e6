import { access, mkdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DateTime, type SnapshotInfo } from '../../../shared/model';
import { rebuildManifest } from '../audit/manifest';
import { RETIRED_QUARANTINE, SEARCH_INDEX_FILE, SUMMARY_INDEX_FILE } from '../disk/folderLayout';
import { ioError, isIoError, ServiceError } from '../errors';
import { fsyncDir, TEMP_SUFFIX, writeFileDurably } from '../disk/durableFile';
import { quarantinedCaseId } from '../disk/quarantineNames';
import { restoreOriginals, type OriginalsRestoreReport } from './originalsPool';
import { createSnapshot, listSnapshots, names, pruneSnapshots } from './snapshots';
import { snapshotFile } from './snapshotReader';
import { dropStaging, readManifest, staged, stagingDir, WRITE_BATCH, type Manifest, type RestoreOptions } from './restoreStaging';

// Putting a data folder back as a snapshot holds it, crash-safely, with memory
// bounded by the largest file whatever the snapshot's size.
//
// restore:  stream the snapshot into a staging folder, checking it line by line
//           (nothing in the folder changes; a damaged snapshot — its trailer's
//           hash, a chunk's tag — throws the staging away) → snapshot the current
//           state (so the restore can be undone) → write restore.json naming the
//           snapshot → move every staged file into place (rename) and delete
//           every case and history file the snapshot does not hold → delete
//           restore.json → delete the staging folder
//
// The staged files and their list (staging/manifest.json) are durable before
// restore.json is written, and moving them is idempotent, so a crash anywhere
// after it leaves restore.json behind and the next open (recoverRestore)
// finishes the moves before anything else reads the folder. A staging folder
// without restore.json is never the truth: it is deleted. The caller holds the
// folder's lock and has closed the store. Staging is in restoreStaging.ts.

export const RESTORE_JOURNAL = 'restore.json';
const Journal = z.strictObject({
  format: z.literal('casefile-restore'),
  snapshot: z.string(),
  at: DateTime,
  /** Written by a staging restore: the files wait in RESTORE_STAGING. Absent in a journal an older Casefile left: the restore is staged again. */
  staged: z.literal(true).optional(),
});

/**
 * Quarantined files whose case the restore brought back valid are stale: left
 * listed, `verify` would fail on them forever and `recover` would refuse with a
 * conflict. They move, with their notes, to retired-quarantine/ — kept, not
 * deleted, since the damaged bytes may still matter to someone. Idempotent.
 */
async function retireQuarantine(dataDir: string, restored: ReadonlySet<string>): Promise<string[]> {
  const retired: string[] = [];
  const from = path.join(dataDir, 'quarantine');
  const to = path.join(dataDir, RETIRED_QUARANTINE);
  for (const name of await names(from)) {
    const id = quarantinedCaseId(name);
    if (id === null || !restored.has(id)) continue;
    await mkdir(to, { recursive: true, mode: 0o700 });
    // The note first: a crash between the two leaves the file still listed, and the redo moves it.
    await rename(path.join(from, `${name}.reason.txt`), path.join(to, `${name}.reason.txt`)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(path.join(from, name), path.join(to, name));
    retired.push(`${RETIRED_QUARANTINE}/${name}`);
  }
  if (retired.length > 0) {
    await fsyncDir(to);
    await fsyncDir(from);
  }
  return retired;
}

/** Makes the folder's meta, cases, trash and histories exactly the staged ones: moves each into place. Idempotent. */
async function apply(dataDir: string, manifest: Manifest, key: Buffer | null, at: string, options: RestoreOptions): Promise<void> {
  const fs = options.fs;
  const move = fs?.rename ?? rename;
  const root = stagingDir(dataDir);
  const wanted = new Set(manifest.files);
  const total = manifest.files.length;
  for (const sub of ['cases', 'trash', 'history']) await mkdir(path.join(dataDir, sub), { recursive: true, mode: 0o700 });
  const put = async (rel: string) => {
    try {
      await move(path.join(root, ...rel.split('/')), path.join(dataDir, ...rel.split('/')));
    } catch (err) {
      // Moved already, by the run a crash interrupted.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  };
  for (let i = 0; i < total; i += WRITE_BATCH) {
    options.onProgress?.({ done: i, total });
    await Promise.all(manifest.files.slice(i, i + WRITE_BATCH).map(put));
  }
  for (const sub of ['cases', 'trash', 'history']) {
    for (const name of await names(path.join(dataDir, sub))) {
      if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) continue;
      if (!wanted.has(`${sub}/${name}`)) await unlink(path.join(dataDir, sub, name)).catch(() => undefined);
    }
  }
  // The summary index describes the files that were there; the store rebuilds it from the files.
  await unlink(path.join(dataDir, SUMMARY_INDEX_FILE)).catch(() => undefined);
  await unlink(path.join(dataDir, SEARCH_INDEX_FILE)).catch(() => undefined); // likewise the saved search index
  for (const sub of ['.', 'cases', 'trash', 'history']) await fsyncDir(path.join(dataDir, sub), fs).catch(() => undefined);
  await retireQuarantine(dataDir, new Set(manifest.restored));
  // The rollback a restore makes is the user's: the manifest says so, from the files just written.
  await rebuildManifest(dataDir, key, 'restored', at, fs ? { fs } : {});
  options.onProgress?.({ done: total, total });
}

export async function restoreSnapshot(dataDir: string, name: string, key: Buffer | null, options: RestoreOptions = {}): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo; originals: OriginalsRestoreReport }> {
  await snapshotFile(dataDir, name);
  const restored = (await listSnapshots(dataDir)).find((s) => s.name === name)!;
  const at = (options.now ?? new Date()).toISOString();
  const named = new Map<string, string>(); // the originals the restored cases name, gathered while staging
  const manifest = await staged(dataDir, name, key, at, options, named);
  let safetySnapshot: SnapshotInfo;
  try {
    safetySnapshot = await createSnapshot(dataDir, { reason: 'before-restore', key, ...(options.now ? { now: options.now } : {}), ...(options.fs ? { fs: options.fs } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  } catch (err) {
    await dropStaging(dataDir);
    throw err;
  }
  try {
    await writeFileDurably(path.join(dataDir, RESTORE_JOURNAL), `${JSON.stringify({ format: 'casefile-restore', snapshot: name, at, staged: true })}\n`, options.fs);
    await apply(dataDir, manifest, key, at, options);
    await unlink(path.join(dataDir, RESTORE_JOURNAL));
    await fsyncDir(dataDir, options.fs);
    await dropStaging(dataDir);
  } catch (err) {
    const begun = await access(path.join(dataDir, RESTORE_JOURNAL)).then(() => true, () => false);
    // No journal on disk: nothing in the folder was touched, and the staged files are of no use.
    if (!begun) await dropStaging(dataDir);
    if (!isIoError(err)) throw err;
    if (!begun) throw new ServiceError('io', ioError(err, 'restore the snapshot').message.replace(/The previous version is intact\.$/, `Nothing was changed; the state before the attempt is also in the snapshot ${safetySnapshot.name}.`));
    throw new ServiceError('io', `${ioError(err, 'restore the snapshot').message.replace(/The previous version is intact\.$/, '')}The restore is finished the next time the folder is opened; the state before it is in the snapshot ${safetySnapshot.name}.`);
  }
  const originals = await restoreOriginals(dataDir, key, named);
  await pruneSnapshots(dataDir, key);
  return { restored, safetySnapshot, originals };
}

/**
 * Run on every open once the key is known: finishes a restore a crash
 * interrupted. Returns the snapshot's name when it did.
 */
export async function recoverRestore(dataDir: string, key: Buffer | null, options: RestoreOptions = {}): Promise<string | null> {
  let raw: string;
  try {
    raw = await readFile(path.join(dataDir, RESTORE_JOURNAL), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // A staging folder without a journal is a restore that never began.
    await dropStaging(dataDir);
    return null;
  }
  let journal: z.infer<typeof Journal>;
  try {
    journal = Journal.parse(JSON.parse(raw));
  } catch {
    // Written durably before any file changed: a torn journal means the restore never began.
    await unlink(path.join(dataDir, RESTORE_JOURNAL));
    await dropStaging(dataDir);
    return null;
  }
  // A journal from before staging (or, never expected, without its staging): stage again, then move.
  const manifest = (journal.staged && (await readManifest(dataDir, journal.snapshot))) || (await staged(dataDir, journal.snapshot, key, journal.at, options, new Map()));
  await apply(dataDir, manifest, key, journal.at, options);
  await unlink(path.join(dataDir, RESTORE_JOURNAL));
  await fsyncDir(dataDir, options.fs);
  await dropStaging(dataDir);
  return journal.snapshot;
}
