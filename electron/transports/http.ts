import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isOperationName, PROGRESS_HEADER, TICKET_PATH, TOKEN_HEADER, type Progress } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../services/dispatch';
import { EVENTS_PATH, type CoreEvent } from '../../shared/events';
import { firstInvalidUtf8 } from '../services/isolation/utf8';

export { TICKET_PATH, TOKEN_HEADER };

/** A ticket's answer when it was already used (or never issued by this run). */
export const TICKET_USED_MESSAGE =
  'This link was already used, or it is from an earlier run of Casefile. Press Enter in the terminal where Casefile runs for a new link, or restart Casefile.';

const MAX_TICKET_BODY_BYTES = 1024;

/** Scripts only from the app itself; the API is same-origin. Mirrors renderer/index.html. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// A bundle file of 256 MiB (the most bundle.import takes) as base64 inside its JSON request, with room to spare.
const MAX_BODY_BYTES = 512 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export type WebServerOptions = {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** The core's events, streamed to each page that asks at EVENTS_PATH with the token. */
  events?: { listen(listener: (event: CoreEvent) => void): () => void };
  /** Told when a ticket has been traded for the token (to remove the page that carried it). */
  onTicketUsed?: (ticket: string) => void;
};

export type WebServer = {
  origin: string;
  /** The session token: never in a URL, never on a command line; a page gets it by trading a ticket. */
  token: string;
  port: number;
  /** A new one-time address that opens the app (`ORIGIN/#ticket=…`); each ticket is traded for the token once. */
  issueTicket(): { ticket: string; url: string };
  close(): Promise<void>;
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request body the server refuses, with the status and words to answer it with. */
class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The body as text: strict UTF-8 (a bad byte is refused with its offset, never turned
 * into U+FFFD), a UTF-8 byte-order mark allowed, and no more than `limit` bytes.
 */
async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError(413, `The request is larger than ${limit / (1024 * 1024)} MiB, the most this server reads; send a smaller file.`);
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body) + bytes.length - body.length;
    throw new BodyError(400, `The request body is not valid UTF-8 (byte ${at} is 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'}); nothing was changed.`);
  }
}

/**
 * Server-sent events, one `data:` line of JSON per event. The page reads them with a
 * streaming fetch rather than EventSource, because EventSource cannot send the token
 * header and the token must never travel in a URL.
 */
function streamEvents(res: ServerResponse, events: WebServerOptions['events']): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
  // A first comment line, so the page knows it is listening before any event comes.
  res.write(': listening\n\n');
  const stop = events?.listen((event) => void res.write(`data: ${JSON.stringify(event)}\n\n`));
  res.on('close', () => stop?.());
}

/**
 * Browser mode: the built renderer and the contract on 127.0.0.1 only. Each
 * operation is `POST /api/<operation>` with a JSON body, answered with the same
 * `Result` the IPC door returns. A random per-launch token must come back in a
 * header, and the Host header must name this loopback address and port (against
 * DNS rebinding). The token itself never travels in a URL: a page opened at
 * `/#ticket=T` (the fragment is never sent) posts T to `/session` and gets the
 * token once; T is burnt on that first use, so a link seen elsewhere (a command
 * line, a terminal's scrollback) is worth nothing after the user's window took it.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  let allowedHosts = new Set<string>();
  const tickets = new Set<string>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(err as Error).message}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 403, 'Forbidden: unexpected Host header.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (url.pathname === TICKET_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'Forbidden: cross-origin request.');
      let ticket: unknown;
      try {
        ticket = (JSON.parse(await readBody(req, MAX_TICKET_BODY_BYTES)) as { ticket?: unknown } | null)?.ticket;
      } catch {
        ticket = undefined;
      }
      // Set.delete is the burn: of two pages racing with one ticket, exactly one gets true.
      if (typeof ticket !== 'string' || !tickets.delete(ticket)) {
        return sendResult(res, 410, { ok: false, error: { code: 'bad_input', message: TICKET_USED_MESSAGE } });
      }
      options.onTicketUsed?.(ticket);
      return sendResult(res, 200, { ok: true, value: { token } });
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST' && !(req.method === 'GET' && url.pathname === EVENTS_PATH)) return send(res, 405, 'Use POST.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'Forbidden: cross-origin request.');
      const given = req.headers[TOKEN_HEADER];
      if (!sameSecret(Array.isArray(given) ? given[0] : given, token)) {
        return sendResult(res, 401, { ok: false, error: { code: 'bad_input', message: 'Missing or wrong session token. Open Casefile from a new link: press Enter in the terminal where it runs.' } });
      }
      if (req.method === 'GET') return streamEvents(res, options.events);
      const op = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (!isOperationName(op)) return sendResult(res, 404, { ok: false, error: { code: 'unsupported', message: `Unknown operation "${op}".` } });
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.length === 0 ? undefined : JSON.parse(body);
      } catch (err) {
        if (err instanceof BodyError) return sendResult(res, err.status, { ok: false, error: { code: 'bad_input', message: err.message } });
        return sendResult(res, 400, { ok: false, error: { code: 'bad_input', message: `The request body is not valid JSON (${(err as Error).message}).` } });
      }
      // A client that goes away (a closed tab, an aborted fetch) cancels work on its file.
      const cancel = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) cancel.abort();
      });
      const signal = cancel.signal;
      if (req.headers[PROGRESS_HEADER] !== '1') return sendResult(res, 200, await options.dispatch(op, input, { signal }));
      // Long work reports as it goes: one JSON line per progress report, the result last.
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
      const onProgress = (progress: Progress) => void res.write(`${JSON.stringify({ progress })}\n`);
      const result = await options.dispatch(op, input, { onProgress, signal });
      res.end(`${JSON.stringify({ result })}\n`);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) return send(res, 403, 'Forbidden.');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'Not found.');
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
      ...(file.endsWith('.html') ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    token,
    port,
    issueTicket: () => {
      const ticket = randomBytes(32).toString('base64url');
      tickets.add(ticket);
      return { ticket, url: `${origin}/#ticket=${ticket}` };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
