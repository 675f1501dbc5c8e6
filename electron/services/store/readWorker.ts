// A worker thread of the read pool (store/readPool.ts; built as out/main/readWorker.js):
// reads, opens (decrypts), parses and validates case files with the store's own codec, so
// a file is judged — and a bad one's reason worded — exactly as on the main thread, and
// sends back only what the catalogue keeps of each: its summary and agenda.

import { entryOf, type EntryRead } from './readEntries';
import { servePool } from './workerServe';

servePool<string, EntryRead[]>(async (codec, files) => ({ result: await Promise.all(files.map(async (file) => entryOf(await codec.readCase(file)))) }));
