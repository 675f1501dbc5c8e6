import { PROGRESS_HEADER, TICKET_PATH, TOKEN_HEADER, type Api, type CallOptions, type OperationName, type OpInput, type OpOutput, type Progress } from '../shared/contract';
import type { Result } from '../shared/errors';
import { OPERATION_NAMES } from '../shared/operations';
import { CoreEvent, EVENTS_PATH } from '../shared/events';
import { reloadApp } from './lib/reload';
import { hearLocally } from './lib/otherEvents';

// One client with the same type in both modes: in Electron the preload's frozen
// `window.casefile`; in browser mode the same operations over loopback HTTP.

declare global {
  interface Window {
    casefile?: Api;
    casefileEvents?: { onEvent(listener: (event: CoreEvent) => void): () => void };
  }
}

const TOKEN_KEY = 'casefile.token';
const TICKET = /(?:^#|&)ticket=([A-Za-z0-9_-]+)/;

/** How this page came by the session token: it has one, its link was already used, or it was opened without a link. */
export type Handover = 'ready' | 'used' | 'missing';

/**
 * Browser mode opens at `/#ticket=T`: a one-time ticket, never the token itself (a
 * browser's command line is readable by every local user). The ticket leaves the
 * address bar at once and is traded for the token, which is kept for this tab's
 * reloads in sessionStorage only. A ticket someone else traded first is refused:
 * the page then says so instead of failing call by call.
 */
async function takeToken(): Promise<{ token: string | null; handover: Handover }> {
  const match = TICKET.exec(window.location.hash);
  if (match) {
    const rest = window.location.hash.replace(TICKET, '').replace(/^&/, '');
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest.replace(/^#?/, '')}` : ''}`);
    try {
      const response = await fetch(TICKET_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket: match[1] }) });
      const result = (await response.json()) as Result<{ token: string }>;
      if (result.ok) {
        sessionStorage.setItem(TOKEN_KEY, result.value.token);
        return { token: result.value.token, handover: 'ready' };
      }
    } catch {
      // The server gone: the calls say so themselves.
    }
    // A tab that already holds a token (a reload of a used link) keeps working with it.
    const kept = sessionStorage.getItem(TOKEN_KEY);
    return { token: kept, handover: kept ? 'ready' : 'used' };
  }
  const kept = sessionStorage.getItem(TOKEN_KEY);
  return { token: kept, handover: kept ? 'ready' : 'missing' };
}

let tokenTaken: ReturnType<typeof takeToken> | null = null;

/** Browser mode's handover, settled once per page; the desktop app needs none. */
export function handover(): Promise<Handover> {
  if (window.casefile) return Promise.resolve('ready');
  return (tokenTaken ??= takeToken()).then((r) => r.handover);
}

/**
 * An aborted fetch answers nothing: the server has seen the connection close and
 * stopped the work (see http.ts), so the page says what the server would have.
 */
const cancelled: Result<never> = { ok: false, error: { code: 'cancelled', message: 'Cancelled; nothing was changed.' } };

