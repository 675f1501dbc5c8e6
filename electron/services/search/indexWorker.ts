// A worker thread of the search index's build (search/buildPool.ts; built as
// out/main/indexWorker.js): reads each case file the store has validated — parsed, not
// validated again, and only while the file is still in that state (store/peekRead.ts) —
// and counts its fields into terms (search/caseTerms.ts) numbered by this worker, which
// the main thread maps onto the index's own as it merges. The tokenising, most of a
// build's time, runs here; the main thread only merges.

import { computeSearchTerms } from '../../../shared/text/normalize';
import { readIfValidated } from '../store/peekRead';
import { servePool } from '../store/workerServe';
import { TermCounter } from './caseTerms';
import { STALE, type BuildItem, type CountedChunk } from './countedCases';
import { keptBytes } from './keptTable';
import { WordTable } from './wordTable';

const terms: string[] = [];
const ids = new Map<string, number>();
/** Terms sent to the main thread so far: the next chunk's answer carries the rest. */
let told = 0;
const counter = new TermCounter();
const words = new WordTable((word) => {
  const out = computeSearchTerms(word).map((t) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = terms.push(t) - 1));
    return id;
  });
  counter.fit(terms.length);
  return out;
}, 1 << 16);

/** A growable Int32 list. */
class Ints {
  a = new Int32Array(1 << 16);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const bigger = new Int32Array(this.a.length * 2);
      bigger.set(this.a);
      this.a = bigger;
    }
    this.a[this.n++] = v;
  }
}

// Synchronous, so chunks are answered in the order they came and their terms are learned in that order.
servePool<BuildItem, CountedChunk>((codec, items) => {
  const out = new Ints();
  const kept: Uint8Array[] = [];
  for (const item of items) {
    const mark = out.n;
    try {
      const c = readIfValidated(item.file, item.state, codec);
      if (!c) throw new Error('changed since validated');
      const bytes = keptBytes(c);
      out.push(c.rev);
      out.push(bytes.length);
      counter.count(c, words, (_f, seen, tf, length) => {
        out.push(length);
        out.push(seen.length);
        for (const id of seen) {
          out.push(id);
          out.push(tf[id]!);
        }
      });
      kept.push(bytes);
    } catch {
      // Changed, unreadable, or missing what a validated case has (a default its file leaves out): the main thread reads it, validating.
      out.n = mark;
      out.push(STALE);
    }
  }
  const counts = out.a.slice(0, out.n);
  const keptAll = new Uint8Array(kept.reduce((n, b) => n + b.length, 0));
  kept.reduce((at, b) => (keptAll.set(b, at), at + b.length), 0);
  const result: CountedChunk = { terms: terms.slice(told), counts, kept: keptAll };
  told = terms.length;
  return { result, transfer: [counts.buffer, keptAll.buffer] };
});
