import { readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';

/**
 * Rewrites `file` behind the app's back with `edit`'s text — other bytes of the same length — and
 * the old mtime: in place (same inode) or as a new file renamed over it (a sync tool: a new inode).
 * Returns the new text.
 */
export async function rewriteBehindTheBack(file: string, edit: (text: string) => string, how: 'in place' | 'new inode'): Promise<string> {
  const before = await stat(file);
  const text = await readFile(file, 'utf8');
  const changed = edit(text);
  expect(changed).not.toBe(text);
  expect(Buffer.byteLength(changed)).toBe(before.size);
  if (how === 'in place') await writeFile(file, changed);
  else {
    await writeFile(`${file}.sync-tmp`, changed);
    await rename(`${file}.sync-tmp`, file);
  }
  await utimes(file, before.atime, before.mtime);
  const after = await stat(file);
  expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
  return changed;
}
