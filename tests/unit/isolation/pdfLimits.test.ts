import { request } from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../electron/transports/http';
import { setLimits } from '../../../electron/services/isolation/limits';
import { runningJobs } from '../../../electron/services/isolation/runJob';
import { readOriginalIsolated as extractSourceIsolated } from '../../../electron/services/isolation/extractSource';
import type { ExtractedSource } from '../../../shared/contract';
import { bombPdf, manyPagesPdf } from '../../helpers/hostileFiles';
import { startTestServer, until, type TestServer } from './server';

// Hostile PDFs through browser mode's server, as the window sends them: refused by a
// named limit with what to do, while the server goes on answering.

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  setLimits();
  await t.close();
});

const MiB = 1024 * 1024;

it('a 20,000-page PDF is refused by the page limit, with what to do instead', async () => {
  const pdf = manyPagesPdf(20_000);
  const result = await t.api('sources.extract', { fileName: 'court-file.pdf', dataBase64: pdf.toString('base64') });
  expect(result).toEqual({
    ok: false,
    error: {
      code: 'bad_input',
      message:
        'This PDF has 20,000 pages; Casefile reads at most 5,000 pages from one file (the page limit). Split the PDF into parts of at most 5,000 pages and add each as a source, or paste the text of the pages you need.',
    },
  });
  expect(runningJobs()).toBe(0);
});

it('a PDF within the page limit is read whole in the worker', async () => {
  const result = await t.api<ExtractedSource>('sources.extract', { fileName: 'short.pdf', dataBase64: manyPagesPdf(3).toString('base64') });
  expect(result).toEqual({ ok: true, value: { text: 'Page text\fPage text\fPage text', format: 'pdf', warnings: [] } });
});

it('a PDF bomb is stopped at the memory limit, and the process never grows far past it; the server answers meanwhile', async () => {
  setLimits({ sourceRssMb: 256 });
  const pdf = await bombPdf(384); // about 400 KB on disk
  expect(pdf.length).toBeLessThan(MiB);
  const base = process.memoryUsage.rss();
  let peak = base;
  const sampling = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);

  const pending = t.api('sources.extract', { fileName: 'bomb.pdf', dataBase64: pdf.toString('base64') });
  await until(() => runningJobs() > 0, 'the worker to start');
  const page = await t.get('/');
  const info = await t.api<{ name: string }>('app.info', {});
  // Answered while the bomb is still being read: the order, not a stopwatch, is the test.
  expect(runningJobs()).toBe(1);
  expect(page.status).toBe(200);
  expect(page.body).toContain('<title>Casefile</title>');
  expect(info.ok && info.value.name).toBe('Casefile');

  const result = await pending;
  clearInterval(sampling);
  expect(result).toEqual({
    ok: false,
    error: {
      code: 'bad_input',
      message:
        'Reading "bomb.pdf" needed more than the memory limit of 256 MiB and was stopped; nothing was changed. Split the PDF into smaller files and add each as a source, or paste the text you need.',
    },
  });
  expect(runningJobs()).toBe(0);
  // Read in this thread, pdf.js holds several times the inflated 384 MiB; stopped, growth ends near the limit.
  expect(peak - base).toBeLessThan((256 + 160) * MiB);
});

it('a time limit and a cancel stop the worker, each saying so', async () => {
  setLimits({ sourceMs: 300 });
  const pdf = await bombPdf(64);
  await expect(extractSourceIsolated('slow.pdf', pdf)).rejects.toThrow(
    'Reading "slow.pdf" took longer than the limit of 0.3 s and was stopped; nothing was changed. Split the PDF into smaller files and add each as a source, or paste the text you need.',
  );
  setLimits();
  const cancel = new AbortController();
  const pending = extractSourceIsolated('slow.pdf', pdf, cancel.signal);
  await until(() => runningJobs() > 0, 'the worker to start');
  cancel.abort();
  await expect(pending).rejects.toThrow('Reading "slow.pdf" was cancelled; nothing was changed.');
  expect(runningJobs()).toBe(0);
});

it('a source over the size limit is refused before any worker starts', async () => {
  setLimits({ sourceBytes: 10 * 1024 });
  await expect(extractSourceIsolated('big.txt', new Uint8Array(20 * 1024).fill(0x41))).rejects.toThrow(
    '"big.txt" is 20 KiB; Casefile reads source files of at most 10 KiB (the size limit). Split the file into smaller ones, or paste the text you need.',
  );
});

it('a browser-mode request whose client goes away is cancelled: its worker is stopped', async () => {
  // Limits far away: only the cancel can stop this bomb soon (read whole, it takes about a minute here).
  setLimits({ sourceRssMb: 8192, sourceMs: 600_000 });
  const pdf = await bombPdf(1536);
  const req = request({
    host: '127.0.0.1',
    port: t.server.port,
    method: 'POST',
    path: '/api/sources.extract',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: t.server.token },
  });
  req.on('error', () => undefined); // the socket is torn down on purpose
  req.end(JSON.stringify({ fileName: 'bomb.pdf', dataBase64: pdf.toString('base64') }));
  await until(() => runningJobs() > 0, 'the worker to start');
  req.destroy();
  await until(() => runningJobs() === 0, 'the worker to be stopped by the cancel', 20_000);
  // The server is free for the next request.
  expect((await t.get('/')).status).toBe(200);
});
