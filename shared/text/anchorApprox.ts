// Approximate string matching for re-anchoring. Pure: no node:, no DOM.
//
// Myers' bit-parallel edit-distance algorithm (J. ACM 1999) in the block form of
// Hyyrö, after the structure of Robert Knight's approx-string-match: each step of
// the text advances 32 rows of the dynamic-programming column at once, so finding a
// 200-character quote with a few typos in a 100 KB text costs about 700 000 block
// steps instead of 20 million cells. Distances are counted in UTF-16 code units;
// the caller snaps results to whole characters.

const W = 32;

export type ApproxMatch = { start: number; end: number; errors: number };

type Matcher = {
  /** peq[c][b]: bit r set when pattern[b*32 + r] is c. */
  peq: Map<number, Int32Array>;
  empty: Int32Array;
  blocks: number;
  lastRowMask: Int32Array;
  P: Int32Array;
  M: Int32Array;
};

function makeMatcher(pattern: string): Matcher {
  const blocks = Math.ceil(pattern.length / W);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    let row = peq.get(c);
    if (!row) {
      row = new Int32Array(blocks);
      peq.set(c, row);
    }
    const b = (i / W) | 0;
    row[b] = row[b]! | (1 << i % W);
  }
  const lastRowMask = new Int32Array(blocks).fill(1 << 31);
  lastRowMask[blocks - 1] = 1 << (pattern.length - 1) % W;
  return { peq, empty: new Int32Array(blocks), blocks, lastRowMask, P: new Int32Array(blocks), M: new Int32Array(blocks) };
}

/**
 * Advances block b by one text character. hIn is the horizontal difference (-1, 0
 * or +1) entering the block's top row from the block above; the return value is the
 * difference leaving its bottom row.
 */
function advanceBlock(mt: Matcher, eqBits: number, b: number, hIn: number): number {
  let pV = mt.P[b]!;
  let mV = mt.M[b]!;
  const hInNeg = hIn < 0 ? 1 : 0;
  const eq = eqBits | hInNeg;
  const xV = eq | mV;
  const xH = (((eq & pV) + pV) ^ pV) | eq;
  let pH = mV | ~(xH | pV);
  let mH = pV & xH;
  const mask = mt.lastRowMask[b]!;
  const hOut = (pH & mask) !== 0 ? 1 : (mH & mask) !== 0 ? -1 : 0;
  pH = (pH << 1) | (hIn > 0 ? 1 : 0);
  mH = (mH << 1) | hInNeg;
  mt.P[b] = mH | ~(xV | pH);
  mt.M[b] = pH & xV;
  return hOut;
}

/**
 * Scans text[from, to) and calls visit(end, distance) for every end position, where
 * distance is the edit distance between the pattern and the best substring ending
 * there. With anchoredStart the substring must begin at `from` (plain edit distance
 * of the pattern against text[from, end)); otherwise it may begin anywhere. A visit
 * that returns true ends the scan.
 */
function scan(
  text: string,
  pattern: string,
  from: number,
  to: number,
  anchoredStart: boolean,
  visit: (end: number, distance: number) => boolean | void,
): void {
  const mt = makeMatcher(pattern);
  mt.P.fill(-1);
  mt.M.fill(0);
  const topIn = anchoredStart ? 1 : 0;
  let score = pattern.length;
  for (let j = from; j < to; j++) {
    const eq = mt.peq.get(text.charCodeAt(j)) ?? mt.empty;
    let carry = topIn;
    for (let b = 0; b < mt.blocks; b++) carry = advanceBlock(mt, eq[b]!, b, carry);
    score += carry;
    if (visit(j + 1, score)) return;
  }
}

/** Edit distance from `pattern` to text[from, end) for every end in (from, to]; index 0 is the empty stretch. */
export function anchoredDistances(text: string, pattern: string, from: number, to: number): Int32Array {
  const out = new Int32Array(to - from + 1);
  out[0] = pattern.length;
  if (pattern.length === 0) {
    for (let j = 1; j < out.length; j++) out[j] = j;
    return out;
  }
  scan(text, pattern, from, to, true, (end, d) => {
    out[end - from] = d;
  });
  return out;
}

