import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ServiceError } from '../errors';

export const LOCK_FILE = 'casefile.lock';

// One writer per data folder: whoever holds `casefile.lock` may change the folder.
//
// The lock file appears with its whole content at once: it is written to a temp
// file of its own, synced, and hard-linked into place — link() fails when the
// name exists, so of any number of processes exactly one creates it, and no one
// ever sees it empty. (A lock created empty and filled in a second call lets a
// reader in between take it for a crash's leftover and take it over: two writers.)
//
// A lock whose writer is gone (a crash, a kill, a reboot) is stale and is taken
// over — but never by removing it, which would open a gap for a second creator.
// The taker first creates a takeover marker named after the stale lock's exact
// bytes (only one process can create it), checks under it that the lock still
// holds those bytes (a stale lock changes only by a takeover, which needs that
// marker), and renames its own content over it. The marker is then removed: the
// bytes it names are gone for good (every lock holds a random token), so a late
// taker that creates it again finds a different lock and gives up. A taker that
// dies holding a marker leaves a stale marker, taken over the same way one level
// down.

/** What a lock (or a takeover marker) says about its writer. The file is read from disk: checked. */
const LockInfo = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string().catch(''),
  token: z.string().optional().catch(undefined),
});
type LockInfo = z.infer<typeof LockInfo>;

/** The one call some file systems lack; tests give one that fails as a FAT drive's does. */
export type LockFs = { link: typeof link };

/**
 * How long a lock that cannot be read (empty, garbled) must stay the same before it
 * counts as a crash's leftover. Only the no-hard-link fallback, and Casefile before
 * the link scheme, create a lock before filling it; that gap is one write call.
 * Measured on this process's own clock, not file times: FAT keeps them to 2 s and
 * a network share's clock may differ from ours.
 */
const UNREADABLE_GRACE_MS = 2_000;
/** How long to keep trying while other processes keep changing the lock. */
const GIVE_UP_MS = 5_000;
/** Takeovers of takeover markers: each level needs a taker killed within a few milliseconds. */
const MAX_DEPTH = 3;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When this computer last started, in ms since the epoch. */
const bootTime = () => Date.now() - os.uptime() * 1000;

/**
 * When a process started, in ms since the epoch, where the system says (Linux's
 * /proc; /proc/PID/stat counts in clock ticks of 1/100 s since boot); null elsewhere.
 */
function processStartTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? bootTime() + ticks * 10 : null;
  } catch {
    return null;
  }
}

/** Clock slack when comparing a lock's time with the system's own records. */
const SLACK_MS = 5_000;

/**
 * Whether the process that wrote this lock (on this computer) still runs. A live PID
 * is not enough: after a power cut the lock outlives a reboot, and its PID may now
 * belong to some other program — which must not keep the user out for good.
 */
function holderRuns(holder: LockInfo): boolean {
  if (!isAlive(holder.pid)) return false;
  const written = Date.parse(holder.startedAt);
  if (Number.isNaN(written)) return true; // no time to compare: trust the PID
  if (written < bootTime() - SLACK_MS) return false; // written before this computer started
  const started = processStartTime(holder.pid);
  return started === null || started <= written + SLACK_MS; // a process younger than the lock did not write it
}

function parseLock(text: string): LockInfo | null {
  try {
    const parsed = LockInfo.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Names one content of a lock: every lock holds a random token, so a content never comes back. */
const idOf = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

type Seen = { id: string; info: LockInfo | null };

/** The takeover marker of `file` while it holds `bytes` (exported for the tests that leave one behind). */
export const takeoverMarker = (file: string, bytes: string | Buffer) => markerOf(file, idOf(bytes));
const markerOf = (file: string, id: string) => `${file}.takeover-${id}`;

/** What `file` holds now; null when there is no such file. */
async function look(file: string): Promise<Seen | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return { id: idOf(bytes), info: parseLock(bytes.toString('utf8')) };
}

const errCode = (err: unknown) => (err as NodeJS.ErrnoException)?.code ?? '';

/** `content` in a new synced file beside `file`, for link() or rename() to put in place whole. */
async function writeTemp(file: string, content: string): Promise<string> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  return temp;
}

// What link() says on a file system without hard links: EPERM on Linux's vfat/exFAT,
// ENOTSUP/EOPNOTSUPP on macOS and some network shares, EISDIR where libuv translates
// Windows' ERROR_INVALID_FUNCTION (FAT on Windows).
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', ...(process.platform === 'win32' ? ['EISDIR'] : [])]);

