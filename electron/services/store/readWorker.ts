// A worker thread of the read pool (store/readPool.ts; built as out/main/readWorker.js):
// reads, opens (decrypts), parses and validates case files with the store's own codec, so
// a file is judged — and a bad one's reason worded — exactly as on the main thread, and
// sends back only what the catalogue keeps of each: its summary and agenda.

import { parentPort } from 'node:worker_threads';
import { CaseCodec } from './caseCodec';
import { entryOf, type PoolReply, type PoolRequest } from './readEntries';

const port = parentPort!;
let codec: CaseCodec | null = null;
let key: Buffer | null = null;

port.on('message', (msg: PoolRequest) => {
  if (msg.type === 'start') {
    // The key's bytes were moved here (transferred, not copied) and are wiped at 'stop'.
    key = msg.key ? Buffer.from(msg.key.buffer, msg.key.byteOffset, msg.key.byteLength) : null;
    codec = new CaseCodec(msg.dataDir, key);
  } else if (msg.type === 'read') {
    void Promise.all(msg.files.map(async (file) => entryOf(await codec!.readCase(file)))).then(
      (results) => port.postMessage({ type: 'read', seq: msg.seq, results } satisfies PoolReply),
      (err: unknown) => port.postMessage({ type: 'failed', seq: msg.seq, message: (err as Error)?.message ?? String(err) } satisfies PoolReply),
    );
  } else {
    key?.fill(0);
    key = null;
    codec = null;
    port.close();
  }
});
