// The index's dictionary: every normalised term gets a small integer id, and the
// ids are kept in term order so prefix and typo-tolerant lookups walk a sorted
// array as if it were a trie (neighbours share prefixes), at a fraction of a
// trie's memory: one string and one Int32 per term.

import { PackedTerms } from './termWalk';

const byTerm = (terms: readonly string[]) => (a: number, b: number) => {
  const x = terms[a]!;
  const y = terms[b]!;
  return x < y ? -1 : x > y ? 1 : 0;
};

export class Vocabulary {
  private list: string[] = [];
  /** Ids in term order, up to the last sort: where a term is looked up (no Map of every term, ~10 MB at 100,000 cases). */
  private sorted: Int32Array = new Int32Array(0);
  /** Terms added since the last sort, by term. */
  private fresh = new Map<string, number>();
  /** The sorted terms packed for the typo walk, and the `sorted` it was made from (made again when that changes). */
  private packed: PackedTerms | null = null;
  private packedFor: Int32Array | null = null;

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
   * "Токаев", not two. The walk runs over a packed copy of the sorted terms
   * (termWalk.ts), made at the first typo walk after the vocabulary changed.
   */
  forFuzzy(query: string, maxDistance: number, visit: (id: number, distance: number) => void): void {
    this.sort();
    if (this.packedFor !== this.sorted) {
      this.packed = PackedTerms.of(this.list, this.sorted);
      this.packedFor = this.sorted;
    }
    const sorted = this.sorted;
    this.packed!.forFuzzy(query, maxDistance, (position, distance) => visit(sorted[position]!, distance));
  }
}
