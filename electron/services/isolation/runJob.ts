// Work on untrusted files (a PDF, an HTML page, a bundle) runs in a worker thread, not
// in the thread that answers the window, the HTTP server and the command line. The
// worker is given a heap limit, a deadline and a watch on the process's memory (a
// decompression bomb allocates buffers outside the heap), and is terminated when it
// passes any of them or when the caller cancels; the caller gets a ServiceError that
// names the limit and what the user can do, never a frozen or exhausted process.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Issue } from '../../../shared/model';
import type { ErrorCode } from '../../../shared/errors';
import { ServiceError } from '../errors';
import { devWorkerUrl } from '../devWorker';
import { mib, seconds } from './limits';
import type { JobInput, JobName, JobOutput } from './jobs';

export type LimitKind = 'time' | 'memory' | 'stall' | 'crash' | 'cancelled';

/** A job stopped by a limit (or by its caller); `limit` says which, for callers that recover (anchoring skips the annotation). */
export class LimitError extends ServiceError {
  constructor(
    readonly limit: LimitKind,
    message: string,
  ) {
    super(limit === 'cancelled' ? 'cancelled' : 'bad_input', message);
  }
}

export type JobOptions = {
  timeoutMs: number;
  heapMb: number;
  rssGrowthMb: number;
  /** How long the job may go without reporting progress (a job that reports as it goes). */
  stallMs?: number;
  signal?: AbortSignal;
  onProgress?: (value: unknown) => void;
  /** The file in the user's words ("this PDF", "“cases.json”"), and what to do when it is refused. */
  subject: string;
  advice: string;
};

/** Messages from the worker. */
export type WorkerMessage =
  | { type: 'progress'; value: unknown }
  | { type: 'result'; value: unknown }
  | { type: 'error'; code: ErrorCode; message: string; issues?: Issue[] };

let running = 0;

/** Jobs whose worker is alive now (tests use it to check that the main thread answers while one runs). */
export function runningJobs(): number {
  return running;
}

const RSS_EVERY_MS = 20;

/**
 * The worker's entry: next to this file as TypeScript when running from sources
 * (vitest, tsx; bundled by ../devWorker.ts), and isolationWorker.js beside the built main-process bundles
 * (electron-vite puts this module in out/main/chunks/, the entry in out/main/).
 */
function workerEntry(): { url: URL; typescript: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./worker.ts', here), typescript: true };
  for (const rel of ['./isolationWorker.js', '../isolationWorker.js']) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { url, typescript: false };
  }
  throw new ServiceError('internal', 'The worker that reads files (isolationWorker.js) is missing from this build. Rebuild Casefile (npm run build).');
}

function startWorker(workerData: unknown, heapMb: number): Worker {
  const entry = workerEntry();
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, heapMb >> 4)), stackSizeMb: 4 };
  return new Worker(entry.typescript ? devWorkerUrl(entry.url) : entry.url, { workerData, resourceLimits });
}

/** Runs one named job in a fresh worker and returns its result, or throws a ServiceError. */
export function runJob<N extends JobName>(job: N, input: JobInput<N>, options: JobOptions): Promise<JobOutput<N>> {
  if (options.signal?.aborted) return Promise.reject(new LimitError('cancelled', `Reading ${options.subject} was cancelled; nothing was changed.`));
  return new Promise<JobOutput<N>>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker({ job, input }, options.heapMb);
    } catch (err) {
      reject(err instanceof ServiceError ? err : new ServiceError('internal', `Could not start the worker that reads files: ${(err as Error).message}`));
      return;
    }
    running++;
    let settled = false;
    const baseline = process.memoryUsage.rss();
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      running--;
      clearTimeout(deadline);
      clearInterval(watch);
      if (stall) clearTimeout(stall);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const stop = (limit: LimitKind, message: string) => finish(() => reject(new LimitError(limit, message)));

    const deadline = setTimeout(
      () => stop('time', `Reading ${options.subject} took longer than the limit of ${seconds(options.timeoutMs)} and was stopped; nothing was changed. ${options.advice}`),
      options.timeoutMs,
    );
    const watch = setInterval(() => {
      const grown = process.memoryUsage.rss() - baseline;
      if (grown > options.rssGrowthMb * 1024 * 1024) {
        stop('memory', `Reading ${options.subject} needed more than the memory limit of ${mib(options.rssGrowthMb * 1024 * 1024)} and was stopped; nothing was changed. ${options.advice}`);
      }
    }, RSS_EVERY_MS);
    let stall: NodeJS.Timeout | undefined;
    const armStall = () => {
      if (options.stallMs === undefined) return;
      if (stall) clearTimeout(stall);
      stall = setTimeout(() => stop('stall', `Part of ${options.subject} took longer than ${seconds(options.stallMs!)} and was stopped.`), options.stallMs);
    };
    // Armed by the first report, so a worker's start-up is not mistaken for a stuck step.
    const onAbort = () => stop('cancelled', `Reading ${options.subject} was cancelled; nothing was changed.`);
    options.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (msg: WorkerMessage) => {
      if (settled) return;
      if (msg.type === 'progress') {
        armStall();
        options.onProgress?.(msg.value);
      } else if (msg.type === 'result') finish(() => resolve(msg.value as JobOutput<N>));
      else finish(() => reject(new ServiceError(msg.code, msg.message, msg.issues)));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        stop('memory', `Reading ${options.subject} needed more than the memory limit of ${options.heapMb} MiB and was stopped; nothing was changed. ${options.advice}`);
      } else if (err instanceof RangeError) {
        stop('crash', `${capitalize(options.subject)} is nested too deeply to read (${err.message}); nothing was changed. ${options.advice}`);
      } else stop('crash', `Reading ${options.subject} failed (${err.message}); nothing was changed. ${options.advice}`);
    });
    worker.on('exit', (code) => stop('crash', `Reading ${options.subject} stopped unexpectedly (exit code ${code}); nothing was changed. ${options.advice}`));
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
