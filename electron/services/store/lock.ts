import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../errors';

export const LOCK_FILE = 'casefile.lock';

type LockInfo = { pid: number; host: string; startedAt: string };

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
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 && typeof v.host === 'string') {
      return { pid: v.pid, host: v.host, startedAt: String(v.startedAt ?? '') };
    }
  } catch {
    // A crash between creating and filling the lock leaves it empty: stale.
  }
  return null;
}

function lockedError(holder: LockInfo, lockPath: string): ServiceError {
  const where = holder.host === os.hostname() ? '' : ` on computer "${holder.host}"`;
  return new ServiceError(
    'locked',
    `The data folder is in use by PID ${holder.pid}${where} (since ${holder.startedAt || 'an unknown time'}). ` +
      `Close the other Casefile window or command and try again; if ${where ? 'that computer' : 'no Casefile'} is running ` +
      `Casefile${where ? '' : ' anywhere'}, the lock is left over: delete ${lockPath}.`,
  );
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

  static async acquire(dataDir: string): Promise<DataDirLock> {
    const lockPath = path.join(dataDir, LOCK_FILE);
    const token = randomBytes(8).toString('hex');
    const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), token });
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await writeFile(lockPath, mine, { flag: 'wx', mode: 0o600 });
        return new DataDirLock(lockPath, token);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const text = await readFile(lockPath, 'utf8').catch(() => null);
      if (text === null) continue; // released between our two calls: try again
      const holder = parseLock(text);
      if (holder && (holder.host !== os.hostname() || holderRuns(holder))) throw lockedError(holder, lockPath);
      // Stale. Move it aside atomically so that of two processes taking it over
      // at once only one succeeds; the other finds the new lock on its next turn.
      const aside = `${lockPath}.stale-${token}`;
      try {
        await rename(lockPath, aside);
      } catch {
        continue;
      }
      const moved = parseLock(await readFile(aside, 'utf8').catch(() => ''));
      if (moved && moved.pid !== holder?.pid && holderRuns(moved)) {
        // We raced and moved a fresh lock: put it back and report it.
        await rename(aside, lockPath).catch(() => undefined);
        throw lockedError(moved, lockPath);
      }
      await unlink(aside).catch(() => undefined);
    }
    throw new ServiceError('locked', `Could not take the lock ${lockPath}; another process keeps changing it. Try again.`);
  }

  private releaseSync(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    try {
      // Remove it only if it is still ours.
      if (readFileSync(this.lockPath, 'utf8').includes(this.token)) unlinkSync(this.lockPath);
    } catch {
      // Already gone.
    }
  }

  async release(): Promise<void> {
    this.releaseSync();
  }
}
