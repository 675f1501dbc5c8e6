import { createHash } from 'node:crypto';

// What the snapshot checks found, kept by file, size and mtime (and which key
// read it) for the life of the process, so listing backups does not re-read
// gigabytes every time. A snapshot this process has just written whole is
// remembered as checked: it was read from the folder, packed and synced moments ago.

type Checked = { size: number; mtimeMs: number; problem: string | null };
const checked = new Map<string, Checked>();
const MAX_CACHED = 256;

/** Which key read the file: a plain read and a keyed one can differ (a plain snapshot in an encrypted folder is damaged). */
const idOf = (file: string, key: Buffer | null) => `${file}\0${key ? createHash('sha256').update('casefile-snapshot-check').update(key).digest('hex').slice(0, 16) : 'plain'}`;

export function knownCheck(file: string, key: Buffer | null, st: { size: number; mtimeMs: number }): { problem: string | null } | null {
  const known = checked.get(idOf(file, key));
  return known && known.size === st.size && known.mtimeMs === st.mtimeMs ? { problem: known.problem } : null;
}

export function rememberCheck(file: string, key: Buffer | null, st: { size: number; mtimeMs: number }, problem: string | null): void {
  const id = idOf(file, key);
  checked.delete(id);
  if (checked.size >= MAX_CACHED) checked.delete(checked.keys().next().value!);
  checked.set(id, { size: st.size, mtimeMs: st.mtimeMs, problem });
}
