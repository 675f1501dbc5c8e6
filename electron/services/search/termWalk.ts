// The typo walk over the sorted vocabulary, on a packed copy of it. Walking the
// terms as JavaScript strings touched 187,000 strings scattered over the heap (at
// 100,000 cases), each a cache miss, and found the end of every pruned prefix by a
// binary search of string comparisons. Here the sorted terms are one array of
// UTF-16 code units with their offsets, and `shared[i]` says how many leading units
// term i shares with term i - 1: a pruned prefix ends at the first term sharing
// less of it, found by reading bytes in order.
//
// The distance table keeps only the diagonal band |row − column| ≤ maxDistance
// (Ukkonen): a cell outside it is more than maxDistance whatever the words, so it is
// written as maxDistance + 1, which changes no cell within reach (a cell's value comes
// from a neighbour's plus a cost, and every neighbour within reach is exact) and
// leaves every cell out of reach out of reach. A row then costs 2·maxDistance + 1
// cells, not one per letter of the query.

/** Units of a shared prefix recorded: a term sharing more reads as sharing this many (correct, only slower). */
const MAX_SHARED = 255;

export class PackedTerms {
  private constructor(
    /** Code units of the terms, in sorted order, end to end. */
    private readonly units: Uint16Array,
    /** Term i (in sorted order) is units[offsets[i] .. offsets[i + 1]). */
    private readonly offsets: Uint32Array,
    /** Leading units term i shares with term i − 1 (0 for the first), at most MAX_SHARED. */
    private readonly shared: Uint8Array,
  ) {}

  /** The terms `sorted` lists (ids into `list`), packed in that order. */
  static of(list: readonly string[], sorted: Int32Array): PackedTerms {
    const n = sorted.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += list[sorted[i]!]!.length;
    const units = new Uint16Array(total);
    const offsets = new Uint32Array(n + 1);
    const shared = new Uint8Array(n);
    let at = 0;
    let previous = '';
    for (let i = 0; i < n; i++) {
      const term = list[sorted[i]!]!;
      offsets[i] = at;
      for (let k = 0; k < term.length; k++) units[at + k] = term.charCodeAt(k);
      at += term.length;
      const most = Math.min(term.length, previous.length, MAX_SHARED);
      let s = 0;
      while (s < most && term.charCodeAt(s) === previous.charCodeAt(s)) s++;
      shared[i] = s;
      previous = term;
    }
    offsets[n] = at;
    return new PackedTerms(units, offsets, shared);
  }

  /**
   * Calls `visit` with the sorted position of every term within edit distance
   * 1..maxDistance of `query` (optimal string alignment: a swap of two adjacent
   * letters is one edit), and that distance. Walks the terms in order keeping one
   * row of the table per letter, reusing the rows of the prefix a term shares with
   * the one before, and skips every term under a prefix that is already too far (a
   * swap reaches back two rows, but never below the minimum of the row between, so
   * the cut stays exact).
   */
  forFuzzy(query: string, maxDistance: number, visit: (position: number, distance: number) => void): void {
    const { units, offsets, shared } = this;
    const n = shared.length;
    const m = query.length;
    const d = maxDistance;
    const far = d + 1;
    const q = new Uint16Array(m);
    for (let j = 0; j < m; j++) q[j] = query.charCodeAt(j);
    const width = m + 1;
    // Past m + maxDistance letters every cell of a row is out of reach.
    const maxDepth = m + d + 1;
    const rows = new Int32Array((maxDepth + 1) * width);
    for (let j = 0; j <= m; j++) rows[j] = j;
    let validDepth = 0;
    let i = 0;
    while (i < n) {
      const start = offsets[i]!;
      const length = offsets[i + 1]! - start;
      let depth = Math.min(shared[i]!, validDepth);
      let tooFar = false;
      const last = Math.min(length, maxDepth);
      while (depth < last) {
        const unit = units[start + depth]!;
        const before = depth > 0 ? units[start + depth - 1]! : -1;
        const row = depth * width;
        const next = row + width;
        const back = row - width;
        // Row depth + 1 holds columns lo..hi; the cells either side are written out of reach.
        const lo = Math.max(1, depth + 1 - d);
        const hi = Math.min(m, depth + 1 + d);
        rows[next] = depth + 1;
        if (lo > 1) rows[next + lo - 1] = far;
        let min = depth + 1;
        for (let j = lo; j <= hi; j++) {
          const substitute = rows[row + j - 1]! + (q[j - 1] === unit ? 0 : 1);
          let v = Math.min(substitute, rows[row + j]! + 1, rows[next + j - 1]! + 1);
          if (j > 1 && before >= 0 && unit === q[j - 2] && before === q[j - 1] && unit !== before) v = Math.min(v, rows[back + j - 2]! + 1);
          rows[next + j] = v;
          if (v < min) min = v;
        }
        if (hi < m) rows[next + hi + 1] = far;
        depth++;
        if (min > d) {
          tooFar = true;
          break;
        }
      }
      validDepth = depth;
      if (tooFar) {
        // Every following term sharing this prefix is as far: skip to the first that does not.
        i++;
        while (i < n && shared[i]! >= depth) i++;
        continue;
      }
      if (length - m <= d && m - length <= d) {
        const distance = rows[length * width + m]!;
        if (distance > 0 && distance <= d) visit(i, distance);
      }
      i++;
    }
  }
}
