import path from 'node:path';
import type { DurableFs } from '../disk/durableFile';
import { shredFile } from '../disk/shred';
import { isBlobRef, readSnapshotFile } from './archive';
import { blobPath, blobRoot, listBlobs } from './blobPool';
import { dropRecords, namedAmong, orphanRecords } from './snapshotRecords';

// Dropping blobs (backup/blobPool) no snapshot names any more, after snapshots
// are deleted (the rotation) or rewritten (a case purged from them). Crash-safe
// by order: the manifests are deleted or rewritten first, durably; only then are
// the survivors read, and a blob goes only if none of them names it. A crash
// in between leaves unnamed blobs, which the next collection drops. A survivor
// that does not read whole stops the collection: it might name any blob.
// The caller runs this in the pool's line (inPoolLine), so no snapshot is
// between choosing its blobs and naming them.

/** Reads a snapshot's blob names; versions 1 and 2 name none (their first entry says so, and the read stops there). */
class NotAManifest extends Error {}

export type Aads = (name: string) => { wholeAad: string; streamAad: string };

/** The blobs `names` (snapshot files in backupsDir) name, or null when one of them does not read whole. */
export async function namedBlobs(backupsDir: string, names: readonly string[], key: Buffer | null, aads: Aads): Promise<Set<string> | null> {
  const named = new Set<string>();
  for (const name of names) {
    try {
      await readSnapshotFile(name, path.join(backupsDir, name), {
        key,
        ...aads(name),
        visit: (r) => {
          if (!isBlobRef(r)) throw new NotAManifest();
          named.add(r.sha256);
        },
      });
    } catch (err) {
      if (err instanceof NotAManifest) continue;
      return null;
    }
  }
  return named;
}

export type CollectReport = { removed: number; kept: number; blocked: boolean };

/** Drops every blob no snapshot in `names` (all the folder's snapshots) names; shredded, since a purged case's text may be in one. */
export async function collectBlobs(backupsDir: string, names: readonly string[], key: Buffer | null, aads: Aads, fs?: DurableFs): Promise<CollectReport> {
  const named = await namedBlobs(backupsDir, names, key, aads);
  if (!named) return { removed: 0, kept: 0, blocked: true };
  const root = blobRoot(backupsDir);
  let removed = 0;
  let kept = 0;
  for (const sha256 of await listBlobs(root)) {
    if (named.has(sha256)) {
      kept++;
      continue;
    }
    if ((await shredFile(blobPath(root, sha256), fs)) !== 'absent') removed++;
  }
  return { removed, kept, blocked: false };
}

/**
 * The collection after a rotation, costing what the rotation deleted rather than
 * the pool: the blobs the deleted snapshots named (their lines read before the
 * caller deleted them, and those of copies a crashed rotation left,
 * backup/snapshotRecords) are the only ones that can have just lost their last
 * name, and each goes only if no snapshot left (`survivors`) names it. Those lines
 * come from the local copies when they hold (a few looked for in a copy's column of hashes), else from the manifests. Orphans a
 * crash mid-snapshot left (blobs written, no manifest) are not found this way: the
 * full collection (a purge, or a rotation whose deleted snapshots could not be read)
 * drops them.
 */
export async function collectCandidates(dataDir: string, backupsDir: string, survivors: readonly string[], deleted: readonly string[], candidates: Set<string>, key: Buffer | null, aads: Aads, fs?: DurableFs): Promise<CollectReport> {
  for (const r of await orphanRecords(dataDir, new Set([...survivors, ...deleted]), key)) candidates.add(r.sha256);
  for (const name of survivors) {
    if (candidates.size === 0) break;
    const named = await namedAmong(dataDir, backupsDir, name, key, aads(name), candidates);
    if (!named) return { removed: 0, kept: 0, blocked: true };
    for (const sha256 of named) candidates.delete(sha256);
  }
  const root = blobRoot(backupsDir);
  let removed = 0;
  for (const sha256 of candidates) if ((await shredFile(blobPath(root, sha256), fs)) !== 'absent') removed++;
  await dropRecords(dataDir, new Set(survivors));
  return { removed, kept: 0, blocked: false };
}
