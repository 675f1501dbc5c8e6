// Which documents hold which term, packed for memory: at 100,000 cases there are
// 32 million (term, case, field) entries. As Int32s they took 128 MB (and a bulk
// build's log of pairs twice that again); delta- and varint-coded they take ~50 MB,
// and the same bytes are what the saved index holds and what a load reads.
//
// An entry, unpacked, is one Int32: doc << 8 | field << 4 | min(termFrequency, 15).
// Packed, a term's entries are in document order, each a varint of
// (doc gap << 5 | field << 1 | tf > 1), followed by a byte of tf when tf > 1.

export const MAX_DOCS = 1 << 23; // what fits above the 8 low bits of an Int32
const MAX_TF = 15;

export const encodeEntry = (doc: number, field: number, tf: number) => (doc << 8) | (field << 4) | Math.min(tf, MAX_TF);
export const entryDoc = (entry: number) => entry >>> 8;

/** A growable byte buffer. */
class ByteSink {
  bytes = new Uint8Array(1 << 16);
  used = 0;

  private room(n: number): void {
    if (this.used + n <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n));
    bigger.set(this.bytes.subarray(0, this.used));
    this.bytes = bigger;
  }

  /** Appends one entry, `gap` documents after the one before it. */
  entry(gap: number, entry: number): void {
    this.room(5);
    let v = (gap << 5) | ((entry >>> 3) & 0x1e) | ((entry & 15) > 1 ? 1 : 0);
    while (v >= 0x80) {
      this.bytes[this.used++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.used++] = v;
    if ((entry & 15) > 1) this.bytes[this.used++] = entry & 15;
  }

  append(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.bytes.set(bytes, this.used);
    this.used += bytes.length;
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.used);
  }
}

/**
 * Calls `visit` with every entry packed in bytes[from, to), unpacked. The one loop
 * every query runs over every match, so it is plain code on plain arrays.
 */
function unpack(bytes: Uint8Array, from: number, to: number, visit: (entry: number) => void): void {
  let k = from;
  let doc = 0;
  while (k < to) {
    let b = bytes[k++]!;
    let v = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = bytes[k++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    doc += v >>> 5;
    const tf = v & 1 ? bytes[k++]! : 1;
    visit((doc << 8) | ((v & 0x1e) << 3) | tf);
  }
}

/** A term's entries added in one bulk chunk: per term, its packed bytes and last document. */
type Segment = { starts: Uint32Array; bytes: Uint8Array; last: Int32Array };

/**
 * A bulk build: (term, entry) pairs logged in document order, packed every few
 * thousand documents into a segment, so the log never holds the whole archive
 * (at 100,000 cases it would be 256 MB of pairs). `finish` joins the segments.
 */
export class BulkPostings {
  private log: Int32Array;
  private used = 0;
  private readonly segments: Segment[] = [];
  private termCount = 0;

  /** `segmentPairs`: pairs logged before they are packed (2M: 16 MB of log). */
  constructor(private readonly segmentPairs = 1 << 21) {
    this.log = new Int32Array(Math.min(1 << 20, segmentPairs * 2));
  }

  push(term: number, entry: number): void {
    if (this.used + 2 > this.log.length) {
      const bigger = new Int32Array(this.log.length * 2);
      bigger.set(this.log);
      this.log = bigger;
    }
    this.log[this.used++] = term;
    this.log[this.used++] = entry;
    if (term >= this.termCount) this.termCount = term + 1;
    if (this.used >= this.segmentPairs * 2) this.pack();
  }

  /** Packs the pairs logged so far by term (a counting sort keeps document order within a term). */
  private pack(): void {
    const pairs = this.used >>> 1;
    if (pairs === 0) return;
    const terms = this.termCount;
    const count = new Uint32Array(terms + 1);
    for (let i = 0; i < pairs; i++) count[this.log[2 * i]! + 1]!++;
    for (let t = 0; t < terms; t++) count[t + 1]! += count[t]!;
    const order = new Int32Array(pairs);
    const fill = count.slice(0, terms);
    for (let i = 0; i < pairs; i++) order[fill[this.log[2 * i]!]!++] = this.log[2 * i + 1]!;
    const sink = new ByteSink();
    const starts = new Uint32Array(terms + 1);
    const last = new Int32Array(terms).fill(-1);
    for (let t = 0; t < terms; t++) {
      starts[t] = sink.used;
      let prev = 0;
      for (let k = count[t]!; k < count[t + 1]!; k++) {
        const entry = order[k]!;
        const doc = entry >>> 8;
        sink.entry(doc - prev, entry);
        prev = doc;
      }
      if (count[t + 1]! > count[t]!) last[t] = prev;
    }
    starts[terms] = sink.used;
    this.segments.push({ starts, bytes: sink.done(), last });
    this.used = 0;
  }

  finish(termCount: number): Postings {
    this.pack();
    const sink = new ByteSink();
    const starts = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) {
      starts[t] = sink.used;
      let prev = 0;
      for (const s of this.segments) {
        if (t + 1 >= s.starts.length || s.starts[t] === s.starts[t + 1]) continue;
        // A segment's first entry of a term counts from document 0: written again from the last one before it.
        const { bytes } = s;
        let k = s.starts[t]!;
        let b = bytes[k++]!;
        let v = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = bytes[k++]!;
          v |= (b & 0x7f) << shift;
        }
        const tf = v & 1 ? bytes[k++]! : 1;
        const first = v >>> 5;
        sink.entry(first - prev, (first << 8) | ((v & 0x1e) << 3) | tf);
        sink.append(bytes.subarray(k, s.starts[t + 1]!));
        prev = s.last[t]!;
      }
    }
    starts[termCount] = sink.used;
    this.segments.length = 0;
    return Postings.fromPacked(starts, sink.done());
  }
}

