import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ENVELOPE_MAGIC } from '../crypto/envelope';
import { openBytesChunked, sealBytesChunked } from '../crypto/streamSeal';
import { fsyncDir, TEMP_SUFFIX, type DurableFs } from '../disk/durableFile';
import { ORIGINALS_AAD, ORIGINALS_CHUNK_LOG2 } from '../disk/folderLayout';

// The blobs of version 3 snapshots (backup/archive): each file a snapshot holds
// (a case, a history, meta.json…) kept ONCE by the SHA-256 of its plain bytes,
// backups/blobs/ab/<sha256>.bin, however many snapshots name it. A blob has the
// on-disk form of an original (plain bytes; in an encrypted folder sealed in
// chunks under ORIGINALS_AAD), so the folder's conversions re-seal the pool as
// they re-seal backups/files/, and whoever reads one re-hashes it: a blob swapped
// or changed is caught like a changed original. Blobs are small, so they are
// written and read whole, without the streams originals need.
//
// A blob is written durably (temp, fsync, rename) before any manifest names it;
// the shard folders are fsynced once per batch (`flush`), before the manifest's
// own rename. Blobs are removed only by backup/blobGc, once no manifest names them.

export const BLOBS_DIR = 'blobs';
const SHA256 = /^[0-9a-f]{64}$/;

const realFs: DurableFs = { open, rename, unlink };

/** backups/ of a data folder (or of a copied-out set). */
export const blobRoot = (backupsDir: string) => path.join(backupsDir, BLOBS_DIR);
export const blobPath = (root: string, sha256: string) => path.join(root, sha256.slice(0, 2), `${sha256}.bin`);
export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A blob that is missing or does not read back as its name says. */
export class BlobProblem extends Error {
  constructor(
    readonly sha256: string,
    readonly why: string,
  ) {
    super(`the blob ${sha256.slice(0, 12)}… ${why}`);
    this.name = 'BlobProblem';
  }
}

/** The blob's plain bytes, checked against its name; BlobProblem when missing, unsealable or changed. */
export async function readBlob(root: string, sha256: string, key: Buffer | null): Promise<Buffer> {
  let raw: Buffer;
  try {
    raw = await readFile(blobPath(root, sha256));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobProblem(sha256, 'is missing from backups/blobs/');
    throw err;
  }
  const sealed = raw.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC);
  if (sealed !== (key !== null)) throw new BlobProblem(sha256, sealed ? 'is encrypted although the folder is not' : 'is not encrypted although the folder is');
  let plain: Buffer;
  try {
    plain = key ? openBytesChunked(key, raw, ORIGINALS_AAD) : raw;
  } catch {
    throw new BlobProblem(sha256, 'does not open with the folder key');
  }
  if (sha256Of(plain) !== sha256) throw new BlobProblem(sha256, 'has changed on disk');
  return plain;
}

/** Whether the pool holds the blob (present, not checked). */
const hasBlob = (root: string, sha256: string) => stat(blobPath(root, sha256)).then((s) => s.isFile(), () => false);

/**
 * Writes blobs durably, a batch at a time: each file synced as it is written, the
 * shard folders synced by `flush`. Counts what it wrote (the tests count files).
 */
export class BlobWriter {
  private readonly dirs = new Set<string>();
  /** What this writer added to the pool: no manifest names them until its snapshot is written. */
  private readonly fresh: string[] = [];
  written = 0;
  bytes = 0;

  constructor(
    readonly root: string,
    private readonly key: Buffer | null,
    private readonly fs: DurableFs = realFs,
  ) {}

  /** Stores `plain` under its hash unless the pool has it; returns the hash. */
  async put(plain: Buffer, sha256 = sha256Of(plain)): Promise<string> {
    if (await hasBlob(this.root, sha256)) return sha256;
    await this.putRaw(sha256, this.key ? sealBytesChunked(this.key, plain, ORIGINALS_AAD, ORIGINALS_CHUNK_LOG2) : plain);
    return sha256;
  }

