import type { CaseFile } from '../../../shared/model';
import { SEARCH_FIELDS, fieldGroups } from './fields';
import { grown } from './ranking';
import type { WordTable } from './wordTable';

// The one tokenising step of indexing: each field of a case as the distinct terms it
// holds, in the order of their first word, with their counts. The index runs it on the
// main thread for a single case, and the build's worker threads (search/indexWorker.ts)
// for a whole archive, so both give the same terms in the same order: a build merged from
// the workers is byte for byte the one the main thread makes.

const FIELDS = SEARCH_FIELDS.length;

/** Counts term frequencies per field; its scratch grows with the largest term id it meets (`fit`). */
export class TermCounter {
  private seenIn = new Int32Array(0);
  private tf = new Int32Array(0);
  private readonly seen: number[] = [];
  private round = 0;

  /** Makes room for term ids below `size` (a word table's resolver calls it as terms are added). */
  fit(size: number): void {
    if (size <= this.seenIn.length) return;
    this.seenIn = grown(this.seenIn, size, (n) => new Int32Array(n));
    this.tf = grown(this.tf, size, (n) => new Int32Array(n));
  }

  /**
   * Calls `field(f, terms, tf, length)` for each search field in order: its distinct term
   * ids in the order first met, each one's count at `tf[id]`, and its number of words.
   * `terms` and `tf` are scratch, valid until the next call.
   */
  count(c: CaseFile, words: WordTable, field: (f: number, terms: readonly number[], tf: Int32Array, length: number) => void): void {
    for (let f = 0; f < FIELDS; f++) {
      const round = ++this.round;
      const seen = this.seen;
      seen.length = 0;
      let length = 0;
      const count = (id: number) => {
        length++;
        if (this.seenIn[id] !== round) {
          this.seenIn[id] = round;
          this.tf[id] = 1;
          seen.push(id);
        } else this.tf[id]!++;
      };
      for (const group of fieldGroups(c, SEARCH_FIELDS[f]!)) for (const text of group) words.scan(text, count);
      field(f, seen, this.tf, length);
    }
  }
}
