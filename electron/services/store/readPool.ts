// A first open of a copied archive (or one whose summary index was lost) reads, decrypts,
// parses and validates every case file: at 100,000 cases, minutes of one thread. The read
// pool spreads that over worker threads (store/workerPool.ts), each with the store's own
// codec (store/readWorker.ts), and brings back only each case's summary and agenda. Few
// files (an ordinary open: what changed since the last close) are read on the main thread,
// as before: a worker costs tens of milliseconds to start. A worker that cannot start or
// that fails hands its files back to the main thread, so the pool can only make an open
// faster, never fail one.

import type { CaseRead } from './caseCodec';
import type { Catalogue } from './catalogue';
import type { FileStates } from '../disk/statFiles';
import { reconcile } from './reconcile';
import { entryOf, type EntryRead } from './readEntries';
import { WorkerPool } from './workerPool';
import { poolWorkerUrl } from '../devWorker';

/** Below this many files the main thread reads them (starting workers would cost more). */
const POOL_MIN_FILES = 200;
/** Files per message to a worker: small enough for steady progress, large enough that messages cost nothing. */
const CHUNK = 64;

export type ReadPoolOptions = { workers?: number; minFiles?: number };

export class ReadPool {
  private readonly pool: WorkerPool<string, EntryRead[]>;
  private readonly minFiles: number;

  constructor(
    dataDir: string,
    /** The folder's key (a copy is moved to each worker and wiped there when the pool closes); null when plain. */
    dataKey: Buffer | null,
    /** How the main thread reads one case (the store's codec): for few files and as the fallback. */
    private readonly readCase: (file: string) => Promise<CaseRead>,
    options: ReadPoolOptions = {},
  ) {
    this.pool = new WorkerPool(() => poolWorkerUrl(import.meta.url, 'readWorker'), dataDir, dataKey, options.workers);
    this.minFiles = options.minFiles ?? POOL_MIN_FILES;
  }

  /** How many workers are running (0 until a read is large enough to start them, or when none could start). */
  get running(): number {
    return this.pool.running;
  }

  /** Each file's entry, in the order given; `onRead(n)` as each `n` more are done. */
  async read(files: readonly string[], onRead?: (n: number) => void): Promise<EntryRead[]> {
    if (files.length < this.minFiles && this.running === 0) return this.readHere(files, onRead);
    const chunks: string[][] = [];
    for (let at = 0; at < files.length; at += CHUNK) chunks.push(files.slice(at, at + CHUNK));
    const results: EntryRead[] = [];
    await this.pool.run(chunks, (chunk) => this.readHere(chunk), (k, got) => {
      got.forEach((r, i) => (results[k * CHUNK + i] = r));
      onRead?.(got.length);
    });
    return results;
  }

  /** Stops the workers (each wipes its copy of the key). */
  close(): Promise<void> {
    return this.pool.close();
  }

  private async readHere(files: readonly string[], onRead?: (n: number) => void): Promise<EntryRead[]> {
    const out: EntryRead[] = [];
    for (let i = 0; i < files.length; i += CHUNK) {
      const batch = files.slice(i, i + CHUNK);
      out.push(...(await Promise.all(batch.map(async (file) => entryOf(await this.readCase(file))))));
      onRead?.(batch.length);
    }
    return out;
  }
}

/**
 * reconcile (store/reconcile.ts) with a read pool for the files it must read, closed
 * after; `onProgress` hears how many of them are done.
 */
export async function reconcilePooled(
  catalogue: Catalogue,
  dataDir: string,
  files: FileStates,
  io: Omit<Parameters<typeof reconcile>[3], 'readEntries' | 'progress'>,
  dataKey: Buffer | null,
  onProgress?: (p: { done: number; total: number }) => void,
): Promise<boolean> {
  const pool = new ReadPool(dataDir, dataKey, io.readCase);
  try {
    return await reconcile(catalogue, dataDir, files, { ...io, readEntries: (list, onRead) => pool.read(list, onRead), ...(onProgress ? { progress: (done: number, total: number) => onProgress({ done, total }) } : {}) });
  } finally {
    await pool.close();
  }
}
