import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiError, Result } from '../../shared/errors';

/** What a view shows of one read: the value (null until the first answer), the last error, and a way to ask again. */
export type Operation<T> = { value: T | null; error: ApiError | null; refresh: () => Promise<void> };

/**
 * One read through the contract, made when `deps` change and again on `refresh()`.
 * Only the newest request's answer is kept: a slow list answered after a quicker,
 * later one (a refresh after a restore) must not put the older rows back on screen.
 * A failed refresh keeps the last good value beside the error, so the view can say
 * "could not refresh" without emptying itself.
 */
export function useOperation<T>(call: () => Promise<Result<T>>, deps: DependencyList): Operation<T> {
  const [state, setState] = useState<{ value: T | null; error: ApiError | null }>({ value: null, error: null });
  const callRef = useRef(call);
  const latest = useRef(0);
  useEffect(() => {
    callRef.current = call;
  });

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    const result = await callRef.current();
    if (request !== latest.current) return;
    setState((s) => (result.ok ? { value: result.value, error: null } : { value: s.value, error: result.error }));
  }, []);

  useEffect(() => {
    void refresh();
    // The caller names what the read depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  // A view that goes away must not be written to by an answer still on its way.
  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );

  return { ...state, refresh };
}
