import os from 'node:os';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { SearchField } from '../../../shared/model/search';
import { NORMALIZER_VERSION } from '../../../shared/text/normalize';
import { CaseSearchIndex, type IndexState } from './caseSearchIndex';
import { SEARCH_FIELDS } from './fields';

// The search index saved between sessions, so a second open answers searches
// without reading 100,000 case files. A cache like the summary index: every case
// carries the state of the file it was indexed from, the store compares that with
// its own, and what differs is indexed again. Anything that does not check out —
// another format version, another normaliser (a change to the folding rules gives
// words other forms), another field list, a checksum that fails — is a full rebuild.
//
// Layout: one line of JSON (the head, padded so the body starts 8-byte aligned),
// then the sections the in-memory index is made of, each padded to 8 bytes: case
// ids and terms (JSON arrays), then typed arrays (little-endian) — sorted term ids,
// term starts, packed postings, unpacked entries, alive flags, field lengths, the
// kept texts' offsets and bytes, and each case's file state. Loading is checking
// the CRC-32 of the body and taking views of those bytes: the index works on the
// file's own buffer, with no object per term or per entry. Saving copies the same
// arrays out a piece at a time, never repacking them. In an encrypted folder the
// whole file is sealed by the store (readDerivedFile/writeDerivedFile) under its own name.

/** 3: packed postings, kept texts and file states as binary sections, CRC-32 (2 had JSON meta and sha256). */
const FORMAT_VERSION = 3;
const ALIGN = 8;
/** The head line's bytes, newline included: fixed, so the body can be laid out before its checksum is known. */
const HEAD_BYTES = 512;
const STATE_COLUMNS = 5;
/** Bytes copied or checked between two turns of the event loop while saving or loading. */
const DEFAULT_CHUNK = 4 << 20;

const SECTIONS = ['ids', 'terms', 'sorted', 'starts', 'postings', 'extra', 'alive', 'fieldLength', 'keptOffsets', 'kept', 'files'] as const;

const Head = z.strictObject({
  format: z.literal('casefile-search-index'),
  version: z.literal(FORMAT_VERSION),
  normalizer: z.literal(NORMALIZER_VERSION),
  fields: z.array(SearchField),
  littleEndian: z.literal(true),
  sections: z.array(z.int().nonnegative()).length(SECTIONS.length),
  crc32: z.int().nonnegative(),
});

const LITTLE_ENDIAN = os.endianness() === 'LE';
const padded = (n: number) => Math.ceil(n / ALIGN) * ALIGN;
const turn = () => new Promise((resolve) => setImmediate(resolve));
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A saved index's contents, taken at one moment: nothing in it changes while it is written out. */
export type IndexSnapshot = { state: IndexState };

/**
 * The index's arrays, with each case's file state, now; null when a live case was
 * indexed without one (it cannot be checked at the next open). Cheap: copies of
 * small arrays and references to the packed ones.
 */
export function snapshotIndex(index: CaseSearchIndex): IndexSnapshot | null {
  if (!LITTLE_ENDIAN) return null; // every machine Casefile ships for is; a big-endian one just rebuilds
  const state = index.exportState();
  for (let d = 0; d < state.caseIds.length; d++) if (state.alive[d] && Number.isNaN(state.files[d * STATE_COLUMNS + 4])) return null;
  return { state };
}

/** The file's bytes for a snapshot, copied and checksummed a few megabytes per turn of the event loop. */
export async function encodeIndex({ state }: IndexSnapshot, { chunk: CHUNK } = { chunk: DEFAULT_CHUNK }): Promise<Buffer> {
  const text = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  const parts: Uint8Array[][] = [
    [text(state.caseIds)],
    [text(state.terms)],
    [bytesOf(state.sorted)],
    [bytesOf(state.starts)],
    [state.bytes],
    [bytesOf(state.extra)],
    [state.alive],
    [bytesOf(state.fieldLength)],
    [bytesOf(state.kept.offsets)],
    state.kept.chunks,
    [bytesOf(state.files)],
  ];
  const lengths = parts.map((chunks) => chunks.reduce((n, c) => n + c.length, 0));
  const bodyLength = lengths.reduce((n, l) => n + padded(l), 0);
  const file = Buffer.allocUnsafe(HEAD_BYTES + bodyLength);
  const out = file.subarray(HEAD_BYTES);
  let at = 0;
  for (const [s, chunks] of parts.entries()) {
    out.fill(0, at + lengths[s]!, at + padded(lengths[s]!)); // the padding is part of the checksum
    let to = at;
    for (const chunk of chunks) {
      for (let k = 0; k < chunk.length; k += CHUNK) {
        out.set(chunk.subarray(k, k + CHUNK), to + k);
        if (chunk.length > CHUNK) await turn();
      }
      to += chunk.length;
    }
    at += padded(lengths[s]!);
  }
  let crc = 0;
  for (let k = 0; k < out.length; k += CHUNK) {
    crc = crc32(out.subarray(k, k + CHUNK), crc);
    if (out.length > CHUNK) await turn();
  }
  const head = JSON.stringify({ format: 'casefile-search-index', version: FORMAT_VERSION, normalizer: NORMALIZER_VERSION, fields: SEARCH_FIELDS, littleEndian: true, sections: lengths, crc32: crc });
  if (head.length >= HEAD_BYTES) throw new RangeError('the search index head outgrew its line');
  file.write(`${head.padEnd(HEAD_BYTES - 1, ' ')}\n`, 0, 'latin1');
  return file;
}