export class Postings {
  /** Entries of term t are packed in bytes[starts[t] .. starts[t + 1]), for terms packed so far. */
  private bytes: Uint8Array = new Uint8Array(0);
  private starts: Uint32Array = new Uint32Array(1);
  /** Entries added since the last pack (single-case updates), unpacked. */
  private readonly extra = new Map<number, number[]>();
  private extraEntries = 0;

  static fromPacked(starts: Uint32Array, bytes: Uint8Array): Postings {
    const p = new Postings();
    p.starts = starts;
    p.bytes = bytes;
    return p;
  }

  /**
   * Packs every term's entries again, keeping the documents `newDoc` keeps
   * (newDoc[old] ≥ 0, in the same order) and the terms `newTerm` keeps.
   */
  repack(newDoc: Int32Array, newTerm: Int32Array, termCount: number): Postings {
    const sink = new ByteSink();
    const starts = new Uint32Array(termCount + 1);
    let prev = 0;
    const keep = (entry: number) => {
      const doc = newDoc[entry >>> 8]!;
      if (doc < 0) return;
      sink.entry(doc - prev, (doc << 8) | (entry & 0xff));
      prev = doc;
    };
    for (let t = 0; t < newTerm.length; t++) {
      const to = newTerm[t]!;
      if (to < 0) continue;
      starts[to] = sink.used;
      prev = 0;
      this.forEach(t, keep);
    }
    starts[termCount] = sink.used;
    return Postings.fromPacked(starts, sink.done());
  }

  /** The packed form (its starts covering `termCount` terms) and the entries added since, for a saved index. */
  exportPacked(termCount: number): { starts: Uint32Array; bytes: Uint8Array; extra: Int32Array } {
    let starts = this.starts;
    if (starts.length < termCount + 1) {
      // Terms added since the last pack have no packed entries: empty ranges at the end.
      starts = new Uint32Array(termCount + 1).fill(this.bytes.length);
      starts.set(this.starts);
    }
    const extra = new Int32Array(this.extraEntries * 2);
    let k = 0;
    for (const [term, entries] of this.extra) {
      for (const entry of entries) {
        extra[k++] = term;
        extra[k++] = entry;
      }
    }
    return { starts, bytes: this.bytes, extra };
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

  /** Calls `visit` with every entry of a term, dead documents included, in document order. */
  forEach(term: number, visit: (entry: number) => void): void {
    if (term + 1 < this.starts.length) unpack(this.bytes, this.starts[term]!, this.starts[term + 1]!, visit);
    const more = this.extra.get(term);
    if (more) for (const entry of more) visit(entry);
  }

  /** Bytes a term's entries take packed (four for each unpacked one): what unpacking them costs. */
  weight(term: number): number {
    const packed = term + 1 < this.starts.length ? this.starts[term + 1]! - this.starts[term]! : 0;
    return packed + 4 * (this.extra.get(term)?.length ?? 0);
  }

  /**
   * Every entry of a term, dead documents included, in document order, unpacked
   * into `out.entries` from index 0 (grown as needed); returns how many. The
   * scoring loop's reader: forEach's call per entry, over the million entries of
   * a common word, cost as much as scoring them.
   */
  collect(term: number, out: { entries: Int32Array }): number {
    const more = this.extra.get(term);
    const packed = term + 1 < this.starts.length;
    const from = packed ? this.starts[term]! : 0;
    const to = packed ? this.starts[term + 1]! : 0;
    // Every packed entry takes at least a byte.
    const most = to - from + (more?.length ?? 0);
    if (out.entries.length < most) out.entries = new Int32Array(Math.max(most, out.entries.length * 2));
    const entries = out.entries;
    const bytes = this.bytes;
    let n = 0;
    let k = from;
    let doc = 0;
    while (k < to) {
      let b = bytes[k++]!;
      let v = b & 0x7f;
      let shift = 7;
      while (b & 0x80) {
        b = bytes[k++]!;
        v |= (b & 0x7f) << shift;
        shift += 7;
      }
      doc += v >>> 5;
      const tf = v & 1 ? bytes[k++]! : 1;
      entries[n++] = (doc << 8) | ((v & 0x1e) << 3) | tf;
    }
    if (more) for (const entry of more) entries[n++] = entry;
    return n;
  }

  /** Bytes held, roughly: for the memory report. */
  get byteSize(): number {
    return this.bytes.byteLength + this.starts.byteLength + this.extraEntries * 8 + this.extra.size * 48;
  }
}
