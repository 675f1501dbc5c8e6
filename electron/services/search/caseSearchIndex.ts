import type { CaseFile } from '../../../shared/model';
import type { SearchHit } from '../../../shared/model/search';
import { computeSearchTerms } from '../../../shared/text/normalize';
import { SEARCH_FIELDS, markedFieldParts } from './fields';
import { BulkPostings, MAX_DOCS, Postings, encodeEntry, entryDoc } from './postings';
import { KeptTable, keptBytes } from './keptTable';
import { TermCounter } from './caseTerms';
import type { TermMap } from './countedCases';
import { scoreQuery } from './scoring';
import { parseQuery } from './query';
import { locateMatch } from './locate';
import { makeSnippetAt, openingSnippet } from './snippet';
import { Vocabulary } from './vocabulary';
import { WordTable } from './wordTable';
import { expandTerm, grown, pickTop, rawHits, Scratch } from './ranking';
import type { CaseLookup, CaseSearchOptions, DocFile, IndexOptions, IndexState, RawHit } from './indexTypes';

export type { CaseLookup, CaseSearchOptions, DocFile, IndexOptions, IndexState, Kept, RawHit } from './indexTypes';

/** A case a worker counted: its counts from `at` in its chunk's, its terms by `terms`, its kept bytes. */
export type Counted = { counts: Int32Array; at: number; terms: TermMap; kept: Uint8Array };

/** A bulk build: cases indexed here (`add`) or counted by a worker (`addCounted`, giving where the next case's counts start). */
export type BulkBuild = { add: (c: CaseFile, file?: DocFile) => void; addCounted: (id: string, counted: Counted, file: DocFile) => number; finish: () => CaseSearchIndex };

const DEFAULT_LIMIT = 50;
const FIELDS = SEARCH_FIELDS.length;
const FILE_COLUMNS = 5;

/**
 * Full-text search over case files, across scripts and spellings.
 *
 * One document per case, nine fields (names, title, charges, measure, summary,
 * events, annotations, sources, details), each word indexed under its normalised
 * form (shared/text/normalize). Queries match every word, by prefix and with a
 * typo allowed, falling back to any word when no case has them all; a hit names
 * the field that matched best and quotes it.
 *
 * Why not a MiniSearch instance: at 10,000 cases of ~6 KB on a 2-core machine it
 * took 13.6 s to build, 240 MB of heap, and 80–300 ms for queries of common words
 * or short prefixes (a Map per term and field, an object per match). This keeps
 * its query semantics and scoring on packed postings (postings.ts), and keeps what
 * completes a hit in one buffer (keptTable.ts): at 100,000 cases ~80 MB in all, the
 * same bytes as the file it is saved to (persistedIndex.ts).
 */
export class CaseSearchIndex {
  private vocab = new Vocabulary();
  private postings = new Postings();
  /** By document number. A case that is edited gets a new number; the old one dies. */
  private caseIds: string[] = [];
  private alive: Uint8Array = new Uint8Array(0);
  private fieldLength: Uint16Array = new Uint16Array(0);
  /** By document: the file it was indexed from (mtime, size, ctime, inode, rev; NaN when not told), what a saved copy is checked against. */
  private files: Float64Array = new Float64Array(0);
  private readonly docOf = new Map<string, number>();
  private readonly lengthSum = new Float64Array(FIELDS);
  private dead = 0;
  /** A case was removed (not replaced) since the last compaction: the next save compacts first. */
  private forgotten = false;

  private readonly held = new Map<string, CaseFile>();
  /** By document number, when keeping short fields only. */
  private kept = new KeptTable();
  private readonly lookup: CaseLookup;
  private readonly external: boolean;
  private readonly shortOnly: boolean;

  /** Term frequency counting for the case being indexed, by term id. */
  private counter = new TermCounter();

  private readonly scratch = new Scratch();

  private constructor(options: IndexOptions) {
    this.shortOnly = options.keepShortFieldsOnly === true;
    this.external = options.getCase !== undefined || this.shortOnly;
    this.lookup = options.getCase ?? ((id) => this.held.get(id));
  }

  static build(cases: Iterable<CaseFile>, options: IndexOptions = {}): CaseSearchIndex {
    const bulk = CaseSearchIndex.bulk(options);
    for (const c of cases) bulk.add(c);
    return bulk.finish();
  }

