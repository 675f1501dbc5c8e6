// A request already parsed (IPC, the browser-mode body) is walked once, without
// recursion, before the schema sees it: a 100,000-deep value would pass a z.unknown()
// field and then overflow every recursive reader after it (the history writer among them).

import type { PathSegment } from '../../../shared/model';

/** The path to the first value nested deeper than `max` arrays/objects, or undefined. */
export function tooDeep(value: unknown, max: number): PathSegment[] | undefined {
  const stack: Array<{ value: unknown; depth: number; path: PathSegment[] | null }> = [{ value, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > max) return path ?? [];
    // Paths are kept only for the first few levels: a refusal needs where it starts, not all 100,000 steps.
    const child = (key: PathSegment): PathSegment[] | null => (path && path.length < 8 ? [...path, key] : path);
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: depth + 1, path: child(i) });
    else for (const [k, x] of Object.entries(v)) stack.push({ value: x, depth: depth + 1, path: child(k) });
  }
  return undefined;
}
