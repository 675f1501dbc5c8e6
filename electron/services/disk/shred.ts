import { randomFillSync } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import type { DurableFs } from './durableFile';

// "Delete for good" of one file: its bytes overwritten in place with random bytes
// of the same length, synced, then the name unlinked.
//
// What this does NOT promise, said here and in the README because the user is told
// so: on an SSD (wear-levelling writes the new bytes to other cells), on a
// copy-on-write file system (btrfs, ZFS, APFS write the new bytes to new blocks),
// on a journaled file system that journals data, in a folder a sync tool or a
// cloud drive copies, or where the disk keeps its own snapshots, the old blocks may
// survive the overwrite. That is what encryption at rest is for: an encrypted
// folder's leftovers are ciphertext whose key is gone with the vault's passphrase.
// The overwrite only closes the cheap path (an undelete tool on a plain disk).

const CHUNK = 1 << 20;

export type ShredResult = 'overwritten' | 'unlinked' | 'absent';

/**
 * Overwrites `file` with random bytes and unlinks it. A file that is already gone is
 * 'absent' (a purge finished after a crash passes over what it removed before); one
 * that could not be opened for writing (read-only, a file system that refuses) is
 * still unlinked: 'unlinked'. Each call goes through `fs` so the fault tests can cut it.
 */
export async function shredFile(file: string, fs: Pick<DurableFs, 'open' | 'unlink'> = { open, unlink }): Promise<ShredResult> {
  let overwritten = false;
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await fs.open(file, 'r+');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS' && code !== 'EISDIR') throw err;
  }
  if (handle) {
    try {
      const { size } = await handle.stat();
      const noise = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
      for (let at = 0; at < size; at += noise.length) {
        const n = Math.min(noise.length, size - at);
        randomFillSync(noise, 0, n);
        await handle.write(noise, 0, n, at);
      }
      await handle.sync();
      overwritten = true;
    } finally {
      await handle.close();
    }
  }
  try {
    await fs.unlink(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw err;
  }
  return overwritten ? 'overwritten' : 'unlinked';
}
