import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { z } from 'zod';

// Syncthing's REST API over HTTP(S), with a deadline on every call and every answer
// checked against a schema before anything reads it.

export class SyncthingUnreachable extends Error {}
export class SyncthingRefused extends Error {}
export class SyncthingAnswer extends Error {}

export type Endpoint = { protocol: 'http:' | 'https:'; host: string; port: number; apiKey: string };

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return LOOPBACK_NAMES.has(h) || (net.isIPv4(h) && h.startsWith('127.'));
}

/**
 * A GUI address as Syncthing writes it (`127.0.0.1:8384`, `0.0.0.0:8384`, `[::1]:8384`,
 * `https://…`) turned into where to call. A wildcard listen address is reached on loopback;
 * any other host is refused unless `typedByUser` (the user named it in Settings → Team).
 */
export function endpointFor(address: string, apiKey: string, tls: boolean, typedByUser: boolean): Endpoint {
  if (address.startsWith('unix://')) throw new SyncthingUnreachable(`Syncthing's GUI listens on a Unix socket (${address}); give its TCP address in Settings → Team.`);
  const withScheme = /^[a-z]+:\/\//i.test(address) ? address : `${tls ? 'https' : 'http'}://${address}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SyncthingUnreachable(`"${address}" is not an address like 127.0.0.1:8384.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncthingUnreachable(`"${address}" is not an http or https address.`);
  let host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '' || host === '0.0.0.0') host = '127.0.0.1';
  if (host === '::') host = '::1';
  if (!isLoopback(host) && !typedByUser) {
    throw new SyncthingUnreachable(`Syncthing's GUI address ${address} is not on this machine; Casefile only talks to a Syncthing on 127.0.0.1 unless you type its address in Settings → Team.`);
  }
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { protocol: url.protocol, host, port, apiKey };
}

export type CallOptions = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH'; body?: unknown; timeoutMs?: number; signal?: AbortSignal };

/** One REST call; the answer parsed by `schema`. Throws SyncthingUnreachable (no answer), SyncthingRefused (403/401) or SyncthingAnswer (anything else unexpected). */
export function callSyncthing<S extends z.ZodType>(endpoint: Endpoint, pathAndQuery: string, schema: S, options: CallOptions = {}): Promise<z.output<S>> {
  const { method = 'GET', body, timeoutMs = 4000, signal } = options;
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const lib = endpoint.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        host: endpoint.host,
        port: endpoint.port,
        path: `/rest/${pathAndQuery}`,
        method,
        headers: { 'X-API-Key': endpoint.apiKey, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) },
        timeout: timeoutMs,
        signal,
        // Syncthing's GUI certificate is self-signed: trusted only on this machine's loopback.
        ...(endpoint.protocol === 'https:' ? { rejectUnauthorized: !isLoopback(endpoint.host) } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > 16 * 1024 * 1024) req.destroy(new SyncthingAnswer('Syncthing answered with more than 16 MiB.'));
          else chunks.push(c);
        });
        res.on('error', (err) => reject(new SyncthingUnreachable(`Syncthing's answer was cut off (${err.message}).`)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status === 401 || status === 403) return reject(new SyncthingRefused(`Syncthing refused the API key (HTTP ${status}).`));
          if (status < 200 || status >= 300) return reject(new SyncthingAnswer(`Syncthing answered ${method} /rest/${pathAndQuery} with HTTP ${status}: ${text.slice(0, 200).trim()}`));
          let json: unknown = null;
          if (text.trim() !== '') {
            try {
              json = JSON.parse(text);
            } catch {
              return reject(new SyncthingAnswer(`Syncthing's answer to /rest/${pathAndQuery} is not JSON.`));
            }
          }
          const parsed = schema.safeParse(json);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return reject(new SyncthingAnswer(`Syncthing's answer to /rest/${pathAndQuery} is not what Casefile expects (${issue?.path.join('.') || '(root)'}: ${issue?.message}).`));
          }
          resolve(parsed.data);
        });
      },
    );
    req.on('timeout', () => req.destroy(new SyncthingUnreachable(`Syncthing at ${endpoint.host}:${endpoint.port} did not answer within ${timeoutMs / 1000} s.`)));
    req.on('error', (err) => {
      if (err instanceof SyncthingUnreachable || err instanceof SyncthingAnswer) reject(err);
      else reject(new SyncthingUnreachable(`No Syncthing answers at ${endpoint.host}:${endpoint.port} (${(err as NodeJS.ErrnoException).code ?? err.message}).`));
    });
    req.end(payload);
  });
}
