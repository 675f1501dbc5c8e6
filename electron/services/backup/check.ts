import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SnapshotInfo } from '../../../shared/model';
import { ServiceError } from '../errors';
import { DamagedSnapshotError, isBlobRef } from './archive';
import { BlobProblem, blobRoot, eachLimited, listBlobs, readBlob } from './blobPool';
import { knownCheck, rememberCheck } from './checkCache';
import { streamRecords } from './snapshotReader';
import { BACKUPS_DIR, listSnapshots } from './snapshots';

// Every snapshot checked where it is listed: its seal, gzip stream, trailer and
// hash, read as a stream (only hashed, not parsed). A listing re-reads nothing
// it has checked already (see checkCache); `verify` always reads afresh.

/** Why the snapshot is damaged, in words, or null when it reads whole. */
async function snapshotProblem(dataDir: string, name: string, key: Buffer | null, options: { cached?: boolean; read?: Set<string> } = {}): Promise<string | null> {
  const file = path.join(dataDir, BACKUPS_DIR, name);
  const st = await stat(file).catch(() => null);
  if (!st) return null; // pruned meanwhile: nothing to report
  const known = options.cached ? knownCheck(file, key, st) : null;
  if (known) return known.problem;
  let problem: string | null = null;
  try {
    const blobs: string[] = [];
    await streamRecords(dataDir, name, key, (r) => {
      if (isBlobRef(r)) blobs.push(r.sha256);
    });
    problem = await blobsProblem(blobRoot(path.join(dataDir, BACKUPS_DIR)), blobs, key, options.read ?? null);
  } catch (err) {
    if (err instanceof DamagedSnapshotError) problem = err.reason;
    else if (err instanceof ServiceError && err.code === 'encrypted') problem = err.message;
    else throw err;
  }
  rememberCheck(file, key, st, problem);
  return problem;
}

/**
 * The first problem of the blobs a version 3 snapshot names: a listing checks that
 * each is there; `verify` (`read` given) opens and re-hashes each, once per call
 * however many snapshots share it.
 */
async function blobsProblem(root: string, blobs: readonly string[], key: Buffer | null, read: Set<string> | null): Promise<string | null> {
  if (blobs.length === 0) return null;
  let problem: string | null = null;
  if (!read) {
    const pooled = new Set(await listBlobs(root));
    const missing = blobs.find((sha) => !pooled.has(sha));
    return missing ? new BlobProblem(missing, 'is missing from backups/blobs/').message : null;
  }
  await eachLimited(blobs.filter((sha) => !read.has(sha)), 16, async (sha) => {
    if (problem !== null || read.has(sha)) return;
    read.add(sha);
    try {
      await readBlob(root, sha, key);
    } catch (err) {
      if (!(err instanceof BlobProblem)) throw err;
      read.delete(sha);
      problem ??= err.message;
    }
  });
  return problem;
}

/** The snapshots, newest first, each damaged one carrying its `problem`. */
export async function listCheckedSnapshots(dataDir: string, key: Buffer | null): Promise<SnapshotInfo[]> {
  const rows = await listSnapshots(dataDir);
  const out: SnapshotInfo[] = [];
  for (const row of rows) {
    const problem = await snapshotProblem(dataDir, row.name, key, { cached: true });
    out.push(problem === null ? row : { ...row, problem });
  }
  return out;
}

/** `verify`'s part: every snapshot read afresh; one problem per damaged one. */
export async function verifySnapshots(dataDir: string, key: Buffer | null): Promise<{ checked: number; problems: { file: string; message: string }[] }> {
  const rows = await listSnapshots(dataDir);
  const problems: { file: string; message: string }[] = [];
  const read = new Set<string>();
  for (const row of rows) {
    const problem = await snapshotProblem(dataDir, row.name, key, { read });
    if (problem !== null) problems.push({ file: `${BACKUPS_DIR}/${row.name}`, message: `this backup is damaged (${problem}) and cannot be restored; take a new one (casefile backup), and keep the copies on another drive` });
  }
  return { checked: rows.length, problems };
}
