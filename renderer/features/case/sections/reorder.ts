// Moving an item of a list the user orders by hand (decisions, where dates alone
// cannot say which came first). Pure: no React, no DOM.

/** The list with the item at `index` moved by `delta` places; unchanged when it cannot move. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length || delta === 0) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item!);
  return copy;
}
