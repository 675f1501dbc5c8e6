import { randomBytes } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Transform } from 'node:stream';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { bufferedWrites, TEMP_SUFFIX, type DurableFs } from '../disk/durableFile';
import { ENVELOPE_MAGIC, ENVELOPE_OVERHEAD, ENVELOPE_VERSION, TAG_BYTES } from './envelope';
import { EncryptedFileError } from './errors';
import { isStreamSealed, openStream, openWholeSealStream, sealStream, snapshotSealAad } from './streamSeal';

// A folder conversion's treatment of snapshots: file to file, as a stream, so a
// snapshot of many gigabytes is re-sealed (or opened) in bounded memory.
// Encrypting seals a plain snapshot in chunks (version 2); decrypting opens
// either kind — chunked, or sealed whole by an older Casefile — and the plain
// file replaces the sealed one only once every byte has checked out.

const pipeline = streamPipeline as unknown as (...streams: unknown[]) => Promise<void>;
const realFs: DurableFs = { open, rename, unlink };

export type ResealOptions = { fs?: DurableFs; onStep?: (step: string) => void | Promise<void> };

type Kind = { sealed: false } | { sealed: true; opener: () => { start: number; end: number; stage: Transform } | null };

async function kindOf(file: string, rel: string, key: Buffer): Promise<Kind> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(ENVELOPE_MAGIC.length + 1);
    await handle.read(head, 0, head.length, 0);
    if (!head.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC)) return { sealed: false };
    const name = path.basename(rel);
    if (isStreamSealed(head)) return { sealed: true, opener: () => ({ start: 0, end: size - 1, stage: openStream(key, snapshotSealAad(name)) }) };
    if (head[ENVELOPE_MAGIC.length] !== ENVELOPE_VERSION || size < ENVELOPE_OVERHEAD) return { sealed: true, opener: () => null };
    const tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    return { sealed: true, opener: () => ({ start: 0, end: size - TAG_BYTES - 1, stage: openWholeSealStream(key, rel, tag) }) };
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` durably with what `fill` writes, keeping its times (the store
 * reads a trashed case's mtime as the moment it was trashed; a decrypted folder
 * should look as it did before). The temp file uses the store's naming, so a
 * leftover is swept like any other; it is removed when anything fails.
 */
export async function replaceStreaming(file: string, st: Stats, fill: (write: (chunk: Buffer) => Promise<void>) => Promise<void>, beforeRename: () => Promise<void>, fs: DurableFs): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  let renamed = false;
  try {
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      // A handle writes at its position: each flush appends.
      const out = bufferedWrites(async (all) => {
        await handle.writeFile(all);
      });
      await fill((chunk) => out.write(chunk));
      await out.flush();
      await handle.utimes(st.atime, st.mtime);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeRename();
    await fs.rename(tmp, file);
    renamed = true;
  } finally {
    if (!renamed) await unlink(tmp).catch(() => undefined);
  }
}

/**
 * Brings one snapshot to `direction`'s state. `converted`: the file was
 * rewritten; `damaged`: it is sealed but does not open with `key` (left as it was).
 */
export async function resealSnapshot(file: string, rel: string, st: Stats, key: Buffer, direction: 'encrypt' | 'decrypt', options: ResealOptions = {}): Promise<{ converted: boolean; damaged: boolean }> {
  const fs = options.fs ?? realFs;
  const kind = await kindOf(file, rel, key);
  const sink = (write: (chunk: Buffer) => Promise<void>) => async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) await write(chunk);
  };
  if (direction === 'encrypt') {
    if (kind.sealed) {
      // Already sealed (a resumed conversion): it must still open, or it is reported.
      const o = kind.opener();
      if (!o) return { converted: false, damaged: true };
      try {
        await pipeline(createReadStream(file, { start: o.start, end: o.end, highWaterMark: 1 << 20 }), o.stage, async (source: AsyncIterable<Buffer>) => {
          for await (const chunk of source) chunk.fill(0);
        });
        return { converted: false, damaged: false };
      } catch (err) {
        if (err instanceof EncryptedFileError) return { converted: false, damaged: true };
        throw err;
      }
    }
    await options.onStep?.(`write ${rel}`);
    await replaceStreaming(
      file,
      st,
      (write) => pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), sealStream(key, snapshotSealAad(path.basename(rel))), sink(write)),
      async () => options.onStep?.(`rename ${rel}`),
      fs,
    );
    return { converted: true, damaged: false };
  }
  if (!kind.sealed) return { converted: false, damaged: false };
  const o = kind.opener();
  if (!o) return { converted: false, damaged: true };
  await options.onStep?.(`write ${rel}`);
  try {
    await replaceStreaming(
      file,
      st,
      (write) => pipeline(createReadStream(file, { start: o.start, end: o.end, highWaterMark: 1 << 20 }), o.stage, sink(write)),
      async () => options.onStep?.(`rename ${rel}`),
      fs,
    );
  } catch (err) {
    if (err instanceof EncryptedFileError) return { converted: false, damaged: true };
    throw err;
  }
  return { converted: true, damaged: false };
}
