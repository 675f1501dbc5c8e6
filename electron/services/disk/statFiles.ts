import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * What identifies one version of a file without reading it. mtime and size alone
 * miss an edit that keeps both (`cp -p`, `touch -r`, bit rot behind a restored
 * time); the change time cannot be set by user code and moves on every write,
 * rename into place or `utimes`, and the inode changes when a file is replaced.
 */
export const FileState = z.strictObject({ mtimeMs: z.number(), size: z.int(), ctimeMs: z.number(), ino: z.number() });
export type FileState = z.infer<typeof FileState>;

export const fileStateOf = (st: Stats): FileState => ({ mtimeMs: st.mtimeMs, size: st.size, ctimeMs: st.ctimeMs, ino: st.ino });

export const sameFile = (a: FileState, b: FileState): boolean => a.mtimeMs === b.mtimeMs && a.size === b.size && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** Each file's name with its state; files gone since the listing are left out. */
export type FileStates = Array<[name: string, state: FileState]>;

/**
 * The state of each named file in `dir`, as `fileStateOf` gives it. stat in a
 * plain loop: 10,000 stats take ~100 ms this way, three times that through the
 * thread pool, and a worker thread takes ~80 ms just to start. A pause between
 * batches keeps the process answering, and lets the summary index, read
 * meanwhile, be parsed.
 */
export async function statFiles(dir: string, names: readonly string[]): Promise<FileStates> {
  const out: FileStates = [];
  const BATCH = 1000;
  for (let i = 0; i < names.length; i += BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const name of names.slice(i, i + BATCH)) {
      const st = statSync(path.join(dir, name), { throwIfNoEntry: false });
      if (st) out.push([name, fileStateOf(st)]);
    }
  }
  return out;
}