  // A bulk build logs (term, entry) pairs and packs them once at the end, which
  // is far cheaper than growing per-term lists.
  static bulk(options: IndexOptions): BulkBuild {
    const index = new CaseSearchIndex(options);
    const words = index.newWordTable(1 << 16);
    const log = new BulkPostings();
    const emit = (term: number, entry: number) => log.push(term, entry);
    return {
      add: (c, file) => index.add(c, words, emit, file),
      addCounted: (id, counted, file) => index.addCounted(id, counted, emit, file),
      finish: () => {
        index.postings = log.finish(index.vocab.size);
        index.vocab.sort();
        return index;
      },
    };
  }

  /**
   * The index as the arrays a saved copy holds, dead documents and unpacked entries
   * included (no compaction: saving costs copying bytes, not repacking them). What it
   * returns stays as it is while the index changes, so it can be written a piece at a
   * time. Only an index that keeps short fields only can be saved.
   */
  exportState(): IndexState {
    if (!this.shortOnly) throw new Error('only an index keeping short fields can be saved');
    // A case removed outright (trashed, deleted for good, gone from the folder) must leave no
    // word of it in the saved file: its dead document is compacted away before it is written.
    if (this.forgotten) this.compact();
    const docs = this.caseIds.length;
    const { terms, sorted } = this.vocab.exportState();
    return {
      terms: terms.slice(),
      sorted,
      ...this.postings.exportPacked(terms.length),
      caseIds: this.caseIds.slice(),
      alive: this.alive.slice(0, docs),
      fieldLength: this.fieldLength.subarray(0, docs * FIELDS),
      kept: this.kept.exportState(),
      files: this.files.slice(0, docs * FILE_COLUMNS),
    };
  }

  /** The index a saved state describes (keeping short fields only); uses its arrays as they are. */
  static fromState(state: IndexState): CaseSearchIndex {
    const index = new CaseSearchIndex({ keepShortFieldsOnly: true });
    index.vocab = Vocabulary.fromState(state.terms, state.sorted);
    index.postings = Postings.fromPacked(state.starts, state.bytes);
    for (let k = 0; k < state.extra.length; k += 2) index.postings.add(state.extra[k]!, state.extra[k + 1]!);
    index.caseIds = state.caseIds;
    index.alive = state.alive;
    index.fieldLength = state.fieldLength;
    index.kept = KeptTable.over(state.kept.offsets, state.kept.chunks[0]!);
    index.files = state.files;
    for (let d = 0; d < state.caseIds.length; d++) {
      if (!state.alive[d]) {
        index.dead++;
        continue;
      }
      index.docOf.set(state.caseIds[d]!, d);
      for (let f = 0; f < FIELDS; f++) index.lengthSum[f]! += index.fieldLength[d * FIELDS + f]!;
    }
    return index;
  }

