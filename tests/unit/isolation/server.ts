// Browser mode's HTTP server on a fresh data folder, in this process, for tests that ask
// it something while a hostile file is being read.

import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../../electron/transports/http';
import type { Result } from '../../../shared/errors';
import { tempDir } from '../../helpers/fixtures';

export type Reply = { status: number; body: string; answeredAt: bigint };

export type TestServer = {
  server: WebServer;
  store: CaseStore;
  get(urlPath: string): Promise<Reply>;
  api<T = unknown>(op: string, input: unknown): Promise<Result<T>>;
  /** A request body as given, for JSON no JavaScript client could stringify. */
  apiRaw<T = unknown>(op: string, body: string | Buffer): Promise<Result<T>>;
  close(): Promise<void>;
};

export async function startTestServer(): Promise<TestServer> {
  const t = await tempDir();
  const rendererDir = path.join(t.dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Casefile</title>');
  const store = await CaseStore.open(path.join(t.dir, 'data'));
  const server = await startWebServer({ dispatch: createDispatcher(createHandlers(store)), rendererDir });
  const send = (method: string, urlPath: string, headers: Record<string, string>, body?: string | Buffer) =>
    new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), answeredAt: process.hrtime.bigint() }));
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  return {
    server,
    store,
    get: (urlPath) => send('GET', urlPath, {}),
    api: async (op, input) =>
      JSON.parse((await send('POST', `/api/${op}`, { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, JSON.stringify(input))).body),
    apiRaw: async (op, body) => JSON.parse((await send('POST', `/api/${op}`, { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body)).body),
    close: async () => {
      await server.close();
      await store.close();
      await t.cleanup();
    },
  };
}

/** Waits (bounded) until `ready` holds. */
export async function until(ready: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const began = Date.now();
  while (!ready()) {
    if (Date.now() - began > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
