import { request, type IncomingMessage } from 'node:http';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { Session } from '../../../electron/services/session';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../../electron/transports/http';
import { CoreEvent, EVENTS_PATH } from '../../../shared/events';
import type { CaseFile } from '../../../shared/model';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// The core's events and cancellation over the real session, dispatcher and browser-mode
// server on 127.0.0.1: what a window hears after a save made by anyone, and long work
// stopped midway leaving the data folder byte for byte as it was.

let dir: string;
let dataDir: string;
let cleanup: () => Promise<void>;
let session: Session;
let dispatch: Dispatch;
let server: WebServer;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  dataDir = path.join(dir, 'data');
  session = await Session.start(dataDir);
  dispatch = createDispatcher(session.handlers);
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  server = await startWebServer({ dispatch, rendererDir, events: session.events });
});
afterEach(async () => {
  await server.close();
  await session.close();
  await cleanup();
});

function post(op: string, input: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${op}`, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token } }, (res) => {
      let data = '';
      res.on('data', (d: Buffer) => (data += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/** An SSE client as the page is one: the token in a header, events read as they come. */
function listen(headers: Record<string, string>): Promise<{ res: IncomingMessage; next: (n: number) => Promise<CoreEvent[]>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'GET', path: EVENTS_PATH, headers }, (res) => {
      const events: CoreEvent[] = [];
      const waiters: Array<() => void> = [];
      let buffered = '';
      res.on('data', (d: Buffer) => {
        buffered += d.toString();
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (block.startsWith('data: ')) events.push(CoreEvent.parse(JSON.parse(block.slice(6))));
        }
        for (const w of waiters.splice(0)) w();
      });
      const next = (n: number) =>
        new Promise<CoreEvent[]>((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`only ${events.length} of ${n} events came: ${JSON.stringify(events)}`)), 10_000);
          const check = () => {
            if (events.length >= n) {
              clearTimeout(timer);
              done(events.splice(0, n));
            } else waiters.push(check);
          };
          check();
        });
      resolve({ res, next, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every file under the data folder with its bytes: what "left as it was" is compared by. */
async function folderBytes(root = dataDir): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    files.set(path.relative(root, file), (await readFile(file)).toString('base64'));
  }
  return files;
}

async function createCases(n: number): Promise<CaseFile[]> {
  const made: CaseFile[] = [];
  for (let i = 0; i < n; i++) {
    const r = await dispatch('cases.create', { case: prisonerDraft({ title: `Case ${i}`, summary: 'Қасым '.repeat(200) }) });
    if (!r.ok) throw new Error(r.error.message);
    made.push(r.value);
  }
  return made;
}

describe('events in browser mode', () => {
  it('a page listening with the token hears each save through the API with its id, rev and cause; without the token it is refused', async () => {
    const refused = await listen({});
    expect(refused.res.statusCode).toBe(401);
    refused.close();
    expect((await listen({ [TOKEN_HEADER]: 'x'.repeat(43) })).res.statusCode).toBe(401);

    const page = await listen({ [TOKEN_HEADER]: server.token });
    expect(page.res.statusCode).toBe(200);
    expect(page.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    try {
      const created = JSON.parse((await post('cases.create', { case: prisonerDraft({ title: 'Асқар' }) })).body) as { ok: true; value: CaseFile };
      expect(await page.next(1)).toEqual([{ type: 'cases.changed', data: { id: created.value.id, rev: 1, cause: 'create' } }]);
      const { rev: _rev, ...draft } = created.value as CaseFile & { rev: number };
      const updated = JSON.parse((await post('cases.update', { id: created.value.id, baseRev: 1, case: { ...draft, title: 'Асқар Б.' } })).body) as { ok: boolean };
      expect(updated.ok).toBe(true);
      expect(await page.next(1)).toEqual([{ type: 'cases.changed', data: { id: created.value.id, rev: 2, cause: 'update' } }]);
      // A write from another door of this process (here the dispatcher itself, as the desktop window's IPC calls it) is heard too.
      expect((await dispatch('cases.trash', { id: created.value.id })).ok).toBe(true);
      expect(await page.next(1)).toEqual([{ type: 'cases.changed', data: { id: created.value.id, cause: 'trash' } }]);
    } finally {
      page.close();
    }
  });
});

describe('cancellation', () => {
  it('a multi-case brief aborted between its cases answers cancelled and leaves no file', async () => {
    const cases = await createCases(4);
    const before = await folderBytes();
    const cancel = new AbortController();
    const progress: number[] = [];
    const result = await dispatch('briefs.render', { ids: cases.map((c) => c.id), template: 'multi' }, {
      signal: cancel.signal,
      onProgress: (p) => {
        progress.push(p.done);
        if (p.done === 2) cancel.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'The brief was cancelled; nothing was changed.' } });
    expect(progress).toEqual([0, 1, 2]); // stopped midway: the third case was never laid out
    expect(await folderBytes()).toEqual(before);
    // Not cancelled, the same brief renders: the stop was the signal, not the cases.
    expect((await dispatch('briefs.render', { ids: cases.map((c) => c.id), template: 'multi' })).ok).toBe(true);
  });

  it('a backup aborted midway answers cancelled and leaves no snapshot and no partial file', async () => {
    await createCases(70); // more than two batches of files to read
    const before = await folderBytes();
    const cancel = new AbortController();
    const result = await dispatch('backups.create', {}, {
      signal: cancel.signal,
      onProgress: (p) => {
        if (p.done > 0) cancel.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'The backup was cancelled; nothing was changed.' } });
    expect(await folderBytes()).toEqual(before);
    expect([...before.keys()].filter((f) => f.startsWith('backups'))).toEqual([]);
    const taken = await dispatch('backups.create', {});
    expect(taken.ok).toBe(true);
    // One new manifest beside the folder's files; the blobs it names go to backups/blobs/, and this
    // machine's binary copy of its lines to local/snapshot-records/.
    const after = [...(await folderBytes()).keys()].filter((f) => !before.has(f));
    expect(after.filter((f) => !f.startsWith('backups/blobs/') && !f.startsWith('local/snapshot-records/'))).toHaveLength(1);
    expect(after.filter((f) => f.startsWith('local/snapshot-records/'))).toHaveLength(1);
  });

  it('an import aborted while its file is read leaves the folder byte-identical', async () => {
    await createCases(2);
    const exported = await dispatch('bundle.export', { ids: session.store!.list({}).map((r) => r.id) });
    if (!exported.ok) throw new Error(exported.error.message);
    const more = { ...exported.value, cases: Array.from({ length: 300 }, () => exported.value.cases).flat().map((c, i) => ({ ...c, id: `imported-${i}`, title: `Imported ${i}` })) };
    const before = await folderBytes();
    const cancel = new AbortController();
    const pending = dispatch('bundle.import', { file: { fileName: 'big.casefile.json', dataBase64: Buffer.from(JSON.stringify(more)).toString('base64') }, onConflict: 'keep-both' }, { signal: cancel.signal });
    cancel.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await folderBytes()).toEqual(before);
    expect(session.store!.count()).toBe(2);
  });

  it('an import whose file was read but not yet stored stops before anything is written', async () => {
    await createCases(1);
    const exported = await dispatch('bundle.export', { ids: session.store!.list({}).map((r) => r.id) });
    if (!exported.ok) throw new Error(exported.error.message);
    const before = await folderBytes();
    const cancel = new AbortController();
    cancel.abort();
    const result = await dispatch('bundle.import', { bundle: { ...exported.value, cases: exported.value.cases.map((c) => ({ ...c, id: 'another-one' })) }, onConflict: 'keep-both' }, { signal: cancel.signal });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'The import was cancelled; nothing was changed.' } });
    expect(await folderBytes()).toEqual(before);
  });

  it('a restore aborted while it stages the snapshot leaves the folder byte-identical and the cases open', async () => {
    await createCases(40);
    const taken = await dispatch('backups.create', {});
    if (!taken.ok) throw new Error(taken.error.message);
    await createCases(5); // the state the cancelled restore must not touch
    const before = await folderBytes();
    const cancel = new AbortController();
    const result = await dispatch('backups.restore', { name: taken.value.name }, {
      signal: cancel.signal,
      onProgress: (p) => {
        if (p.done > 0) cancel.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'The restore was cancelled; nothing was changed.' } });
    // A restore closes the store before it starts, and a closing store writes its catalogue (a cache rebuilt from
    // the cases): that one derived file aside, every case, history, snapshot and setting is byte for byte as it was.
    const after = await folderBytes();
    after.delete('summary-index.json');
    before.delete('summary-index.json');
    expect(after).toEqual(before);
    expect(session.store!.count()).toBe(45);
  });

  it('an encryption cancelled before the folder is rewritten leaves it plain and as it was', async () => {
    await createCases(70);
    const before = await folderBytes();
    const cancel = new AbortController();
    // Cancelled as it starts: the snapshot before the conversion is where it stops (once the folder is rewritten, it goes on).
    cancel.abort();
    const result = await dispatch('vault.encrypt', { passphrase: 'correct horse battery staple' }, { signal: cancel.signal });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'The backup was cancelled; nothing was changed.' } });
    // As with a restore, the store closed for the conversion writes its catalogue; nothing else differs.
    const after = await folderBytes();
    after.delete('summary-index.json');
    before.delete('summary-index.json');
    expect(after).toEqual(before);
    expect(session.status().encrypted).toBe(false);
    expect(session.store!.count()).toBe(70);
  });
});
