// Worker threads over the folder's case files, one per core (at most four), each with the
// store's own codec: the read pool of a first open (store/readPool.ts) and the search
// index's build (search/buildPool.ts) share this. Work goes out in chunks, a couple in
// flight per worker so none waits; a worker that cannot start or that fails hands its
// chunks back to the main thread (`here`), so a pool can only make the work faster,
// never fail it. In an encrypted folder each worker gets its own copy of the key,
// transferred (the main thread keeps no extra copy), and wipes it when the pool closes.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** The messages between a pool and its workers (the worker's side: store/workerServe.ts). */
export type PoolRequest<Item> =
  | { type: 'start'; dataDir: string; key: Uint8Array | null }
  | { type: 'work'; seq: number; items: readonly Item[] }
  | { type: 'stop' };

export type PoolReply<Result> = { type: 'done'; seq: number; result: Result } | { type: 'failed'; seq: number; message: string };

/** Chunks in flight per worker, so it never waits for the next one. */
const AHEAD = 2;

type Chunk<Item> = { k: number; items: readonly Item[] };
type Pending<Item, Result> = Chunk<Item> & { done: (result: Result) => void };

class PoolWorker<Item, Result> {
  private readonly waiting = new Map<number, Pending<Item, Result>>();
  private seq = 0;
  alive = true;
  /** Takes the chunks a failed worker had not answered for, to be done elsewhere (set by each run). */
  orphan: (left: Pending<Item, Result>[]) => void = () => undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (msg: PoolReply<Result>) => {
      const pending = this.waiting.get(msg.seq);
      if (!pending) return;
      this.waiting.delete(msg.seq);
      if (msg.type === 'done') pending.done(msg.result);
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

  send(pending: Pending<Item, Result>): void {
    const seq = ++this.seq;
    this.waiting.set(seq, pending);
    this.worker.postMessage({ type: 'work', seq, items: pending.items } satisfies PoolRequest<Item>);
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    this.alive = false;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'stop' } satisfies PoolRequest<Item>); // the worker wipes its copy of the key and exits
    await exited;
  }
}

export class WorkerPool<Item, Result> {
  private workers: PoolWorker<Item, Result>[] | null = null;
  private readonly size: number;

  constructor(
    /** The worker's entry; null (or a throw) when there is none to start: the main thread does the work. */
    private readonly url: () => URL | null,
    private readonly dataDir: string,
    /** The folder's key (a copy is moved to each worker and wiped there when the pool closes); null when plain. */
    private readonly dataKey: Buffer | null,
    workers?: number,
  ) {
    this.size = workers ?? Math.max(1, Math.min(4, availableParallelism()));
  }

  /** How many workers are running (0 until a run starts them, or when none could start). */
  get running(): number {
    return this.workers?.filter((w) => w.alive).length ?? 0;
  }

  /**
   * Does every chunk, each by a worker or — none running — by `here`; `done(k, result, worker)`
   * as chunk k is done, in the order they finish, `worker` the index of the worker that did
   * it (its replies come in the order it did them) or -1 for the main thread.
   */
  run(chunks: ReadonlyArray<readonly Item[]>, here: (items: readonly Item[]) => Promise<Result>, done: (k: number, result: Result, worker: number) => void): Promise<void> {
    const workers = this.start();
    const queue: Chunk<Item>[] = chunks.map((items, k) => ({ k, items }));
    let left = queue.length;
    if (left === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const finished = (k: number, result: Result, worker: number) => {
        try {
          done(k, result, worker);
        } catch (err) {
          reject(err);
          return;
        }
        if (--left === 0) resolve();
        else dispatch();
      };
      const onMain = (chunk: Chunk<Item>) => here(chunk.items).then((result) => finished(chunk.k, result, -1), reject);
      const dispatch = () => {
        workers.forEach((w, i) => {
          while (w.alive && w.load < AHEAD && queue.length > 0) {
            const chunk = queue.shift()!;
            w.send({ ...chunk, done: (result) => finished(chunk.k, result, i) });
          }
        });
        // Every worker gone (or none started): the main thread does what is left, one chunk at a time.
        if (!workers.some((w) => w.alive)) {
          const chunk = queue.shift();
          if (chunk) void onMain(chunk);
        }
      };
      for (const w of workers) {
        w.orphan = (lost) => {
          for (const chunk of lost) void onMain(chunk);
          dispatch();
        };
      }
      dispatch();
    });
  }

  /** Stops the workers (each wipes its copy of the key). */
  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = [];
    await Promise.all(workers.map((w) => w.stop()));
  }

  private start(): PoolWorker<Item, Result>[] {
    if (this.workers) return this.workers.filter((w) => w.alive);
    this.workers = [];
    let url: URL | null = null;
    try {
      url = this.url();
    } catch {
      url = null; // no bundler, no build: the main thread does the work
    }
    if (!url) return this.workers;
    for (let i = 0; i < this.size; i++) {
      try {
        const worker = new Worker(url);
        const key = this.dataKey ? new Uint8Array(this.dataKey) : null;
        worker.postMessage({ type: 'start', dataDir: this.dataDir, key } satisfies PoolRequest<Item>, key ? [key.buffer] : []);
        this.workers.push(new PoolWorker<Item, Result>(worker));
      } catch {
        break;
      }
    }
    return this.workers;
  }
}
