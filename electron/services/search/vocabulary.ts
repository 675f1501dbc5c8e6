// The index's dictionary: every normalised term gets a small integer id, and the
// ids are kept in term order so prefix and typo-tolerant lookups walk a sorted
// array as if it were a trie (neighbours share prefixes), at a fraction of a
// trie's memory: one string and one Int32 per term.

const byTerm = (terms: readonly string[]) => (a: number, b: number) => {
  const x = terms[a]!;
  const y = terms[b]!;
  return x < y ? -1 : x > y ? 1 : 0;
};

function commonPrefixLength(a: string, b: string, max: number): number {
  const n = Math.min(a.length, b.length, max);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export class Vocabulary {
  private list: string[] = [];
  /** Ids in term order, up to the last sort: where a term is looked up (no Map of every term, ~10 MB at 100,000 cases). */
  private sorted: Int32Array = new Int32Array(0);
  /** Terms added since the last sort, by term. */
  private fresh = new Map<string, number>();

  get size(): number {
    return this.list.length;
  }

  term(id: number): string {
    return this.list[id]!;
  }

  get(term: string): number | undefined {
    const id = this.fresh.get(term);
    if (id !== undefined) return id;
    const at = this.lowerBound(term);
    return at < this.sorted.length && this.list[this.sorted[at]!] === term ? this.sorted[at] : undefined;
  }

  /** The id of a term, adding it when new. */
  add(term: string): number {
    let id = this.get(term);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(term);
      this.fresh.set(term, id);
    }
    return id;
  }

  /** Folds the terms added since the last sort into term order. */
  sort(): void {
    if (this.fresh.size === 0) return;
    const cmp = byTerm(this.list);
    const fresh = Int32Array.from(this.fresh.values()).sort(cmp);
    const old = this.sorted;
    const merged = new Int32Array(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length) merged[k++] = cmp(old[i]!, fresh[j]!) <= 0 ? old[i++]! : fresh[j++]!;
    while (i < old.length) merged[k++] = old[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.sorted = merged;
    this.fresh = new Map();
  }

  /** Its terms by id, and the ids in term order: what a saved index stores. */
  exportState(): { terms: readonly string[]; sorted: Int32Array } {
    this.sort();
    return { terms: this.list, sorted: this.sorted };
  }

  /** The vocabulary exportState described; trusts it (the file it came from was checked whole). */
  static fromState(terms: string[], sorted: Int32Array): Vocabulary {
    const v = new Vocabulary();
    v.list = terms;
    v.sorted = sorted;
    return v;
  }

  /** A new vocabulary of the terms `newId` keeps (newId[old] ≥ 0), numbered as it says. */
  remap(newId: Int32Array, newSize: number): Vocabulary {
    this.sort();
    const next = new Vocabulary();
    next.list.length = newSize;
    for (let id = 0; id < this.list.length; id++) {
      const to = newId[id]!;
      if (to >= 0) next.list[to] = this.list[id]!;
    }
    const kept = this.sorted.filter((id) => newId[id]! >= 0);
    next.sorted = kept.map((id) => newId[id]!);
    return next;
  }

  /** First position in `sorted` whose term is ≥ `term`. */
  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[this.sorted[mid]!]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position at or after `from` whose term does not start with `prefix`. */
  private endOfPrefix(prefix: string, from: number): number {
    let lo = from;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[this.sorted[mid]!]!.startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Calls `visit` for every term that starts with `prefix` and is longer than it. */
  forPrefix(prefix: string, visit: (id: number) => void): void {
    this.sort();
    const start = this.lowerBound(prefix);
    const end = this.endOfPrefix(prefix, start);
    for (let i = start; i < end; i++) {
      const id = this.sorted[i]!;
      if (this.list[id]!.length > prefix.length) visit(id);
    }
  }

  /**
   * Calls `visit` for every term within edit distance 1..maxDistance of `query`,
   * where an edit is an insertion, a deletion, a substitution or a swap of two
   * adjacent letters (optimal string alignment): "Токаве" is one slip from
   * "Токаев", not two. Walks the sorted terms keeping one row of the distance
   * table per character, reusing the rows of the prefix a term shares with the
   * one before, and skips every term under a prefix that is already too far
   * (a swap reaches back two rows, but never below the minimum of the row
   * between, so the cut stays exact).
   */
  forFuzzy(query: string, maxDistance: number, visit: (id: number, distance: number) => void): void {
    this.sort();
    const m = query.length;
    const width = m + 1;
    // Past m + maxDistance characters every entry of a row exceeds maxDistance.
    const maxDepth = m + maxDistance + 1;
    const rows = new Int32Array((maxDepth + 1) * width);
    for (let j = 0; j <= m; j++) rows[j] = j;
    let previous = '';
    let validDepth = 0;
    let i = 0;
    while (i < this.sorted.length) {
      const id = this.sorted[i]!;
      const term = this.list[id]!;
      let depth = commonPrefixLength(term, previous, validDepth);
      let tooFar = false;
      const last = Math.min(term.length, maxDepth);
      while (depth < last) {
        const unit = term.charCodeAt(depth);
        const row = depth * width;
        const next = row + width;
        rows[next] = depth + 1;
        let min = depth + 1;
        const before = depth > 0 ? term.charCodeAt(depth - 1) : -1;
        const back = row - width;
        for (let j = 1; j <= m; j++) {
          const substitute = rows[row + j - 1]! + (query.charCodeAt(j - 1) === unit ? 0 : 1);
          let v = Math.min(substitute, rows[row + j]! + 1, rows[next + j - 1]! + 1);
          if (j > 1 && before >= 0 && unit === query.charCodeAt(j - 2) && before === query.charCodeAt(j - 1) && unit !== before) {
            v = Math.min(v, rows[back + j - 2]! + 1);
          }
          rows[next + j] = v;
          if (v < min) min = v;
        }
        depth++;
        if (min > maxDistance) {
          tooFar = true;
          break;
        }
      }
      previous = term;
      validDepth = depth;
      if (tooFar) {
        i = this.endOfPrefix(term.slice(0, depth), i);
        continue;
      }
      const distance = rows[term.length * width + m]!;
      if (distance > 0 && distance <= maxDistance) visit(id, distance);
      i++;
    }
  }
}
