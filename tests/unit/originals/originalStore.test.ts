import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OriginalStore } from '../../../electron/services/originals/originalStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cf-originals-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function* chunks(bytes: Buffer, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  return out;
}

describe('OriginalStore', () => {
  for (const sealed of [false, true]) {
    describe(sealed ? 'encrypted folder' : 'plain folder', () => {
      const key = sealed ? randomBytes(32) : null;
      const store = () => new OriginalStore(dir, { key: () => key });

      it('keeps the bytes unchanged under their SHA-256, once however often they are added', async () => {
        const bytes = Buffer.concat([Buffer.from('%PDF-1.4 MARKER-ORIGINAL-Қазақ '), randomBytes(300_000)]);
        const first = await store().put(chunks(bytes, 7_000));
        expect(first).toEqual({ sha256: sha(bytes), size: bytes.length, existed: false });
        const again = await store().put(chunks(bytes, 65_536));
        expect(again.existed).toBe(true);
        const files = await filesUnder(path.join(dir, 'files'));
        expect(files.map((f) => path.relative(dir, f))).toEqual([`files/${first.sha256.slice(0, 2)}/${first.sha256}.bin`]);
        const onDisk = await readFile(files[0]!);
        expect(onDisk.includes(Buffer.from('MARKER-ORIGINAL'))).toBe(!sealed);
        expect((await readAll(store().open(first.sha256))).equals(bytes)).toBe(true);
        expect(await store().check(first.sha256)).toBe('ok');
        expect(await store().list()).toEqual([{ sha256: first.sha256, bytesOnDisk: onDisk.length }]);
      });

      it('reports one changed byte as changed, and refuses to hand the bytes out', async () => {
        const bytes = randomBytes(200_000);
        const { sha256 } = await store().put(chunks(bytes, 10_000));
        const file = store().pathOf(sha256);
        const onDisk = await readFile(file);
        onDisk[onDisk.length - 100]! ^= 1;
        await writeFile(file, onDisk);
        expect(await store().check(sha256)).toBe('changed');
        await expect(readAll(store().open(sha256))).rejects.toThrow(/has changed/);
      });

      it('leaves nothing behind when the file is over the limit or the add is cancelled', async () => {
        await expect(store().put(chunks(randomBytes(50_000), 1000), { maxBytes: 10_000, name: 'big.pdf' })).rejects.toThrow(/"big.pdf" is larger than 10000 bytes/);
        const controller = new AbortController();
        async function* slow() {
          yield randomBytes(1000);
          controller.abort();
          yield randomBytes(1000);
        }
        await expect(store().put(slow(), { signal: controller.signal })).rejects.toThrow();
        expect(await filesUnder(path.join(dir, 'files'))).toEqual([]);
      });
    });
  }

  it('says a missing original is missing', async () => {
    const store = new OriginalStore(dir, { key: () => null });
    const absent = 'a'.repeat(64);
    expect(await store.check(absent)).toBe('missing');
    await expect(readAll(store.open(absent))).rejects.toThrow(/not in the data folder/);
    expect(() => store.pathOf('../x')).toThrow(/not a SHA-256/);
  });
});
