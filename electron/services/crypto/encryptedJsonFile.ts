import { readFile } from 'node:fs/promises';
import { writeFileDurably, type DurableFs } from '../disk/durableFile';
import { decryptBytes, encryptBytes } from './envelope';

/**
 * The encrypted twin of `DurableJsonFile`: same shape, same durable write, the
 * same JSON text inside (so decrypting a folder yields byte-identical files). The
 * store only chooses which adapter to construct.
 *
 * `aad` is the file's logical name (see `aadForPath`); a file moved to another
 * name under the store's feet fails to read. `read` throws `EncryptedFileError`
 * for a damaged, swapped or plain file — the store quarantines it, as it does a
 * file that is not JSON.
 *
 * The adapter keeps a reference to `dataKey`, not a copy: once the app wipes the
 * key on lock, every later read or write fails instead of writing garbage.
 */
export class EncryptedJsonFile<T = unknown> {
  constructor(
    readonly file: string,
    private readonly dataKey: Buffer,
    readonly aad: string,
    private readonly fs?: DurableFs,
  ) {}

  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const plain = decryptBytes(this.dataKey, bytes, this.aad);
    try {
      return JSON.parse(plain.toString('utf8')) as T;
    } finally {
      plain.fill(0);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, encryptBytes(this.dataKey, `${JSON.stringify(data, null, 2)}\n`, this.aad), this.fs);
  }
}