function reverse(s: string): string {
  // Code units, not characters: both sides are reversed alike, so distances agree.
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/**
 * Every place where `pattern` matches `text` with at most `maxErrors` edits (Levenshtein,
 * in code units): one per cluster of neighbouring end positions, with the fewest
 * errors in that cluster. Overlapping matches of a periodic pattern may each be reported.
 * Past `limit` matches the search stops: the first limit + 1 are returned, so a caller
 * learns there are more without paying to place every one.
 */
export function findApproxMatches(text: string, pattern: string, maxErrors: number, limit = Infinity): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  const k = Math.max(0, Math.min(maxErrors, m - 1));
  if (k === 0) {
    const exact: ApproxMatch[] = [];
    for (let i = text.indexOf(pattern); i !== -1 && exact.length <= limit; i = text.indexOf(pattern, i + 1)) {
      exact.push({ start: i, end: i + m, errors: 0 });
    }
    return exact;
  }

  // Ends whose distance is within k come in runs around each true match; keep each
  // run's lowest points.
  const runs: { errors: number; ends: number[] }[] = [];
  let runEnd = -2;
  scan(text, pattern, 0, text.length, false, (end, d) => {
    if (d > k) return runs.length > limit; // a run is complete once a distance past k follows it
    const run = runs[runs.length - 1];
    if (run && runEnd === end - 1) {
      if (d < run.errors) {
        run.errors = d;
        run.ends = [end];
      } else if (d === run.errors) {
        run.ends.push(end);
      }
    } else {
      runs.push({ errors: d, ends: [end] });
    }
    runEnd = end;
  });

  // Where each match starts: the same distance read backwards from its end. Of the
  // equally good (start, end) pairs, the one closest in length to the pattern wins, so
  // a changed first or last letter counts as a substitution, not as a letter lost.
  const reversed = reverse(pattern);
  return runs.map(({ errors, ends }) => {
    let best: ApproxMatch | undefined;
    for (const end of ends) {
      const from = Math.max(0, end - m - errors);
      const window = reverse(text.slice(from, end));
      const dist = anchoredDistances(window, reversed, 0, window.length);
      for (let len = 1; len < dist.length; len++) {
        if (dist[len] !== errors) continue;
        if (!best || Math.abs(len - m) < Math.abs(best.end - best.start - m)) best = { start: end - len, end, errors };
      }
    }
    // The forward scan guarantees some start reaches `errors`; the fallback is defensive.
    return best ?? { start: Math.max(0, ends[0]! - m), end: ends[0]!, errors };
  });
}

/**
 * Fewest edits that turn `context` into some stretch of text that begins exactly at
 * `at` (direction 'after') or ends exactly there ('before'). The far end is free, so a
 * suffix that now runs on into new words still matches in full.
 */
export function contextDistance(text: string, at: number, context: string, direction: 'before' | 'after'): number {
  return contextMeter(context, direction)(text, at);
}

/**
 * contextDistance for one context measured at many places: the pattern's bit masks
 * are built once, and the text is read in place (backwards for 'before'), so each
 * measurement allocates nothing.
 */
export function contextMeter(context: string, direction: 'before' | 'after'): (text: string, at: number) => number {
  const m = context.length;
  if (m === 0) return () => 0;
  const mt = makeMatcher(direction === 'after' ? context : reverse(context));
  const reach = m + Math.ceil(m / 2) + 2;
  if (mt.blocks === 1) return singleBlockMeter(mt, m, reach, direction);
  return (text, at) => {
    mt.P.fill(-1);
    mt.M.fill(0);
    const steps = direction === 'after' ? Math.min(reach, text.length - at) : Math.min(reach, at);
    let score = m;
    let best = m;
    for (let k = 0; k < steps; k++) {
      const code = text.charCodeAt(direction === 'after' ? at + k : at - 1 - k);
      const eq = mt.peq.get(code) ?? mt.empty;
      let carry = 1; // anchored: the stretch begins at `at`
      for (let b = 0; b < mt.blocks; b++) carry = advanceBlock(mt, eq[b]!, b, carry);
      score += carry;
      if (score < best) best = score;
    }
    return best;
  };
}

/**
 * The meter for a context of at most 32 code units (every stored context is): the
 * one block's state lives in two local integers, the steps of advanceBlock inlined
 * with the top row's difference fixed at +1.
 */
function singleBlockMeter(mt: Matcher, m: number, reach: number, direction: 'before' | 'after'): (text: string, at: number) => number {
  const last = mt.lastRowMask[0]!;
  const { peq } = mt;
  return (text, at) => {
    let pV = -1;
    let mV = 0;
    const steps = direction === 'after' ? Math.min(reach, text.length - at) : Math.min(reach, at);
    let score = m;
    let best = m;
    for (let k = 0; k < steps; k++) {
      const row = peq.get(text.charCodeAt(direction === 'after' ? at + k : at - 1 - k));
      const eq = row ? row[0]! : 0;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      score += (pH & last) !== 0 ? 1 : (mH & last) !== 0 ? -1 : 0;
      if (score < best) best = score;
      pH = (pH << 1) | 1;
      mH = mH << 1;
      pV = mH | ~(xV | pH);
      mV = pH & xV;
    }
    return best;
  };
}
