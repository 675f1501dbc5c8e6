import { FIELD_BOOST, SEARCH_FIELDS } from './fields';
import type { Postings } from './postings';
import type { Scratch } from './ranking';

// The one loop that runs over every match of every query: BM25+ over a term's
// entries, unpacked once into a reused array and then read twice (document
// frequencies per field, then scores).

const FIELDS = SEARCH_FIELDS.length;
const BOOST = Float64Array.from(SEARCH_FIELDS, (f) => FIELD_BOOST[f]);

// Scoring follows minisearch's defaults (BM25+, k 1.2, b 0.7, d 0.5; prefix
// matches weigh 0.375 and typo matches 0.45 of an exact one, less the further
// they reach) so its documented behaviour carries over.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export type ScoredIndex = {
  postings: Postings;
  alive: Uint8Array;
  fieldLength: Uint16Array;
  lengthSum: Float64Array;
  live: number;
};

const unpacked = { entries: new Int32Array(1 << 16) };
/** How many times fewer entries the rarest word of a query must have than the commonest for scoring to be narrowed. */
const RARER = 4;

/**
 * Scores a query's words and returns the top `pick` chooses. pickTop ranks only the
 * documents holding every word when there are any, so when some document does (a
 * first pass over the entries marks which, unpacking without scoring) only those
 * documents' entries are scored: a common word beside a rarer one is scored for the
 * few cases with both, not for all 100,000. Those documents' sums are the same, in
 * the same order, so the ranking is too. When none is left (no document has every
 * word, or the list filters refused those that do) every document is scored, for
 * the fallback to any word.
 */
export function scoreQuery(ix: ScoredIndex, s: Scratch, expansions: Map<number, number>[], touched: number[], pick: () => number[]): number[] {
  const words = expansions.length;
  const all = words >= 31 ? -1 : (1 << words) - 1;
  // Marking is a pass over every entry: it pays when one word is far rarer than another
  // (most entries are then skipped), not for two words every case holds.
  const sizes = expansions.map((expansion) => {
    let bytes = 0;
    for (const term of expansion.keys()) bytes += ix.postings.weight(term);
    return bytes;
  });
  const narrowed = words > 1 && Math.min(...sizes) * RARER <= Math.max(...sizes) && markWords(ix, s, expansions, touched, all);
  expansions.forEach((expansion, q) => scoreWord(ix, s, expansion, 1 << q, touched, narrowed ? all : 0));
  const top = pick();
  // pickTop fell back to any word (the filters refused every document with all of them): those were not scored.
  if (!narrowed || (top.length > 0 && s.mask[top[0]!] === all)) return top;
  s.reset(touched);
  touched.length = 0;
  expansions.forEach((expansion, q) => scoreWord(ix, s, expansion, 1 << q, touched, 0));
  return pick();
}

/** Sets each query word's bit for every live document it reaches, touching them in the order scoring would; whether one has every word. */
function markWords(ix: ScoredIndex, s: Scratch, expansions: Map<number, number>[], touched: number[], all: number): boolean {
  const { alive } = ix;
  const { mask } = s;
  expansions.forEach((expansion, q) => {
    const bit = 1 << q;
    for (const term of expansion.keys()) {
      const n = ix.postings.collect(term, unpacked);
      const entries = unpacked.entries;
      for (let k = 0; k < n; k++) {
        const doc = entries[k]! >>> 8;
        if (!alive[doc]) continue;
        if (mask[doc] === 0) touched.push(doc);
        mask[doc]! |= bit;
      }
    }
  });
  for (const doc of touched) if (mask[doc] === all) return true;
  return false;
}

/**
 * Adds one query word's BM25+ scores to every live document it reaches, or with
 * `only` set, to those whose words (already marked) are `only`.
 */
function scoreWord(ix: ScoredIndex, s: Scratch, expansion: Map<number, number>, bit: number, touched: number[], only: number): void {
  const { alive, fieldLength, live } = ix;
  const { score, mask, fieldScore } = s;
  const avg = Float64Array.from(ix.lengthSum, (sum) => Math.max(sum / live, 1));
  const df = new Int32Array(FIELDS);
  // Per field, for this term: weight · boost · idf (in the order the formula multiplies them, so scores stay bit for bit).
  const scale = new Float64Array(FIELDS);
  for (const [term, weight] of expansion) {
    const n = ix.postings.collect(term, unpacked);
    const entries = unpacked.entries;
    df.fill(0);
    for (let k = 0; k < n; k++) if (alive[entries[k]! >>> 8]) df[(entries[k]! >>> 4) & 15]!++;
    for (let f = 0; f < FIELDS; f++) scale[f] = weight * BOOST[f]! * Math.log(1 + (live - df[f]! + 0.5) / (df[f]! + 0.5));
    for (let k = 0; k < n; k++) {
      const entry = entries[k]!;
      const doc = entry >>> 8;
      if (!alive[doc] || (only !== 0 && mask[doc] !== only)) continue;
      const f = (entry >>> 4) & 15;
      const tf = entry & 15;
      const norm = 1 - BM25.b + (BM25.b * fieldLength[doc * FIELDS + f]!) / avg[f]!;
      const points = scale[f]! * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * norm));
      if (mask[doc] === 0) touched.push(doc);
      mask[doc]! |= bit;
      score[doc]! += points;
      fieldScore[doc * FIELDS + f]! += points;
    }
  }
}
