// Which documents hold which term, packed for memory: at 10,000 cases there are
// millions of (term, case, field) entries, and a JS Map per term and field (what
// minisearch keeps) costs ~50 bytes an entry where an Int32 costs 4.
//
// An entry is one Int32: doc << 8 | field << 4 | min(termFrequency, 15).

export const MAX_DOCS = 1 << 23; // what fits above the 8 low bits of an Int32
const MAX_TF = 15;

export const encodeEntry = (doc: number, field: number, tf: number) => (doc << 8) | (field << 4) | Math.min(tf, MAX_TF);
export const entryDoc = (entry: number) => entry >>> 8;

/** A growable list of (term, entry) pairs: what a bulk build collects before packing. */
export class PairLog {
  private data = new Int32Array(1 << 20);
  private used = 0;

  get pairs(): number {
    return this.used >>> 1;
  }

  push(term: number, entry: number): void {
    if (this.used + 2 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.used++] = term;
    this.data[this.used++] = entry;
  }

  term(i: number): number {
    return this.data[2 * i]!;
  }

  entry(i: number): number {
    return this.data[2 * i + 1]!;
  }
}

export class Postings {
  /** Entries of term t are packed[starts[t] .. starts[t + 1]), for terms packed so far. */
  private packed: Int32Array = new Int32Array(0);
  private starts: Int32Array = new Int32Array(1);
  /** Entries added since the last pack (single-case updates). */
  private readonly extra = new Map<number, number[]>();
  private extraEntries = 0;

  /** Packs a log by term with a counting sort: two passes, no per-term arrays. */
  static fromLog(log: PairLog, termCount: number): Postings {
    const p = new Postings();
    const starts = new Int32Array(termCount + 1);
    for (let i = 0; i < log.pairs; i++) starts[log.term(i) + 1]!++;
    for (let t = 0; t < termCount; t++) starts[t + 1]! += starts[t]!;
    const fill = starts.slice(0, termCount);
    const packed = new Int32Array(log.pairs);
    for (let i = 0; i < log.pairs; i++) packed[fill[log.term(i)]!++] = log.entry(i);
    p.packed = packed;
    p.starts = starts;
    return p;
  }

  /** The packed form, for a saved index; null while single-case updates are not packed yet. */
  exportPacked(): { starts: Int32Array; packed: Int32Array } | null {
    return this.extraEntries === 0 ? { starts: this.starts, packed: this.packed } : null;
  }

  static fromPacked(starts: Int32Array, packed: Int32Array): Postings {
    const p = new Postings();
    p.starts = starts;
    p.packed = packed;
    return p;
  }

  get unpackedEntries(): number {
    return this.extraEntries;
  }

  add(term: number, entry: number): void {
    const list = this.extra.get(term);
    if (list) list.push(entry);
    else this.extra.set(term, [entry]);
    this.extraEntries++;
  }

  /** The packed entries: a term's are packed[first(t) .. end(t)). */
  get entries(): Int32Array {
    return this.packed;
  }

  first(term: number): number {
    return term + 1 < this.starts.length ? this.starts[term]! : 0;
  }

  end(term: number): number {
    return term + 1 < this.starts.length ? this.starts[term + 1]! : 0;
  }

  /** Entries added to a term since the last pack. */
  added(term: number): readonly number[] | undefined {
    return this.extra.get(term);
  }

  /** Calls `visit` with every entry of a term, dead documents included. */
  forEach(term: number, visit: (entry: number) => void): void {
    if (term + 1 < this.starts.length) {
      const end = this.starts[term + 1]!;
      for (let k = this.starts[term]!; k < end; k++) visit(this.packed[k]!);
    }
    const more = this.extra.get(term);
    if (more) for (const entry of more) visit(entry);
  }

  /** Bytes held, roughly: for the memory report. */
  get bytes(): number {
    return this.packed.byteLength + this.starts.byteLength + this.extraEntries * 8 + this.extra.size * 48;
  }
}
