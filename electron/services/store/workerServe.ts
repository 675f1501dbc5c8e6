// The worker's side of a pool (store/workerPool.ts): the folder's codec made from the key
// the pool moved here, each chunk of work answered (its transferable buffers moved, not
// copied), and the key wiped when the pool stops. A synchronous `work` answers the chunks
// in the order they came; an asynchronous one may overlap them (the read pool's reads).

import { parentPort } from 'node:worker_threads';
import { CaseCodec } from './caseCodec';
import type { PoolReply, PoolRequest } from './workerPool';

export type Answer<Result> = { result: Result; transfer?: ArrayBuffer[] };

export function servePool<Item, Result>(work: (codec: CaseCodec, items: readonly Item[]) => Promise<Answer<Result>> | Answer<Result>): void {
  const port = parentPort!;
  let codec: CaseCodec | null = null;
  let key: Buffer | null = null;
  port.on('message', (msg: PoolRequest<Item>) => {
    if (msg.type === 'start') {
      // The key's bytes were moved here (transferred, not copied) and are wiped at 'stop'.
      key = msg.key ? Buffer.from(msg.key.buffer, msg.key.byteOffset, msg.key.byteLength) : null;
      codec = new CaseCodec(msg.dataDir, key);
    } else if (msg.type === 'work') {
      void (async () => work(codec!, msg.items))().then(
        ({ result, transfer }) => port.postMessage({ type: 'done', seq: msg.seq, result } satisfies PoolReply<Result>, transfer ?? []),
        (err: unknown) => port.postMessage({ type: 'failed', seq: msg.seq, message: (err as Error)?.message ?? String(err) } satisfies PoolReply<Result>),
      );
    } else {
      key?.fill(0);
      key = null;
      codec = null;
      port.close();
    }
  });
}
