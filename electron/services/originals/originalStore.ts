import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openStream, sealStream } from '../crypto/streamSeal';
import { confirmRename, fsyncDir, TEMP_SUFFIX, writeFileDurably, type DurableFs } from '../disk/durableFile';
import { decryptBytes, encryptBytes } from '../crypto/envelope';
import { derivedRel, FILES_DIR, ORIGINALS_AAD, ORIGINALS_CHUNK_LOG2, originalRel, quarantinedOriginalRel, type DerivedKind } from '../disk/folderLayout';
import { ServiceError } from '../errors';

// The originals behind sources (MODEL.md: Source.file), kept unchanged and
// addressed by the SHA-256 of their bytes: `files/ab/abcd….bin`. A file is
// hashed (and, in an encrypted folder, sealed in authenticated chunks) as it
// streams to a temp file, so memory stays bounded whatever its size; only then
// is its name known, and the temp file is renamed to it. The same bytes added
// twice, by any case, are stored once; a stored original is never rewritten.
//
// Every original is sealed under one logical name (ORIGINALS_AAD): its own name
// is its hash, unknown until the end of the stream. What the AAD would bind, the
// address does: whoever reads an original re-hashes it (`open` fails at the end
// of a stream whose bytes do not match its name), so a sealed file swapped for
// another is caught like a changed one.

const realFs: DurableFs = { open, rename, unlink };

const SHA256 = /^[0-9a-f]{64}$/;

export type StoredOriginal = { sha256: string; size: number; /** True when the bytes were there already (another source, another case). */ existed: boolean };

export type OriginalState = 'ok' | 'missing' | 'changed' | 'unreadable';

export type OriginalStoreOptions = {
  /** The folder's data key (null for a plain folder); asked at each call, since the folder may be converted meanwhile. */
  key: () => Buffer | null;
  fs?: DurableFs;
};

/** A stored original whose bytes (or seal) no longer match its name: changed on disk since it was added. */
export class ChangedOriginalError extends ServiceError {
  constructor(readonly sha256: string, detail: string) {
    super('io', `The stored original ${sha256} has changed (${detail}). Restore it from a backup; verify names every case that cites it.`);
    this.name = 'ChangedOriginalError';
  }
}

function checkSha(sha256: string): void {
  if (!SHA256.test(sha256)) throw new ServiceError('bad_input', `"${sha256}" is not a SHA-256 (64 lower-case hexadecimal digits).`);
}

/** Counts and hashes what passes through, and refuses more than `maxBytes`. */
function measure(maxBytes: number, what: string) {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      size += chunk.length;
      if (size > maxBytes) return callback(new ServiceError('bad_input', `${what} is larger than ${maxBytes} bytes, the most Casefile keeps as one original.`));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return { stream, digest: () => ({ sha256: hash.digest('hex'), size }) };
}

/** Fails the stream at its end when the bytes that passed do not hash to `sha256`. */
function expectHash(sha256: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const got = hash.digest('hex');
      callback(got === sha256 ? null : new ChangedOriginalError(sha256, `its bytes now hash to ${got}`));
    },
  });
}

export class OriginalStore {
  private readonly fs: DurableFs;

  constructor(
    readonly dataDir: string,
    private readonly options: OriginalStoreOptions,
  ) {
    this.fs = options.fs ?? realFs;
  }