  /** Number of cases indexed. */
  get size(): number {
    return this.docOf.size;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  /** The ids of the cases indexed. */
  ids(): string[] {
    return [...this.docOf.keys()];
  }

  /** The state of the file a case was indexed from, when the indexer was told. */
  fileOf(id: string): DocFile | undefined {
    const doc = this.docOf.get(id);
    if (doc === undefined) return undefined;
    const [mtimeMs, size, ctimeMs, ino, rev] = this.files.subarray(doc * FILE_COLUMNS, doc * FILE_COLUMNS + FILE_COLUMNS) as unknown as [number, number, number, number, number];
    return Number.isNaN(rev) ? undefined : { mtimeMs, size, ctimeMs, ino, rev };
  }

  /** The same revision found in another file (a copied folder): only the state the saved copy is checked against changes. */
  restate(id: string, file: DocFile): void {
    const doc = this.docOf.get(id);
    if (doc !== undefined && this.fileOf(id)?.rev === file.rev) this.files.set([file.mtimeMs, file.size, file.ctimeMs, file.ino, file.rev], doc * FILE_COLUMNS);
  }

  /** Indexes a case, replacing what was indexed under its id; costs one case's text. `file`: the state of the file it was read from. */
  upsert(c: CaseFile, file?: DocFile): void {
    if (this.caseIds.length >= MAX_DOCS) this.compact();
    this.add(c, this.newWordTable(1 << 10), (term, entry) => this.postings.add(term, entry), file);
    this.compactIfStale();
  }

  /** Forgets a case; false when it was not indexed. */
  remove(id: string): boolean {
    if (!this.retire(id)) return false;
    this.forgotten = true;
    this.held.delete(id);
    this.compactIfStale();
    return true;
  }

  /**
   * Cases matching every word of the query (prefix- and typo-tolerant), or, when
   * none matches them all, any word. One hit per case, best first.
   */
  search(query: string, options: CaseSearchOptions = {}): SearchHit[] {
    const { hits, reached } = this.searchRaw(query, options);
    const out: SearchHit[] = [];
    for (const raw of hits) {
      const hit = this.completeHit(raw, reached, this.lookup(raw.id));
      if (hit) out.push(hit);
    }
    return out;
  }

  /**
   * search without the snippets: the best hits, each with the field that matched
   * best, and the index terms the query reached (what `completeHit` highlights).
   */
  searchRaw(query: string, options: CaseSearchOptions = {}): { hits: RawHit[]; reached: ReadonlySet<string> } {
    const terms = parseQuery(query);
    if (terms.length === 0 || this.docOf.size === 0) return { hits: [], reached: new Set() };
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const expansions = terms.map((t) => expandTerm(this.vocab, t));
    const s = this.scratch;
    s.fit(this.caseIds.length);
    const touched: number[] = [];
    try {
      const ix = { postings: this.postings, alive: this.alive, fieldLength: this.fieldLength, lengthSum: this.lengthSum, live: this.docOf.size };
      const top = scoreQuery(ix, s, expansions, touched, () => pickTop(s, this.caseIds, touched, terms.length, limit, options.filter));
      return rawHits(this.scratch, this.vocab, this.caseIds, top, expansions);
    } finally {
      s.reset(touched);
    }
  }

  /** Drops dead documents and unused terms now (it also happens on its own). */
  compact(): void {
    const docCount = this.caseIds.length;
    const newDoc = new Int32Array(docCount).fill(-1);
    const caseIds: string[] = [];
    for (let d = 0; d < docCount; d++) {
      if (this.alive[d]) {
        newDoc[d] = caseIds.length;
        caseIds.push(this.caseIds[d]!);
      }
    }
    const newTerm = new Int32Array(this.vocab.size).fill(-1);
    let terms = 0;
    for (let t = 0; t < this.vocab.size; t++) {
      this.postings.forEach(t, (entry) => {
        if (newTerm[t]! < 0 && newDoc[entryDoc(entry)]! >= 0) newTerm[t] = terms++;
      });
    }
    const fieldLength = new Uint16Array(caseIds.length * FIELDS);
    const files = new Float64Array(caseIds.length * FILE_COLUMNS);
    for (let d = 0; d < docCount; d++) {
      const to = newDoc[d]!;
      if (to < 0) continue;
      fieldLength.set(this.fieldLength.subarray(d * FIELDS, d * FIELDS + FIELDS), to * FIELDS);
      files.set(this.files.subarray(d * FILE_COLUMNS, d * FILE_COLUMNS + FILE_COLUMNS), to * FILE_COLUMNS);
    }
    this.files = files;
    this.vocab = this.vocab.remap(newTerm, terms);
    this.postings = this.postings.repack(newDoc, newTerm, terms);
    if (this.shortOnly) this.kept = this.kept.remap(newDoc);
    this.caseIds = caseIds;
    this.alive = new Uint8Array(caseIds.length).fill(1);
    this.fieldLength = fieldLength;
    caseIds.forEach((id, d) => this.docOf.set(id, d));
    this.dead = 0;
    this.forgotten = false;
    this.counter = new TermCounter();
  }

  /** Counts for diagnostics: live cases, dead documents awaiting compaction, terms, bytes of postings. */
  get stats(): { cases: number; deadDocs: number; terms: number; postingBytes: number } {
    return { cases: this.docOf.size, deadDocs: this.dead, terms: this.vocab.size, postingBytes: this.postings.byteSize };
  }

  // --- indexing --------------------------------------------------------------

  private newWordTable(capacity: number): WordTable {
    return new WordTable((word) => {
      const ids = computeSearchTerms(word).map((t) => this.vocab.add(t));
      this.counter.fit(this.vocab.size);
      return ids;
    }, capacity);
  }

  private add(c: CaseFile, words: WordTable, emit: (term: number, entry: number) => void, file?: DocFile): void {
    const doc = this.newDoc(c.id, file, this.shortOnly ? keptBytes(c) : undefined);
    if (!this.external) this.held.set(c.id, c);
    this.counter.count(c, words, (f, terms, tf, length) => {
      for (const id of terms) emit(id, encodeEntry(doc, f, tf[id]!));
      this.setLength(doc, f, length);
    });
  }

  /**
   * A case counted by a worker of the build (search/countedCases.ts), as `add` would index
   * it: its terms mapped onto this vocabulary in the order they come, which is the order
   * `add` meets them. Returns where the next case's counts start.
   */
  private addCounted(id: string, { counts, at, terms, kept }: Counted, emit: (term: number, entry: number) => void, file: DocFile): number {
    const doc = this.newDoc(id, file, kept);
    const add = (term: string) => this.vocab.add(term);
    for (let f = 0; f < FIELDS; f++) {
      const length = counts[at++]!;
      const n = counts[at++]!;
      for (let k = 0; k < n; k++, at += 2) emit(terms.idOf(counts[at]!, add), encodeEntry(doc, f, counts[at + 1]!));
      this.setLength(doc, f, length);
    }
    return at;
  }

  /** The next document number, for case `id` (replacing what was indexed under it). */
  private newDoc(id: string, file: DocFile | undefined, kept: Uint8Array | undefined): number {
    this.retire(id);
    const doc = this.caseIds.length;
    // Compaction keeps numbers near the live count; only millions of cases get here.
    if (doc >= MAX_DOCS) throw new RangeError(`the search index holds at most ${MAX_DOCS} cases`);
    this.caseIds.push(id);
    this.alive = grown(this.alive, doc + 1, (n) => new Uint8Array(n));
    this.alive[doc] = 1;
    this.fieldLength = grown(this.fieldLength, (doc + 1) * FIELDS, (n) => new Uint16Array(n));
    this.docOf.set(id, doc);
    this.files = grown(this.files, (doc + 1) * FILE_COLUMNS, (n) => new Float64Array(n));
    this.files.set(file ? [file.mtimeMs, file.size, file.ctimeMs, file.ino, file.rev] : [NaN, NaN, NaN, NaN, NaN], doc * FILE_COLUMNS);
    if (kept) this.kept.pushBytes(kept);
    return doc;
  }

  private setLength(doc: number, f: number, length: number): void {
    const stored = Math.min(length, 0xffff);
    this.fieldLength[doc * FIELDS + f] = stored;
    this.lengthSum[f]! += stored;
  }

  /** Marks a case's document dead; its entries are skipped until compaction. */
  private retire(id: string): boolean {
    const doc = this.docOf.get(id);
    if (doc === undefined) return false;
    this.alive[doc] = 0;
    for (let f = 0; f < FIELDS; f++) this.lengthSum[f]! -= this.fieldLength[doc * FIELDS + f]!;
    this.docOf.delete(id);
    this.dead++;
    return true;
  }

  private compactIfStale(): void {
    const live = this.docOf.size;
    if (this.dead >= 256 && this.dead * 4 >= live) this.compact();
    else if (this.postings.unpackedEntries > 1_000_000) this.compact();
  }

  // --- querying --------------------------------------------------------------

  /**
   * The hit with its snippet, cut from `c` or, without it, from the short fields
   * the index keeps; null when neither can tell (a long field and no case, or a
   * case gone from the store before the index heard of it).
   */
  completeHit(raw: RawHit, reached: ReadonlySet<string>, c?: CaseFile): SearchHit | null {
    const doc = this.docOf.get(raw.id);
    const kept = c || doc === undefined ? undefined : this.kept.get(doc);
    const parts = c ? markedFieldParts(c, raw.field) : kept?.parts[raw.field];
    if (!parts) return null;
    const title = c?.title ?? kept!.title;
    const found = makeSnippetAt(parts.map((p) => p.text), reached);
    const snippet = found?.snippet ?? openingSnippet(parts[0]?.text ?? title);
    const confidential = found ? parts[found.part]!.confidential : parts[0]?.confidential === true;
    const at = c && found ? locateMatch(c, raw.field, parts[found.part]!.text, found.start, found.end) : undefined;
    return { id: raw.id, title, kind: c?.kind ?? kept!.kind, score: raw.score, field: raw.field, ...snippet, ...(confidential ? { confidential: true as const } : {}), ...(at ? { at } : {}) };
  }

  /** Whether `completeHit` can do without the case. */
  keepsField(raw: RawHit): boolean {
    const doc = this.docOf.get(raw.id);
    return doc !== undefined && this.kept.get(doc)?.parts[raw.field] !== undefined;
  }
}
