// The worker thread's entry (built as out/main/isolationWorker.js): runs the one job it was
// started for and posts its result or its ServiceError. It is terminated afterwards, so
// nothing a hostile file did to its heap outlives the job.

import { parentPort, workerData } from 'node:worker_threads';
import { ServiceError } from '../errors';
import { JOBS, type JobName } from './jobs';
import type { WorkerMessage } from './runJob';

const port = parentPort!;
const post = (msg: WorkerMessage) => port.postMessage(msg);
const { job, input } = workerData as { job: JobName; input: never };

try {
  const value = await JOBS[job](input, (progress: unknown) => post({ type: 'progress', value: progress }));
  post({ type: 'result', value });
} catch (err) {
  if (err instanceof ServiceError) post({ type: 'error', code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) });
  else if (err instanceof RangeError) post({ type: 'error', code: 'bad_input', message: `The file is too large or too deeply nested to read (${err.message}).` });
  else post({ type: 'error', code: 'internal', message: `Reading the file failed unexpectedly: ${(err as Error)?.message ?? String(err)}` });
}
