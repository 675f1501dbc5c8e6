import type { SnapshotInfo } from '../../../shared/model';
import { listSnapshots } from './snapshots';

// Snapshots during the day: after the first saved change of each working hour, so the
// newest backup is never a day's work behind (the one at start is taken before any
// of it). Decided after each save, but taken only once the save has finished — the
// store's save queue has settled — and in the backups' own line, never inside a save.

const HOUR_MS = 3_600_000;

/** Reasons whose snapshot already holds the day's work: one of these under an hour old makes another needless. */
const FRESH_ENOUGH: ReadonlySet<SnapshotInfo['reason']> = new Set(['start', 'daily', 'hourly', 'manual']);

export type HourlyDeps = {
  dataDir: string;
  now: () => number;
  /** Settles once the saves (and snapshots) queued so far have finished: the store's queues. */
  settled: () => Promise<unknown>;
  /** Takes the snapshot (the store's backup('hourly'): snapshot, then the usual rotation). */
  take: () => Promise<SnapshotInfo>;
  onError?: (err: unknown) => void;
};

export class HourlySnapshots {
  /** When the newest snapshot that counts was taken, as last seen (null: none; undefined: not read yet). */
  private newestAt: number | null | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: HourlyDeps) {}

  /**
   * Called after a change is written. Returns at once: within the hour this costs no
   * disk access; past it, the check and the snapshot run after the save queue settles.
   */
  saved(): void {
    if (this.running || this.stopped) return;
    if (typeof this.newestAt === 'number' && this.deps.now() - this.newestAt < HOUR_MS) return;
    this.running = this.deps
      .settled()
      .then(() => this.takeIfDue())
      .catch((err: unknown) => this.deps.onError?.(err))
      .finally(() => {
        this.running = null;
      });
  }

  /** The check or snapshot in flight, if any (for tests). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** No new checks (the store is closing or handing the folder over); the one in flight, owed for a save already made, finishes first. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.idle();
  }

  private async takeIfDue(): Promise<void> {
    // Another snapshot (at start, by hand, a day's) may have been taken since we last looked.
    const newest = (await listSnapshots(this.deps.dataDir)).find((s) => FRESH_ENOUGH.has(s.reason));
    this.newestAt = newest ? Date.parse(newest.createdAt) : null;
    if (this.newestAt !== null && this.deps.now() - this.newestAt < HOUR_MS) return;
    try {
      const info = await this.deps.take();
      this.newestAt = Date.parse(info.createdAt);
    } catch (err) {
      // Not retried on every keystroke's save: the next try is at the first save of the next hour.
      this.newestAt = this.deps.now();
      throw err;
    }
  }
}
