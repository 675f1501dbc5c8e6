import { readdir } from 'node:fs/promises';
import path from 'node:path';

// Syncthing keeps both sides of a clash as NAME.sync-conflict-<date>-<time>-<device>.EXT.
// The header only needs how many are waiting; resolving them is the Conflicts view's.

const CONFLICT = /\.sync-conflict-\d{8}-\d{6}-[A-Z2-7]{7}/;
/** Where the synced files the app reads live (the top level, cases, the trash, histories). */
const PLACES = ['', 'cases', 'trash', 'history'];

export async function countConflictCopies(dataDir: string): Promise<number> {
  let count = 0;
  for (const place of PLACES) {
    const names = await readdir(path.join(dataDir, place)).catch(() => [] as string[]);
    count += names.filter((n) => CONFLICT.test(n)).length;
  }
  return count;
}
