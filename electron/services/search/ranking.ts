import { SEARCH_FIELDS } from './fields';
import type { QueryTerm } from './query';
import type { RawHit } from './indexTypes';
import type { Vocabulary } from './vocabulary';

// The search index's per-query work outside its hot scoring loop: which index terms a
// query word reaches and how much each weighs, and which scored documents make the top.

const FIELDS = SEARCH_FIELDS.length;

// Prefix matches weigh 0.375 and typo matches 0.45 of an exact one (minisearch's
// defaults), less the further they reach.
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 2;
// A two-letter prefix can reach thousands of terms; the ones past this add time
// and nothing a person would scroll to.
const MAX_EXPANSIONS = 4000;

const popcount = (x: number) => {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
};

export function grown<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(a: T, min: number, make: (n: number) => T): T {
  if (a.length >= min) return a;
  const b = make(Math.max(min, a.length * 2, 64));
  b.set(a);
  return b;
}

/** Per-query working arrays, indexed by document number; reset after each query. */
export class Scratch {
  score = new Float64Array(0);
  mask = new Int32Array(0);
  fieldScore = new Float64Array(0);

  /** Zeroes what a query wrote: document by document when it touched few, else whole (a common word touches every case). */
  reset(touched: readonly number[]): void {
    const { score, mask, fieldScore } = this;
    if (touched.length * 8 > score.length) {
      score.fill(0);
      mask.fill(0);
      fieldScore.fill(0);
      return;
    }
    for (const doc of touched) {
      score[doc] = 0;
      mask[doc] = 0;
      for (let at = doc * FIELDS, end = at + FIELDS; at < end; at++) fieldScore[at] = 0;
    }
  }

  fit(docs: number): void {
    this.score = grown(this.score, docs, (n) => new Float64Array(n));
    this.mask = grown(this.mask, docs, (n) => new Int32Array(n));
    this.fieldScore = grown(this.fieldScore, docs * FIELDS, (n) => new Float64Array(n));
  }
}

/** Index terms a query word reaches, with the weight of each kind of match. */
export function expandTerm(vocab: Vocabulary, t: QueryTerm): Map<number, number> {
  const weights = new Map<number, number>();
  const offer = (id: number, w: number) => {
    if ((weights.get(id) ?? 0) < w) weights.set(id, w);
  };
  for (const form of t.forms) {
    const exact = vocab.get(form);
    if (exact !== undefined) offer(exact, 1);
  }
  for (const form of t.forms) {
    if (t.prefix) {
      let n = 0;
      vocab.forPrefix(form, (id) => {
        if (n++ >= MAX_EXPANSIONS) return;
        const term = vocab.term(id);
        offer(id, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - form.length)));
      });
    }
    const reach = t.fuzzy === false ? 0 : Math.min(MAX_FUZZY, Math.round(form.length * t.fuzzy));
    if (reach > 0) {
      vocab.forFuzzy(form, reach, (id, distance) => {
        const term = vocab.term(id);
        if (t.prefix && term.startsWith(form)) return; // already weighed as a prefix
        offer(id, (FUZZY_WEIGHT * term.length) / (term.length + distance));
      });
    }
  }
  for (const form of t.swaps) {
    const id = vocab.get(form);
    if (id !== undefined) offer(id, (FUZZY_WEIGHT * form.length) / (form.length + 1));
  }
  return weights;
}

/**
 * The best `limit` documents: those matching every query word, or when there
 * are none, any word, scored up by how many words they match.
 */
export function pickTop(s: Scratch, caseIds: readonly string[], touched: number[], words: number, limit: number, filter: ((id: string) => boolean) | undefined): number[] {
  const all = words >= 31 ? -1 : (1 << words) - 1;
  const collect = (requireAll: boolean) => {
    const docs: number[] = [];
    const scores: number[] = [];
    for (const doc of touched) {
      const mask = s.mask[doc]!;
      if (requireAll && mask !== all) continue;
      const score = s.score[doc]! * popcount(mask);
      if (docs.length === limit && score <= scores[limit - 1]!) continue;
      if (filter && !filter(caseIds[doc]!)) continue;
      let at = docs.length;
      while (at > 0 && scores[at - 1]! < score) at--;
      docs.splice(at, 0, doc);
      scores.splice(at, 0, score);
      if (docs.length > limit) {
        docs.pop();
        scores.pop();
      }
    }
    docs.forEach((doc, i) => (s.score[doc] = scores[i]!));
    return docs;
  };
  const top = collect(true);
  return top.length > 0 || words === 1 ? top : collect(false);
}

/** The top documents as hits, each with the field that scored best, and every index term the query reached. */
export function rawHits(s: Scratch, vocab: Vocabulary, caseIds: readonly string[], top: number[], expansions: Map<number, number>[]): { hits: RawHit[]; reached: ReadonlySet<string> } {
  // Every index term the query reached: a word of the best field is highlighted
  // when its term is one of them, which is exactly when it matched there.
  const reached = new Set<string>();
  for (const expansion of expansions) for (const term of expansion.keys()) reached.add(vocab.term(term));
  const hits = top.map((doc): RawHit => {
    let best = 0;
    for (let f = 1; f < FIELDS; f++) if (s.fieldScore[doc * FIELDS + f]! > s.fieldScore[doc * FIELDS + best]!) best = f;
    return { id: caseIds[doc]!, score: s.score[doc]!, field: SEARCH_FIELDS[best]! };
  });
  return { hits, reached };
}
