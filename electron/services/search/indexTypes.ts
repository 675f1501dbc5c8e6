import type { CaseFile } from '../../../shared/model';
import type { SearchField } from '../../../shared/model/search';

// The shapes the search index takes and gives (caseSearchIndex.ts re-exports them).

export type CaseLookup = (id: string) => CaseFile | undefined;

export type IndexOptions = {
  /**
   * Where snippets, titles and kinds are read from. Without it the index keeps a
   * reference to each case it was given (the objects the caller holds, not copies).
   */
  getCase?: CaseLookup;
  /**
   * Keep no case, only each case's title, kind and short fields (names, title,
   * charges, measure): a hit in a long field is completed with `completeHit` from
   * the case its caller reads. At 10,000 cases this is ~5 MB instead of every case.
   */
  keepShortFieldsOnly?: boolean;
};

/** The state of the file a case was indexed from, as the store reports it, and its revision. */
export type DocFile = { mtimeMs: number; size: number; ctimeMs: number; ino: number; rev: number };

/** A hit as the index finds it, before its snippet is cut. */
export type RawHit = { id: string; score: number; field: SearchField };

type MarkedPart = { text: string; confidential: boolean };
/** What the index keeps of a case when it keeps no case. */
export type Kept = { title: string; kind: CaseFile['kind']; parts: Partial<Record<SearchField, MarkedPart[]>> };

/** An index as plain arrays, for saving (see persistedIndex): by document number, dead ones included. */
export type IndexState = {
  terms: string[];
  sorted: Int32Array;
  /** Byte offsets of each term's packed entries in `bytes` (postings.ts). */
  starts: Uint32Array;
  bytes: Uint8Array;
  /** Entries added since the last pack: (term, entry) pairs. */
  extra: Int32Array;
  caseIds: string[];
  alive: Uint8Array;
  /** FIELDS per document, in caseIds order. */
  fieldLength: Uint16Array;
  /** What completes a hit, by document (keptTable.ts): one offset more than documents, into the chunks end to end. */
  kept: { offsets: Uint32Array; chunks: Uint8Array[] };
  /** FILE_COLUMNS per document: the DocFile it was indexed from (NaN: none). */
  files: Float64Array;
};

export type CaseSearchOptions = {
  /** Most hits to return; default 50. */
  limit?: number;
  /** Keeps only the cases it returns true for (kind, status, a selection…). */
  filter?: (caseId: string) => boolean;
};