/** The index a file holds, with the file state each case was indexed from; null for anything that does not check out. */
export async function decodeIndex(bytes: Buffer, options: { copy: boolean; chunk?: number }): Promise<CaseSearchIndex | null> {
  if (!LITTLE_ENDIAN) return null;
  const newline = bytes.indexOf(0x0a);
  if (newline !== HEAD_BYTES - 1) return null;
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
  if (head.sections.reduce((n, l) => n + padded(l), 0) !== body.length) return null;
  const CHUNK = options.chunk ?? DEFAULT_CHUNK;
  let crc = 0;
  for (let k = 0; k < body.length; k += CHUNK) {
    crc = crc32(body.subarray(k, k + CHUNK), crc);
    if (body.length > CHUNK) await turn();
  }
  if (crc !== head.crc32) return null;
  try {
    return fromSections(body, head.sections, options.copy);
  } catch {
    return null;
  }
}

/** A list of strings (checked by hand: zod takes ~100 ms over 190,000 terms). */
function strings(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new TypeError('not a list of strings');
  return value as string[];
}

function fromSections(body: Buffer, lengths: readonly number[], copy: boolean): CaseSearchIndex | null {
  let at = 0;
  const sections = lengths.map((length) => {
    const section = body.subarray(at, at + length);
    at += padded(length);
    return section;
  });
  const [ids, terms, sorted, starts, postings, extra, alive, fieldLength, keptOffsets, kept, files] = sections as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  // A view of the file's bytes where they are aligned (a file read whole is), else a copy.
  const view = <T>(b: Buffer, size: number, make: (buffer: ArrayBufferLike, offset: number, length: number) => T, fresh: (n: number) => T & ArrayBufferView): T => {
    if (b.length % size !== 0) throw new RangeError('a section is not whole');
    if (!copy && b.byteOffset % size === 0) return make(b.buffer, b.byteOffset, b.length / size);
    const out = fresh(b.length / size);
    bytesOf(out).set(b);
    return out;
  };
  const caseIds = strings(JSON.parse(ids.toString('utf8')));
  const state: IndexState = {
    caseIds,
    terms: strings(JSON.parse(terms.toString('utf8'))),
    sorted: view(sorted, 4, (b, o, n) => new Int32Array(b, o, n), (n) => new Int32Array(n)),
    starts: view(starts, 4, (b, o, n) => new Uint32Array(b, o, n), (n) => new Uint32Array(n)),
    bytes: view(postings, 1, (b, o, n) => new Uint8Array(b, o, n), (n) => new Uint8Array(n)),
    extra: view(extra, 4, (b, o, n) => new Int32Array(b, o, n), (n) => new Int32Array(n)),
    alive: new Uint8Array(alive), // changes as cases are edited: never the file's bytes
    fieldLength: view(fieldLength, 2, (b, o, n) => new Uint16Array(b, o, n), (n) => new Uint16Array(n)),
    kept: { offsets: view(keptOffsets, 4, (b, o, n) => new Uint32Array(b, o, n), (n) => new Uint32Array(n)), chunks: [view(kept, 1, (b, o, n) => new Uint8Array(b, o, n), (n) => new Uint8Array(n))] },
    files: view(files, 8, (b, o, n) => new Float64Array(b, o, n), (n) => new Float64Array(n)),
  };
  const docs = caseIds.length;
  if (state.sorted.length !== state.terms.length || state.starts.length !== state.terms.length + 1) return null;
  if (state.starts[state.terms.length] !== state.bytes.length || state.extra.length % 2 !== 0) return null;
  if (state.alive.length !== docs || state.fieldLength.length !== docs * SEARCH_FIELDS.length || state.files.length !== docs * STATE_COLUMNS) return null;
  if (state.kept.offsets.length !== docs + 1 || state.kept.offsets[docs] !== state.kept.chunks[0]!.length) return null;
  return CaseSearchIndex.fromState(state);
}
