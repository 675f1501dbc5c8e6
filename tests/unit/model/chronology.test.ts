import { describe, expect, it } from 'vitest';
import {
  checkMove, inDateOrder, insertInOrder, isConsistent, moveItem, orderProblems, placeFor, redate, relateDates, validRange,
  type Dated,
} from '../../../shared/model/chronology';

// The timeline's order rules (MODEL.md, Event): date order where dates can be compared,
// the user's order where they cannot (one period inside the other) or an event has no date.

type E = Dated & { id: string };
const ev = (id: string, date?: string): E => (date === undefined ? { id } : { id, date });
const ids = (list: readonly E[]) => list.map((e) => e.id);

describe('relateDates', () => {
  it.each([
    ['2021-02-01', '2021-02-02', 'before'],
    ['2021-03', '2021-02-28', 'after'],
    ['2020', '2021-01-01', 'before'],
    ['2021-02', '2021-02-01', 'overlap'],
    ['2021-02-01', '2021-02', 'overlap'],
    ['2021', '2021-07-15', 'overlap'],
    ['2021', '2021-12', 'overlap'],
    ['2021-02', '2021-02', 'same'],
    ['2021-12', '2022', 'before'],
    ['2021-10', '2021-01-31', 'after'],
  ] as const)('%s vs %s: %s', (a, b, want) => {
    expect(relateDates(a, b)).toBe(want);
  });
});

describe('placing a new event', () => {
  const dated = [ev('a', '2019-11-15'), ev('b', '2020-02-16'), ev('c', '2021-06')];

  it('goes into date order among comparable dates, after its equals', () => {
    expect(placeFor(dated, '2018')).toBe(0);
    expect(placeFor(dated, '2020-01-01')).toBe(1);
    expect(placeFor(dated, '2020-02-16')).toBe(2);
    expect(placeFor(dated, '2022-01-01')).toBe(3);
    expect(ids(insertInOrder(dated, ev('n', '2020-03')))).toEqual(['a', 'b', 'n', 'c']);
  });

  it('a prosecutor’s appeal of "2021-02" added after the ruling of "2021-02-01" stays after it', () => {
    const list = [ev('arrest', '2020-12-10'), ev('ruling', '2021-02-01'), ev('verdict', '2021-05-20')];
    const out = insertInOrder(list, ev('appeal', '2021-02'));
    expect(ids(out)).toEqual(['arrest', 'ruling', 'appeal', 'verdict']);
    expect(isConsistent(out)).toBe(true);
  });

  it('a month-only date goes after the days of that month already listed, but before the next month', () => {
    const list = [ev('d1', '2021-02-01'), ev('d2', '2021-02-20'), ev('m', '2021-03-02')];
    expect(placeFor(list, '2021-02')).toBe(2);
  });

  it('a year-only date goes after the dates inside that year and before the next year', () => {
    const list = [ev('a', '2020-12-31'), ev('b', '2021-03'), ev('c', '2021-11-02'), ev('d', '2022-01')];
    expect(ids(insertInOrder(list, ev('y', '2021')))).toEqual(['a', 'b', 'c', 'y', 'd']);
    // And a day inside a year already listed goes after that year's entry, not before the days it follows.
    const withYear = [ev('a', '2020-12-31'), ev('y', '2021'), ev('d', '2022-01')];
    expect(ids(insertInOrder(withYear, ev('n', '2021-05-05')))).toEqual(['a', 'y', 'n', 'd']);
  });

  it('does not land after a later event that a containing period sits behind', () => {
    // "2021-03" may stand before "2021" (overlap), yet a new "2021-02-15" must come before "2021-03".
    const list = [ev('march', '2021-03'), ev('year', '2021')];
    expect(isConsistent(list)).toBe(true);
    const out = insertInOrder(list, ev('n', '2021-02-15'));
    expect(ids(out)).toEqual(['n', 'march', 'year']);
    expect(isConsistent(out)).toBe(true);
  });

  it('an undated event goes where the user puts it, by default at the end', () => {
    expect(placeFor(dated, undefined)).toBe(3);
    expect(placeFor(dated, undefined, 1)).toBe(1);
    expect(placeFor(dated, undefined, 99)).toBe(3);
    expect(placeFor(dated, undefined, -4)).toBe(0);
    expect(ids(insertInOrder(dated, ev('u'), 2))).toEqual(['a', 'b', 'u', 'c']);
  });

  it('dated events around undated ones keep date order and leave the undated where they are', () => {
    const list = [ev('a', '2021-01'), ev('u'), ev('b', '2021-03')];
    expect(ids(insertInOrder(list, ev('n', '2021-02')))).toEqual(['a', 'u', 'n', 'b']);
    const tail = [ev('a', '2021-01'), ev('b', '2021-03'), ev('u')];
    expect(ids(insertInOrder(tail, ev('n', '2021-02')))).toEqual(['a', 'n', 'b', 'u']);
    expect(ids(insertInOrder(tail, ev('n', '2020')))).toEqual(['n', 'a', 'b', 'u']);
  });

  it('validRange names every consistent place', () => {
    const list = [ev('a', '2021-01'), ev('u'), ev('x', '2021-02'), ev('b', '2021-03')];
    expect(validRange(list, '2021-02-10')).toEqual({ from: 1, to: 3 });
    expect(validRange([], '2021')).toEqual({ from: 0, to: 0 });
  });
});

