import path from 'node:path';
import type { DurableFs } from '../disk/durableFile';
import { shredFile } from '../disk/shred';
import { isBlobRef, readSnapshotFile } from './archive';
import { blobPath, blobRoot, listBlobs } from './blobPool';

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
