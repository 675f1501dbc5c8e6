// Building the search index from every case (a copied archive's first open, a lost or
// outdated saved index) costs a whole archive of tokenising: at 100,000 cases, minutes of
// one thread. Here worker threads (search/indexWorker.ts, through the store's worker pool)
// read and count the cases, and the main thread only merges their counts, in the store's
// order, so the index is byte for byte what a build on the main thread makes. Few cases,
// or no worker: the main thread reads them (`peek`: not validated again) and indexes them.
// A case a worker cannot vouch for (its file changed since the store validated it, or it
// will not read as a case) is read here the validating way, as `get` does.

import type { CaseFile } from '../../../shared/model';
import type { CaseStoreBase } from '../store/caseStore';
import type { WorkerPool } from '../store/workerPool';
import { poolWorkerUrl } from '../devWorker';
import { CaseSearchIndex, type BulkBuild } from './caseSearchIndex';
import { STALE, TermMap, type BuildItem, type CountedChunk } from './countedCases';

/** Below this many cases the main thread indexes them (starting workers would cost more). */
const POOL_MIN_CASES = 200;
/** Cases per message to a worker: steady progress, and few enough held while waiting to be merged in order. */
const CHUNK = 64;

export type BuildOptions = {
  /** `n` more cases merged (progress). */
  onCases?: (n: number) => Promise<void> | void;
  /** Aborted (the store closing): the workers stop and the build rejects. */
  signal?: AbortSignal;
  workers?: number;
  minCases?: number;
};

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Every case of the store, indexed (keeping short fields only), each with the state of the file it was read from. */
export async function buildFromStore(store: CaseStoreBase, options: BuildOptions = {}): Promise<CaseSearchIndex> {
  const bulk = CaseSearchIndex.bulk({ keepShortFieldsOnly: true });
  const ids = store.ids();
  const { signal } = options;
  // `peeked`: the case as peek read it (not validated again); without it, or should it not index, read through get, which validates.
  const indexHere = async (id: string, peeked?: CaseFile | null) => {
    const file = store.fileState(id);
    if (peeked && file) {
      try {
        bulk.add(peeked, { ...file, rev: peeked.rev });
        return;
      } catch {
        // A parsed file may leave out what validation fills in (a default): read again, validated.
      }
    }
    const c = await store.get(id).catch(() => null); // gone or quarantined meanwhile: its change says so
    const now = store.fileState(id);
    if (c && now) bulk.add(c, { ...now, rev: c.rev });
  };
  signal?.throwIfAborted();
  if (ids.length < (options.minCases ?? POOL_MIN_CASES)) {
    let n = 0;
    for await (const c of store.all('peek')) {
      signal?.throwIfAborted();
      await indexHere(c.id, c);
      if (++n % CHUNK === 0) await options.onCases?.(CHUNK);
    }
    await options.onCases?.(n % CHUNK);
    return bulk.finish();
  }
  const live = ids.flatMap((id) => {
    const state = store.fileState(id);
    return state ? [{ id, item: { file: store.casePath(id), state } }] : [];
  });
  const chunks: Array<typeof live> = [];
  for (let i = 0; i < live.length; i += CHUNK) chunks.push(live.slice(i, i + CHUNK));
  const pool = store.workerPool<BuildItem, CountedChunk>(() => poolWorkerUrl(import.meta.url, 'indexWorker'), options.workers);
  try {
    await mergeInOrder(pool, chunks, bulk, store, indexHere, options);
  } finally {
    await pool.close(); // each worker wipes its copy of the key
  }
  return bulk.finish();
}

type Ready = { result: CountedChunk; terms: TermMap | null };

/**
 * Sends the chunks to the workers and merges what they send back in chunk order (a chunk
 * that arrives early waits for those before it), so documents and terms are numbered as
 * a build on the main thread numbers them.
 */
async function mergeInOrder(
  pool: WorkerPool<BuildItem, CountedChunk>,
  chunks: ReadonlyArray<ReadonlyArray<{ id: string; item: BuildItem }>>,
  bulk: BulkBuild,
  store: CaseStoreBase,
  indexHere: (id: string, peeked?: CaseFile | null) => Promise<void>,
  { onCases, signal }: BuildOptions,
): Promise<void> {
  const maps: TermMap[] = [];
  const ready: Array<Ready | undefined> = [];
  let wake = () => {};
  // Set from callbacks (a failed run, an abort), read by the loop below.
  const failure: { err?: unknown; failed: boolean } = { failed: false };
  const fail = (err: unknown) => {
    if (!failure.failed) Object.assign(failure, { err, failed: true });
    wake();
  };
  // The main thread, when no worker can: every case read here (through peek).
  const here = (items: readonly BuildItem[]): Promise<CountedChunk> => Promise.resolve({ terms: [], counts: new Int32Array(items.length).fill(STALE), kept: new Uint8Array(0) });
  const running = pool.run(chunks.map((chunk) => chunk.map((c) => c.item)), here, (k, result, worker) => {
    // A worker's terms are learned as its answers arrive: they come in the order it numbered them.
    const terms = worker < 0 ? null : (maps[worker] ??= new TermMap());
    terms?.learn(result.terms);
    ready[k] = { result, terms };
    wake();
  });
  running.catch(fail);
  const stop = () => {
    void pool.close();
    fail(signal!.reason);
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (let k = 0; k < chunks.length; k++) {
      while (!ready[k]) {
        if (failure.failed) throw failure.err;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      if (failure.failed) throw failure.err;
      const { result, terms } = ready[k]!;
      ready[k] = undefined;
      const { counts, kept } = result;
      let at = 0;
      let keptAt = 0;
      for (const { id, item } of chunks[k]!) {
        if (counts[at] === STALE || !terms) {
          at++;
          // Read here: through peek when no worker could (terms null), validated when a worker could not vouch for it.
          await indexHere(id, terms ? null : await store.peek(id));
          continue;
        }
        const rev = counts[at]!;
        const keptLength = counts[at + 1]!;
        const bytes = kept.subarray(keptAt, (keptAt += keptLength));
        at = bulk.addCounted(id, { counts, at: at + 2, terms, kept: bytes }, { ...item.state, rev });
      }
      await onCases?.(chunks[k]!.length);
      await turn(); // the main process keeps answering while it merges
    }
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