describe('re-dating an event', () => {
  const list = [ev('a', '2019'), ev('b', '2020-05'), ev('c', '2021-01-10'), ev('d', '2022')];

  it('moves it when its new date contradicts its place', () => {
    expect(ids(redate(list, 0, '2021-06'))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(redate(list, 3, '2018-12-01'))).toEqual(['d', 'a', 'b', 'c']);
    expect(redate(list, 0, '2021-06').find((e) => e.id === 'a')!.date).toBe('2021-06');
  });

  it('leaves it where the user put it while the new date still fits there', () => {
    expect(ids(redate(list, 1, '2020-07-01'))).toEqual(ids(list));
    // The appeal "2021-02" placed after the ruling "2021-02-01" stays there when dated more vaguely.
    const appeal = [ev('ruling', '2021-02-01'), ev('appeal', '2021-02-03')];
    expect(ids(redate(appeal, 1, '2021-02'))).toEqual(['ruling', 'appeal']);
  });

  it('removing the date keeps its place and drops the field', () => {
    const out = redate(list, 2, undefined);
    expect(ids(out)).toEqual(ids(list));
    expect(out[2]).toEqual({ id: 'c' });
    expect(list[2]!.date).toBe('2021-01-10'); // the input is not changed
  });
});

describe('moving an event up or down', () => {
  const list = [ev('a', '2021-01-10'), ev('u'), ev('ruling', '2021-02-01'), ev('appeal', '2021-02'), ev('z', '2021-05')];

  it('an undated event moves freely between dated ones', () => {
    expect(checkMove(list, 1, 1)).toEqual({ ok: true, to: 2 });
    expect(ids(moveItem(list, 1, 1))).toEqual(['a', 'ruling', 'u', 'appeal', 'z']);
    expect(ids(moveItem(list, 1, -1))).toEqual(['u', 'a', 'ruling', 'appeal', 'z']);
  });

  it('events whose dates overlap trade places either way', () => {
    expect(checkMove(list, 3, -1)).toEqual({ ok: true, to: 2 });
    expect(ids(moveItem(list, 3, -1))).toEqual(['a', 'u', 'appeal', 'ruling', 'z']);
    expect(isConsistent(moveItem(list, 3, -1))).toBe(true);
  });

  it('a move that would put a later date first is refused, naming the neighbour', () => {
    expect(checkMove(list, 4, -1)).toEqual({ ok: false, reason: 'later', blocker: 3 });
    expect(checkMove(list, 0, 1)).toEqual({ ok: true, to: 1 }); // past the undated one
    const dated = [ev('a', '2021-01-10'), ev('b', '2021-02-01')];
    expect(checkMove(dated, 0, 1)).toEqual({ ok: false, reason: 'earlier', blocker: 1 });
    expect(moveItem(dated, 0, 1)).toBe(dated);
  });

  it('nothing moves past either end', () => {
    expect(checkMove(list, 0, -1)).toEqual({ ok: false, reason: 'edge' });
    expect(checkMove(list, 4, 1)).toEqual({ ok: false, reason: 'edge' });
    expect(checkMove([], 0, 1)).toEqual({ ok: false, reason: 'edge' });
  });

  it('a list stays consistent through every allowed move', () => {
    let current = list;
    for (const [i, dir] of [[1, 1], [2, 1], [3, 1], [4, -1], [3, -1], [2, -1], [1, -1], [0, 1]] as const) {
      current = moveItem(current, i, dir);
      expect(isConsistent(current), ids(current).join(',')).toBe(true);
    }
  });
});

describe('the consistency check', () => {
  it('accepts user order wherever dates cannot be compared', () => {
    expect(isConsistent([ev('appeal', '2021-02'), ev('ruling', '2021-02-01')])).toBe(true);
    expect(isConsistent([ev('ruling', '2021-02-01'), ev('appeal', '2021-02')])).toBe(true);
    expect(isConsistent([ev('u'), ev('b', '2021'), ev('v'), ev('a', '2020')])).toBe(false);
    expect(isConsistent([ev('y', '2021'), ev('u'), ev('d', '2021-06-01'), ev('m', '2021-03')])).toBe(false);
    expect(isConsistent([])).toBe(true);
  });

  it('names each misplaced event and the later one placed before it', () => {
    const list = [ev('late', '2022'), ev('early', '2021-05'), ev('u'), ev('mid', '2021-12'), ev('ok', '2023-01')];
    expect(orderProblems(list)).toEqual([
      { index: 1, laterOne: 0 },
      { index: 3, laterOne: 0 },
    ]);
  });

  it('inDateOrder fixes only what the dates contradict and keeps a consistent list as it is', () => {
    const consistent = [ev('a', '2021-01'), ev('u'), ev('ruling', '2021-02-01'), ev('appeal', '2021-02'), ev('z', '2021-05')];
    expect(inDateOrder(consistent)).toEqual(consistent);
    const broken = [ev('late', '2022'), ev('u'), ev('early', '2021-05'), ev('ruling', '2021-02-01'), ev('appeal', '2021-02')];
    const fixed = inDateOrder(broken);
    expect(isConsistent(fixed)).toBe(true);
    expect(ids(fixed)).toEqual(['ruling', 'appeal', 'early', 'late', 'u']);
    expect(fixed).toHaveLength(broken.length);
  });
});
