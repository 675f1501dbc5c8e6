import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { z } from 'zod';
import { CaseSummary } from '../../../shared/model';
import { decryptBytes, encryptBytes } from '../crypto/envelope';
import { writeFileDurably, type DurableFs } from './durableFile';

// A compact index of every case's summary, so that opening a large archive
// lists it without parsing every case file. It is a cache, never the truth:
// each entry remembers the state of the file it was made from, and an entry that
// disagrees with the file on disk is rebuilt from the file. A missing or damaged
// index is rebuilt whole. It also remembers the state of each trashed file that
// was checked, so trashed cases are read again only when they change.

export const SUMMARY_INDEX_FILE = 'summary-index.json';

/**
 * What identifies one version of a file without reading it. mtime and size alone
 * miss an edit that keeps both (`cp -p`, `touch -r`, bit rot behind a restored
 * time); the change time cannot be set by user code and moves on every write,
 * rename into place or `utimes`, and the inode changes when a file is replaced.
 */
const FileState = z.strictObject({ mtimeMs: z.number(), size: z.int(), ctimeMs: z.number(), ino: z.number() });
export type FileState = z.infer<typeof FileState>;

const Entry = FileState.extend({ summary: CaseSummary });
export type IndexEntry = z.infer<typeof Entry>;

export const fileStateOf = (st: Stats): FileState => ({ mtimeMs: st.mtimeMs, size: st.size, ctimeMs: st.ctimeMs, ino: st.ino });

export const sameFile = (a: FileState, b: FileState): boolean => a.mtimeMs === b.mtimeMs && a.size === b.size && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** Raise when CaseSummary or the layout changes: an index of another version is rebuilt from the case files. */
const INDEX_VERSION = 3;

// The file is one JSON object whose head has a fixed length, so the checksum can
// cover the raw bytes after it, checked before anything is parsed:
//   {"format":"casefile-summary-index","version":3,"sha256":"<64 hex>","trash":{…},"entries":{…}}
// sha256 is over everything between the comma after the checksum and the final "}".
const HEAD = `{"format":"casefile-summary-index","version":${INDEX_VERSION},"sha256":"`;
const BODY_START = HEAD.length + 64 + 2; // the digest, then `",`

const IndexFile = z.strictObject({
  format: z.literal('casefile-summary-index'),
  version: z.literal(INDEX_VERSION),
  sha256: z.string(),
  trash: z.record(z.string(), FileState),
  entries: z.record(z.string(), z.unknown()),
});

export type SummaryIndex = { cases: Map<string, IndexEntry>; trash: Map<string, FileState> };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Whether the head is this version's and the checksum over the body holds. */
function checkedBody(bytes: Buffer, sealed: boolean): boolean {
  if (bytes.length < BODY_START + 1 || bytes[bytes.length - 1] !== 0x7d /* } */) return false;
  if (bytes.toString('latin1', 0, HEAD.length) !== HEAD) return false;
  if (sealed) return true; // the envelope already proved every byte
  return bytes.toString('latin1', HEAD.length, HEAD.length + 64) === sha256(bytes.subarray(BODY_START, bytes.length - 1));
}

/**
 * Reads the index. Only this module writes it, from summaries of validated cases;
 * a file whose checksum (or, in an encrypted folder, whose envelope, bound to its
 * own name) holds is trusted whole, which spares zod-validating 10,000 summaries on
 * every open. The checksum is over the raw bytes, so a damaged or hand-edited file
 * is turned away before it is parsed. Anything else is ignored and rebuilt.
 */
export async function loadSummaryIndex(file: string, dataKey?: Buffer): Promise<SummaryIndex> {
  const empty = (): SummaryIndex => ({ cases: new Map(), trash: new Map() });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
    if (dataKey) bytes = decryptBytes(dataKey, bytes, SUMMARY_INDEX_FILE);
  } catch {
    return empty(); // missing, unreadable, or an envelope that will not open
  }
  try {
    if (!checkedBody(bytes, dataKey !== undefined)) return empty();
    const parsed = IndexFile.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success) return empty();
    return { cases: new Map(Object.entries(parsed.data.entries as Record<string, IndexEntry>)), trash: new Map(Object.entries(parsed.data.trash)) };
  } catch {
    return empty();
  } finally {
    if (dataKey) bytes.fill(0);
  }
}

/** The live cases' entries only (see loadSummaryIndex). */
export async function readSummaryIndex(file: string, _fs?: DurableFs, dataKey?: Buffer): Promise<Map<string, IndexEntry>> {
  return (await loadSummaryIndex(file, dataKey)).cases;
}

// Entries are never changed in place (the store makes a new one per save), so each
// is serialised once: rewriting the index after one save costs a join, not a
// JSON.stringify of every summary. (Entries read at open are serialised at the
// first write, which comes when saves pause, not while the user waits for the list.)
const serialized = new WeakMap<IndexEntry, string>();

function entryJson(entry: IndexEntry): string {
  let json = serialized.get(entry);
  if (json === undefined) serialized.set(entry, (json = JSON.stringify(entry)));
  return json;
}

/** The index's bytes (plain): head, checksum, body. */
export function summaryIndexText(index: SummaryIndex): string {
  const parts: string[] = [];
  for (const [id, state] of index.trash) parts.push(`${JSON.stringify(id)}:${JSON.stringify(state)}`);
  const trash = parts.join(',');
  parts.length = 0;
  for (const [id, entry] of index.cases) parts.push(`${JSON.stringify(id)}:${entryJson(entry)}`);
  const body = `"trash":{${trash}},"entries":{${parts.join(',')}}`;
  return `${HEAD}${sha256(Buffer.from(body, 'utf8'))}",${body}}`;
}

export async function writeSummaryIndex(file: string, index: SummaryIndex | Map<string, IndexEntry>, fs?: DurableFs, dataKey?: Buffer): Promise<void> {
  const whole = index instanceof Map ? { cases: index, trash: new Map<string, FileState>() } : index;
  const text = summaryIndexText(whole);
  await writeFileDurably(file, dataKey ? encryptBytes(dataKey, text, SUMMARY_INDEX_FILE) : text, fs);
}
