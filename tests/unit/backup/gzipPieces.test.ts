import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeSnapshotTo, readSnapshotFile, type BlobRef } from '../../../electron/services/backup/archive';
import { gzipPieces } from '../../../electron/services/backup/gzipPieces';
import { tempDir } from '../../helpers/fixtures';

// A manifest is gzipped in members of about a MiB compressed side by side (backup/gzipPieces):
// what comes out must be the input, in order, for any gzip reader and for the snapshot's own.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-gzip-pieces-')));
afterEach(() => cleanup());

/** How many gzip members `bytes` holds: each begins with the header Node writes (magic, deflate, no flags, no time). */
function members(bytes: Buffer): number {
  const header = Buffer.from('1f8b080000000000', 'hex');
  let n = 0;
  for (let at = bytes.indexOf(header); at !== -1; at = bytes.indexOf(header, at + 1)) n++;
  return n;
}

async function gzipped(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), gzipPieces(), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return Buffer.concat(out);
}

describe('gzip in pieces', () => {
  it('gives back the input in order, in several members', async () => {
    // 100 chunks of 64 KiB, each of its own text (so a piece out of order shows): six pieces, more than are compressed at once.
    const chunks = Array.from({ length: 100 }, (_, i) => Buffer.from(`${String(i).padStart(4, '0')} ${randomBytes(24_000).toString('base64')}\n`.repeat(2)));
    const out = await gzipped(chunks);
    expect(gunzipSync(out).equals(Buffer.concat(chunks))).toBe(true);
    expect(members(out)).toBeGreaterThanOrEqual(5);
  });

  it('writes one member for a small input, and a valid gzip for none', async () => {
    const small = await gzipped([Buffer.from('{"format":"casefile-snapshot"}\n')]);
    expect(members(small)).toBe(1);
    expect(gunzipSync(small).toString()).toBe('{"format":"casefile-snapshot"}\n');
    expect(gunzipSync(await gzipped([])).length).toBe(0);
  });

  it('writes a manifest of many members that the snapshot reader reads whole, line for line', async () => {
    const refs: BlobRef[] = Array.from({ length: 12_000 }, (_, i) => ({ path: `cases/case-${String(i).padStart(6, '0')}.json`, mtimeMs: 1_765_000_000_000 + i / 7, size: 12_000 + i, sha256: randomBytes(32).toString('hex'), ctimeMs: 1_765_000_000_000 + i / 3, ino: 4_000_000 + i, diskSize: 12_000 + i }));
    const parts: Buffer[] = [];
    const header = { format: 'casefile-snapshot', version: 3, createdAt: '2026-12-08T00:00:00.000Z', reason: 'manual' } as const;
    await encodeSnapshotTo(async (chunk) => void parts.push(Buffer.from(chunk)), header, refs, () => [], null);
    const file = path.join(dir, 'manifest.casefile-snapshot');
    await writeFile(file, Buffer.concat(parts));
    expect(members(Buffer.concat(parts))).toBeGreaterThan(1);
    const read: BlobRef[] = [];
    const summary = await readSnapshotFile('manifest.casefile-snapshot', file, { key: null, wholeAad: 'x', streamAad: 'x', visit: (r) => void read.push(r as BlobRef) });
    expect(summary.files).toBe(refs.length);
    expect(read).toEqual(refs);
  });
});