function httpApi(): Api {
  tokenTaken ??= takeToken(); // at once: the ticket leaves the address bar before anything renders
  const gone: Result<never> = { ok: false, error: { code: 'io', message: 'Casefile is not running any more. Start it again; your saved work is on disk.' } };
  const call = async <K extends OperationName>(op: K, input: OpInput<K>, options?: CallOptions): Promise<Result<OpOutput<K>>> => {
    const { token } = await (tokenTaken ??= takeToken());
    if (!token) return { ok: false, error: { code: 'bad_input', message: 'No session token: open Casefile from a new link (press Enter in the terminal where it runs).' } };
    const onProgress = options?.onProgress;
    let response: Response;
    try {
      response = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...(onProgress ? { [PROGRESS_HEADER]: '1' } : {}) },
        body: JSON.stringify(input ?? {}),
        ...(options?.signal ? { signal: options.signal as AbortSignal } : {}),
      });
    } catch {
      return options?.signal?.aborted ? cancelled : gone;
    }
    const noResult: Result<never> = { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a result.` } };
    if (onProgress && response.headers.get('content-type')?.startsWith('application/x-ndjson') && response.body) {
      try {
        return (await readProgressStream(response.body, onProgress)) as Result<OpOutput<K>> | null ?? noResult;
      } catch {
        return options?.signal?.aborted ? cancelled : gone;
      }
    }
    try {
      return (await response.json()) as Result<OpOutput<K>>;
    } catch {
      return options?.signal?.aborted ? cancelled : noResult;
    }
  };
  return Object.freeze(Object.fromEntries(OPERATION_NAMES.map((op) => [op, (input: never, options?: CallOptions) => call(op, input, options)]))) as Api;
}

/** Reads browser mode's progress stream: each progress line to the caller, then the result (null if none came). */
async function readProgressStream(body: ReadableStream<Uint8Array>, onProgress: (progress: Progress) => void): Promise<Result<unknown> | null> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as { progress?: Progress; result?: Result<unknown> };
      buffered = buffered.slice(newline + 1);
      if (line.result) return line.result;
      if (line.progress) onProgress(line.progress);
    }
    if (done) return null;
  }
}

/**
 * An operation that answers `encrypted` means the folder was locked under the app (the
 * server's idle lock): confirm with `vault.status`, then reload, which drops every
 * decrypted case this page holds and shows the lock screen.
 */
function lockAware(inner: Api): Api {
  let checking = false;
  const onEncrypted = () => {
    if (checking) return;
    checking = true;
    void inner['vault.status']({}).then((r) => {
      // Locked because the passphrase changed on another device: the page stays (its edits are unsaved) and asks.
      if (r.ok && r.value.locked && r.value.passphraseChanged) hearLocally({ type: 'folder.passphraseChanged', data: {} });
      else if (r.ok && r.value.locked) return reloadApp();
      checking = false;
    });
  };
  const wrapped = Object.fromEntries(
    OPERATION_NAMES.map((op) => [
      op,
      async (input: never, options?: CallOptions) => {
        const result = await (inner[op] as (i: never, o?: CallOptions) => Promise<Result<unknown>>)(input, options);
        if (!result.ok && result.error.code === 'encrypted' && !op.startsWith('vault.')) onEncrypted();
        return result;
      },
    ]),
  );
  return Object.freeze(wrapped) as Api;
}

export const isElectron = window.casefile !== undefined;
export const api: Api = lockAware(window.casefile ?? httpApi());

type EventListener = (event: CoreEvent) => void;

/**
 * Browser mode's events: a streaming fetch of the server-sent events (EventSource
 * cannot send the token header, and the token never goes in a URL). One stream per
 * page, opened with the first listener; when it drops (the server restarted, the
 * laptop slept) it is opened again after a pause, and the page is told with a
 * `resync` so it re-reads what it shows.
 */
function httpEvents(): { onEvent(listener: EventListener, onResync?: () => void): () => void } {
  const listeners = new Set<EventListener>();
  const resyncs = new Set<() => void>();
  let started = false;
  const connect = async (): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      const { token } = await (tokenTaken ??= takeToken());
      if (!token) return;
      try {
        const response = await fetch(EVENTS_PATH, { headers: { [TOKEN_HEADER]: token } });
        if (response.status === 401) return;
        if (response.ok && response.body) {
          if (attempt > 0) for (const r of resyncs) r();
          await readEventStream(response.body, (event) => {
            for (const l of listeners) l(event);
          });
        }
      } catch {
        // Gone for now: try again below.
      }
      await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5))));
    }
  };
  return {
    onEvent(listener, onResync) {
      listeners.add(listener);
      if (onResync) resyncs.add(onResync);
      if (!started) {
        started = true;
        void connect();
      }
      return () => {
        listeners.delete(listener);
        if (onResync) resyncs.delete(onResync);
      };
    },
  };
}

/** Reads `data:` lines of a server-sent event stream; an event that breaks the table is dropped. */
async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: EventListener): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      if (!data) continue;
      try {
        const parsed = CoreEvent.safeParse(JSON.parse(data));
        if (parsed.success) onEvent(parsed.data);
      } catch {
        // A line cut short by a dropped connection: the reconnect's resync covers it.
      }
    }
  }
}

/** The core's events in either mode; `onResync` is called when events may have been missed (browser mode reconnected). */
export const events: { onEvent(listener: EventListener, onResync?: () => void): () => void } = window.casefileEvents
  ? { onEvent: (listener) => window.casefileEvents!.onEvent(listener) }
  : httpEvents();
