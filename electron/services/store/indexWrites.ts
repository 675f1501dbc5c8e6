/** The summary index is written this long after the last change… */
const INDEX_IDLE_MS = 2000;
/** …or at the latest this long after the first unwritten one. */
const INDEX_MAX_STALE_MS = 30_000;

/**
 * When the summary index is written. The index is a cache: written in the
 * background, not on every save, so a save stays one small file; after a crash the
 * stale entries heal on open. It is written once saves pause for a moment (or every
 * half minute while they never do), and outside the save queue: a save never waits
 * behind it. A timed write appends the rows that changed (store/indexJournal); a
 * forced one, and the last at close, write it whole. Entries are made from the file
 * state after each write, so whenever it is taken, the index only vouches for states
 * that were on disk.
 */
export class IndexWrites {
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  /** When the index on disk first fell behind memory (0: it has not). */
  private staleSince = 0;
  /** Writes, one after another, beside the save queue (an append must not land on a file being replaced). */
  private writes: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly write: (whole: boolean) => Promise<void>,
    /** True when the close must write the index whole (a journal follows it on disk). */
    private readonly compactionDue: () => boolean = () => false,
  ) {}

  /** Memory moved ahead of the index on disk: write it once saves pause. */
  schedule(): void {
    this.dirty = true;
    const now = Date.now();
    if (this.staleSince === 0) this.staleSince = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(INDEX_IDLE_MS, this.staleSince + INDEX_MAX_STALE_MS - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.stopped) return;
      void this.inLine(() => this.flushNow(false)).catch(() => undefined);
    }, wait);
    this.timer.unref();
  }

  /** Writes now when behind (always, and whole, when forced). */
  flush(force = false): Promise<void> {
    return this.inLine(() => this.flushNow(force));
  }

  /** At close: no more timed writes; the one in flight finishes, then what is left is written whole. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.writes.catch(() => undefined);
    if (this.dirty || this.compactionDue()) await this.flushNow(true).catch(() => undefined); // a stale index heals on the next open
  }

  private async flushNow(whole: boolean): Promise<void> {
    if (!whole && !this.dirty) return;
    this.dirty = false;
    this.staleSince = 0;
    await this.write(whole);
  }

  private inLine(work: () => Promise<void>): Promise<void> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }
}
