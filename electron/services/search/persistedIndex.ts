import { createHash } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';
import { CaseKind } from '../../../shared/model';
import { SearchField } from '../../../shared/model/search';
import { NORMALIZER_VERSION } from '../../../shared/text/normalize';
import { CaseSearchIndex, type IndexState } from './caseSearchIndex';
import { SEARCH_FIELDS } from './fields';

// The search index saved between sessions, so a second open answers searches
// without reading 10,000 case files. A cache like the summary index: every case
// carries the state of the file it was indexed from, the store compares that with
// its own, and what differs is indexed again. Anything that does not check out —
// another format version, another normaliser (a change to the folding rules gives
// words other forms), another field list, a checksum that fails — is a full rebuild.
//
// Layout: one line of JSON (the head), then the body:
//   meta JSON (terms, and per case: id, title, kind, short fields, file state)
//   sorted term ids, term starts, packed postings (Int32, little-endian), field lengths (Uint16)
// The head gives each section's byte length and the sha256 of the body, which is
// checked before anything of the body is parsed. In an encrypted folder the whole
// file is sealed by the store (readDerivedFile/writeDerivedFile) under its own name.

/** 2: the fields hold model version 2's texts (arrest, decisions, requests…): an index of 1 lacks them. */
const FORMAT_VERSION = 2;

/** The state of the file a case was indexed from, as the store reports it, and its revision. */
const DocFile = z.strictObject({ mtimeMs: z.number(), size: z.int(), ctimeMs: z.number(), ino: z.number(), rev: z.int() });
export type DocFile = z.infer<typeof DocFile>;

const Head = z.strictObject({
  format: z.literal('casefile-search-index'),
  version: z.literal(FORMAT_VERSION),
  normalizer: z.literal(NORMALIZER_VERSION),
  fields: z.array(SearchField),
  littleEndian: z.literal(true),
  sections: z.array(z.int().nonnegative()).length(5),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const MarkedPart = z.strictObject({ text: z.string(), confidential: z.boolean() });
const Meta = z.strictObject({
  terms: z.array(z.string()),
  docs: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      kind: CaseKind,
      parts: z.partialRecord(SearchField, z.array(MarkedPart)),
      file: DocFile,
    }),
  ),
});

const LITTLE_ENDIAN = os.endianness() === 'LE';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const bytesOf = (a: Int32Array | Uint16Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Copies into a fresh, aligned array: the sections of a file sit at any offset. */
function int32s(bytes: Buffer): Int32Array {
  const out = new Int32Array(bytes.length / 4);
  bytesOf(out).set(bytes);
  return out;
}
function uint16s(bytes: Buffer): Uint16Array {
  const out = new Uint16Array(bytes.length / 2);
  bytesOf(out).set(bytes);
  return out;
}

/** The file's bytes for an index (compacted on the way) and the file state of each case in it. */
export function serializeIndex(index: CaseSearchIndex, fileOf: (id: string) => DocFile | undefined): Buffer | null {
  if (!LITTLE_ENDIAN) return null; // every machine Casefile ships for is; a big-endian one just rebuilds
  const state = index.exportState();
  const docs = [];
  for (const [d, id] of state.caseIds.entries()) {
    const file = fileOf(id);
    if (!file) return null; // a case the store no longer has: save after the change reaches the index
    const kept = state.kept[d]!;
    docs.push({ id, title: kept.title, kind: kept.kind, parts: kept.parts, file });
  }
  const sections = [Buffer.from(JSON.stringify({ terms: state.terms, docs }), 'utf8'), bytesOf(state.sorted), bytesOf(state.starts), bytesOf(state.packed), bytesOf(state.fieldLength)];
  const body = Buffer.concat(sections);
  const head = { format: 'casefile-search-index', version: FORMAT_VERSION, normalizer: NORMALIZER_VERSION, fields: SEARCH_FIELDS, littleEndian: true, sections: sections.map((b) => b.length), sha256: sha256(body) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`, 'utf8'), body]);
}

/** The index a file holds, with the file state each case was indexed from; null for anything that does not check out. */
export function deserializeIndex(bytes: Buffer): { index: CaseSearchIndex; files: Map<string, DocFile> } | null {
  if (!LITTLE_ENDIAN) return null;
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || newline > 4096) return null;
  let head: z.infer<typeof Head>;
  try {
    const parsed = Head.safeParse(JSON.parse(bytes.toString('utf8', 0, newline)));
    if (!parsed.success) return null;
    head = parsed.data;
  } catch {
    return null;
  }
  if (head.fields.join() !== SEARCH_FIELDS.join()) return null;
  const body = bytes.subarray(newline + 1);
  const [metaLength, sortedLength, startsLength, packedLength, lengthsLength] = head.sections as [number, number, number, number, number];
  if (metaLength + sortedLength + startsLength + packedLength + lengthsLength !== body.length) return null;
  if (sha256(body) !== head.sha256) return null;
  try {
    const meta = Meta.safeParse(JSON.parse(body.toString('utf8', 0, metaLength)));
    if (!meta.success) return null;
    let at = metaLength;
    const take = (n: number) => body.subarray(at, (at += n));
    const state: IndexState = {
      terms: meta.data.terms,
      sorted: int32s(take(sortedLength)),
      starts: int32s(take(startsLength)),
      packed: int32s(take(packedLength)),
      fieldLength: uint16s(take(lengthsLength)),
      caseIds: meta.data.docs.map((d) => d.id),
      kept: meta.data.docs.map((d) => ({ title: d.title, kind: d.kind, parts: d.parts })),
    };
    if (state.sorted.length !== state.terms.length || state.starts.length !== state.terms.length + 1) return null;
    if (state.fieldLength.length !== state.caseIds.length * SEARCH_FIELDS.length) return null;
    const index = CaseSearchIndex.fromState(state);
    return { index, files: new Map(meta.data.docs.map((d) => [d.id, d.file])) };
  } catch {
    return null;
  }
}
