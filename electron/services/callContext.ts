import type { Progress } from '../../shared/contract';

// Its own module, below both the handler table and the services it calls, so a service
// that takes a context (briefs, backups) need not import the table that imports it.

/** What a door may offer a call besides its input: a place to show progress. */
export type CallContext = {
  onProgress?: (progress: Progress) => void;
  /** Aborted when the caller has gone (browser mode: the request's connection closed); work on files stops. */
  signal?: AbortSignal;
};
