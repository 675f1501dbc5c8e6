// A first open of a copied archive (or one whose summary index was lost) reads, decrypts,
// parses and validates every case file: at 100,000 cases, minutes of one thread. The read
// pool spreads that over worker threads, one per core (at most four), each with the store's
// own codec (store/readWorker.ts), and brings back only each case's summary and agenda. Few
// files (an ordinary open: what changed since the last close) are read on the main thread,
// as before: a worker costs tens of milliseconds to start. A worker that cannot start or
// that fails hands its files back to the main thread, so the pool can only make an open
// faster, never fail one.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CaseRead } from './caseCodec';
import type { Catalogue } from './catalogue';
import type { FileStates } from '../disk/statFiles';
import { reconcile } from './reconcile';
import { entryOf, type EntryRead, type PoolReply, type PoolRequest } from './readEntries';
import { devWorkerUrl } from '../devWorker';

/** Below this many files the main thread reads them (starting workers would cost more). */
const POOL_MIN_FILES = 200;
/** Files per message to a worker: small enough for steady progress, large enough that messages cost nothing. */
const CHUNK = 64;
/** Chunks in flight per worker, so it never waits for the next one. */
const AHEAD = 2;

export type ReadPoolOptions = { workers?: number; minFiles?: number };

/**
 * The worker's entry: bundled from readWorker.ts when running from sources (vitest, tsx),
 * readWorker.js beside the built main-process bundles (electron.vite.config.ts builds it as
 * an entry; this module may sit in out/main/chunks/).
 */
function workerUrl(): URL | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return devWorkerUrl(new URL('./readWorker.ts', here));
  for (const rel of ['./readWorker.js', '../readWorker.js']) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

type Pending = { files: readonly string[]; done: (results: EntryRead[]) => void };

class PoolWorker {
  private readonly waiting = new Map<number, Pending>();
  private seq = 0;
  alive = true;
  /** Takes the files a failed worker had not answered for, to be read elsewhere (set by each read). */
  orphan: (left: Pending[]) => void = () => undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (msg: PoolReply) => {
      const pending = this.waiting.get(msg.seq);
      if (!pending) return;
      this.waiting.delete(msg.seq);
      if (msg.type === 'read') pending.done(msg.results);
      else this.orphan([pending]);
    });
    const fail = () => {
      if (!this.alive) return;
      this.alive = false;
      const left = [...this.waiting.values()];
      this.waiting.clear();
      this.orphan(left);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
  }

  get load(): number {
    return this.waiting.size;
  }

  send(pending: Pending): void {
    const seq = ++this.seq;
    this.waiting.set(seq, pending);
    this.worker.postMessage({ type: 'read', seq, files: pending.files } satisfies PoolRequest);
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    this.alive = false;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'stop' } satisfies PoolRequest); // the worker wipes its copy of the key and exits
    await exited;
  }
}

export class ReadPool {
  private workers: PoolWorker[] | null = null;
  private readonly size: number;
  private readonly minFiles: number;

  constructor(
    private readonly dataDir: string,
    /** The folder's key (a copy is moved to each worker and wiped there when the pool closes); null when plain. */
    private readonly dataKey: Buffer | null,
    /** How the main thread reads one case (the store's codec): for few files and as the fallback. */
    private readonly readCase: (file: string) => Promise<CaseRead>,
    options: ReadPoolOptions = {},
  ) {
    this.size = options.workers ?? Math.max(1, Math.min(4, availableParallelism()));
    this.minFiles = options.minFiles ?? POOL_MIN_FILES;
  }

  /** How many workers are running (0 until a read is large enough to start them, or when none could start). */
  get running(): number {
    return this.workers?.filter((w) => w.alive).length ?? 0;
  }

  /** Each file's entry, in the order given; `onRead(n)` as each `n` more are done. */
  async read(files: readonly string[], onRead?: (n: number) => void): Promise<EntryRead[]> {
    const workers = files.length >= this.minFiles ? this.start() : [];
    if (workers.length === 0) return this.readHere(files, onRead);
    const results: EntryRead[] = [];
    const chunks: Array<{ at: number; files: readonly string[] }> = [];
    for (let at = 0; at < files.length; at += CHUNK) chunks.push({ at, files: files.slice(at, at + CHUNK) });
    let left = chunks.length;
    return new Promise<EntryRead[]>((resolve, reject) => {
      const finished = (at: number, got: EntryRead[]) => {
        got.forEach((r, k) => (results[at + k] = r));
        onRead?.(got.length);
        if (--left === 0) resolve(results);
        else dispatch();
      };
      const pendingOf = (chunk: (typeof chunks)[number]): Pending => ({ files: chunk.files, done: (got) => finished(chunk.at, got) });
      const onMain = (pending: Pending) => this.readHere(pending.files).then(pending.done, reject);
      const dispatch = () => {
        for (const w of workers) {
          while (w.alive && w.load < AHEAD && chunks.length > 0) w.send(pendingOf(chunks.shift()!));
        }
        // Every worker gone: the main thread reads what is left.
        if (!workers.some((w) => w.alive)) for (const chunk of chunks.splice(0)) void onMain(pendingOf(chunk));
      };
      for (const w of workers) w.orphan = (lost) => {
        for (const pending of lost) void onMain(pending);
        dispatch();
      };
      dispatch();
    });
  }

  /** Stops the workers (each wipes its copy of the key). */
  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = [];
    await Promise.all(workers.map((w) => w.stop()));
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

  private start(): PoolWorker[] {
    if (this.workers) return this.workers.filter((w) => w.alive);
    this.workers = [];
    let url: URL | null = null;
    try {
      url = workerUrl();
    } catch {
      url = null; // no bundler, no build: the main thread reads
    }
    if (!url) return this.workers;
    for (let i = 0; i < this.size; i++) {
      try {
        const worker = new Worker(url);
        const key = this.dataKey ? new Uint8Array(this.dataKey) : null;
        worker.postMessage({ type: 'start', dataDir: this.dataDir, key } satisfies PoolRequest, key ? [key.buffer] : []);
        this.workers.push(new PoolWorker(worker));
      } catch {
        break;
      }
    }
    return this.workers;
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
