import type { CaseFile } from '../../../shared/model';
import type { SearchField } from '../../../shared/model/search';
import { SHORT_FIELDS, markedFieldParts } from './fields';
import type { Kept } from './indexTypes';

// What the index keeps of each case to complete a hit without reading it (title,
// kind, the short fields' texts), by document number. As objects, 100,000 of them
// held ~150 MB of heap and took seconds to create at a load; here each is a short
// JSON array in one UTF-8 buffer, decoded only for a hit that quotes it. The
// buffer a saved index was read from is used as it is (`base`); cases indexed
// since are appended to a second buffer.

type Encoded = [string, Kept['kind'], ...(null | (string | [string, 1])[])[]];

const SHORT = [...SHORT_FIELDS];
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function encodeKept(k: Kept): Uint8Array {
  const fields = SHORT.map((f) => k.parts[f]?.map((p) => (p.confidential ? ([p.text, 1] as [string, 1]) : p.text)) ?? null);
  return encoder.encode(JSON.stringify([k.title, k.kind, ...fields]));
}

/** What the index keeps of a case, encoded: on the main thread or in a worker of the build, the same bytes. */
export function keptBytes(c: CaseFile): Uint8Array {
  const parts: Kept['parts'] = {};
  for (const field of SHORT_FIELDS) parts[field] = markedFieldParts(c, field);
  return encodeKept({ title: c.title, kind: c.kind, parts });
}

function decodeKept(bytes: Uint8Array): Kept {
  const [title, kind, ...fields] = JSON.parse(decoder.decode(bytes)) as Encoded;
  const parts: Kept['parts'] = {};
  SHORT.forEach((f: SearchField, i) => {
    const list = fields[i];
    if (list) parts[f] = list.map((p) => (typeof p === 'string' ? { text: p, confidential: false } : { text: p[0], confidential: true }));
  });
  return { title, kind, parts };
}

export class KeptTable {
  /** Documents 0 .. baseCount - 1: base[baseOffsets[d] .. baseOffsets[d + 1]). */
  private base: Uint8Array = new Uint8Array(0);
  private baseOffsets: Uint32Array = new Uint32Array(1);
  /** Documents from baseCount on, appended in order. */
  private tail = new Uint8Array(1 << 16);
  private tailUsed = 0;
  private tailOffsets: number[] = [0];

  /** A table over saved bytes (`offsets` has one more entry than there are documents). */
  static over(offsets: Uint32Array, bytes: Uint8Array): KeptTable {
    const t = new KeptTable();
    t.base = bytes;
    t.baseOffsets = offsets;
    return t;
  }

  get count(): number {
    return this.baseOffsets.length - 1 + this.tailOffsets.length - 1;
  }

  /** Adds the next document's, encoded by keptBytes (documents come in order). */
  pushBytes(bytes: Uint8Array): void {
    if (this.tailUsed + bytes.length > this.tail.length) {
      const bigger = new Uint8Array(Math.max(this.tail.length * 2, this.tailUsed + bytes.length));
      bigger.set(this.tail.subarray(0, this.tailUsed));
      this.tail = bigger;
    }
    this.tail.set(bytes, this.tailUsed);
    this.tailUsed += bytes.length;
    this.tailOffsets.push(this.tailUsed);
  }

  private bytesOf(doc: number): Uint8Array | undefined {
    const baseCount = this.baseOffsets.length - 1;
    if (doc < baseCount) return this.base.subarray(this.baseOffsets[doc]!, this.baseOffsets[doc + 1]!);
    const t = doc - baseCount;
    if (t + 1 >= this.tailOffsets.length) return undefined;
    return this.tail.subarray(this.tailOffsets[t]!, this.tailOffsets[t + 1]!);
  }

  get(doc: number): Kept | undefined {
    const bytes = this.bytesOf(doc);
    return bytes ? decodeKept(bytes) : undefined;
  }

  /** The table of the documents `newDoc` keeps (newDoc[old] ≥ 0, in order). */
  remap(newDoc: Int32Array): KeptTable {
    const next = new KeptTable();
    for (let d = 0; d < newDoc.length; d++) if (newDoc[d]! >= 0) next.pushBytes(this.bytesOf(d)!);
    return next;
  }

  /** For a saved index: the offsets of every document, and the bytes they point into, in two pieces. */
  exportState(): { offsets: Uint32Array; chunks: Uint8Array[] } {
    const baseCount = this.baseOffsets.length - 1;
    const baseLength = this.baseOffsets[baseCount]!;
    const offsets = new Uint32Array(this.count + 1);
    offsets.set(this.baseOffsets);
    for (let t = 1; t < this.tailOffsets.length; t++) offsets[baseCount + t] = baseLength + this.tailOffsets[t]!;
    return { offsets, chunks: [this.base.subarray(0, baseLength), this.tail.subarray(0, this.tailUsed)] };
  }
}
