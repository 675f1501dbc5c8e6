import { describe, expect, it } from 'vitest';
import { OperationRunner, type OperationState } from '../../../renderer/lib/operationRunner';
import type { Result } from '../../../shared/errors';

// The rules every view's read follows (useOperation drives this runner): answers are
// resolved by hand here, in the order a slow disk or a quick one would give them.

type Pending = { question: string; answer: (r: Result<string>) => void };

function harness(enabled = true) {
  const pending: Pending[] = [];
  const published: OperationState<string>[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  let question = 'a';
  const runner = new OperationRunner<string>(
    () => new Promise<Result<string>>((resolve) => pending.push({ question, answer: resolve })),
    (s) => published.push(s),
    enabled,
    {
      set: (run, ms) => timers.push({ run, ms, cleared: false }) - 1,
      clear: (h) => void (timers[h as number]!.cleared = true),
    },
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { runner, pending, published, timers, settle, ask: (q: string) => void (question = q) };
}

const ok = (value: string): Result<string> => ({ ok: true, value });
const failed = (message: string): Result<string> => ({ ok: false, error: { code: 'io', message } });

describe('OperationRunner', () => {
  it('keeps only the newest answer: a slow one answered late does not put older rows back', async () => {
    const h = harness();
    h.runner.changed();
    h.ask('b');
    h.runner.changed();
    expect(h.pending.map((p) => p.question)).toEqual(['a', 'b']);
    h.pending[1]!.answer(ok('rows of b'));
    await h.settle();
    h.pending[0]!.answer(ok('rows of a'));
    await h.settle();
    expect(h.runner.current).toEqual({ value: 'rows of b', error: null, loading: false });
  });

  it('a failed refresh keeps the last good value beside the error; the next success clears the error', async () => {
    const h = harness();
    h.runner.changed();
    h.pending[0]!.answer(ok('v1'));
    await h.settle();
    const refreshing = h.runner.refresh();
    expect(h.runner.current.loading).toBe(true);
    h.pending[1]!.answer(failed('disk gone'));
    await refreshing;
    expect(h.runner.current).toEqual({ value: 'v1', error: { code: 'io', message: 'disk gone' }, loading: false });
    const again = h.runner.refresh();
    h.pending[2]!.answer(ok('v2'));
    await again;
    expect(h.runner.current).toEqual({ value: 'v2', error: null, loading: false });
  });

  it('resetOnChange forgets the value of the previous question at once', async () => {
    const h = harness();
    h.runner.changed({ resetOnChange: true });
    h.pending[0]!.answer(ok('case 1'));
    await h.settle();
    h.runner.changed({ resetOnChange: true });
    expect(h.runner.current).toEqual({ value: null, error: null, loading: true });
    h.runner.changed();
    expect(h.runner.current.value).toBeNull();
  });

  it('without resetOnChange the old value stays on screen while the new one loads', async () => {
    const h = harness();
    h.runner.changed();
    h.pending[0]!.answer(ok('rows'));
    await h.settle();
    h.runner.changed();
    expect(h.runner.current).toEqual({ value: 'rows', error: null, loading: true });
  });

  it('disabled: no read, the last value forgotten, refresh does nothing, an answer on its way is dropped', async () => {
    const h = harness(false);
    expect(h.runner.current).toEqual({ value: null, error: null, loading: false });
    h.runner.changed({ enabled: false });
    await h.runner.refresh();
    expect(h.pending).toHaveLength(0);
    h.runner.changed({ enabled: true });
    h.runner.changed({ enabled: false });
    h.pending[0]!.answer(ok('too late'));
    await h.settle();
    expect(h.runner.current).toEqual({ value: null, error: null, loading: false });
  });

  it('delayMs waits for the question to settle: a change in the wait cancels the read it would have made', async () => {
    const h = harness();
    h.runner.changed({ delayMs: 150 });
    h.ask('ab');
    h.runner.changed({ delayMs: 150 });
    expect(h.runner.current.loading).toBe(true);
    expect(h.pending).toHaveLength(0);
    expect(h.timers.map((t) => [t.ms, t.cleared])).toEqual([
      [150, true],
      [150, false],
    ]);
    h.timers[1]!.run();
    expect(h.pending.map((p) => p.question)).toEqual(['ab']);
    h.pending[0]!.answer(ok('hits for ab'));
    await h.settle();
    expect(h.runner.current).toEqual({ value: 'hits for ab', error: null, loading: false });
  });

  it('after dispose nothing is published', async () => {
    const h = harness();
    h.runner.changed();
    const before = h.published.length;
    h.runner.dispose();
    h.pending[0]!.answer(ok('late'));
    await h.settle();
    expect(h.published).toHaveLength(before);
  });
});
