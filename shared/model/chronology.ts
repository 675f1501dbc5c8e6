// The order of a case's timeline (MODEL.md, Event): the array is the chronology. The app
// keeps it in date order, but a partial date is a period, not a point — "2021-02" holds
// "2021-02-01" — and an event may have no date at all. Where two dates cannot be told
// apart (one period contains the other) or one is missing, the order the user gave is
// the truth, and nothing here reorders it. Pure functions over any list of dated items,
// so deadlines follow the same rules; no DOM, no node:.

export type Dated = { date?: string | undefined };

/**
 * How two partial dates relate: `before`/`after` when the periods do not overlap,
 * `same` for the same text, `overlap` when one period contains the other
 * ("2021-02" and "2021-02-01", "2021" and "2021-07").
 */
export type DateRelation = 'before' | 'after' | 'same' | 'overlap';

export function relateDates(a: string, b: string): DateRelation {
  if (a === b) return 'same';
  // The fixed-width form means a period containing another is its prefix, and
  // otherwise string order is time order.
  if (b.startsWith(a) || a.startsWith(b)) return 'overlap';
  return a < b ? 'before' : 'after';
}

/** True only when both are dated and `a`'s period ends before `b`'s begins. */
export function definitelyBefore(a: Dated, b: Dated): boolean {
  return a.date !== undefined && b.date !== undefined && relateDates(a.date, b.date) === 'before';
}

/**
 * Where an item dated `date` may go in `list` without contradicting a date: after every
 * item it definitely follows (`from`) and before every item it definitely precedes
 * (`to`); any index in from..to is consistent. In an inconsistent list from > to.
 */
export function validRange(list: readonly Dated[], date: string): { from: number; to: number } {
  let from = 0;
  let to = list.length;
  let foundLater = false;
  list.forEach((item, i) => {
    if (item.date === undefined) return;
    const r = relateDates(date, item.date);
    if (r === 'after') from = i + 1;
    else if (r === 'before' && !foundLater) {
      to = i;
      foundLater = true;
    }
  });
  return { from, to };
}

/**
 * The index a new item takes: a dated one goes after the last item it does not
 * precede — after its equals and after the periods containing it or contained in it,
 * so a prosecutor's appeal of "2021-02" added after the ruling of "2021-02-01" stays
 * after it; an undated one goes where the user puts it (`at`), by default at the end.
 */
export function placeFor(list: readonly Dated[], date: string | undefined, at?: number): number {
  if (date === undefined) return clamp(at ?? list.length, list.length);
  const { from, to } = validRange(list, date);
  return Math.max(from, to);
}

export function insertInOrder<T extends Dated>(list: readonly T[], item: T, at?: number): T[] {
  const copy = [...list];
  copy.splice(placeFor(list, item.date, at), 0, item);
  return copy;
}

/**
 * The list after the item at `index` takes `date` (undefined: its date is removed). It
 * stays where the user put it while that is consistent with the new date, and
 * otherwise moves to where placeFor puts a new item with that date.
 */
export function redate<T extends Dated>(list: readonly T[], index: number, date: string | undefined): T[] {
  const item = list[index];
  if (item === undefined) return [...list];
  const moved = { ...item, date } as T;
  if (date === undefined) delete (moved as Dated).date;
  const rest = list.filter((_, i) => i !== index);
  let at = index;
  if (date !== undefined) {
    const { from, to } = validRange(rest, date);
    if (index < from || index > to) at = Math.max(from, to);
  }
  rest.splice(at, 0, moved);
  return rest;
}

export type MoveCheck =
  | { ok: true; to: number }
  /** Already first (up) or last (down). */
  | { ok: false; reason: 'edge' }
  /** Its date is later (moving up) or earlier (moving down) than the neighbour's: `blocker` is that neighbour's index. */
  | { ok: false; reason: 'later' | 'earlier'; blocker: number };

/**
 * Whether the item at `index` may trade places with its neighbour: refused when the
 * two dates say the opposite order. Only that pair changes places, so a consistent
 * list stays consistent.
 */
export function checkMove(list: readonly Dated[], index: number, direction: -1 | 1): MoveCheck {
  const to = index + direction;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return { ok: false, reason: 'edge' };
  const item = list[index]!;
  const other = list[to]!;
  if (direction === -1 && definitelyBefore(other, item)) return { ok: false, reason: 'later', blocker: to };
  if (direction === 1 && definitelyBefore(item, other)) return { ok: false, reason: 'earlier', blocker: to };
  return { ok: true, to };
}

/** The list with the item at `index` moved one place, or the same list when checkMove refuses. */
export function moveItem<T extends Dated>(list: readonly T[], index: number, direction: -1 | 1): T[] {
  const check = checkMove(list, index, direction);
  if (!check.ok) return list as T[];
  const copy = [...list];
  [copy[index], copy[check.to]] = [copy[check.to]!, copy[index]!];
  return copy;
}

/** The item at `index` is placed after the item at `laterOne`, whose date is definitely later. */
export type OrderProblem = { index: number; laterOne: number };

/**
 * Where the list contradicts its dates: for each item, the first earlier-placed item
 * whose date is definitely later. Empty means consistent.
 */
export function orderProblems(list: readonly Dated[]): OrderProblem[] {
  const problems: OrderProblem[] = [];
  list.forEach((item, j) => {
    if (item.date === undefined) return;
    for (let i = 0; i < j; i++) {
      if (definitelyBefore(item, list[i]!)) {
        problems.push({ index: j, laterOne: i });
        return;
      }
    }
  });
  return problems;
}

export function isConsistent(list: readonly Dated[]): boolean {
  return orderProblems(list).length === 0;
}

/**
 * The list put in date order with the fewest changes: a consistent list comes back
 * unchanged, and items whose dates cannot be compared keep the order the user gave.
 * Each item in turn is placed as a new one would be; an undated one stays after the
 * item it followed.
 */
export function inDateOrder<T extends Dated>(list: readonly T[]): T[] {
  const out: T[] = [];
  let lastPlaced = -1;
  for (const item of list) {
    const at = item.date === undefined ? lastPlaced + 1 : placeFor(out, item.date);
    out.splice(at, 0, item);
    lastPlaced = at;
  }
  return out;
}

function clamp(n: number, max: number): number {
  return Math.min(Math.max(0, Math.trunc(n)), max);
}
