import type { Readable } from 'node:stream';
import type { ExportedBundle, Progress } from '../../../shared/contract';
import { ServiceError } from '../errors';
import { mib } from '../isolation/limits';
import { namedOriginals } from './containerRules';
import { assertHeld, containerZip, type OriginalsSource } from './exportContainer';
import type { Sealer } from './sealing';

// The window's export (browser mode's download, the desktop's Save dialog): the same
// container `casefile export` writes, but handed back as bytes, because a browser can
// only be given a file whole. The bytes cross the contract as base64 inside JSON, so
// they are bounded by what the window can import back in one piece.

/** The most the window exports in one piece: what its Import dialog takes back (bundle.import's file). */
export const WINDOW_EXPORT_MAX_BYTES = 256 * 1024 * 1024;

export type BundleBytes = { data: Buffer; format: 'json' | 'zip'; originals: number; sealed?: 'passphrase' | 'recipients' };

type Context = { signal?: AbortSignal | undefined; onProgress?: ((p: Progress) => void) | undefined };

const tooBig = (bytes: number) =>
  new ServiceError(
    'bad_input',
    `The bundle would be ${mib(bytes)}, more than the ${mib(WINDOW_EXPORT_MAX_BYTES)} the window hands over in one piece. Export fewer cases at a time, leave the original files out, or use the command line (casefile export FILE), which streams any size; nothing was written.`,
  );

const cancelled = () => new ServiceError('cancelled', 'The export was cancelled; nothing was handed over.');

/**
 * The bundle as the bytes of a file: `NAME.casefile.zip` with the originals its sources
 * name when `files` is on and there is any, else JSON; sealed when a sealer is given.
 * Refused before any work when it would pass the cap; progress counts the bytes made.
 */
export async function bundleBytes(originals: OriginalsSource, bundle: ExportedBundle, files: boolean, sealer: Sealer | undefined, context: Context = {}): Promise<BundleBytes> {
  const json = `${JSON.stringify(bundle, null, 2)}\n`;
  const named = files ? namedOriginals(bundle).originals : [];
  const sealed = sealer ? { sealed: sealer.kind } : {};
  const total = Buffer.byteLength(json) + named.reduce((n, o) => n + o.size, 0);
  if (total > WINDOW_EXPORT_MAX_BYTES) throw tooBig(total);
  if (named.length === 0) {
    const data = sealer ? await sealer.bytes(json) : Buffer.from(json, 'utf8');
    return { data, format: 'json', originals: 0, ...sealed };
  }
  await assertHeld(originals, named);
  if (context.signal?.aborted) throw cancelled();
  const zip = containerZip(json, named, originals, bundle.exportedAt);
  const plain = zip.outputStream as Readable;
  const output = sealer ? await sealer.stream(plain) : plain;
  const chunks: Buffer[] = [];
  let size = 0;
  let reported = 0;
  const failed = new Promise<never>((_resolve, reject) => zip.on('error', reject));
  const stop = () => output.destroy(cancelled());
  context.signal?.addEventListener('abort', stop, { once: true });
  try {
    const collect = async () => {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        size += chunk.length;
        // The ZIP's and the seal's own bytes come on top of the estimate: refused as soon as they pass the cap.
        if (size > WINDOW_EXPORT_MAX_BYTES) throw tooBig(size);
        chunks.push(chunk);
        if (size - reported >= 1024 * 1024) {
          reported = size;
          context.onProgress?.({ done: Math.min(size, total), total, label: 'bytes' });
        }
      }
    };
    await Promise.race([collect(), failed]);
  } catch (err) {
    plain.destroy();
    if (context.signal?.aborted) throw cancelled();
    throw err instanceof ServiceError ? err : new ServiceError('io', `Reading the originals for the bundle failed (${(err as Error).message}); nothing was handed over.`);
  } finally {
    context.signal?.removeEventListener('abort', stop);
  }
  context.onProgress?.({ done: total, total, label: 'bytes' });
  return { data: Buffer.concat(chunks), format: 'zip', originals: named.length, ...sealed };
}
