import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { CONTENT_SECURITY_POLICY, startWebServer, TICKET_PATH, TICKET_USED_MESSAGE, TOKEN_HEADER, type WebServer } from '../../../electron/transports/http';
import { PROGRESS_HEADER, ProgressStreamLine } from '../../../shared/contract';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

let server: WebServer;
let store: CaseStore;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  const rendererDir = path.join(t.dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Casefile</title>');
  await writeFile(path.join(t.dir, 'secret.txt'), 'outside the renderer');
  store = await CaseStore.open(path.join(t.dir, 'data'));
  server = await startWebServer({ dispatch: createDispatcher(createHandlers(store)), rendererDir });
});
afterEach(async () => {
  await server.close();
  await store.close();
  await cleanup();
});

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function send(method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers }, (res) => {
      let data = '';
      res.on('data', (d: Buffer) => (data += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
const api = (op: string, input: unknown, extra: Record<string, string> = {}) =>
  send('POST', `/api/${op}`, { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...extra }, JSON.stringify(input));

describe('browser mode server', () => {
  const trade = (ticket: unknown, headers: Record<string, string> = {}) =>
    send('POST', TICKET_PATH, { 'content-type': 'application/json', ...headers }, JSON.stringify({ ticket }));

  it('listens on loopback only and opens on a one-time ticket in the fragment, never the token', () => {
    const { ticket, url } = server.issueTicket();
    expect(url).toBe(`http://127.0.0.1:${server.port}/#ticket=${ticket}`);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).not.toContain(server.token);
    expect(server.issueTicket().ticket).not.toBe(ticket);
  });

  it('trades a ticket for the token exactly once; a second use, a made-up ticket or another origin is refused', async () => {
    const { ticket } = server.issueTicket();
    const first = await trade(ticket, { origin: server.origin });
    expect(first.status).toBe(200);
    const token = (JSON.parse(first.body) as { value: { token: string } }).value.token;
    expect(token).toBe(server.token);
    // The token works; the same ticket does not, a second time.
    expect((await send('POST', '/api/cases.list', { 'content-type': 'application/json', [TOKEN_HEADER]: token }, '{}')).status).toBe(200);
    const again = await trade(ticket);
    expect(again.status).toBe(410);
    expect(JSON.parse(again.body)).toEqual({ ok: false, error: { code: 'bad_input', message: TICKET_USED_MESSAGE } });
    expect(again.body).not.toContain(server.token);
    for (const bad of ['x'.repeat(43), '', 42, null]) expect((await trade(bad)).status).toBe(410);
    expect((await send('POST', TICKET_PATH, { 'content-type': 'application/json' }, '{not json')).status).toBe(410);
    // Another site cannot trade one, nor can a rebinding Host; the ticket survives either attempt.
    const other = server.issueTicket().ticket;
    expect((await trade(other, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await trade(other, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await send('GET', TICKET_PATH)).status).toBe(405);
    expect((await trade(other)).status).toBe(200);
  });

  it('of many pages racing with one ticket, exactly one gets the token', async () => {
    const { ticket } = server.issueTicket();
    const replies = await Promise.all(Array.from({ length: 20 }, () => trade(ticket)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array<number>(19).fill(410)]);
  });

  it('serves every contract operation at POST /api/<operation> with the same results', async () => {
    const created = await api('cases.create', { case: prisonerDraft() });
    expect(created.status).toBe(200);
    const result = JSON.parse(created.body) as { ok: boolean; value: { id: string; title: string } };
    expect(result.value.title).toBe('Кенжебек Әбішев — test case');
    const listed = JSON.parse((await api('cases.list', {})).body) as { value: Array<{ id: string }> };
    expect(listed.value.map((c) => c.id)).toEqual([result.value.id]);
    const bad = JSON.parse((await api('cases.get', { id: 'no such id!' })).body) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('streams a long operation’s progress as JSON lines when asked, then its result', async () => {
    for (let i = 0; i < 3; i++) expect((await api('cases.create', { case: prisonerDraft({ title: `Дело ${i}` }) })).status).toBe(200);
    const streamed = await api('backups.create', {}, { [PROGRESS_HEADER]: '1' });
    expect(streamed.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = streamed.body.trimEnd().split('\n').map((line) => ProgressStreamLine.parse(JSON.parse(line)));
    const progress = lines.flatMap((l) => ('progress' in l ? [l.progress] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
    const last = lines.at(-1)!;
    expect('result' in last && (last.result as { ok: boolean; value: { cases: number } })).toMatchObject({ ok: true, value: { cases: 3 } });
    // Without the header: one JSON result, as every other call.
    const plain = await api('backups.list', {});
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((JSON.parse(plain.body) as { value: unknown[] }).value).toHaveLength(1);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await send('POST', '/api/cases.list', { 'content-type': 'application/json' }, '{}')).status).toBe(401);
    expect((await api('cases.list', {}, { [TOKEN_HEADER]: 'x'.repeat(43) })).status).toBe(401);
  });

  it('answers 403 to another Host (DNS rebinding) or a cross-origin request', async () => {
    expect((await api('cases.list', {}, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await send('GET', '/', { host: 'evil.example' })).status).toBe(403);
    expect((await api('cases.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('cases.list', {}, { origin: server.origin })).status).toBe(200);
  });

  it('refuses non-POST API calls, unknown operations and bad JSON', async () => {
    expect((await send('GET', '/api/cases.list', { [TOKEN_HEADER]: server.token })).status).toBe(405);
    expect((await api('cases.drop', {})).status).toBe(404);
    expect((await send('POST', '/api/cases.list', { [TOKEN_HEADER]: server.token }, '{oops')).status).toBe(400);
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const r = await send('GET', p);
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toContain('outside the renderer');
    }
  });
});
