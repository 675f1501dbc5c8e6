import type { ApiError, Result } from '../../shared/errors';

// The rules of one read through the contract, kept apart from React so they can be
// tested without a DOM: which answer is kept (only the newest request's), what a
// failure leaves on screen (the last good value, beside the error), what a change of
// question forgets, and the wait of a read typed key by key. useOperation drives it.

/** What a view shows of one read: the value (null until the first answer), the last error, and whether a read is on its way. */
export type OperationState<T> = { value: T | null; error: ApiError | null; loading: boolean };

export type OperationOptions = {
  /** False: no read is made, and what an earlier read gave is forgotten (a closed dialog, an empty query). Default true. */
  enabled?: boolean;
  /** Forget the last value when the question changes: another case is read, not the same list again. Default false. */
  resetOnChange?: boolean;
  /** Wait this long after the last change of the question before reading (a query typed key by key). Default 0. */
  delayMs?: number;
};

type Timers = { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export class OperationRunner<T> {
  private state: OperationState<T>;
  private latest = 0;
  private timer: unknown = null;
  private enabled: boolean;

  constructor(
    private call: () => Promise<Result<T>>,
    private readonly publish: (state: OperationState<T>) => void,
    enabled = true,
    private readonly timers: Timers = realTimers,
  ) {
    this.enabled = enabled;
    this.state = { value: null, error: null, loading: enabled };
  }

  get current(): OperationState<T> {
    return this.state;
  }

  /** The newest call: a refresh uses what the view asks now. */
  setCall(call: () => Promise<Result<T>>): void {
    this.call = call;
  }

  /** The question changed (or was first asked): read again as `options` say. */
  changed(options: OperationOptions = {}): void {
    const { enabled = true, resetOnChange = false, delayMs = 0 } = options;
    this.enabled = enabled;
    this.cancelWait();
    // An answer still on its way is to a question no longer asked.
    this.latest += 1;
    if (!enabled) {
      this.set({ value: null, error: null, loading: false });
      return;
    }
    this.set(resetOnChange ? { value: null, error: null, loading: true } : { ...this.state, loading: true });
    if (delayMs > 0) {
      this.timer = this.timers.set(() => {
        this.timer = null;
        void this.refresh();
      }, delayMs);
    } else void this.refresh();
  }

  /** Reads again now (after a change the view made itself); does nothing while disabled. */
  async refresh(): Promise<void> {
    if (!this.enabled) return;
    this.cancelWait();
    const request = ++this.latest;
    if (!this.state.loading) this.set({ ...this.state, loading: true });
    const result = await this.call();
    if (request !== this.latest) return;
    this.set(result.ok ? { value: result.value, error: null, loading: false } : { value: this.state.value, error: result.error, loading: false });
  }

  /** The view went away: nothing on its way may be written to it. */
  dispose(): void {
    this.cancelWait();
    this.latest += 1;
  }

  private cancelWait(): void {
    if (this.timer === null) return;
    this.timers.clear(this.timer);
    this.timer = null;
  }

  private set(next: OperationState<T>): void {
    const s = this.state;
    if (s.value === next.value && s.error === next.error && s.loading === next.loading) return;
    this.state = next;
    this.publish(next);
  }
}
