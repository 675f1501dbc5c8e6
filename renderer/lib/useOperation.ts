import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Result } from '../../shared/errors';
import { OperationRunner, type OperationOptions, type OperationState } from './operationRunner';

/** What a view shows of one read, and a way to ask again. */
export type Operation<T> = OperationState<T> & { refresh: () => Promise<void> };

/**
 * One read through the contract, made when `deps` change and again on `refresh()`.
 * Only the newest request's answer is kept: a slow list answered after a quicker,
 * later one (a refresh after a restore) must not put the older rows back on screen.
 * A failed refresh keeps the last good value beside the error, so the view can say
 * "could not refresh" without emptying itself. The rules are OperationRunner's.
 */
export function useOperation<T>(call: () => Promise<Result<T>>, deps: DependencyList, options: OperationOptions = {}): Operation<T> {
  const { enabled = true, resetOnChange = false, delayMs = 0 } = options;
  const [state, setState] = useState<OperationState<T>>({ value: null, error: null, loading: enabled });
  const runner = useRef<OperationRunner<T> | null>(null);
  runner.current ??= new OperationRunner(call, setState, enabled);
  useEffect(() => {
    runner.current!.setCall(call);
  });

  useEffect(() => {
    runner.current!.changed({ enabled, resetOnChange, delayMs });
    // The caller names what the read depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled]);

  useEffect(() => () => runner.current!.dispose(), []);

  const refresh = useCallback(() => runner.current!.refresh(), []);
  return { ...state, refresh };
}