/** Creates `file` holding `content` unless it exists; true when this call created it. */
async function createExclusive(file: string, content: string, fs: LockFs): Promise<boolean> {
  const temp = await writeTemp(file, content);
  try {
    await fs.link(temp, file);
    return true;
  } catch (err) {
    // NFS may lose the reply of a link() that succeeded and answer the retry with EEXIST: the link count tells.
    if (errCode(err) === 'EEXIST') return (await stat(temp)).nlink === 2;
    if (!NO_HARD_LINKS.has(errCode(err))) throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return createByOpen(file, content);
}

/**
 * Without hard links (some FAT/exFAT drives and network shares): O_EXCL creates the
 * file exclusively, but empty, and the content follows in one more call. Rename
 * cannot stand in: it replaces what it finds. Readers therefore give an unreadable
 * lock UNREADABLE_GRACE_MS to fill in before they take it over, and the writer
 * reads its lock back, so a writer stalled past the grace learns it lost.
 */
async function createByOpen(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (err) {
    if (errCode(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(file).catch(() => undefined); // still empty: no one else's yet
    throw err;
  }
  await handle.close();
  return (await look(file))?.id === idOf(content);
}

type Attempt = {
  content: string;
  fs: LockFs;
  /** Unreadable locks and markers seen, by file: which content, since when (this process's clock). */
  unreadable: Map<string, { id: string; since: number }>;
};

/** Whether `seen` (the content of `file`) is left over by a writer that is gone. */
function isStale(file: string, seen: Seen, attempt: Attempt): boolean {
  if (seen.info) return seen.info.host === os.hostname() && !holderRuns(seen.info);
  const now = performance.now();
  const first = attempt.unreadable.get(file);
  if (first?.id !== seen.id) {
    attempt.unreadable.set(file, { id: seen.id, since: now });
    return false;
  }
  return now - first.since >= UNREADABLE_GRACE_MS;
}

type Claim = { mine: true } | { busy: Seen } | { retry: true };

/** Makes `file` hold this attempt's content: created, or taken over from a writer that is gone. */
async function claim(file: string, attempt: Attempt, depth: number): Promise<Claim> {
  if (await createExclusive(file, attempt.content, attempt.fs)) return { mine: true };
  const seen = await look(file);
  if (!seen) return { retry: true }; // let go between our two calls
  if (!isStale(file, seen, attempt)) return { busy: seen };
  return (await takeOver(file, seen, attempt, depth)) ? { mine: true } : { retry: true };
}

/** Replaces `file`, found holding the content `stale`, unless another taker is at it or it changed. */
async function takeOver(file: string, stale: Seen, attempt: Attempt, depth: number): Promise<boolean> {
  if (depth >= MAX_DEPTH) throw new ServiceError('locked', tangled(file));
  const marker = markerOf(file, stale.id);
  if (!('mine' in (await claim(marker, attempt, depth + 1)))) return false;
  try {
    if ((await look(file))?.id !== stale.id) return false;
    const temp = await writeTemp(file, attempt.content);
    try {
      await rename(temp, file);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    return true;
  } finally {
    await unlink(marker).catch(() => undefined);
  }
}

/** What to delete by hand when the lock cannot be sorted out: the lock and every file beside it named after it. */
const deleteHint = (dir: string) => `if no Casefile is running anywhere, delete the files named ${LOCK_FILE}* in ${dir} and try again.`;

const tangled = (file: string) =>
  `Could not take over the lock ${path.join(path.dirname(file), LOCK_FILE)}: processes that tried before were stopped while doing so; ${deleteHint(path.dirname(file))}`;

function lockedError(holder: LockInfo, lockPath: string): ServiceError {
  const where = holder.host === os.hostname() ? '' : ` on computer "${holder.host}"`;
  return new ServiceError(
    'locked',
    `The data folder is in use by PID ${holder.pid}${where} (since ${holder.startedAt || 'an unknown time'}). ` +
      `Close the other Casefile window or command and try again; if ${where ? 'that computer is not running Casefile' : 'no Casefile is running'}, ` +
      `the lock is left over: delete ${lockPath}.`,
  );
}

function diskError(err: unknown, lockPath: string): ServiceError {
  const code = errCode(err) || String(err);
  const hint =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied; check that you may write to the data folder'
    : code === 'EROFS' ? 'the disk is read-only'
    : code === 'ENOSPC' ? 'the disk is full; free some space and try again'
    : 'the disk reported an error';
  return new ServiceError('io', `Could not take the lock ${lockPath}: ${hint} (${code}). Nothing was changed.`);
}

/** Files beside the lock that writers now gone left: temp files, takeover markers, old versions' set-asides. */
async function sweepLeftovers(dataDir: string): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(`${LOCK_FILE}.`))) {
    const file = path.join(dataDir, name);
    const info = (await look(file).catch(() => null))?.info;
    // A dead taker's marker names a lock content that never comes back: harmless to remove at any time.
    if (info && info.host === os.hostname() && !holderRuns(info)) await unlink(file).catch(() => undefined);
  }
}

/**
 * One writer per data folder. The lock file names its holder's PID; a lock whose
 * process is gone (a crash, a kill, a reboot) is stale and taken over.
 */
export class DataDirLock {
  private released = false;
  private readonly onExit = () => this.releaseSync();

  private constructor(
    readonly lockPath: string,
    private readonly token: string,
  ) {
    process.once('exit', this.onExit);
  }

  static async acquire(dataDir: string, options: { fs?: LockFs } = {}): Promise<DataDirLock> {
    const lockPath = path.join(dataDir, LOCK_FILE);
    const token = randomBytes(8).toString('hex');
    const content = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), token });
    const attempt: Attempt = { content, fs: options.fs ?? { link }, unreadable: new Map() };
    const giveUp = performance.now() + UNREADABLE_GRACE_MS + GIVE_UP_MS;
    for (;;) {
      let got: Claim;
      try {
        got = await claim(lockPath, attempt, 0);
      } catch (err) {
        throw err instanceof ServiceError ? err : diskError(err, lockPath);
      }
      if ('mine' in got) {
        await sweepLeftovers(dataDir);
        return new DataDirLock(lockPath, token);
      }
      if ('busy' in got && got.busy.info) throw lockedError(got.busy.info, lockPath);
      // Unreadable and within its grace, or another process taking it over: look again shortly.
      if (performance.now() > giveUp) {
        throw new ServiceError('locked', `Could not take the lock ${lockPath}: other processes keep changing it. Try again; ${deleteHint(dataDir)}`);
      }
      await sleep(5 + Math.random() * 20);
    }
  }

  private releaseSync(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    try {
      // Remove it only if it is still ours.
      if (parseLock(readFileSync(this.lockPath, 'utf8'))?.token === this.token) unlinkSync(this.lockPath);
    } catch {
      // Already gone.
    }
  }

  async release(): Promise<void> {
    this.releaseSync();
  }
}
