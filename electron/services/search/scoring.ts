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

/** Adds one query word's BM25+ scores to every live document it reaches. */
export function scoreWord(ix: ScoredIndex, s: Scratch, expansion: Map<number, number>, bit: number, touched: number[]): void {
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
      if (!alive[doc]) continue;
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