  /** Where an original's bytes are (sealed in an encrypted folder). */
  pathOf(sha256: string): string {
    checkSha(sha256);
    return path.join(this.dataDir, ...originalRel(sha256).split('/'));
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  /**
   * Stores the bytes `source` yields, durably: hashed (and sealed) on the way to a
   * temp file, synced, renamed to their address. Bytes already stored are not
   * written again. A failure, an abort or too many bytes leave nothing behind.
   */
  async put(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array> | Readable, options: { maxBytes?: number; signal?: AbortSignal; name?: string } = {}): Promise<StoredOriginal> {
    const dir = path.join(this.dataDir, FILES_DIR);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = path.join(dir, `.incoming.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    const measured = measure(options.maxBytes ?? Number.MAX_SAFE_INTEGER, options.name ? `"${options.name}"` : 'The file');
    const key = this.options.key();
    const handle = await this.fs.open(tmp, 'wx', 0o600);
    let done = false;
    try {
      const write = async (from: AsyncIterable<Buffer>) => {
        for await (const chunk of from) await handle.write(chunk);
      };
      const opts = options.signal ? { signal: options.signal } : {};
      if (key) await pipeline(Readable.from(source), measured.stream, sealStream(key, ORIGINALS_AAD, ORIGINALS_CHUNK_LOG2), write, opts);
      else await pipeline(Readable.from(source), measured.stream, write, opts);
      await handle.sync();
      await handle.close();
      const { sha256, size } = measured.digest();
      const target = this.pathOf(sha256);
      if (await this.has(sha256)) {
        await this.fs.unlink(tmp).catch(() => undefined);
        done = true;
        return { sha256, size, existed: true };
      }
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await this.fs.rename(tmp, target);
      done = true;
      await confirmRename(target, this.fs);
      return { sha256, size, existed: false };
    } finally {
      if (!done) {
        await handle.close().catch(() => undefined);
        await this.fs.unlink(tmp).catch(() => undefined);
      }
    }
  }

  /** Stores a file from disk (the command line's `source add`, a dropped path). */
  putFile(file: string, options: { maxBytes?: number; signal?: AbortSignal } = {}): Promise<StoredOriginal> {
    return this.put(createReadStream(file, { highWaterMark: 1 << 20 }), { ...options, name: path.basename(file) });
  }

  /**
   * The original's bytes as they were added, opened (in an encrypted folder) chunk
   * by chunk, each released only once its tag checks out; the stream fails at its
   * end when the bytes do not hash to their name, and at once when the file is gone
   * (ServiceError 'not_found').
   */
  open(sha256: string): Readable {
    const file = this.pathOf(sha256);
    const key = this.options.key();
    const raw = createReadStream(file);
    const out = new Readable({ read() {} });
    const stages: NodeJS.ReadWriteStream[] = [];
    if (key) stages.push(openStream(key, ORIGINALS_AAD));
    stages.push(expectHash(sha256));
    const tail = stages.reduce<NodeJS.ReadableStream>((from, to) => from.pipe(to), raw) as Readable;
    const fail = (err: unknown) => {
      const code = (err as NodeJS.ErrnoException).code;
      out.destroy(
        err instanceof ServiceError
          ? err
          : code === 'ENOENT'
            ? new ServiceError(
                'not_found',
                existsSync(path.join(this.dataDir, ...quarantinedOriginalRel(sha256).split('/')))
                  ? `The original ${sha256} is missing: verify found it changed on disk and moved it to ${quarantinedOriginalRel(sha256)}. Restore it from a backup (or add the file again).`
                  : `The original ${sha256} is not in the data folder (files/). Restore it from a backup, or import a bundle that carries it.`,
              )
            : key && (err as Error).name === 'EncryptedFileError'
              ? new ChangedOriginalError(sha256, 'its seal does not open')
              : new ServiceError('io', `The original ${sha256} cannot be read: ${(err as Error).message}.`),
      );
    };
    for (const s of [raw, ...stages]) (s as Readable).on('error', fail);
    tail.on('data', (chunk: Buffer) => out.push(chunk));
    tail.on('end', () => out.push(null));
    return out;
  }

  /** The whole original in memory, for what needs it whole (a viewer, a parser); refused above `maxBytes`. */
  async read(sha256: string, maxBytes: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.open(sha256)) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new ServiceError('bad_input', `The original ${sha256} is larger than ${maxBytes} bytes; save it out of Casefile to open it.`);
      parts.push(chunk as Buffer);
    }
    return Buffer.concat(parts, size);
  }

  /** Re-hashes one original: 'ok', 'missing', 'changed' (bytes or seal no longer match its name) or 'unreadable'. */
  async check(sha256: string): Promise<OriginalState> {
    return (await this.inspect(sha256)).state;
  }

  /** `check`, with the bytes that were read back (the original's size when 'ok'). */
  async inspect(sha256: string): Promise<{ state: OriginalState; size: number }> {
    if (!(await this.has(sha256))) return { state: 'missing', size: 0 };
    let size = 0;
    try {
      for await (const chunk of this.open(sha256)) size += (chunk as Buffer).length; // to the end: the hash is checked there
      return { state: 'ok', size };
    } catch (err) {
      return { state: err instanceof ChangedOriginalError ? 'changed' : 'unreadable', size };
    }
  }

  /**
   * Moves a changed original aside, to `quarantine/files/<sha256>.bin` with a note of
   * why beside it (sealed under its own path in an encrypted folder): never served
   * again — `open` then says it is missing — and never deleted. The bytes keep their
   * seal (bound to ORIGINALS_AAD, not to a path), so moving them is one rename.
   */
  async quarantine(sha256: string, reason: string): Promise<string> {
    const from = this.pathOf(sha256);
    const dir = path.dirname(path.join(this.dataDir, ...quarantinedOriginalRel(sha256).split('/')));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    let name = `${sha256}.bin`;
    // A second copy changed later (after a restore) does not replace the first one set aside.
    if (await stat(path.join(dir, name)).then(() => true, () => false)) name = `${sha256}-${new Date().toISOString().replace(/[:.]/g, '-')}.bin`;
    const rel = `${path.posix.dirname(quarantinedOriginalRel(sha256))}/${name}`;
    await this.fs.rename(from, path.join(dir, name));
    const noteRel = `${rel}.reason.txt`;
    const note = `${originalRel(sha256)}: ${reason}\n`;
    const key = this.options.key();
    await writeFileDurably(path.join(dir, `${name}.reason.txt`), key ? encryptBytes(key, note, noteRel) : note, this.fs);
    await fsyncDir(path.dirname(from), this.fs);
    return rel;
  }

  /** Whether an original was moved aside (`quarantine`), for a message that says so. */
  async isQuarantined(sha256: string): Promise<boolean> {
    checkSha(sha256);
    return stat(path.join(this.dataDir, ...quarantinedOriginalRel(sha256).split('/'))).then(() => true, () => false);
  }

  /**
   * Data derived from an original and kept beside it (`files/ab/<sha256>.<kind>.json`:
   * the page layout of its words), sealed whole under its own path in an encrypted
   * folder. Unlike the original it may be replaced (a new OCR run).
   */
  async writeDerived(sha256: string, kind: DerivedKind, data: unknown): Promise<void> {
    const rel = derivedRel(sha256, kind);
    const file = path.join(this.dataDir, ...rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const key = this.options.key();
    const json = `${JSON.stringify(data)}\n`;
    await writeFileDurably(file, key ? encryptBytes(key, json, rel) : json, this.fs);
  }

  /** The derived data written by writeDerived, unvalidated (the caller owns its schema); null when there is none or it does not open. */
  async readDerived(sha256: string, kind: DerivedKind): Promise<unknown> {
    const rel = derivedRel(sha256, kind);
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(this.dataDir, ...rel.split('/')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const key = this.options.key();
    try {
      const plain = key ? decryptBytes(key, bytes, rel) : bytes;
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch {
      return null; // derived data can be made again; a damaged copy is as good as none
    }
  }

  /** Every stored original's hash and its size on disk (sealed size in an encrypted folder). */
  async list(): Promise<{ sha256: string; bytesOnDisk: number }[]> {
    const out: { sha256: string; bytesOnDisk: number }[] = [];
    const root = path.join(this.dataDir, FILES_DIR);
    let shards: string[];
    try {
      shards = await readdir(root);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return out;
      throw err;
    }
    for (const shard of shards.sort()) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of (await readdir(path.join(root, shard))).sort()) {
        const sha256 = name.endsWith('.bin') ? name.slice(0, -4) : '';
        if (!SHA256.test(sha256) || !sha256.startsWith(shard)) continue;
        out.push({ sha256, bytesOnDisk: (await stat(path.join(root, shard, name))).size });
      }
    }
    return out;
  }
}
