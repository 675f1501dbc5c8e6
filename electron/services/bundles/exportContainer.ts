import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ExportedBundle } from '../../../shared/contract';
import { confirmRename, TEMP_SUFFIX, writeFileDurably } from '../disk/durableFile';
import { ioError, isIoError, ServiceError } from '../errors';
import { BUNDLE_ENTRY, containerPath, fileEntry, namedOriginals, type NamedOriginal } from './containerRules';
import { SEALED_MAX_BYTES, sealedName, SEALED_SUFFIX, type Sealer } from './sealing';

/** What an export needs of the folder's originals (originals/originalStore.ts). */
export type OriginalsSource = { has(sha256: string): Promise<boolean>; open(sha256: string): Readable };

export type WrittenBundle = { path: string; format: 'json' | 'zip'; cases: number; originals: number; bytes: number; sealed?: 'passphrase' | 'recipients' };

/**
 * Writes an exported bundle to `target`: as `NAME.casefile.zip` with the originals its
 * sources name when `files` is on and there is any, else as JSON to `target` itself.
 * The originals come from the bundle as exported, so a source left out of it (a
 * narrower export) takes its original with it.
 */
export async function writeBundleFile(originals: OriginalsSource, bundle: ExportedBundle, given: string, files: boolean, sealer?: Sealer): Promise<WrittenBundle> {
  const json = `${JSON.stringify(bundle, null, 2)}\n`;
  const named = files ? namedOriginals(bundle).originals : [];
  // A sealed export is named NAME.casefile.zip.age (or the JSON name + .age), whatever suffix was given.
  const target = sealer && given.toLowerCase().endsWith(SEALED_SUFFIX) ? given.slice(0, -SEALED_SUFFIX.length) : given;
  const sealed = sealer ? { sealed: sealer.kind } : {};
  try {
    if (sealer && Buffer.byteLength(json) + named.reduce((n, o) => n + o.size, 0) > SEALED_MAX_BYTES) {
      throw new ServiceError('bad_input', `The bundle would hold more than ${SEALED_MAX_BYTES / 2 ** 30} GiB, the most a sealed bundle may (it is opened in memory). Export fewer cases at a time; nothing was written.`);
    }
    if (named.length === 0) {
      const file = sealer ? sealedName(target) : target;
      const bytes = sealer ? await sealer.bytes(json) : Buffer.from(json, 'utf8');
      await writeFileDurably(file, bytes);
      return { path: file, format: 'json', cases: bundle.cases.length, originals: 0, bytes: bytes.length, ...sealed };
    }
    await assertHeld(originals, named);
    const file = sealer ? sealedName(containerPath(target)) : containerPath(target);
    const bytes = await writeZip(file, json, named, originals, bundle.exportedAt, sealer);
    return { path: file, format: 'zip', cases: bundle.cases.length, originals: named.length, bytes, ...sealed };
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    if (isIoError(err)) throw ioError(err, 'write the bundle');
    // ENOENT, ENOTDIR, EISDIR…: the place given cannot take the file.
    const code = (err as NodeJS.ErrnoException)?.code;
    if (typeof code === 'string') throw new ServiceError('bad_input', `Cannot write the bundle to ${target} (${code}: ${(err as Error).message}); nothing was written.`);
    throw err;
  }
}

/**
 * The container streamed to a temp file beside `file` (yazl reads one original at a time,
 * never the whole archive in memory), synced, then renamed into place; a failure
 * (an original changed on disk, a full disk) leaves nothing.
 */
/** Refuses an export whose sources name an original the folder does not hold, before anything is written. */
export async function assertHeld(originals: OriginalsSource, named: readonly NamedOriginal[]): Promise<void> {
  for (const o of named) {
    if (await originals.has(o.sha256)) continue;
    const { caseIndex, sourceIndex, title } = o.cited[0]!;
    throw new ServiceError(
      'not_found',
      `The original of source “${title}” (cases[${caseIndex}].sources[${sourceIndex}], SHA-256 ${o.sha256}) is not in the data folder, so the bundle cannot carry it. Restore it from a backup, or export without originals (--no-files); nothing was written.`,
    );
  }
}

/** The container as a stream (bundle.json, then each original read lazily), shared by the file writer and the window's in-memory export. */
export function containerZip(json: string, named: ReadonlyArray<{ sha256: string; size: number }>, originals: OriginalsSource, exportedAt: string): yazl.ZipFile {
  const zip = new yazl.ZipFile();
  const mtime = new Date(exportedAt);
  zip.addBuffer(Buffer.from(json, 'utf8'), BUNDLE_ENTRY, { mtime, compress: true });
  // Stored, not deflated: PDFs, photos and Word files are compressed already, and deflating
  // hundreds of megabytes again would halve the speed for a few per cent.
  for (const o of named) {
    zip.addReadStreamLazy(fileEntry(o.sha256), { mtime, compress: false, size: o.size }, (cb) => {
      // yazl pipes the stream without watching it: an original that fails its hash (changed on disk) must fail the export, not stall it.
      const stream = originals.open(o.sha256);
      stream.on('error', (err) => zip.emit('error', err));
      cb(null, stream);
    });
  }
  zip.end();
  return zip;
}

async function writeZip(file: string, json: string, named: ReadonlyArray<{ sha256: string; size: number }>, originals: OriginalsSource, exportedAt: string, sealer?: Sealer): Promise<number> {
  const zip = containerZip(json, named, originals, exportedAt);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(tmp, 'wx', 0o600);
  let bytes = 0;
  let done = false;
  try {
    const failed = new Promise<never>((_resolve, reject) => zip.on('error', reject));
    const write = async (from: AsyncIterable<Buffer>) => {
      for await (const chunk of from) {
        bytes += chunk.length;
        await handle.write(chunk);
      }
    };
    // Sealed, the container is encrypted as it streams: not one unsealed byte reaches the disk.
    const output = sealer ? await sealer.stream(zip.outputStream as Readable) : (zip.outputStream as Readable);
    await Promise.race([pipeline(output, write), failed]);
    await handle.sync();
    await handle.close();
    await rename(tmp, file);
    done = true;
    await confirmRename(file);
    return bytes;
  } finally {
    if (!done) {
      (zip.outputStream as Readable).destroy();
      await handle.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
    }
  }
}
