import { readdir } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { PoolState, Records, ShardState } from './snapshotRecords';

// Which blobs the pool holds, without listing its 100,000+ files before every
// snapshot. A snapshot may reuse a hash only while its blob is in the pool; the
// previous snapshot's blobs were, when it was taken (each reused one found there,
// each new one written). Whether one has gone since is told by its shard folder
// (blobs/ab/): removing or renaming a file out of a folder sets the folder's
// mtime and ctime, and no program can set a ctime back. So each snapshot records
// the state (mtime, ctime, inode) of every shard BEFORE it learns what is in them;
// the next one trusts a shard whose state is still that one — nothing left it
// since — and lists the others (at one edit, the shard or two the edit's blobs
// went to). A state recorded within RACY_MS of the moment it was read is not
// trusted: a change in the same tick of the file system's coarse clock could
// leave the ctime as it was (as git treats "racily clean" files).

const RACY_MS = 2000;
const SHARDS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const BLOB_NAME = /^([0-9a-f]{64})\.bin$/;

/** What is known of the pool's content: the previous snapshot's blobs in trusted shards, and whatever a listing or this snapshot's writes showed. */
export class Presence {
  constructor(
    private readonly trusted: ReadonlySet<string>,
    private readonly seen: Set<string>,
  ) {}

  /** For a hash the previous snapshot named: whether its blob is still there (its shard unchanged, or listed with it). */
  holdsNamed(sha256: string): boolean {
    return this.trusted.has(sha256.slice(0, 2)) || this.seen.has(sha256);
  }

  /** For any hash: known to be there (listed, or written since); false means "look" (the writer stats before it writes). */
  has(sha256: string): boolean {
    return this.seen.has(sha256);
  }

  add(sha256: string): void {
    this.seen.add(sha256);
  }
}

function shardState(root: string, shard: string): ShardState | null {
  const st = statSync(path.join(root, shard), { throwIfNoEntry: false });
  return st?.isDirectory() ? [st.mtimeMs, st.ctimeMs, st.ino] : null;
}

const same = (a: ShardState, b: ShardState) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * What is known of the pool at `root`, trusting the shards unchanged since `previous` was
 * taken; `pool` is the shards' state read first (the next snapshot's starting point), `listed`
 * how many shards were listed (the tests and the bench count them).
 */
export async function poolPresence(root: string, previous: Records | null): Promise<{ presence: Presence; pool: PoolState; listed: number }> {
  const statAt = Date.now();
  const shards: Record<string, ShardState> = {};
  for (const shard of SHARDS) {
    const st = shardState(root, shard);
    if (st) shards[shard] = st;
  }
  const before = previous?.pool ?? null;
  const trusted = new Set<string>();
  const seen = new Set<string>();
  let listed = 0;
  for (const shard of SHARDS) {
    const now = shards[shard];
    if (!now) continue; // no folder, no blob
    const then = before?.shards[shard];
    if (before && then && same(then, now) && then[1] < before.statAt - RACY_MS) {
      trusted.add(shard);
      continue;
    }
    listed++;
    for (const name of await readdir(path.join(root, shard)).catch(() => [] as string[])) {
      const m = BLOB_NAME.exec(name);
      if (m?.[1]?.startsWith(shard)) seen.add(m[1]);
    }
  }
  return { presence: new Presence(trusted, seen), pool: { statAt, shards }, listed };
}
