import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import { startTestServer, type TestServer } from './server';

// Browser mode reads request bodies as strict UTF-8: a bad byte is refused where it is,
// never stored as U+FFFD; a byte-order mark in front is allowed.

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const request = (title: Buffer) =>
  Buffer.concat([Buffer.from('{"case":{"kind":"political_prisoner","person":{"name":"X"},"title":"'), title, Buffer.from('"}}')]);

it('a body with invalid UTF-8 is refused with the byte, and nothing is stored', async () => {
  const body = request(Buffer.concat([Buffer.from('Ка'), Buffer.from([0xff]), Buffer.from('зах')]));
  const result = await t.apiRaw('cases.create', body);
  expect(result).toEqual({ ok: false, error: { code: 'bad_input', message: `The request body is not valid UTF-8 (byte ${body.indexOf(0xff)} is 0xff); nothing was changed.` } });
  expect(t.store.count()).toBe(0);
});

it('a body with a UTF-8 byte-order mark is read', async () => {
  const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), request(Buffer.from('Қазақ'))]);
  const result = await t.apiRaw<CaseFile>('cases.create', body);
  expect(result.ok && result.value.title).toBe('Қазақ');
});
