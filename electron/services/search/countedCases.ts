import type { FileState } from '../disk/statFiles';

// What the search build's worker threads (search/indexWorker.ts) send back for a chunk of
// cases: each case's fields already counted into terms (search/caseTerms.ts), numbered by
// the worker, with the terms it met first in this chunk as text. The main thread maps a
// worker's numbers onto the index's own as it merges (search/buildPool.ts).

/** A case file to count, with the state the store validated it in (the worker reads it only in that state). */
export type BuildItem = { file: string; state: FileState };

export type CountedChunk = {
  /** Terms the worker met first in this chunk, in the order it numbered them (after those of its earlier chunks). */
  terms: string[];
  /**
   * Per case, in order: STALE (read it the validating way), or its rev and kept bytes' length,
   * then per search field its number of words, of distinct terms n, and n × (term, count).
   */
  counts: Int32Array;
  /** The kept bytes (keptTable.ts) of each counted case, end to end. */
  kept: Uint8Array;
};

/** A case the worker did not count: its file changed since it was validated, or would not read as a case. */
export const STALE = -1;

/** One worker's term numbers and the index's, learned as its chunks arrive (in the order it sent them). */
export class TermMap {
  private readonly terms: string[] = [];
  /** The index's id + 1 of each of the worker's terms; 0 until first merged. */
  private ids = new Int32Array(1024);

  learn(terms: readonly string[]): void {
    for (const t of terms) this.terms.push(t);
    if (this.terms.length > this.ids.length) {
      const bigger = new Int32Array(Math.max(this.terms.length, this.ids.length * 2));
      bigger.set(this.ids);
      this.ids = bigger;
    }
  }

  /** The index's id of the worker's term `local`; `add` gives it the first time (the index's vocabulary). */
  idOf(local: number, add: (term: string) => number): number {
    const known = this.ids[local]!;
    if (known > 0) return known - 1;
    const id = add(this.terms[local]!);
    this.ids[local] = id + 1;
    return id;
  }
}
