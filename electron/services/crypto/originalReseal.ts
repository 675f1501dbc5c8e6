import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline as streamPipeline } from 'node:stream/promises';
import type { DurableFs } from '../disk/durableFile';
import { ORIGINALS_CHUNK_LOG2, type Target } from '../disk/folderLayout';
import { EncryptedFileError } from './errors';
import { isStreamSealed, openStream, sealStream } from './streamSeal';
import { replaceStreaming } from './snapshotReseal';

// A folder conversion's treatment of originals (files/ab/<sha256>.bin and those
// moved to quarantine/files/): file to file, as a stream, so a 1 GB video is
// sealed or opened in bounded memory, the plain file replacing the sealed one
// only once every chunk has checked out.
//
// An original may hold any bytes — even, for a lawyer who kept one, a sealed
// Casefile file — so its state is not told by its magic alone: a file is
// encrypted when it opens under the folder's key (and, in files/, when what it
// opens to hashes to its name); a file in files/ is plain when its own bytes hash
// to its name. Either test is a full read: the price of a conversion that can be
// redone from any point after a crash.

const pipeline = streamPipeline as unknown as (...streams: unknown[]) => Promise<void>;
const realFs: DurableFs = { open, rename, unlink };
const READ = 1 << 20;

export type ResealOptions = { fs?: DurableFs; onStep?: (step: string) => void | Promise<void> };

/** Hashes what passes; `matches()` once the stream ended says whether it hashed to the name (true when there is none). */
function hashing(sha256: string | undefined) {
  const hash = createHash('sha256');
  let digest = '';
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (sha256) hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      if (sha256) digest = hash.digest('hex');
      callback();
    },
  });
  return { stream, matches: () => !sha256 || digest === sha256 };
}

const drain = async (source: AsyncIterable<Buffer>) => {
  for await (const chunk of source) chunk.fill(0);
};

async function headOf(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether the file's own bytes hash to `sha256`. */
async function hashesTo(file: string, sha256: string): Promise<boolean> {
  const h = hashing(sha256);
  await pipeline(createReadStream(file, { highWaterMark: READ }), h.stream, drain);
  return h.matches();
}

/** Whether the file opens under `key` (null: it does not), and if so whether its plaintext hashes to its name. */
async function opens(file: string, key: Buffer, aad: string, sha256: string | undefined): Promise<{ matches: boolean } | null> {
  const h = hashing(sha256);
  try {
    await pipeline(createReadStream(file, { highWaterMark: READ }), openStream(key, aad), h.stream, drain);
    return { matches: h.matches() };
  } catch (err) {
    if (err instanceof EncryptedFileError) return null;
    throw err;
  }
}

/**
 * Brings one original to `direction`'s state. `converted`: the file was
 * rewritten; `damaged`: in files/, its plain bytes do not hash to its name
 * (changed on disk: verify reports it), or it is sealed and does not open (left
 * as it was). A changed plain original is sealed all the same: whatever it
 * holds, it must not stay readable in an encrypted folder.
 */
export async function resealOriginal(file: string, target: Target, st: Stats, key: Buffer, direction: 'encrypt' | 'decrypt', options: ResealOptions = {}): Promise<{ converted: boolean; damaged: boolean }> {
  const fs = options.fs ?? realFs;
  const sealedLooking = isStreamSealed(await headOf(file));
  const replace = async (stages: unknown[]) => {
    await options.onStep?.(`write ${target.rel}`);
    await replaceStreaming(
      file,
      st,
      (write) =>
        pipeline(createReadStream(file, { highWaterMark: READ }), ...stages, async (source: AsyncIterable<Buffer>) => {
          for await (const chunk of source) await write(chunk);
        }),
      async () => options.onStep?.(`rename ${target.rel}`),
      fs,
    );
  };
  if (direction === 'encrypt') {
    if (sealedLooking) {
      const opened = await opens(file, key, target.aad, target.sha256);
      if (opened) return { converted: false, damaged: !opened.matches };
    }
    // Plain (a quarantined original that does not open is sealed like a quarantined case).
    const h = hashing(target.sha256);
    await replace([h.stream, sealStream(key, target.aad, ORIGINALS_CHUNK_LOG2)]);
    return { converted: true, damaged: !h.matches() };
  }
  if (!sealedLooking) return { converted: false, damaged: false };
  const h = hashing(target.sha256);
  try {
    await replace([openStream(key, target.aad), h.stream]);
    return { converted: true, damaged: !h.matches() };
  } catch (err) {
    if (!(err instanceof EncryptedFileError)) throw err;
    // Plain already (an original that is itself a sealed file), or damaged ciphertext: left as it is.
    return { converted: false, damaged: target.sha256 ? !(await hashesTo(file, target.sha256)) : false };
  }
}
