import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the newest `value`, for listeners registered once that
 * must call what the last render gave them. Set after the render commits, not
 * during it: a render React throws away must not leak into a listener.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