  /** Writes still running (a failed batch's siblings), awaited before anything is taken back. */
  private readonly running = new Set<Promise<void>>();
  private discarded = false;

  /** Stores bytes already in the pool's on-disk form (a copy to another drive). */
  putRaw(sha256: string, raw: Buffer): Promise<void> {
    if (this.discarded) return Promise.reject(new Error('the snapshot was abandoned; no blob is written for it'));
    const run = this.write(sha256, raw);
    this.running.add(run);
    return run.finally(() => this.running.delete(run));
  }

  private async write(sha256: string, raw: Buffer): Promise<void> {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    const target = blobPath(this.root, sha256);
    const dir = path.dirname(target);
    if (!this.dirs.has(dir)) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      this.dirs.add(dir);
    }
    const tmp = path.join(dir, `.${sha256.slice(0, 16)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
    let renamed = false;
    try {
      const handle = await this.fs.open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(raw);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.fs.rename(tmp, target);
      renamed = true;
    } finally {
      if (!renamed) await (this.fs.unlink ?? unlink)(tmp).catch(() => undefined);
    }
    this.fresh.push(sha256);
    this.written++;
    this.bytes += raw.length;
  }

  /**
   * Takes back what this writer added, for a snapshot that failed or was cancelled before its
   * manifest was written: nothing names those blobs, and a cancelled backup leaves no partial file.
   */
  async discard(): Promise<void> {
    this.discarded = true;
    await Promise.allSettled(this.running);
    for (const sha256 of this.fresh.splice(0)) await (this.fs.unlink ?? unlink)(blobPath(this.root, sha256)).catch(() => undefined);
  }

  /** Makes the renames durable: every shard written to, and the pool itself. */
  async flush(): Promise<void> {
    for (const dir of this.dirs) await fsyncDir(dir, this.fs);
    if (this.dirs.size > 0) {
      await fsyncDir(this.root, this.fs);
      await fsyncDir(path.dirname(this.root), this.fs);
    }
    this.dirs.clear();
  }
}

/** Every blob in the pool, by hash (temp files and stray names passed over). */
export async function listBlobs(root: string): Promise<string[]> {
  const out: string[] = [];
  const shards = await readdir(root).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  for (const shard of shards.filter((s) => /^[0-9a-f]{2}$/.test(s)).sort()) {
    for (const name of await readdir(path.join(root, shard)).catch(() => [] as string[])) {
      const m = /^([0-9a-f]{64})\.bin$/.exec(name);
      if (m?.[1]?.startsWith(shard)) out.push(m[1]);
    }
  }
  return out;
}

/** Runs `fn` with `items`, at most `width` at once, in order of start; the first failure is thrown once the running ones settle. */
export async function eachLimited<T>(items: Iterable<T>, width: number, fn: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { err: unknown } | null = null;
  for (const item of items) {
    if (failure) break;
    const p: Promise<void> = fn(item).then(
      () => void running.delete(p),
      (err: unknown) => {
        failure ??= { err };
        running.delete(p);
      },
    );
    running.add(p);
    if (running.size >= width) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw (failure as { err: unknown }).err;
}

const lines = new Map<string, Promise<unknown>>();
/**
 * Runs `fn` after every other pool-changing call on the same folder in this
 * process: a snapshot reuses hashes its blobs must keep, so no collection may run
 * between its reading of the newest manifest and the rename of its own.
 */
export function inPoolLine<T>(backupsDir: string, fn: () => Promise<T>): Promise<T> {
  const id = path.resolve(backupsDir);
  const run = (lines.get(id) ?? Promise.resolve()).then(fn);
  const tail = run.catch(() => undefined);
  lines.set(id, tail);
  void tail.then(() => {
    if (lines.get(id) === tail) lines.delete(id);
  });
  return run;
}
