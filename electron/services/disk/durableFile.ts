import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls a durable write makes; tests swap in faulty ones. */
export type DurableFs = {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
};

const realFs: DurableFs = { open, rename, unlink };

export const TEMP_SUFFIX = '.tmp';

/**
 * The new content is in place — renamed over the target, so every reader now sees
 * it — but the folder could not be synced, so the rename may not survive a power
 * cut. Not an I/O error of the usual kind: the previous version is NOT what the
 * file holds, and a caller must not say it is.
 */
export class UnconfirmedWriteError extends Error {
  readonly code = 'EUNCONFIRMED';
  constructor(
    readonly file: string,
    /** The disk's own error code (EIO, ENOSPC…) or message. */
    readonly reason: string,
  ) {
    super(`${path.basename(file)} was written, but the disk did not confirm it (${reason}); it may not survive a power cut.`);
    this.name = 'UnconfirmedWriteError';
  }
}

// A folder sync can fail for a passing reason (a busy disk, an interrupted call). Linux may
// also report a lasting fault only once, so a retry that succeeds is not proof; but one that
// keeps failing is, and that is what the caller is told.
const DIR_SYNC_RETRY_MS = [20, 100];

/** fsyncDir, tried again twice; a lasting failure is an UnconfirmedWriteError for `file`. */
export async function confirmRename(file: string, fs: DurableFs = realFs): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fsyncDir(path.dirname(file), fs);
      return;
    } catch (err) {
      const wait = DIR_SYNC_RETRY_MS[attempt];
      if (wait === undefined) throw new UnconfirmedWriteError(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Writes `text` so that after a crash or power loss the file holds either the old
 * content or the new, never a mix: unique temp file → fsync → rename over the
 * target → fsync the folder (without which the rename itself may not survive).
 * A failure up to the rename leaves the previous content and throws the disk's
 * error; a lasting failure of the folder sync after it throws UnconfirmedWriteError.
 */
export async function writeFileDurably(file: string, text: string | Uint8Array, fs: DurableFs = realFs, options: { syncDir?: boolean } = {}): Promise<void> {
  const prepared = await prepareDurable(file, text, fs);
  try {
    await prepared.commit();
  } catch (err) {
    await prepared.abort();
    throw err;
  }
  // Writing many files into one folder, a caller may sync the folder once at the end instead.
  if (options.syncDir !== false) await confirmRename(file, fs);
}

export async function fsyncDir(dir: string, fs: DurableFs = realFs): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
  } catch (err) {
    // Windows cannot open a folder for syncing; its rename is durable enough there.
    if (process.platform === 'win32') return;
    throw err;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * One JSON file with durable writes (lowdb's JSONFile never fsyncs, and its
 * presets keep data in memory under NODE_ENV=test; the README says why lowdb
 * went). `read` returns the parsed JSON unvalidated: the caller owns the schema.
 */
export class DurableJsonFile<T = unknown> {
  constructor(
    readonly file: string,
    private readonly fs: DurableFs = realFs,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, `${JSON.stringify(data, null, 2)}\n`, this.fs);
  }
}

/**
 * The first half of a durable write, for saving several files as one: the temp file
 * is written and synced; `commit` renames it over the target (the caller fsyncs the
 * folder once after the last), `abort` removes it.
 */
export async function prepareDurable(file: string, data: string | Uint8Array, fs: DurableFs = realFs): Promise<{ commit(): Promise<void>; abort(): Promise<void> }> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    throw err;
  }
  return { commit: () => fs.rename(tmp, file), abort: () => fs.unlink(tmp).catch(() => undefined) };
}

/**
 * Gathers small writes into large ones before they reach `sink`: a sink that
 * fsyncs, seals or makes a system call pays per call, and streams hand over
 * chunks of a few kilobytes.
 */
export function bufferedWrites(sink: (chunk: Buffer) => Promise<void>, size = 1 << 20) {
  let parts: Buffer[] = [];
  let bytes = 0;
  const flush = async () => {
    if (bytes === 0) return;
    const all = Buffer.concat(parts, bytes);
    parts = [];
    bytes = 0;
    await sink(all);
  };
  return {
    async write(chunk: Buffer) {
      parts.push(chunk);
      bytes += chunk.length;
      if (bytes >= size) await flush();
    },
    flush,
  };
}
