import type { Progress } from '../../shared/contract';
import { ServiceError } from './errors';

// Its own module, below both the handler table and the services it calls, so a service
// that takes a context (briefs, backups) need not import the table that imports it.

/** What a door may offer a call besides its input: a place to show progress. */
export type CallContext = {
  onProgress?: (progress: Progress) => void;
  /** Aborted when the caller has gone (browser mode: the request's connection closed); work on files stops. */
  signal?: AbortSignal;
};

/** Between two steps of long work: stops it, as a typed `cancelled`, once the caller has gone or asked to. */
export function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new ServiceError('cancelled', `${what} was cancelled; nothing was changed.`);
}
