import { access } from 'node:fs/promises';
import path from 'node:path';
import { CaseFile } from '../../../shared/model';
import { checksumIssues } from '../cases/finalize';
import { ServiceError } from '../errors';
import { convertStoredCase } from '../store/migrations/convertCase';
import { DamagedSnapshotError, isBlobRef, readSnapshotFile, type SnapshotContent, type SnapshotEntry, type SnapshotRecord } from './archive';
import { BlobProblem, blobRoot, readBlob } from './blobPool';

/** Blobs read ahead of a visitor: enough to keep the disk busy, few enough to bound memory by a few files. */
const READ_AHEAD = 32;
import { BACKUPS_DIR, listSnapshots, parseSnapshotName, snapshotAad, snapshotStreamAad } from './snapshots';

// Reading one snapshot by its name, checked whole, and the cases in it that are
// valid: what a restore stages, what the check of backups reads, and where a
// damaged case finds its last good copy.

/** The file of a snapshot by name; the name must be one `listSnapshots` gives. */
export async function snapshotFile(dataDir: string, name: string): Promise<string> {
  if (!parseSnapshotName(name) || name !== path.basename(name)) throw new ServiceError('bad_input', `"${name}" is not the name of a snapshot; \`casefile backups\` (or Settings → Backups) lists them.`);
  const file = path.join(dataDir, BACKUPS_DIR, name);
  try {
    await access(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ServiceError('not_found', `There is no snapshot named ${name} in ${path.join(dataDir, BACKUPS_DIR)}.`);
    throw err;
  }
  return file;
}

/**
 * Streams one snapshot by name through `visit`, checking it whole (see
 * readSnapshotFile): what `visit` was given counts only once this resolves. A
 * version 3 snapshot's lines are given with their blob's text, read (and
 * re-hashed) a few ahead of the visitor; a blob missing or changed makes the
 * snapshot damaged.
 */
export async function streamSnapshot(dataDir: string, name: string, key: Buffer | null, visit?: (entry: SnapshotEntry) => void | Promise<void>, maxLineBytes?: number) {
  const file = await snapshotFile(dataDir, name);
  const root = blobRoot(path.join(dataDir, BACKUPS_DIR));
  const ahead: Promise<SnapshotEntry>[] = [];
  const resolve = async (r: SnapshotRecord): Promise<SnapshotEntry> => {
    if (!isBlobRef(r)) return r;
    try {
      return { path: r.path, mtimeMs: r.mtimeMs, text: (await readBlob(root, r.sha256, key)).toString('utf8') };
    } catch (err) {
      throw err instanceof BlobProblem ? new DamagedSnapshotError(name, err.message) : err;
    }
  };
  const give = async () => visit!(await ahead.shift()!);
  try {
    const summary = await readSnapshotFile(name, file, {
      key,
      wholeAad: snapshotAad(name),
      streamAad: snapshotStreamAad(name),
      ...(visit
        ? {
            visit: async (r: SnapshotRecord) => {
              const next = resolve(r);
              next.catch(() => undefined); // seen when its turn comes
              ahead.push(next);
              if (ahead.length > READ_AHEAD) await give();
            },
          }
        : {}),
      ...(maxLineBytes ? { maxLineBytes } : {}),
    });
    while (ahead.length > 0) await give();
    return summary;
  } finally {
    await Promise.allSettled(ahead);
  }
}

/** A snapshot's lines as they are (a version 3 one's blob names, not their text), checked whole. */
export async function streamRecords(dataDir: string, name: string, key: Buffer | null, visit: (record: SnapshotRecord) => void | Promise<void>) {
  const file = await snapshotFile(dataDir, name);
  return readSnapshotFile(name, file, { key, wholeAad: snapshotAad(name), streamAad: snapshotStreamAad(name), visit });
}

/** Reads and checks one snapshot by name, its entries gathered in memory: for small folders and tests; a restore streams. */
export async function readSnapshot(dataDir: string, name: string, key: Buffer | null): Promise<SnapshotContent> {
  const entries: SnapshotEntry[] = [];
  const { header, skipped } = await streamSnapshot(dataDir, name, key, (e) => void entries.push(e));
  return { header, entries, skipped };
}

/** The case a snapshot entry holds, when it is a valid one: parses, passes the model, carries `id`, matches its sources' hashes. */
export function validCase(text: string, id: string): CaseFile | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  // A snapshot taken before the folder's migration holds version-1 cases: read as version 2, as the migration reads them.
  const parsed = CaseFile.safeParse(raw);
  const c = parsed.success ? parsed.data : readAsStored(raw);
  return c !== null && c.id === id && checksumIssues(c).length === 0 ? c : null;
}

function readAsStored(raw: unknown): CaseFile | null {
  const converted = convertStoredCase(raw);
  return converted.ok ? converted.case : null;
}

/**
 * The newest valid copy of case `id` any snapshot holds (live or trashed then):
 * it must parse, pass the model, carry that id and match its sources' hashes.
 * Damaged snapshots are passed over.
 */
export async function findValidCopy(dataDir: string, key: Buffer | null, id: string): Promise<{ case: CaseFile; snapshot: string } | null> {
  for (const info of await listSnapshots(dataDir)) {
    const found: { cases: CaseFile | null; trash: CaseFile | null } = { cases: null, trash: null };
    try {
      await streamSnapshot(dataDir, info.name, key, (e) => {
        if (e.path === `cases/${id}.json`) found.cases = validCase(e.text, id);
        else if (e.path === `trash/${id}.json`) found.trash = validCase(e.text, id);
      });
    } catch (err) {
      if (err instanceof ServiceError) continue;
      throw err;
    }
    // Only now, the whole snapshot checked, does what it holds count.
    const valid = found.cases ?? found.trash;
    if (valid) return { case: valid, snapshot: info.name };
  }
  return null;
}
