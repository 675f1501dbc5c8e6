import { wordCharAt, wordContinuesAt } from '../../../shared/text/normalize';

// Indexing meets the same few hundred thousand distinct words millions of times.
// Slicing each occurrence into a string and hashing it in a Map costs more than
// all the rest of indexing; this table hashes the characters in place while
// scanning and only slices a word the first time it is seen. Memory latency is
// what is left, so a slot keeps hash, length and value side by side and the
// characters sit in one pool: a lookup touches two cache lines, not four objects.

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// Slot layout in `slots`: [hash, pool offset, length (0 = empty), value].
const SLOT = 4;
// A word's value: its one term id (≥ 0, most words), NONE for a word that folds to
// nothing, or -2 - i for an acronym whose ids are lists[i].
const NONE = -1;

export class WordTable {
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private readonly lists: (readonly number[])[] = [];

  /** `resolve` turns a new word into its term ids (none for a word that folds to nothing). */
  constructor(private readonly resolve: (word: string) => readonly number[], capacity = 1 << 12) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.slots = new Int32Array(size * SLOT);
    this.mask = size - 1;
  }

  /** Calls `visit` with each term id of each word of `text`, in order. */
  scan(text: string, visit: (id: number) => void): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      let k = wordCharAt(text, i);
      if (k === 0) {
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET;
      do {
        h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
        if (k === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
        i += k;
      } while (i < n && (k = wordContinuesAt(text, i)) !== 0);
      const v = this.lookup(text, start, i, h);
      if (v >= 0) visit(v);
      else if (v !== NONE) for (const id of this.lists[-2 - v]!) visit(id);
    }
  }

  private lookup(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const { slots, pool } = this;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * SLOT;
      const len = slots[at + 2]!;
      if (len === 0) break;
      if (len === length && slots[at] === hash) {
        const off = slots[at + 1]!;
        let j = 0;
        while (j < length && pool[off + j] === text.charCodeAt(start + j)) j++;
        if (j === length) return slots[at + 3]!;
      }
      slot = (slot + 1) & this.mask;
    }
    return this.insert(slot, text, start, end, hash);
  }

  private insert(slot: number, text: string, start: number, end: number, hash: number): number {
    const ids = this.resolve(text.slice(start, end));
    const value = ids.length === 0 ? NONE : ids.length === 1 ? ids[0]! : -2 - (this.lists.push(ids) - 1);
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + length));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    for (let j = 0; j < length; j++) this.pool[this.poolUsed + j] = text.charCodeAt(start + j);
    const at = slot * SLOT;
    this.slots[at] = hash;
    this.slots[at + 1] = this.poolUsed;
    this.slots[at + 2] = length;
    this.slots[at + 3] = value;
    this.poolUsed += length;
    if (++this.count * 2 > this.mask + 1) this.grow();
    return value;
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size * SLOT);
    this.mask = size - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] === 0) continue;
      let slot = old[at]! & this.mask;
      while (this.slots[slot * SLOT + 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
  }
}
